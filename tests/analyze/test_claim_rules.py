"""Claims read from the parse: "allegedly", a charge "against" a party, the accused side's answers
(the accused, their lawyer, a counter-accusation), on invented stories."""

from __future__ import annotations

import pytest

from crosswire.analyze import claim_answers as claims_module
from crosswire.analyze.claim_rules import accusing_word, priced_charge
from crosswire.analyze.claims import Claim
from crosswire.analyze.context import build_context, load_nlp
from crosswire.embed import default_embedder
from crosswire.model import Article, Story
from crosswire.segment import segment_story
from tests.analyze.conftest import claims_against, story_claims


@pytest.fixture(scope="module")
def arson() -> tuple[Claim, ...]:
    return story_claims(
        "A warehouse in Tarrow burned down on Saturday night.\n\n"
        "Police said the fire was set by Dario Venn, who allegedly poured petrol through a window of the "
        "warehouse.\n\n"
        "Venn was arrested on Sunday and charged with arson.\n\n"
        "Venn's attorney, Lena Hoff, said on Monday that Venn plans to plead not guilty.",
        "The owner of the warehouse, the Korrel Freight Company, has filed a lawsuit against Dario Venn, "
        "court records show.\n\n"
        "The Tarrow council did not file a complaint against the company.\n\n"
        "She also allegedly found a letter in the ruins.",
    )


def test_allegedly_makes_its_subject_the_accused(arson: tuple[Claim, ...]) -> None:
    alleged = [c for c in claims_against(arson, "Venn") if "allegedly poured" in c.statement]
    assert alleged, arson
    assert alleged[0].claimant is None or "Police" in alleged[0].claimant


def test_a_lawsuit_against_a_party_accuses_it() -> None:
    found = story_claims(
        "The Korrel Freight Company has filed a lawsuit against Dario Venn over the fire at its Tarrow "
        "warehouse, court records show.\n\nThe warehouse burned down on Saturday night."
    )
    suits = [c for c in claims_against(found, "Venn") if "lawsuit" in c.statement]
    assert suits, found
    assert suits[0].claimant is not None and "Korrel" in suits[0].claimant


def test_no_claim_from_a_negated_complaint_or_an_unclear_allegedly(arson: tuple[Claim, ...]) -> None:
    assert not [c for c in arson if "did not file" in c.statement]
    assert not [c for c in arson if "found a letter" in c.statement]


def test_the_lawyers_denial_answers_the_charge_against_the_client(arson: tuple[Claim, ...]) -> None:
    denials = [
        (claim, counter)
        for claim in claims_against(arson, "Venn")
        for counter in claim.counters
        if counter.kind == "denial" and "not guilty" in counter.statement
    ]
    assert denials, arson
    claim, counter = denials[0]
    assert counter.party is not None and "Hoff" in counter.party
    assert claim.accused is not None and "Venn" in claim.accused  # not the lawyer


def test_did_nothing_wrong_is_a_denial_linked_to_the_claim_against_the_speaker() -> None:
    found = story_claims(
        "The Orvale chess federation said Tomas Brekk had broken its rules by using a phone during a game.\n\n"
        "\u201cI did nothing wrong, and I will prove it,\u201d Brekk said on Friday."
    )
    answered = [c for c in claims_against(found, "Brekk") if any(k.kind == "denial" for k in c.counters)]
    assert answered, found
    assert all(k.party != answered[0].claimant for k in answered[0].counters)


def test_a_counter_accusation_by_the_accused_answers_the_claim_against_them() -> None:
    found = story_claims(
        "Prosecutors in Vessa charged Ilan Marsk with fraud in March.\n\n"
        "In a letter published on Tuesday, Marsk says that the judges ignored evidence that would have "
        "cleared him."
    )
    against = claims_against(found, "Marsk")
    assert against, found
    answers = [k for c in against for k in c.counters if k.party and "Marsk" in k.party]
    assert answers and any("ignored evidence" in k.statement for k in answers), found


def test_accusation_answers_are_kept_on_the_parse_not_by_object_id() -> None:
    story = segment_story(
        Story(
            id="s",
            headline="x",
            articles=(Article(id="a1", title="", text="The mayor accused the firm of fraud."),),
        )
    )
    ctx = build_context(story, default_embedder())
    sentence = ctx.sentences_of("a1")[0]
    assert claims_module._accuses(ctx, "a1", sentence)
    assert (sentence.start, sentence.text) in ctx.docs["a1"].user_data[claims_module._ACCUSES_KEY]
    assert not hasattr(claims_module, "_ACCUSES")


