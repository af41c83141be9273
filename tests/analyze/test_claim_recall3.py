"""Claim recall, S15: criticism told inside a speaker's words with no accusing verb (a wrong word
told of a named party), on invented stories; and the quotes that accuse nobody."""

from __future__ import annotations

from tests.analyze.conftest import claims_against, story_claims


def test_a_wrong_told_of_a_party_in_reported_speech_accuses_it_not_the_sentence_s_subject() -> None:
    found = story_claims(
        "A search of the Tarrow depot stalled last spring when the crooked Dellow contractor lied to "
        "local inspectors, officials said.\n\nThe depot reopened in June."
    )
    lied = claims_against(found, "contractor")
    assert lied, found
    assert lied[0].claimant is not None and "officials" in lied[0].claimant
    assert not claims_against(found, "search")


def test_a_wrong_noun_owned_by_a_party_in_a_quote_accuses_that_party() -> None:
    found = story_claims(
        "Wells in Tarrow were shut on Monday after tests found lead in the water.\n\n"
        '"This is the fraud of the Varn Water Board, and nothing else," said Mara Lind, who lives '
        "near the plant."
    )
    fraud = claims_against(found, "Varn Water Board")
    assert fraud, found
    assert fraud[0].claimant is not None and "Lind" in fraud[0].claimant


def test_a_party_in_a_modifier_of_a_quote_that_tells_no_wrong_of_it_is_not_accused() -> None:
    found = story_claims(
        "Sales at the Tarrow market rose in May.\n\n"
        '"The former Dellow council chairman made a mistake in his own shop once, but sales are up," '
        "said Mara Lind, who runs a stall."
    )
    assert not claims_against(found, "Dellow"), found


def test_a_judgment_the_writer_makes_of_a_named_party_is_a_claim_with_no_claimant() -> None:
    found = story_claims(
        "The mood in Varnland is grim, where a reckless and incompetent government has passed a tax on "
        "bread overnight.\n\nBakers closed their shops on Tuesday."
    )
    judged = claims_against(found, "government")
    assert judged, found
    assert judged[0].claimant is None


def test_a_judgment_of_people_at_large_or_in_scare_quotes_accuses_no_party() -> None:
    found = story_claims(
        "The delay bought time for corrupt officials to move the workshop out of Tarrow.\n\n"
        "It also bought time for the “corrupt clerks” of the Tarrow registry to leave."
    )
    assert not claims_against(found, "officials"), found
    assert not claims_against(found, "clerks"), found
