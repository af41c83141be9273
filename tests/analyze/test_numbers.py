"""Figure normalisation: values and bounds of numbers in news text."""

from __future__ import annotations

import pytest

from crosswire.analyze.numbers import describe, find_quantities, overlap


def only(text: str):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The storm displaced 130,000 people.", 130_000, 130_000),
        ("a quarter-million people were killed", 250_000, 250_000),
        ("more than a quarter-million people", 250_000, None),
        ("4.5 million residents", 4_500_000, 4_500_000),
        ("4 million fled", 4_000_000, 4_000_000),
        ("three soldiers died", 3, 3),
        ("twenty-five people", 25, 25),
        ("at least 403 civilians", 403, None),
        ("more than 250,000 people", 250_000, None),
        ("up to 80 houses", None, 80),
        ("half a million voters", 500_000, 500_000),
        ("over a hundred of them", 100, None),
    ],
)
def test_values_and_bounds(text: str, low: float | None, high: float | None) -> None:
    quantity = only(text)
    assert quantity.low == low
    assert quantity.high == high


def test_vague_plurals_are_ranges() -> None:
    hundreds = only("killed hundreds of civilians")
    assert (hundreds.low, hundreds.high, hundreds.vague) == (100, 999, True)
    dozens = only("dozens of people were hurt")
    assert (dozens.low, dozens.high) == (24, 99)
    assert only("tens of thousands marched").low == 10_000


def test_approximate_figures_get_a_tolerance() -> None:
    some = only("some 130,000 Syrians")
    assert some.approximate
    assert some.low == pytest.approx(117_000)
    assert some.high == pytest.approx(143_000)


def test_units_and_currency() -> None:
    assert only("a $1.2 billion fund").unit == "USD"
    assert only("rose 5% in May").unit == "percent"
    assert only("within 55km of the base").unit == "km"


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2011.",
        "a 33-year-old man",
        "on Dec. 6 the strike hit",
        "the TU-22 bomber",
        "call 555-123-4567 for help",
        "at 8:30 a.m. on Monday",
        "  1. Check your policy.",
        "one of the most powerful groups",
        "the five-year civil war",
        "rescued after two days",
        "Rosa Lind, 24, said she was afraid.",
        "children ages 4 to 9",
    ],
)
def test_not_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_overlap_and_describe() -> None:
    at_least, hundreds, exact = only("at least 403"), only("hundreds"), only("459 people")
    assert overlap(at_least, hundreds)
    assert overlap(at_least, exact)
    assert not overlap(only("250 people"), at_least)
    assert describe(at_least) == "403+"
    assert describe(hundreds) == "100-999"
