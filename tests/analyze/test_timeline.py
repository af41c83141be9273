"""Publication-date inference and the story timeline (invented articles)."""

from __future__ import annotations

import pytest

from crosswire.analyze.context import build_context
from crosswire.analyze.timeline import extract_timeline, infer_publication_dates
from crosswire.embed import TfidfEmbedder
from crosswire.model import Article, Story
from crosswire.segment import segment_story


def story_of(*articles: Article) -> Story:
    return segment_story(Story(id="s", headline="h", articles=articles))


@pytest.fixture(scope="module")
def embedder() -> TfidfEmbedder:
    return TfidfEmbedder()


def test_metadata_date_wins() -> None:
    story = infer_publication_dates(
        story_of(
            Article(
                id="a1",
                published="2020-05-04",
                text="Published: 1 June 2020\n\nThe bridge reopened on Tuesday.",
            )
        )
    )
    assert story.articles[0].published == "2020-05-04"
    assert not story.articles[0].published_inferred


def test_published_line() -> None:
    story = infer_publication_dates(
        story_of(Article(id="a1", text="Published: 30 December 2015\n\nThe bridge reopened on Tuesday."))
    )
    assert story.articles[0].published == "2015-12-30"
    assert story.articles[0].published_inferred


def test_latest_explicit_date_moved_to_fit_weekdays() -> None:
    # Dec. 6, 2015 was a Sunday; statements made "on Monday" and "on Tuesday" after it put publication at Dec. 8.
    text = (
        "Officials said that on Dec. 6 an air strike hit a depot near Orvath.\n\n"
        "The envoy denied the report on Monday.\n\n"
        "The foreign ministry said on Tuesday it was concerned."
    )
    caption = ("Rescue workers near Orvath, December 3, 2015",)
    story = infer_publication_dates(story_of(Article(id="a1", text=text, removed=caption)))
    assert story.articles[0].published == "2015-12-08"
    assert story.articles[0].published_inferred


def test_article_without_dates_borrows_the_story_date() -> None:
    dated = Article(
        id="a1", published="2015-12-29", text="The ministry criticised the strikes on December 29."
    )
    undated = Article(id="a2", text="The ministry criticised the strikes on Tuesday, a spokesman said.")
    story = infer_publication_dates(story_of(dated, undated))
    assert story.article("a2").published == "2015-12-29"
    assert story.article("a2").published_inferred


def test_no_evidence_leaves_the_date_empty() -> None:
    story = infer_publication_dates(story_of(Article(id="a1", text="The bridge reopened on Tuesday.")))
    assert story.articles[0].published is None


def test_timeline_resolves_and_merges(embedder: TfidfEmbedder) -> None:
    first = Article(
        id="a1",
        published="2015-12-30",
        text=(
            "The harbour authority closed the Lanmore ferry terminal on Tuesday after a fuel leak.\n\n"
            "The terminal opened in March 2011."
        ),
    )
    second = Article(
        id="a2",
        text="The Lanmore ferry terminal was closed by the harbour authority on December 29 after a fuel leak.",
    )
    story = infer_publication_dates(story_of(first, second))
    events = extract_timeline(build_context(story, embedder))
    assert [e.date for e in events] == ["2011-03", "2015-12-29"]
    closure = events[1]
    assert closure.articles == ("a1", "a2")
    assert closure.relative  # "on Tuesday" was resolved against a1's date
    assert not closure.anchor_inferred  # a1's date came from metadata
    assert closure.mention == "December 29"  # the explicit mention describes it
    assert "fuel leak" in closure.description
    assert {span.article for span in closure.spans} == {"a1", "a2"}
    assert events[0].granularity == "month"


def test_timeline_marks_inferred_anchors(embedder: TfidfEmbedder) -> None:
    dated = Article(
        id="a1",
        published="2015-12-30",
        text="The Tarsk port workers ended their strike on December 29.\n\nThe harbour reopened to container ships.",
    )
    # Another report of the same news, without a date of its own.
    undated = Article(
        id="a2", text="The port workers ended their strike on Tuesday.\n\nThe harbour reopened to container ships."
    )
    story = infer_publication_dates(story_of(dated, undated))
    events = extract_timeline(build_context(story, embedder))
    strike = next(e for e in events if "strike" in e.description and "a2" in e.articles)
    assert strike.date == "2015-12-29"
    assert strike.relative and strike.anchor_inferred


def test_future_events_and_periods(embedder: TfidfEmbedder) -> None:
    article = Article(
        id="a1",
        published="2015-12-30",
        text="Negotiations are expected to start next month.\n\nThe union will vote on the deal on Friday.",
    )
    events = extract_timeline(build_context(story_of(article), embedder))
    assert {(e.date, e.granularity) for e in events} == {("2016-01", "month"), ("2016-01-01", "day")}


def test_historic_dates_do_not_date_an_article() -> None:
    recent = Article(id="a1", published="2017-05-30", text="The senate voted on the inquiry on Tuesday.")
    history = Article(id="a2", text="The last such inquiry began on August 5, 1974, and lasted a year.")
    story = infer_publication_dates(story_of(recent, history))
    assert story.article("a2").published == "2017-05-30"


def test_an_article_reporting_other_news_does_not_borrow_an_anchor(embedder: TfidfEmbedder) -> None:
    # A feature with no date of its own: its "on Sunday" is not the dated report's Sunday.
    dated = Article(
        id="a1",
        published="2015-12-30",
        text="The Tarsk port workers ended their strike on December 29, the dockers union said.",
    )
    feature = Article(id="a2", text="We watched the cooking show on Sunday night and loved every minute of it.")
    story = infer_publication_dates(story_of(dated, feature))
    events = extract_timeline(build_context(story, embedder))
    assert not any("cooking" in e.description for e in events)
    assert any("strike" in e.description for e in events)


def test_a_posting_note_inside_a_line_dates_the_article() -> None:
    text = (
        "The mayor was removed from office. (Published Friday, June 27, 2014)\n\n"
        "On Tuesday, the council voted to remove the mayor."
    )
    story = infer_publication_dates(story_of(Article(id="a1", text=text)))
    assert story.articles[0].published == "2014-06-27"


def test_a_file_photo_caption_does_not_date_the_article() -> None:
    text = (
        "On Tuesday, Kelby Shoes said it had agreed to buy the boot maker Arden.\n\n"
        "A shopper walks past an Arden store in Tarsk, March 15, 2016. REUTERS/Ann Lee/File Photo"
    )
    story = infer_publication_dates(story_of(Article(id="a1", text=text)))
    assert story.articles[0].published is None


def test_one_event_from_two_outlets_is_one_event(embedder: TfidfEmbedder) -> None:
    first = Article(
        id="a1",
        published="2011-10-20",
        text="The singer, who returned from Dubai on Sunday, wore a black coat at the premiere in Kelby.",
    )
    second = Article(
        id="a2",
        published="2011-10-20",
        text="Since returning from Dubai on Sunday, the singer has been seen with her husband only once.",
    )
    events = extract_timeline(build_context(story_of(first, second), embedder))
    sunday = [e for e in events if e.date == "2011-10-16"]
    assert len(sunday) == 1 and set(sunday[0].articles) == {"a1", "a2"}
