from __future__ import annotations

import pytest

from crosswire.contracts import is_subsequence, span_tokens
from crosswire.summarize.compress import Compressor, compress


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("ORVALE (AP) — The bridge collapsed on Monday night.", "The bridge collapsed on Monday night."),
        (
            "(Northern Wire) — Rescue crews worked until dawn on Tuesday.",
            "Rescue crews worked until dawn on Tuesday.",
        ),
        ("ORVALE, Del. _ The ferry ran late all week.", "The ferry ran late all week."),  # LDC newswire dash
        (
            "ORVALE The ferry ran late all week.",
            "The ferry ran late all week.",
        ),  # a dateline without its dash
        ("PORT ORVALE, Del. A ferry ran late all week.", "A ferry ran late all week."),
        ("NTSB investigators said the ferry ran late.", "NTSB investigators said the ferry ran late."),
        (
            "FERRY WOES A WINTER TALE as the pier stays shut.",
            "FERRY WOES A WINTER TALE as the pier stays shut.",
        ),
        ("However, the bakery stayed open all night.", "The bakery stayed open all night."),
        ("But rescuers kept searching the river.", "Rescuers kept searching the river."),
        ("So far, in 2016, the ferry ran 4,000 trips.", "So far, in 2016, the ferry ran 4,000 trips."),
        ("So the ferry stopped running at night.", "The ferry stopped running at night."),
        ("Still more ferries were ordered in May.", "Still more ferries were ordered in May."),
        ("Lauren \u00adBacall rode the ferry.", "Lauren Bacall rode the ferry."),  # a soft hyphen
        ("The bridge (built in 1962) had been due for repairs.", "The bridge had been due for repairs."),
        (
            "- The council voted to rebuild the pier.",
            "The council voted to rebuild the pier.",
        ),  # list bullets
        ("\u2022 Ferries will run every hour.", "Ferries will run every hour."),
        # page leftovers (an update stamp, a video player's close button) and a dateline's lone dash
        ("Updated | The ferry ran late all week.", "The ferry ran late all week."),
        ("CLOSE Divers searched the river below the bridge.", "Divers searched the river below the bridge."),
        ("Update: The ferry resumed service at noon.", "The ferry resumed service at noon."),
        ("UPDATE 3:45 p.m.: Divers found the hull.", "Divers found the hull."),
        (  # a form's field label, set off by a spaced colon
            "Redacted passage : The inspector met the contractor twice.",
            "The inspector met the contractor twice.",
        ),
        ("The verdict: the pier must close.", "The verdict: the pier must close."),  # no label
        ("The pier will close for a month… 9.", "The pier will close for a month…"),  # next item's number
        ('The mayor said: "We will rebuild the pier." 4.', 'The mayor said: "We will rebuild the pier."'),
        ("The ferry left at 9.", "The ferry left at 9."),
        ("The ferry sank on Sept. 9.", "The ferry sank on Sept. 9."),  # an abbreviation's period
        ("The pier was ranked No. 3.", "The pier was ranked No. 3."),
        (
            "\u2014 For years, the pier had been due for repairs.",
            "For years, the pier had been due for repairs.",
        ),
        ("CLOSE ties to the mayor helped the contractor.", "CLOSE ties to the mayor helped the contractor."),
        (
            "-5 degrees was the coldest reading.",
            "-5 degrees was the coldest reading.",
        ),  # a sign, not a bullet
    ],
)
def test_rules_shorten_and_fix_capitalisation(original: str, expected: str) -> None:
    assert compress(original) == expected


def test_compressed_text_is_a_token_subsequence_of_the_original() -> None:
    originals = [
        "ORVALE (AP) — However, the mayor (a former engineer) said the bridge would be rebuilt.",
        "Meanwhile, the river rose two metres overnight, according to the county water office.",
        "Ordinary sentences pass through unchanged.",
    ]
    compressor = Compressor(attribution_tails=True)
    for original in originals:
        result = compressor.compress(original)
        assert is_subsequence(span_tokens(result), span_tokens(original))
        assert result[0].isupper()


def test_page_leftovers_rule_can_be_switched_off() -> None:
    text = "Updated | The ferry ran late all week."
    assert Compressor(page_leftovers=False).compress(text) == text
    assert Compressor().compress(text) == "The ferry ran late all week."


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        (
            "The ferry captain did not ?mislead the harbour board.",
            "The ferry captain did not mislead the harbour board.",
        ),
        (
            "?Those are the tide tables, the harbour master said.",
            "Those are the tide tables, the harbour master said.",
        ),
        (
            '"?We need a second ferry," the mayor of Orvale said.',
            '"We need a second ferry," the mayor of Orvale said.',
        ),
        ("The harbour master: \ufffd?I will not resign.", "The harbour master: I will not resign."),
    ],
)
def test_a_stray_question_mark_from_the_source_encoding_is_dropped(original: str, expected: str) -> None:
    assert compress(original) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Will the ferry run? The council meets on Monday to decide.",
        '"Will the ferry run?" the mayor asked the council.',
        "Why now?Nobody at the harbour would say.",  # a real question glued to the next sentence
        "The timetable sits at orvale.example/ferry?day=monday for now.",
    ],
)
def test_a_real_question_mark_is_kept(text: str) -> None:
    assert compress(text) == text


def test_attribution_tail_rule_is_optional() -> None:
    text = "The river rose two metres overnight, according to the county water office."
    assert compress(text) == text
    assert Compressor(attribution_tails=True).compress(text) == "The river rose two metres overnight."


def test_compression_never_leaves_a_stub() -> None:
    assert compress("But it fell.") == "But it fell."


def test_dated_wire_dateline_is_dropped() -> None:
    from crosswire.summarize.compress import compress

    text = "VELDMARK, March 11 (CPA) - A fire tore through the warehouse, officials said."
    assert compress(text) == "A fire tore through the warehouse, officials said."


def test_an_underscore_dash_inside_a_sentence_is_not_a_dateline() -> None:
    text = "The Orvale Ferry Board _ five elected members _ voted on Tuesday to raise fares."
    assert compress(text) == text
