"""Regression tests for the error classes read on the third held-out group and on unannotated
validation stories (issue 18, precision on first sight), each on invented text."""

from __future__ import annotations

from crosswire.analyze.claims import party_like
from crosswire.model import Claim, StoryAnalysis
from tests.analyze.test_error_classes import _analyse


def _claims_with(analysis: StoryAnalysis, words: str) -> list[Claim]:
    return [c for c in analysis.claims if words in c.statement]


# ----------------------------------------------------------------------------- claims


def test_a_duty_is_no_claim_of_responsibility() -> None:
    analysis = _analyse(
        "General Maren Holt leads the air exercise over Tarsk this week.\n\n"
        "\u201cThe air wing is responsible for every operation in the air and in space,\u201d the general said.\n\n"
        "The exercise ends on Friday."
    )
    assert not _claims_with(analysis, "responsible for every operation")


def test_blame_with_be_responsible_for_a_harm_is_still_a_claim() -> None:
    analysis = _analyse(
        "The Kelby Liberation Front said on Monday that it was responsible for the bombing of the "
        "Tarsk rail depot.\n\nNobody else has spoken about the blast."
    )
    assert _claims_with(analysis, "responsible for the bombing")


def test_a_thing_is_no_accused_party() -> None:
    assert not party_like("one major Kelby tactic")
    assert not party_like("A car bomb")
    assert not party_like("whose Tarsk Report site")
    assert not party_like("his 1966 bestseller \u201cRush")
    assert party_like("Security forces") and party_like("the studio") and party_like("Dana Voss")


def test_the_victim_in_the_subject_s_own_phrase_is_not_accused() -> None:
    analysis = _analyse(
        "A 9-year-old boy wounded by a gunman who killed his teacher at a Kelby school was recovering "
        "on Wednesday, his family said.\n\nThe school reopened on Friday."
    )
    assert not [c for c in analysis.claims if c.accused and "boy" in c.accused]


def test_a_fake_name_disputes_nothing() -> None:
    analysis = _analyse(
        "Prosecutors allege that Tomas Brandt stole photographs from the mayor's phone.\n\n"
        "Brandt then opened an email account under a fake name and gave false and misleading statements "
        "to the police, the indictment states.\n\nThe mayor thanked the police."
    )
    disputes = [k for c in analysis.claims for k in c.counters if k.kind == "dispute"]
    assert not disputes


def test_the_one_who_pleads_not_guilty_is_the_denier_not_the_speaker() -> None:
    analysis = _analyse(
        "Ilse Marr faces two counts of obstruction of justice in Kelby.\n\n"
        "Marr pleaded not guilty before a magistrate on Thursday, authorities said."
    )
    [claim] = _claims_with(analysis, "faces two counts")
    assert claim.accused and claim.accused.endswith("Marr")
    assert [k.party for k in claim.counters] == [claim.accused]


def test_a_denial_does_not_answer_a_claim_against_someone_else() -> None:
    analysis = _analyse(
        "Tomas Brandt was charged with two counts of cyberstalking on Tuesday.\n\n"
        "The mayor Dana Voss condemned the distribution of the photographs.\n\n"
        "Ilse Marr pleaded not guilty to a charge of obstruction, her lawyer said."
    )
    for claim in analysis.claims:
        if any(k.party and k.party.endswith("Marr") for k in claim.counters):
            assert claim.accused and claim.accused.endswith("Marr")


def test_claims_against_two_parties_are_not_merged_into_one() -> None:
    analysis = _analyse(
        "Tomas Brandt was indicted on two counts of cyberstalking, prosecutors said.\n\n"
        "Ilse Marr was indicted on two counts of obstruction of justice, prosecutors said.",
        "Tomas Brandt was charged with cyberstalking.\n\nIlse Marr was charged with obstruction of justice.",
    )
    accused = {(c.accused or "").split()[-1] for c in analysis.claims if c.accused}
    assert {"Brandt", "Marr"} <= accused


def test_an_outlet_reporting_a_charge_is_not_the_accuser() -> None:
    analysis = _analyse(
        "KXTV reports that Ilse Marr was charged with criminal trespassing in late July.\n\n"
        "She was sentenced to a year in jail."
    )
    [claim] = _claims_with(analysis, "charged with criminal trespassing")
    assert claim.accused and claim.accused.endswith("Marr") and claim.claimant is None


