"""The rest of issue 18's error classes, one regression test each, on invented text.

The first half is in test_error_classes.py; docs/analysis-errors.md maps every class to its test.
"""

from __future__ import annotations

from crosswire.analyze.numbers import find_quantities
from crosswire.model import StoryAnalysis
from tests.analyze.test_error_classes import _analyse, _speaker_of

# ----------------------------------------------------------------------------- quotes


def test_a_protest_chant_is_not_a_named_person_s_words() -> None:
    analysis = _analyse(
        "Student leader Mira Okafor led the march through central Lisk on Saturday.\n\n"
        "Protesters chanted \u201cNo more fees, no more lies\u201d as they passed the ministry.\n\n"
        "\u201cWe will be back every week until the vote,\u201d Okafor said."
    )
    assert not any("no more lies" in q.text.lower() and "Okafor" in q.speaker for q in analysis.quotes)
    assert _speaker_of(analysis, "back every week") == "Mira Okafor"


def test_time_phrases_and_stock_phrases_are_not_quotes() -> None:
    analysis = _analyse(
        "The mayor Oskar Lind said the plan had \u201ca large majority\u201d behind it.\n\n"
        "Lind called the attackers \u201cterrorists\u201d and said the vote was \u201cLast week\u201d in Tarsk."
    )
    texts = [q.text.strip(" .,\u201c\u201d").lower() for q in analysis.quotes]
    assert not any(t in {"a large majority", "large majority", "terrorists", "last week"} for t in texts)


def test_an_event_or_a_thing_is_not_a_speaker() -> None:
    analysis = _analyse(
        "The incident showed that the old gate could not hold back a flood, the engineers said.\n\n"
        "The report says the dam at Ostby was last inspected in 2009."
    )
    assert all(q.speaker.strip() for q in analysis.quotes)
    assert not any(q.speaker.lower() in {"the incident", "incident"} for q in analysis.quotes)


def test_a_tv_show_title_is_not_a_quote() -> None:
    analysis = _analyse(
        "The comedian Rafa Sole appeared on \u201cLate Night with Tom Brill\u201d on Tuesday.\n\n"
        "\u201cI have never been this nervous on a stage,\u201d Sole said."
    )
    assert not any("Late Night" in q.text for q in analysis.quotes)


def test_a_report_s_words_go_to_the_group_that_wrote_it() -> None:
    analysis = _analyse(
        "Fighters of the Red Banner group seized the town of Ostrel in June.\n\n"
        "The rights group Civic Watch called the army's response \u201ca shameful failure to protect "
        "civilians\u201d in a report on Wednesday."
    )
    assert "Civic Watch" in _speaker_of(analysis, "shameful failure")


# ----------------------------------------------------------------------------- figures


def _conflicts(analysis: StoryAnalysis) -> list[tuple[str, ...]]:
    return [g.values for g in analysis.figures if g.status == "conflict"]


def test_a_share_surge_and_a_stake_do_not_conflict() -> None:
    analysis = _analyse(
        "Shares of Orlen Motors surged 18% on Monday after the takeover news.",
        "Kelby Capital now holds a 25% stake in Orlen Motors, the filing showed.",
    )
    assert analysis.figures and not _conflicts(analysis)


def test_counts_in_two_cities_do_not_conflict() -> None:
    analysis = _analyse(
        "Police in Tarsk counted 40 tents in the park on Sunday.",
        "In Lisk, protesters pitched 120 tents outside city hall on Sunday.",
    )
    assert analysis.figures and not _conflicts(analysis)


def test_nominations_and_origins_do_not_conflict() -> None:
    analysis = _analyse(
        "The film about the fossil hunters earned 6 nominations at the Lumen Awards.",
        "The documentary traces 3 origins of the feathered dinosaurs found near Osk.",
    )
    assert analysis.figures and not _conflicts(analysis)


def test_networks_named_by_number_words_are_not_figures() -> None:
    text = "The interview aired on Ten and Nine on Sunday night, the networks said."
    assert not [q for q in find_quantities(text) if q.value in (9, 10)]


def test_a_time_word_is_not_a_figure_s_label() -> None:
    analysis = _analyse(
        "Officials said 300 full-time jobs would go at the plant in Kelby.",
        "The plant in Kelby will cut 300 full-time jobs, the union said.",
    )
    labels = [g.counts.lower() for g in analysis.figures]
    assert labels and not any(label.startswith("time") for label in labels)


# ----------------------------------------------------------------------------- claims


def test_a_denial_beside_the_claim_is_its_counter() -> None:
    analysis = _analyse(
        "Prosecutors say Hugo Varga killed his business partner in Lisk in 2001.\n\n"
        "Varga has steadfastly maintained his innocence.",
        "Prosecutors allege that Hugo Varga killed his business partner.\n\n"
        "\u201cI am not guilty,\u201d Varga told the court.",
    )
    claims = [c for c in analysis.claims if "killed" in c.statement]
    assert claims and any(counter.kind == "denial" for c in claims for counter in c.counters)


