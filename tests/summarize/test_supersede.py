"""Pending statuses ("No arrests have yet been made") that a later report overtakes."""

from __future__ import annotations

from crosswire.embed import TfidfEmbedder
from crosswire.summarize import Summarizer
from crosswire.summarize.features import build_table
from crosswire.summarize.supersede import (
    overtaken_pairs,
    overtaking,
    pending_event,
    pending_status,
    reports,
    superseded,
)
from tests.summarize.conftest import make_story


def test_pending_statuses_name_their_event() -> None:
    assert pending_event("No arrests have yet been made in the Orvale riot.") == {"arrest"}
    assert pending_event("The driver has not yet been identified, police said.") == {"identifi"}
    assert pending_event("No one has been charged in the fire.") == {"charg"}
    assert pending_event("The harbour board has yet to respond.") == {"respond"}
    assert pending_event("Four demonstrators were arrested on Friday.") == frozenset()
    assert pending_event("The pier has not reopened since March.") == {"reopen"}
    assert pending_event("The reporter had not yet asked the mayor.") == frozenset()  # the story's past
    assert pending_event("That is a choice we have yet to make.") == frozenset()  # a light verb, no noun


def test_a_report_holds_the_event_and_is_no_pending_status_itself() -> None:
    event = pending_event("No arrests have yet been made.")
    assert reports("Four demonstrators were arrested on Friday.", event)
    assert not reports("No arrests have been made so far.", event)
    assert not reports("The march went on peacefully.", event)
    assert reports("Police made four arrests.", event)  # a counted noun
    assert not reports("Marchers called for the leaders to be arrested.", event)


def test_a_status_about_one_thing_is_not_overtaken_by_news_of_another() -> None:
    texts = ["Veen has not been charged in the harbour fire.", "Veen was charged with trespassing in July."]
    assert superseded(texts, ["", ""]) == [False, False]
    texts[1] = "Veen was charged on Friday with setting the harbour fire."
    assert superseded(texts, ["", ""]) == [True, False]


def test_only_a_same_day_or_later_report_supersedes() -> None:
    texts = ["No arrests have yet been made.", "Four demonstrators were arrested."]
    assert superseded(texts, ["2026-05-01", "2026-05-02"]) == [True, False]
    assert superseded(texts, ["2026-05-01", "2026-05-01"]) == [True, False]
    assert superseded(texts, ["2026-05-03", "2026-05-02"]) == [False, False]  # the arrests came before
    assert superseded(texts, ["", ""]) == [True, False]  # undated: same-dated


EARLY = (
    "Protesters marched through central Orvale on Monday after the harbour closure.\n\n"
    "The march ended at the town hall in the evening.\n\n"
    "No arrests have yet been made, a police spokesman said."
)
LATER = (
    "Police in Orvale arrested four demonstrators on Tuesday after Monday's harbour march.\n\n"
    "The four were charged with blocking the harbour road.\n\n"
    "They were released on bail later in the day."
)


def test_a_superseded_status_is_never_printed() -> None:
    story = make_story(EARLY, LATER, dates=("2026-05-04", "2026-05-05"))
    table = build_table(story, TfidfEmbedder())
    pairs = overtaking(table, [s.text for s in table.sentences], None)
    assert pairs is not None
    found = [
        (table.sentences[r].text[:20], table.sentences[p].text[:20])
        for r, p in zip(*pairs.nonzero(), strict=True)
    ]
    assert found == [("Police in Orvale arr", "No arrests have yet ")]
    assert overtaking(table, ["The pier closed."] * table.size, None) is None
    for supersede, printed in ((True, False), (False, True)):
        brief = Summarizer(words=200, embedder=TfidfEmbedder(), supersede=supersede).summarize(story)
        assert any("No arrests" in s.text for s in brief.sentences) is printed


def test_overtaken_pairs_are_every_pair_reports_accepts() -> None:
    """The pairs found with the per-text shortcuts are those ``reports`` accepts one pair at a time."""
    texts = [
        "No arrests have yet been made in the Orvale riot.",
        "Four demonstrators were arrested in Orvale on Friday.",
        "Police called for the leaders to be arrested.",
        "The driver has not yet been identified, police said.",
        "The driver was identified as Mara Tenn, 41.",
        "No one has been charged with the fire at the Orvale pier.",
        "Two men were charged on Sunday with starting the fire at the pier.",
        "A man was charged with theft in another town.",
        "Police made 12 arrests after the match.",
        "The harbour board has yet to respond.",
    ]
    days = ["2025-03-02", "2025-03-03", "", "2025-03-01", "2025-02-28", "", "2025-03-05", "", "", ""]
    expected = [
        (r, p)
        for p, text in enumerate(texts)
        if (status := pending_status(text)) is not None
        for r in range(len(texts))
        if r != p and (not days[p] or not days[r] or days[r] >= days[p]) and reports(texts[r], status)
    ]
    assert overtaken_pairs(texts, days) == expected
    # Reports found, and a report of an earlier day overtakes nothing.
    assert (1, 0) in expected and (6, 5) in expected and (4, 3) not in expected