def test_the_accused_s_own_name_is_not_the_claimant() -> None:
    analysis = _analyse(
        "Former aides indicted for leaking photographs of the Kelby mayor\n\n"
        "Two former aides of the Kelby mayor have been indicted for leaking photographs of her family."
    )
    for claim in analysis.claims:
        assert not (claim.claimant and claim.accused and "aides" in claim.claimant and "aides" in claim.accused)


def test_a_tribute_is_no_claim_a_denial_answers() -> None:
    analysis = _analyse(
        "Oskar Lind, the lawyer, died on Tuesday at his home in Kelby.\n\n"
        "\u201cHe always believed in the power of people to stand up for their rights,\u201d a tribute on "
        "his website said.\n\n"
        "Lind always maintained his innocence in the Tarsk land case."
    )
    assert not _claims_with(analysis, "always believed")


def test_an_accusation_a_law_forbids_is_made_by_nobody() -> None:
    analysis = _analyse(
        "President Ilse Marr signed a law on Tuesday making it illegal to blame the Kelby nation for the famine.\n\n"
        "Critics said the law would chill historians."
    )
    assert not _claims_with(analysis, "illegal to blame")


def test_the_believer_accuses_not_the_one_believed_by_the_outlet() -> None:
    analysis = _analyse(
        "The Kelby Courier said police believe that the suspect Tomas Brandt had tried to steal a car on Sunday.\n\n"
        "Brandt was arrested on Monday."
    )
    for claim in _claims_with(analysis, "police believe"):
        assert claim.accused != "police"


# ----------------------------------------------------------------------------- figures


def test_versions_formulas_and_numbered_names_are_not_figures() -> None:
    from crosswire.analyze.numbers import find_quantities

    assert not find_quantities("Kelby introduced its \u201c2.0\u201d line and the Kelby 2.0 brewer.")
    assert not find_quantities("The cell turns CO 2 and H 2 O into fuel on Cu 2 O.")
    assert not find_quantities("She told NewsChannel 15 she was sorry.")
    assert [q.text for q in find_quantities("Prices rose 2.0 percent.")] == ["2.0 percent"]


def test_pounds_are_a_weight_unless_money_is_spoken_of() -> None:
    from crosswire.analyze.numbers import find_quantities

    [weight] = find_quantities("She lost a lot of weight, dropping to just 80 pounds.")
    [money] = find_quantities("He was fined 80 pounds by the court.")
    assert weight.unit == "lb" and money.unit == "GBP"


# ----------------------------------------------------------------------------- entities


def test_a_company_s_suffix_makes_every_mention_of_it_a_company() -> None:
    analysis = _analyse(
        "Brewster Kane Inc. on Wednesday cut its guidance for the year.\n\n"
        "Brewster Kane said sales of its brewers fell 23 percent, and Brewster Kane shares fell."
    )
    kinds = {e.kind for e in analysis.entities if e.name.startswith("Brewster Kane")}
    assert kinds == {"organization"}


def test_names_inside_a_foreign_quotation_are_not_entities() -> None:
    analysis = _analyse(
        "The Kelby chain describes its new sandwich as \u201cSaftiges Schweinefleisch mit Speck, knackiger "
        "Eisbergsalat, rote Zwiebeln und die w\u00fcrzige Honig Senf-Sauce f\u00fcr dich\u201d on its website.\n\n"
        "The sandwich is sold in Tarsk for a limited time."
    )
    names = {e.name for e in analysis.entities}
    assert not names & {"Zwiebeln", "Honig Senf-Sauce", "Eisbergsalat", "Schweinefleisch"}


def test_a_name_written_with_its_s_every_time_keeps_it() -> None:
    analysis = _analyse(
        "MacTarsk's doesn't often change its menu, but MacTarsk's just did.\n\n"
        "The new sandwich joins the menu at MacTarsk's restaurants across Tarsk today."
    )
    names = {e.name for e in analysis.entities}
    assert "MacTarsk" not in names and "MacTarsk's" in names
