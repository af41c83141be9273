"""Error classes found on the analysis benchmark's eleventh held-out group (issue 18), one test each, on
invented text. docs/analysis-errors.md ("Eleventh held-out group") maps each class to its test."""

from __future__ import annotations

from spacy.tokens import Span

from crosswire.analyze.context import load_nlp
from crosswire.analyze.entity_mentions import Mention, _datelined_places, _mention_of, _split_list
from tests.analyze.test_error_classes import _analyse, _inferred_publication
from tests.analyze.test_heldout10_errors import _mentions_in

# ----------------------------------------------------------------------------- claims


def test_a_wrong_in_a_condition_accuses_no_one() -> None:
    analysis = _analyse(
        "Video director Ivo Kessler says the team had a plan for how to help if something went wrong.\n\n"
        "Kessler says the stunt took all afternoon."
    )
    assert not analysis.claims, [(c.claimant, c.accused, c.statement) for c in analysis.claims]


def test_a_counterfactual_wrong_does_not_accuse_its_subject() -> None:
    analysis = _analyse(
        "A lawsuit filed Monday by 10 families claims Dana Voss would not have been able to kill 26 people in "
        "five minutes without his rifle.\n\n"
        "The lawsuit against rifle maker Drummond was filed in state court."
    )
    accused = [c.accused for c in analysis.claims]
    assert "Dana Voss" not in accused, accused
    assert "Drummond" in accused, accused


def test_the_plaintiff_of_a_represented_lawsuit_is_the_client_not_the_reporting_paper() -> None:
    analysis = _analyse(
        "The Tarsk Times has confirmed that the action involves Ivo Kessler, a lawyer who three years ago "
        "represented the Mott family in their unsuccessful lawsuit against Velm Live, a concert promoter."
    )
    pairs = [(c.claimant, c.accused) for c in analysis.claims]
    assert pairs and all(claimant != "Tarsk Times" for claimant, _ in pairs), pairs
    assert any(claimant and "Mott" in claimant for claimant, _ in pairs), pairs


# ----------------------------------------------------------------------------- entities


def test_a_name_a_company_noun_stands_beside_is_a_company() -> None:
    analysis = _analyse(
        "The families sued gun manufacturer Drummond on Monday.\n\n"
        "The lawsuit says Drummond knew the risk. Drummond did not respond. Lawyers for the families said "
        "Drummond, the Ohio-based manufacturer of the rifle, sold it anyway."
    )
    kinds = {e.name: e.kind for e in analysis.entities}
    assert kinds.get("Drummond") == "organization", kinds


def test_a_plural_possessive_before_a_person_is_the_employer_and_the_person() -> None:
    analysis = _analyse(
        "The interview was with Tarsk News’ Mira Volkov, who asked about the fund.\n\n"
        "Mira Volkov said the fund was closed. Volkov spoke to Tarsk News’ Mira Volkov again."
    )
    names = {e.name: e.kind for e in analysis.entities}
    assert names.get("Tarsk News") == "organization" and names.get("Mira Volkov") == "person", names
    from crosswire.analyze.entity_mentions import _possessors_of_people

    body = [Mention("Veterans’ Affairs Office", "ORG", "a1", 0, 24), Mention("Ann Roe", "PERSON", "a1", 30, 37)]
    assert _possessors_of_people(body) == body


def test_two_names_joined_by_and_are_two_people() -> None:
    doc = load_nlp()("So do George and Marie, and so does Marie Senn and her friend.")
    people = Span(doc, 2, 5, label="PERSON")
    assert [part for part, _, _ in _split_list(people)] == ["George", "Marie"]
    one = Span(doc, 9, 11, label="PERSON")
    assert [part for part, _, _ in _split_list(one)] == ["Marie Senn"]


def test_a_name_followed_by_its_state_is_a_place_in_every_mention() -> None:
    text = (
        "Parents of victims of the 2012 shooting in Elmbrook, Connecticut, will sue on Monday. "
        "A lawsuit filed by 10 Elmbrook families claims the maker knew."
    )
    mentions, ctx = _mentions_in(text, {"Elmbrook": "PERSON"})
    assert {m.label for m in _datelined_places(mentions, ctx)} == {"GPE"}
    person = "A letter from Ann Roe, Texas Republican, was read. Ann Roe spoke."
    mentions, ctx = _mentions_in(person, {"Ann Roe": "PERSON"})
    assert {m.label for m in _datelined_places(mentions, ctx)} == {"PERSON"}


def test_a_model_code_names_a_thing_not_a_body() -> None:
    doc = load_nlp()("He used a Drummond AR-15 and a K-9 unit came; the G-20 met.")
    assert _mention_of("Drummond AR-15", "ORG", "a1", 10, 24, doc) is None
    assert _mention_of("K-9", "ORG", "a1", 31, 34, doc) is None
    assert _mention_of("G-20", "ORG", "a1", 46, 50, doc) is not None


# ----------------------------------------------------------------------------- timeline


def test_a_date_after_a_photo_credit_is_the_captions_not_an_event() -> None:
    analysis = _analyse(
        "Velm ‘It Is The Way’: Dana Voss’s Answer To The Charges CREDIT: AP Photo/Ann Roe Dana Voss performs "
        "at the Opal Theater in Tarsk on Jan. 17, 2015.\n\n"
        "Dana Voss spoke on Friday about the charges against him in an interview with Mira Volkov."
    )
    events = [(e.date, e.description) for e in analysis.timeline]
    assert not any("Opal Theater" in d for _, d in events), events


def test_a_credited_caption_in_the_text_does_not_date_the_page() -> None:
    caption = (
        "Velm Answer CREDIT: AP Photo/Ann Roe Dana Voss performs at the Opal Theater in Tarsk on Jan. 17, 2015.\n\n"
        "Dana Voss spoke on Friday about the charges against him."
    )
    assert _inferred_publication(caption) is None
    told = "Dana Voss spoke on Friday, Jan. 16, 2015, about the charges against him."
    assert _inferred_publication(told) == "2015-01-16"


def test_failing_to_come_back_is_a_mishap_not_a_wrong() -> None:
    # found on heldout11 (164) after h-claims5's party nouns: "family members" accused of not returning
    analysis = _analyse(
        "Two men went swimming off Orvale beach on Tuesday evening, police said.\n\n"
        "After failing to return later, family members called the coast guard, police said.",
        "The audit of the Orvale ferry company was published on Tuesday.\n\n"
        "The company failed to report the losses to the board, the auditors said.",
    )
    statements = [c.statement for c in analysis.claims]
    assert not any("failing to return" in s for s in statements), statements
    assert any("failed to report" in s for s in statements), statements  # a duty failed is still a wrong