def test_a_lawsuit_s_allegations_are_a_claim() -> None:
    analysis = _analyse(
        "A lawsuit filed on Monday alleges that Kelby Foods fired Ana Bel for reporting unsafe ovens.\n\n"
        "Kelby Foods said it would fight the suit."
    )
    claims = [c for c in analysis.claims if "fired" in c.statement]
    assert claims and claims[0].accused and "Kelby Foods" in claims[0].accused


def test_it_wasn_t_a_scam_answers_the_scam() -> None:
    analysis = _analyse(
        "Senator Ruth Alder said the charity run by Omar Vell was a scam.\n\n"
        "\u201cIt wasn't a scam,\u201d Vell said on Tuesday."
    )
    claims = [c for c in analysis.claims if "scam" in c.statement]
    assert claims and any("wasn't a scam" in counter.statement for c in claims for counter in c.counters)


# ----------------------------------------------------------------------------- timeline


def test_today_on_a_protest_sign_is_not_an_event() -> None:
    analysis = _analyse(
        "Protesters marched in Tarsk on Monday. One sign read \u201cJustice today, not tomorrow\u201d.",
        published=["2014-06-24"],
    )
    assert not any("sign" in e.description for e in analysis.timeline)
    assert any("marched" in e.description for e in analysis.timeline)


def test_a_posting_note_is_not_an_event() -> None:
    analysis = _analyse(
        "Posted: Monday, June 23, 2014\n\n"
        "The Tarsk council voted last weekend to close the harbour road."
    )
    assert not any(e.description.startswith("Posted") for e in analysis.timeline)
    assert any("harbour road" in e.description for e in analysis.timeline)
    assert all(not e.date.startswith("2014-05") for e in analysis.timeline)


# ----------------------------------------------------------------------------- entities


def _kinds(analysis: StoryAnalysis) -> dict[str, str]:
    return {e.name: e.kind for e in analysis.entities}


def test_things_named_like_people_are_not_people() -> None:
    analysis = _analyse(
        "Visitors lined up to see Stan, a Tyrannosaurus rex skeleton, at the museum in Kelby.\n\n"
        "The museum's director Ana Bel said Stan would stay in Kelby until June."
    )
    kinds = _kinds(analysis)
    assert kinds.get("Ana Bel") == "person" and kinds.get("Stan") != "person"


def test_a_city_in_capitals_is_a_place() -> None:
    analysis = _analyse(
        "DENVER (Reuters) - The city council voted on Monday to close the river road.\n\n"
        "Residents said the road had flooded twice this spring."
    )
    assert _kinds(analysis).get("DENVER", "place") == "place"


def test_a_long_agency_name_is_one_entity() -> None:
    analysis = _analyse(
        "The Securities and Exchange Commission charged the fund manager Ivo Marr on Monday.\n\n"
        "The Securities and Exchange Commission said Marr had misled investors."
    )
    names = set(_kinds(analysis))
    assert "Exchange Commission" not in names and "Securities" not in names


def test_a_date_after_a_name_is_not_part_of_it() -> None:
    analysis = _analyse(
        "The comedian Rafa Sole said his new special will air on Comedy Central October 29th.\n\n"
        "Comedy Central confirmed the date on Monday."
    )
    names = set(_kinds(analysis))
    assert "Comedy Central" in names and not any("October" in name for name in names)


def test_two_people_run_together_are_two_entities() -> None:
    from crosswire.analyze.entities import Mention, build_entities

    entities = build_entities(
        [
            Mention("Ivo Marr Dana Voss", "ORG", "a1", 13, 31),
            Mention("Ivo Marr", "PERSON", "a2", 0, 8),
            Mention("Dana Voss", "PERSON", "a2", 30, 39),
        ]
    )
    assert sorted((e.name, e.kind, e.mentions) for e in entities) == [
        ("Dana Voss", "person", 2),
        ("Ivo Marr", "person", 2),
    ]


def test_page_words_are_not_entities() -> None:
    analysis = _analyse(
        "Download the report as a PDF. Contact Customer Support for help.\n\n"
        "The Tarsk council voted on Monday to close the harbour road."
    )
    names = {name.lower() for name in _kinds(analysis)}
    assert "pdf" not in names and "customer support" not in names


def test_a_movement_is_not_absorbed_by_its_city_branch() -> None:
    from crosswire.analyze.entities import Mention, build_entities

    entities = build_entities(
        [
            Mention("Occupy Kelby", "ORG", "a1", 0, 12),
            Mention("Occupy", "ORG", "a1", 60, 66),
            Mention("Occupy", "ORG", "a2", 10, 16),
            Mention("Kelby", "GPE", "a2", 30, 35),
        ]
    )
    assert sorted(e.name for e in entities if e.kind == "organization") == ["Occupy", "Occupy Kelby"]
