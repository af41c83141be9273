"""Error classes found on the analysis benchmark's ninth held-out group (issue 18), one test each, on
invented text. docs/analysis-errors.md ("Ninth held-out group") maps each class to its test."""

from __future__ import annotations

from crosswire.analyze.numbers import find_quantities
from tests.analyze.test_error_classes import _analyse, _inferred_publication

# ----------------------------------------------------------------------------- claims


def test_a_clause_before_a_denial_is_no_claim_the_denial_answers() -> None:
    analysis = _analyse(
        "Comedian Lia Brandt mocked the minister on her show in Tarsk on Monday.\n\n"
        "“Here's the deal: Volkov denies any current ties to the spy service, so you know it must be true,” "
        "Brandt said."
    )
    assert not any(c.statement.startswith("Here's the deal") for c in analysis.claims)


def test_the_denied_clause_after_the_verb_is_the_claim_not_the_sentence_before_it() -> None:
    analysis = _analyse(
        "Velm's mayor was convicted last month of fraud in Tarsk.\n\n"
        # a photo caption run into the next sentence by the page, as cleaning leaves it
        "Her sister, Lena Marr (L) and brother Ivo Marr speak during a press conference in Velm, 2014 As well "
        "as posting an image online in which she holds up a sign, Ada Voss denied that her former partner was "
        "abandoning his defence of her."
    )
    statements = [c.statement for c in analysis.claims]
    assert not any(s.startswith("Her sister, Lena Marr") for s in statements)
    # the denied clause tells of her partner: the one who denies is not its accused
    assert not any("partner" in c.statement and c.accused == "Ada Voss" for c in analysis.claims)


# ----------------------------------------------------------------------------- timeline


def test_an_embedded_post_s_signature_date_is_the_page_s_day_not_a_floor_for_its_weekdays() -> None:
    text = (
        "A judge in Velm on Wednesday afternoon set no bond for Dana Roe, charged in the death of her son.\n\n"
        "The boy was last seen on Saturday evening, and his mother reported him missing on Sunday.\n\n"
        "His grandmother spoke after the hearing. pic.twitter.com/x1y2z3 — Ann Roe (@AnnRoeTV) September 5, 2018\n\n"
        "Police found the boy's body late Tuesday afternoon."
    )
    assert _inferred_publication(text) == "2018-09-05"  # the Wednesday: Saturday and Sunday are past


def test_a_year_naming_a_thing_ahead_of_the_page_does_not_date_a_past_clause() -> None:
    analysis = _analyse(
        "Talk show host Ivo Senn flew to Tarsk last month, where he appeared on a rival host's show.\n\n"
        "Senn took the opportunity to announce his bid for the 2020 presidential election, and the crowd cheered.\n\n"
        "Senn also recalled how he covered the 2016 election for his network.",
        published=["2017-07-18"],
    )
    dates = {e.date for e in analysis.timeline}
    assert "2020" not in dates
    assert "2016" in dates  # a year behind the page still dates its event


# ----------------------------------------------------------------------------- quotes


def test_the_question_a_speaker_was_asked_is_not_his_reported_speech() -> None:
    analysis = _analyse(
        "Ivo Senn spoke to a Tarsk television station on Monday about the night of the fire.\n\n"
        "When asked how he reconciled that behavior with his alibi, Senn said, \"I don't have any answers.\"\n\n"
        "Senn told reporters how he pushed open the door of the burning house."
    )
    texts = [q.text for q in analysis.quotes]
    assert not any(t.startswith("how he reconciled") for t in texts)
    assert any("pushed open the door" in t for t in texts)  # "told ... how" is what he said


# ----------------------------------------------------------------------------- figures


def test_a_station_s_call_letters_and_number_are_a_name_not_a_count() -> None:
    text = "Relatives gathered at the scene.\nFOX 13's Ada Lind reports that 40 volunteers searched the park."
    numbers = [q.text for q in find_quantities(text)]
    assert numbers == ["40"]


# ----------------------------------------------------------------------------- entities


def test_a_capitalised_family_word_is_no_person() -> None:
    analysis = _analyse(
        "Ivo Senn, 15, of Tarsk built a sensor for his grandfather, who has Alzheimer's disease.\n\n"
        "“I will never forget seeing Grandfather in his pajamas on the freeway,” Senn says.\n\n"
        "The sensor lets his aunt sleep without worrying about Grandfather, Senn said."
    )
    people = {e.name for e in analysis.entities if e.kind == "person"}
    assert "Ivo Senn" in people
    assert "Grandfather" not in people


def test_a_participle_after_a_contact_clause_is_the_main_subject_s_speech() -> None:
    analysis = _analyse(
        "Mayor Ada Lind spoke in Tarsk on Monday about the port.\n\n"
        "Lind also tied her demands to the Velm council's harbor deal, a pact her office dropped earlier "
        "this year, falsely claiming in another post that “the council gave Velm 40 million and got nothing.”"
    )
    speakers = {q.speaker for q in analysis.quotes if "got nothing" in q.text}
    assert speakers == {"Ada Lind"}
