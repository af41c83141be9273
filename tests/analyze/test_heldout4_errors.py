"""Regression tests for the error classes read on the fourth held-out group (issue 18, precision on
first sight; bench/analysis/README.md), each on invented text."""

from __future__ import annotations

from crosswire.model import StoryAnalysis
from tests.analyze.test_error_classes import _analyse


def _entity(analysis: StoryAnalysis, name: str) -> list[tuple[str, str]]:
    return [(e.name, e.kind) for e in analysis.entities if name in (e.name, *e.aliases)]


# ----------------------------------------------------------------------------- timeline


def test_a_source_and_time_stamp_is_no_event() -> None:
    analysis = _analyse(
        "Tarsk Daily Online 09:25, November 27, 2012\n\n"
        "The Kelby council voted on November 20, 2012 to close the harbour road."
    )
    assert not any("09:25" in e.description for e in analysis.timeline)
    assert any("harbour road" in e.description for e in analysis.timeline)


# ----------------------------------------------------------------------------- entities


def test_words_run_together_across_a_quote_mark_are_no_name() -> None:
    analysis = _analyse(
        "\u201cDIY: How To Make Eyeliner Out of Old Pencils!\u201dGET THIS VIDEO TO 100,000 likes!\n\n"
        "The blogger Dana Voss posted the video on Monday, and Dana Voss says it is safe."
    )
    assert not [e for e in analysis.entities if "!" in e.name or "\u201d" in e.name]


def test_a_name_after_a_person_s_role_noun_is_a_person() -> None:
    analysis = _analyse(
        "The stunning decision, coming after a push by former quarterback Ravi Tolen backed by organized "
        "labor, has the potential to shake up the world of big-time college sports.\n\n"
        "The league said it would appeal."
    )
    assert _entity(analysis, "Ravi Tolen") == [("Ravi Tolen", "person")]
    married = _analyse(
        "While Dana Voss and her husband Brek Colter are said to be heading for divorce, the couple was seen "
        "out on Sunday.\n\nThe two married in August."
    )
    assert _entity(married, "Brek Colter") == [("Brek Colter", "person")]


def test_the_company_a_person_leads_or_was_fired_from_is_an_organisation() -> None:
    analysis = _analyse(
        "Colin Marsh, the CEO and co-founder of Quizlo Trivia, has died, police said.\n\n"
        "Marsh was named CEO of Quizlo Trivia in 2018. He had previously been fired from Flitter after he "
        "was found to be a bad manager, and he worked for a period at Flitter."
    )
    assert _entity(analysis, "Quizlo Trivia") == [("Quizlo Trivia", "organization")]
    assert _entity(analysis, "Flitter") == [("Flitter", "organization")]


# ----------------------------------------------------------------------------- figures


def test_an_amount_in_revenue_is_not_the_valuation() -> None:
    analysis = _analyse(
        "Quizlo is preparing to launch a new game show.\n\n"
        "Quizlo expects to do more than $10 million in revenue this year, according to sources, but has "
        "also taken millions in venture funding and has a $100 million valuation.\n\n"
        "The show drew 580,000 players on Sunday."
    )
    grouped = [g for g in analysis.figures if len(g.values) > 1 and g.unit == "USD"]
    assert not grouped, [(g.counts, g.values) for g in grouped]
    assert any(g.counts.startswith("revenue") for g in analysis.figures)


def test_an_age_told_as_dead_at_or_in_the_next_sentence_is_the_person_s_age() -> None:
    analysis = _analyse(
        "Colin Marsh, a tech executive who co-founded the Quizlo app, has died. He was 35.\n\n"
        "Police found him at his Kelby flat on Sunday.",
        "Quizlo Trivia CEO Colin Marsh Dead at 34 Apparent Drug OD\n\n"
        "Colin Marsh, the chief executive of Quizlo, has died, police sources said on Sunday.",
    )
    ages = [g for g in analysis.figures if g.category == "age"]
    assert [(g.counts, g.values, g.status) for g in ages] == [("age of Colin Marsh", ("35", "34"), "conflict")]
    assert not [e for e in analysis.entities if e.name.endswith("Dead")]


def test_a_top_ten_list_is_a_list_s_name_not_a_count() -> None:
    from crosswire.analyze.numbers import find_quantities

    texts = ["In January, Quizlo was in the top 10 list of most downloaded games.", "It spent weeks in the Top 40."]
    assert [q.text for t in texts for q in find_quantities(t)] == []
    assert [q.value for q in find_quantities("The top 10 players earned 3 million dollars.")][:1] == [10]


# ----------------------------------------------------------------------------- quotes


def test_a_negated_speech_verb_reports_nothing_said() -> None:
    analysis = _analyse(
        "Art supply company Pencora is warning against the advice of beauty bloggers.\n\n"
        "PENCORA was not involved in the making of this video, they didn't tell me to use colored pencils "
        "as eyeliner, and they didn't give me permission to, so this video is purely my own."
    )
    assert not [q for q in analysis.quotes if "not involved" in q.text]


def test_a_relative_pronoun_is_no_speaker() -> None:
    analysis = _analyse(
        "Then came the complaint. Shortly after a decision to swap CEOs had been made, an employee filed a "
        "formal complaint with HR against Tomas Brandt for what was described by one source as "
        "\u201cinappropriate and unprofessional\u201d management behavior.\n\n"
        "Brandt has since apologized."
    )
    assert not [q for q in analysis.quotes if q.speaker.lower() in ("what", "which", "that")]


def test_a_possessor_in_every_mention_of_a_name_is_part_of_it() -> None:
    analysis = _analyse(
        "The Onion fooled the People's Daily Online, the official newspaper of Kelby's ruling party.\n\n"
        "Another photo from People's Daily shows the leader smiling, and the People's Daily ran 55 of them."
    )
    assert [e.name for e in analysis.entities if "Daily" in e.name] == ["People's Daily Online"]
