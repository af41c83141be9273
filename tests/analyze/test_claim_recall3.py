"""Claim recall, S15: criticism told inside a speaker's words with no accusing verb (a wrong word
told of a named party), on invented stories; and the quotes that accuse nobody."""

from __future__ import annotations

from crosswire.analyze.claims import Claim, extract_claims
from crosswire.analyze.context import build_context
from crosswire.analyze.entities import extract_entities
from crosswire.analyze.quotes import extract_quotes
from crosswire.embed import default_embedder
from crosswire.model import Article, Story
from crosswire.segment import segment_story


def _claims(*texts: str) -> tuple[Claim, ...]:
    articles = tuple(Article(id=f"a{i}", title="", text=text) for i, text in enumerate(texts, 1))
    story = segment_story(Story(id="s", headline="Invented story", articles=articles))
    ctx = build_context(story, default_embedder())
    entities = extract_entities(ctx)
    return extract_claims(ctx, entities, extract_quotes(ctx, entities))


def _against(claims: tuple[Claim, ...], accused_words: str) -> list[Claim]:
    return [c for c in claims if c.accused and accused_words in c.accused]


def test_a_wrong_told_of_a_party_in_reported_speech_accuses_it_not_the_sentence_s_subject() -> None:
    found = _claims(
        "A search of the Tarrow depot stalled last spring when the crooked Dellow contractor lied to "
        "local inspectors, officials said.\n\nThe depot reopened in June."
    )
    lied = _against(found, "contractor")
    assert lied, found
    assert lied[0].claimant is not None and "officials" in lied[0].claimant
    assert not _against(found, "search")


def test_a_wrong_noun_owned_by_a_party_in_a_quote_accuses_that_party() -> None:
    found = _claims(
        "Wells in Tarrow were shut on Monday after tests found lead in the water.\n\n"
        '"This is the fraud of the Varn Water Board, and nothing else," said Mara Lind, who lives '
        "near the plant."
    )
    fraud = _against(found, "Varn Water Board")
    assert fraud, found
    assert fraud[0].claimant is not None and "Lind" in fraud[0].claimant


def test_a_party_in_a_modifier_of_a_quote_that_tells_no_wrong_of_it_is_not_accused() -> None:
    found = _claims(
        "Sales at the Tarrow market rose in May.\n\n"
        '"The former Dellow council chairman made a mistake in his own shop once, but sales are up," '
        "said Mara Lind, who runs a stall."
    )
    assert not _against(found, "Dellow"), found


def test_a_judgment_the_writer_makes_of_a_named_party_is_a_claim_with_no_claimant() -> None:
    found = _claims(
        "The mood in Varnland is grim, where a reckless and incompetent government has passed a tax on "
        "bread overnight.\n\nBakers closed their shops on Tuesday."
    )
    judged = _against(found, "government")
    assert judged, found
    assert judged[0].claimant is None


def test_a_judgment_of_people_at_large_or_in_scare_quotes_accuses_no_party() -> None:
    found = _claims(
        "The delay bought time for corrupt officials to move the workshop out of Tarrow.\n\n"
        "It also bought time for the “corrupt clerks” of the Tarrow registry to leave."
    )
    assert not _against(found, "officials"), found
    assert not _against(found, "clerks"), found
