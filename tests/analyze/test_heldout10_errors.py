"""Error classes found on the analysis benchmark's tenth held-out group (issue 18), one test each, on
invented text. docs/analysis-errors.md ("Tenth held-out group") maps each class to its test."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from crosswire.analyze.claim_rules import priced_charge
from crosswire.analyze.context import load_nlp
from crosswire.analyze.entity_mentions import Mention, _with_name_s
from tests.analyze.test_error_classes import _analyse

# ----------------------------------------------------------------------------- claims


def test_working_for_no_charge_accuses_no_one() -> None:
    analysis = _analyse(
        "“They’re happy, and I’m happy for them,” said Brill, who worked for no charge in getting the Mollers "
        "released and declared innocent.\n\n"
        "Tamm, serving a 25-year sentence on a theft charge, has maintained his innocence and also is being "
        "represented by Brill, who phoned the Mollers with news of the state payments."
    )
    statements = [c.statement for c in analysis.claims]
    assert not any("no charge" in s for s in statements), statements


@pytest.mark.parametrize(
    ("sentence", "waived"),
    [
        ("The lawyer worked for no charge on the case.", True),
        ("The museum lets children in free of charge.", True),
        ("Tamm is serving a sentence on a theft charge.", False),
        ("He was held for a week on no charge at all, his lawyer said.", False),
    ],
)
def test_a_waived_fee_is_no_charge_against_anyone(sentence: str, waived: bool) -> None:
    doc = load_nlp()(sentence)
    charge = next(t for t in doc if t.lemma_.lower() == "charge")
    assert priced_charge(charge) is waived


# ----------------------------------------------------------------------------- entities


def _mentions_in(text: str, labels: dict[str, str]) -> tuple[list[Mention], SimpleNamespace]:
    """Mentions of each ``name`` (cleaned, as the tagger's) at every place it stands in ``text``."""
    found = []
    for name, label in labels.items():
        start = 0
        while (at := text.find(name, start)) >= 0:
            start = at + len(name)
            if text[at + len(name) : at + len(name) + 1].isalpha():
                continue
            found.append(Mention(name, label, "a1", at, at + len(name)))
    return found, SimpleNamespace(docs={"a1": load_nlp()(text)})


def test_a_possessive_of_a_place_tagged_as_an_organisation_is_no_part_of_its_name() -> None:
    text = "Tarvik’s plan to move is old. The mine on Tarvik’s border grew, and Tarvik may sink."
    mentions, ctx = _mentions_in(text, {"Tarvik": "ORG"})
    mentions[-1] = Mention("Tarvik", "GPE", "a1", mentions[-1].start, mentions[-1].end)
    assert {m.text for m in _with_name_s(mentions, ctx)} == {"Tarvik"}
    brand = "Vossberg’s opened a shop. Vossberg’s sells coffee."
    mentions, ctx = _mentions_in(brand, {"Vossberg": "ORG"})
    assert {m.text for m in _with_name_s(mentions, ctx)} == {"Vossberg’s"}


# ----------------------------------------------------------------------------- timeline


def test_a_year_in_a_present_relative_clause_on_the_speaker_dates_nothing() -> None:
    analysis = _analyse(
        "Dana Voss, a rancher in Velm, spoke to reporters on Saturday about the grazing fees he has not paid "
        "for two decades.\n\n"
        '"His remarks on race are offensive and I wholeheartedly disagree with him," said the Tarsk senator, '
        "who's considering a 2016 presidential run.\n\n"
        "Voss said the senator, who won the 2012 election, had once backed him."
    )
    dates = {e.date for e in analysis.timeline}
    assert "2016" not in dates, [(e.date, e.description) for e in analysis.timeline]
    assert "2012" in dates, [(e.date, e.description) for e in analysis.timeline]


def test_a_refusal_to_condemn_in_scare_quotes_accuses_no_one() -> None:
    analysis = _analyse(
        "Dana Voss, a rancher in Velm, spoke again on Thursday about his remarks on race.\n\n"
        "Regarding the attention his initial comments have since received, Voss said he won’t “condemn” "
        "the media, adding it has led to a conversation."
    )
    statements = [c.statement for c in analysis.claims]
    assert not any("condemn" in s for s in statements), statements


def test_a_link_to_another_story_inside_an_article_is_no_claim() -> None:
    analysis = _analyse(
        "Dana Voss, a rancher in Velm, spoke to reporters on Friday about race. Fox News host Ivo Tamm ripped "
        'what he called the "ignorant, racist, repugnant, despicable comments."\n\n'
        "Senator Ada Brill, who originally supported Voss's case, issued a statement Thursday decrying Voss's "
        "racial comments.\n\n"
        '"His remarks on race are offensive and I wholeheartedly disagree with him," said the Tarsk Republican.\n\n'
        "Politicians denounce Voss's racist remarks\n\n"
        "On Thursday, in an exclusive interview with Ada Kell, Voss was asked to elaborate on his remarks."
    )
    statements = [c.statement for c in analysis.claims]
    assert not any(s.startswith("Politicians denounce") for s in statements), statements


def test_the_victim_of_an_alleged_killing_is_not_the_accused() -> None:
    analysis = _analyse(
        "Mara Senn mourned the death of her 19-year-old son, Ivo Senn, who was allegedly killed because he "
        "was wearing the wrong color shoes. Ada Kell reports for the Velm News.\n\n"
        "Three men identified by police as gang members and a woman were arrested in the shooting death of a "
        "19-year-old man.\n\n"
        "Ivo Senn's mother Mara Senn, who was with him when he was shot, said she has visited the cemetery daily."
    )
    accused = [(c.accused, c.statement[:40]) for c in analysis.claims if "allegedly killed" in c.statement]
    assert not any(a and "Senn" in a for a, _ in accused), accused


# ----------------------------------------------------------------------------- entities, fixed later


def test_a_family_named_by_its_surname_is_people_not_an_organisation() -> None:
    from crosswire.analyze.entities import build_entities

    entities = build_entities(
        [
            Mention("Dan Kestrel", "PERSON", "a1", 0, 11),
            Mention("Fran Kestrel", "PERSON", "a1", 20, 32),
            Mention("Kestrels", "ORG", "a1", 60, 68),
            Mention("Kestrels", "ORG", "a1", 90, 98),
        ]
    )
    kinds = {e.name: e.kind for e in entities}
    assert kinds.get("Kestrels") == "person", kinds
    assert kinds.get("Dan Kestrel") == "person" and kinds.get("Fran Kestrel") == "person", kinds


def test_a_datelined_city_is_a_place_in_every_mention() -> None:
    from crosswire.analyze.entity_mentions import _datelined_places

    text = "VELMORE, Texas -- The couple spoke on Monday.\nThey sold their Velmore home in May."
    mentions, ctx = _mentions_in(text, {"VELMORE": "GPE", "Velmore": "PERSON"})
    assert {(m.text, m.label) for m in _datelined_places(mentions, ctx)} == {("VELMORE", "GPE"), ("Velmore", "GPE")}
    undated = "VELMORE was the word on the sign.\nThey met Velmore in May."
    mentions, ctx = _mentions_in(undated, {"VELMORE": "GPE", "Velmore": "PERSON"})
    assert ("Velmore", "PERSON") in {(m.text, m.label) for m in _datelined_places(mentions, ctx)}


def _illness_story(text: str, names: dict[str, str]) -> tuple[list[Mention], SimpleNamespace]:
    mentions, ctx = _mentions_in(text, names)
    ctx.story = SimpleNamespace(articles=(SimpleNamespace(id="a1"),))
    ctx.on_topic = lambda _article_id: True
    return mentions, ctx


def test_an_illness_and_its_initialism_are_no_entities_in_a_story_of_illness() -> None:
    from crosswire.analyze.entity_mentions import _without_illnesses

    text = (
        "Doctors in Marlow said the boy had Dunmore Valley Fever, and DVF symptoms can be mistaken for flu. "
        "Patients are usually diagnosed late, said Ana Ruiz."
    )
    names = {"Dunmore Valley Fever": "ORG", "DVF": "ORG", "Ana Ruiz": "PERSON", "Marlow": "GPE"}
    mentions, ctx = _illness_story(text, names)
    assert {m.text for m in _without_illnesses(mentions, ctx)} == {"Ana Ruiz", "Marlow"}
    sport = "The Marlow Fever beat the Sparks 80-71 on Sunday, and Ana Ruiz scored 20."
    mentions, ctx = _illness_story(sport, {"Marlow Fever": "ORG", "Ana Ruiz": "PERSON"})
    assert {m.text for m in _without_illnesses(mentions, ctx)} == {"Marlow Fever", "Ana Ruiz"}