def test_a_capital_that_only_starts_the_sentence_names_no_party() -> None:
    from crosswire.analyze.claims import party_like

    assert not party_like("Fresh attempts")
    assert not party_like("Several towns")
    assert party_like("Pageant officials") and party_like("Geraldine Alcorn") and party_like("Ben-Zvi")
    assert party_like("A former Pittsburgh teacher") and party_like("the judges")


def test_criticizing_a_partys_work_accuses_the_party() -> None:
    found = story_claims(
        "The flood at Tarrow killed two people in March.\n\n"
        "In her new book, Ada Morrow criticized the Kelby Institute's report on the flood."
    )
    criticized = [c for c in claims_against(found, "Kelby") if "criticized" in c.statement]
    assert criticized, found
    assert criticized[0].claimant is not None and "Morrow" in criticized[0].claimant


def test_a_party_called_naive_or_said_to_kidnap_is_accused() -> None:
    found = story_claims(
        "Senator Ada Morrow said on Sunday that Governor Lena Hoff's speech on the floods was naive.\n\n"
        '"Reports said Korrin guards kidnapped two farmers," the Velm Rights Network said in a statement.\n\n'
        "Dario Venn is a 2010 Tarrow Criminal Justice Academy graduate, his coach Erik Sund said."
    )
    naive = [c for c in claims_against(found, "Hoff") if "naive" in c.statement]
    assert naive and naive[0].claimant is not None and "Morrow" in naive[0].claimant, found
    kidnap = [c for c in found if "kidnapped" in c.statement]
    assert kidnap and kidnap[0].claimant is not None and "Network" in kidnap[0].claimant, found
    assert not claims_against(found, "Venn"), found


def test_attacking_a_party_for_a_reason_or_a_sides_tactic_is_a_criticism() -> None:
    found = story_claims(
        "Members of the Velm Forum attacked Korrin Radio for supporting the new dam at Tarrow.\n\n"
        "Ada Morrow did criticize one major Republican tactic of the campaign.\n\n"
        "Rebels attacked the convoy near Tarrow on Friday."
    )
    assert any("supporting" in c.statement for c in claims_against(found, "Korrin")), found
    assert any("tactic" in c.statement for c in claims_against(found, "Republican")), found
    assert not [c for c in found if "convoy" in c.statement], found


def test_the_agent_of_a_wrong_told_in_the_passive_is_accused() -> None:
    found = story_claims(
        "Defence minister Ada Morrow says that forty of her guards have been killed by Korrin rebels since March.\n\n"
        "The Velm ministry says that forty of its guards have been honoured by Korrin elders."
    )
    killed = [c for c in claims_against(found, "Korrin") if "killed" in c.statement]
    assert killed and killed[0].claimant is not None and "Morrow" in killed[0].claimant, found
    assert not [c for c in found if "honoured" in c.statement], found


def test_claiming_an_act_done_to_a_named_party_is_a_claim_against_it() -> None:
    found = story_claims(
        "An 'online investigation team' claimed to unmask Dario Venn as the author of the Tarrow posts.\n\n"
        "Venn denied being the author."
    )
    unmasked = [c for c in claims_against(found, "Venn") if "unmask" in c.statement]
    assert unmasked, found
    assert unmasked[0].claimant is not None and "'" not in unmasked[0].claimant, found


@pytest.mark.parametrize(
    ("sentence", "priced"),
    [
        ("They charged their customers $6,000 for a visa.", True),
        ("The clinic charged each patient €200 a visit.", True),
        ("He was charged with stealing $6,000 from the club.", False),
        ("Prosecutors charged the driver with manslaughter.", False),
    ],
)
def test_charge_with_money_as_its_object_asks_a_price(sentence: str, priced: bool) -> None:
    doc = load_nlp()(sentence)
    charge = next(t for t in doc if t.lemma_.lower() == "charge")
    assert priced_charge(charge) is priced
    # the one accusation test both the claims and the statements read
    assert accusing_word(charge, frozenset({"charge"})) is not priced
    assert not accusing_word(charge, frozenset({"accuse"}))
