from __future__ import annotations

from crosswire.model import Article, Story
from crosswire.stories import find_developments


def _story(*dates: str | None) -> Story:
    articles = tuple(
        Article(text=f"Report {i} on the talks.", id=f"a{i}", title=f"Talks, day {i}", published=d)
        for i, d in enumerate(dates, start=1)
    )
    return Story(id="s1", headline="Talks", articles=articles)


def test_dates_weeks_apart_are_separate_developments_in_order() -> None:
    found = find_developments(_story("2015-12-29", "2015-11-24", "2015-12-08", "2015-12-29T10:00:00"))
    assert [d.date for d in found] == ["2015-11-24", "2015-12-08", "2015-12-29"]
    assert [len(d.article_ids) for d in found] == [1, 1, 2]
    assert found[0].headline == "Talks, day 2"


def test_dates_days_apart_are_one_development() -> None:
    found = find_developments(_story("2024-03-01", "2024-03-03", "2024-03-05"))
    assert len(found) == 1
    assert found[0].article_ids == ("a1", "a2", "a3")


def test_undated_articles_belong_to_no_development() -> None:
    assert find_developments(_story(None, None)) == ()
    found = find_developments(_story("2024-03-01", None))
    assert found[0].article_ids == ("a1",)
