"""Date mentions and their resolution against a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from crosswire.analyze.context import load_nlp
from crosswire.analyze.dates import (
    DateMention,
    clause_tense,
    find_date_mentions,
    parse_anchor,
    resolve,
)

WEDNESDAY = date(2015, 12, 30)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def mention(text: str, words: str) -> DateMention:
    for found in find_date_mentions(text):
        if found.text == words:
            return found
    raise AssertionError(f"{words!r} not found in {[m.text for m in find_date_mentions(text)]}")


def resolved(text: str, words: str, anchor: date, nlp) -> str | None:
    found = mention(text, words)
    result = resolve(found, anchor, clause_tense(text, found, nlp(text)))
    return result.value if result else None


def test_finds_explicit_and_relative_mentions() -> None:
    text = "Talks began on Dec. 6 and resumed on Tuesday; the campaign started September 30, 2015 and peaked in October."
    kinds = {m.text: m.kind for m in find_date_mentions(text)}
    assert kinds == {
        "Dec. 6": "explicit",
        "Tuesday": "relative",
        "September 30, 2015": "explicit",
        "October": "explicit",
    }


def test_a_year_before_the_thing_it_dates_is_an_explicit_year() -> None:
    text = "A 2013 survey by the port authority found leaks; the 1900 workers at the yard were told later."
    found = find_date_mentions(text)
    assert [(m.text, m.year) for m in found] == [("2013", 2013)]  # "the 1900 workers" is a count
    assert resolve(found[0], None).value == "2013"  # needs no publication date
    assert find_date_mentions("the 2014-15 season and the 2,000 runners") == []


def test_past_weekday_is_the_previous_occurrence(nlp) -> None:
    text = "The ministry criticised the plan on Tuesday."
    assert resolved(text, "Tuesday", WEDNESDAY, nlp) == "2015-12-29"


def test_future_weekday_is_the_next_occurrence(nlp) -> None:
    text = "The council will vote on the budget on Friday."
    assert resolved(text, "Friday", WEDNESDAY, nlp) == "2016-01-01"
    assert resolved("The report is due to be published Monday.", "Monday", WEDNESDAY, nlp) == "2016-01-04"


def test_weekday_on_the_publication_day_is_that_day(nlp) -> None:
    assert (
        resolved("Officials said Wednesday the road was closed.", "Wednesday", WEDNESDAY, nlp) == "2015-12-30"
    )


def test_last_and_next_weekday(nlp) -> None:
    assert resolved("The mayor resigned last Wednesday.", "last Wednesday", WEDNESDAY, nlp) == "2015-12-23"
    assert resolved("The mayor will resign next Monday.", "next Monday", WEDNESDAY, nlp) == "2016-01-04"


def test_yesterday_today_tomorrow(nlp) -> None:
    assert resolved("The bridge reopened yesterday.", "yesterday", WEDNESDAY, nlp) == "2015-12-29"
    assert resolved("The bridge reopened today.", "today", WEDNESDAY, nlp) == "2015-12-30"
    assert resolved("The bridge reopens tomorrow.", "tomorrow", WEDNESDAY, nlp) == "2015-12-31"


def test_today_meaning_nowadays_is_not_a_date(nlp) -> None:
    assert resolved("Today, most farmers in the valley are poor.", "Today", WEDNESDAY, nlp) is None
    assert resolved("In today's world, news travels fast.", "today's", WEDNESDAY, nlp) is None


def test_weeks_and_months(nlp) -> None:
    assert resolved("Protests spread last week.", "last week", WEDNESDAY, nlp) == "2015-12-21/2015-12-27"
    assert resolved("The plant closed earlier this month.", "earlier this month", WEDNESDAY, nlp) == "2015-12"
    result = resolve(mention("The plant closed earlier this month.", "earlier this month"), WEDNESDAY, "past")
    assert result is not None and result.last == "2015-12-30"
    assert resolved("Talks are expected to start next month.", "next month", WEDNESDAY, nlp) == "2016-01"
    assert (
        resolved("A rebel leader was killed last weekend.", "last weekend", WEDNESDAY, nlp)
        == "2015-12-26/2015-12-27"
    )


def test_ago(nlp) -> None:
    assert resolved("The dam was finished three days ago.", "three days ago", WEDNESDAY, nlp) == "2015-12-27"
    assert resolved("The dam was finished 20 years ago.", "20 years ago", WEDNESDAY, nlp) == "1995"


def test_explicit_dates_take_the_nearest_year(nlp) -> None:
    anchor = date(2016, 1, 4)
    assert resolved("The strike on Dec. 6 hit a camp.", "Dec. 6", anchor, nlp) == "2015-12-06"
    assert resolved("The war began in March 2011.", "March 2011", anchor, nlp) == "2011-03"


def test_relative_mention_needs_an_anchor() -> None:
    assert resolve(mention("It happened on Tuesday.", "Tuesday"), None) is None


def test_parse_anchor() -> None:
    assert parse_anchor("2015-12-30T10:00:00Z") == WEDNESDAY
    assert parse_anchor("yesterday") is None
    assert parse_anchor(None) is None


def test_named_days_are_not_weekdays() -> None:
    assert [m.text for m in find_date_mentions("Shoppers queued for Black Friday deals.")] == []


def test_parts_of_months() -> None:
    from crosswire.analyze.dates import narrow_to_part

    text = (
        "Some 130,000 fled in October and the first half of November, after strikes began in late September."
    )
    november, september = mention(text, "November"), mention(text, "September")
    half = narrow_to_part(text, november, resolve(november, WEDNESDAY))
    late = narrow_to_part(text, september, resolve(september, WEDNESDAY))
    assert (half.first, half.last) == ("2015-11-01", "2015-11-15")
    assert (late.first, late.last) == ("2015-09-21", "2015-09-30")
    october = mention(text, "October")
    assert narrow_to_part(text, october, resolve(october, WEDNESDAY)).value == "2015-10"
