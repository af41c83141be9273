"""Error classes found on the analysis benchmark's eighth held-out group (issue 18), one test each, on
invented text. docs/analysis-errors.md ("Eighth held-out group") maps each class to its test."""

from __future__ import annotations

import pytest

from crosswire.analyze.dates import find_date_mentions
from tests.analyze.test_error_classes import _analyse, _inferred_publication

# ----------------------------------------------------------------------------- timeline


def test_a_page_that_says_today_is_not_dated_on_a_weekday_it_names() -> None:
    text = (
        "Officials in Velm are investigating the death of a boy who fell ill at a day camp on Oct. 6, 2017.\n\n"
        "His family set up a fundraising page on Tuesday, and a camp worker spoke to parents on Wednesday.\n\n"
        "The camp's director told reporters today that the site will stay closed."
    )
    assert _inferred_publication(text) == "2017-10-12"  # Thursday: Tuesday and Wednesday are past


def test_a_decimal_measurement_is_no_year() -> None:
    mentions = find_date_mentions("The rider hit the rail with an impact force of 1910.4 N in 1994.")
    assert [m.text for m in mentions] == ["1994"]


def test_three_weekdays_in_a_row_are_a_schedule_not_dates() -> None:
    schedule = find_date_mentions("The office only opened on Monday, Tuesday and Friday, from 9 a.m. to noon.")
    assert schedule == []
    two_days = find_date_mentions("The talks ran on Monday and Tuesday.")
    assert [m.text for m in two_days] == ["Monday", "Tuesday"]


# ----------------------------------------------------------------------------- entities


def test_a_parent_named_once_does_not_take_the_main_person_s_surname() -> None:
    analysis = _analyse(
        "Ivo Senn was convicted on Saturday in Tarsk. Senn had said he acted in self-defense.\n\n"
        "Ivo Senn called his parents, Lars and Mara Senn, from jail. Senn told them he was the victim.\n\n"
        "Senn will face a retrial, and Senn's lawyer, Ada Korr, plans to appeal."
    )
    people = {e.name: e for e in analysis.entities if e.kind == "person"}
    assert "Ivo Senn" in people and "Senn" in people["Ivo Senn"].aliases
    mara = people.get("Mara Senn")
    assert mara is None or "Senn" not in mara.aliases


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("City Clerk Dana Voss resigned on Monday in Velm.\n\nVoss gave no reason.", "Dana Voss"),
        ("Councilman Aldo Brenn said the vote would wait.\n\nBrenn spoke in Velm.", "Aldo Brenn"),
    ],
)
def test_a_council_title_is_no_part_of_the_name_after_it(text: str, name: str) -> None:
    people = {e.name for e in _analyse(text).entities if e.kind == "person"}
    assert name in people
    assert not any(other.endswith(name) and other != name for other in people)


def test_a_place_that_opens_other_names_is_no_first_name_of_a_person() -> None:
    analysis = _analyse(
        "Officers of the Velmar Police Force and the Velmar Detective Bureau raided a shop in Velmar.\n\n"
        "Velmar SWAT joined the raid, and officials in Velmar said the case is open.\n\n"
        "Prices in Velmar rose after the raid."
    )
    places = [e for e in analysis.entities if e.name == "Velmar"]
    assert places and places[0].kind == "place"
    assert not any("Velmar" in e.aliases for e in analysis.entities if e.kind == "person")


# ----------------------------------------------------------------------------- claims


def test_charging_customers_a_price_accuses_no_one() -> None:
    analysis = _analyse(
        "A fake office in Velmar sold papers to travellers for years. They charged their customers $6,000.\n\n"
        "Police said the office manager was charged with fraud."
    )
    statements = [c.statement for c in analysis.claims]
    assert not any("customers $6,000" in s for s in statements)
