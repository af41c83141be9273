"""The story tracker on invented articles: three events, incremental batches, stable ids."""

from __future__ import annotations

import pickle
import random
from dataclasses import replace
from pathlib import Path

import pytest

from crosswire.clean import clean_articles
from crosswire.ingest import read_inputs
from crosswire.model import Article
from crosswire.stories import StoryTracker, with_stable_ids
from crosswire.stories.index import CandidateIndex
from crosswire.stories.tracker import arrival_order

THREE_EVENTS = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "three-events"


def _articles() -> tuple[Article, ...]:
    return clean_articles(with_stable_ids(read_inputs([THREE_EVENTS])))


def _event(article: Article) -> str:
    return Path(article.source).name.split("-")[0]


def _partition(articles: list[Article], labels: list[str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article, label in zip(articles, labels, strict=True):
        groups.setdefault(label, set()).add(article.id)
    return {frozenset(g) for g in groups.values()}


def test_three_unrelated_events_give_three_stories() -> None:
    articles = list(_articles())
    labels = StoryTracker(embed=False).fit_predict(articles)
    by_event: dict[str, set[str]] = {}
    for article, label in zip(articles, labels, strict=True):
        by_event.setdefault(_event(article), set()).add(label)
    assert all(len(found) == 1 for found in by_event.values()), by_event
    assert len(set(labels)) == 3


def test_two_batches_give_the_same_stories_as_one() -> None:
    articles = list(_articles())
    whole = StoryTracker(embed=False).fit_predict(articles)
    tracker = StoryTracker(embed=False)
    tracker.partial_fit(articles[:4]).partial_fit(articles[4:])
    split = [tracker.story_of(a.id) for a in articles]
    assert _partition(articles, whole) == _partition(articles, split)


def test_reingesting_an_article_changes_nothing() -> None:
    articles = list(_articles())
    tracker = StoryTracker(embed=False).partial_fit(articles)
    before = {a.id: tracker.story_of(a.id) for a in articles}
    steps = tracker.step_
    tracker.partial_fit(articles[:3])
    assert {a.id: tracker.story_of(a.id) for a in articles} == before
    assert tracker.step_ == steps


def test_same_timestamp_order_does_not_matter() -> None:
    articles = [replace(a, published="2024-05-01") for a in _articles()]
    expected = _partition(articles, StoryTracker(embed=False).fit_predict(articles))
    for seed in (1, 2, 3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        labels = StoryTracker(embed=False).fit_predict(shuffled)
        assert _partition(shuffled, labels) == expected


def test_story_ids_are_stable_across_runs() -> None:
    articles = list(_articles())
    first = StoryTracker(embed=False).fit_predict(articles)
    second = StoryTracker(embed=False).fit_predict(articles)
    assert first == second
    assert all(label.startswith("s") for label in first)


def test_arrival_is_by_time_then_input_order() -> None:
    tracker = StoryTracker(embed=False)
    undated = Article(text="one two three four", id="ax1")
    later = Article(text="one two three five", id="ax2", published="2024-01-02")
    earlier = Article(text="one two three six", id="ax3", published="2024-01-01")
    order = [p.key for p in arrival_order(tracker.profiles([undated, later, earlier]))]
    assert order == ["ax3", "ax2", "ax1"]


def test_the_window_is_bounded_by_count() -> None:
    tracker = StoryTracker(embed=False, max_active=5, merge=False)
    words = ["harbour", "cyclone", "tariff", "vaccine", "striker", "orchestra", "glacier", "senate", "comet", "bakery"]
    articles = [
        Article(text=f"{w} {w} {w}x {w}y {w}z report number {i}", id=f"aw{i:02d}") for i, w in enumerate(words * 30)
    ]
    tracker.partial_fit(articles)
    assert len(tracker.stories_) <= 5 + 256  # eviction runs every 256 steps


def test_the_window_is_bounded_by_time() -> None:
    tracker = StoryTracker(embed=False, max_idle_days=10, merge=False)
    old = [Article(text=f"glacier melt record alpine valley {i}", id=f"ao{i}", published="2024-01-01") for i in range(3)]
    new = [
        Article(text=f"orchestra tour concert season violin {i}", id=f"an{i}", published=f"2024-03-{1 + i % 28:02d}")
        for i in range(300)
    ]
    tracker.partial_fit([*old, *new])
    assert all(tracker.story_of(a.id) not in tracker.stories_ for a in old)


def test_candidate_index_skips_terms_posted_under_too_many_stories() -> None:
    from crosswire.stories.features import StoryState

    index = CandidateIndex()
    for i in range(500):
        index.post(StoryState(id=f"s{i}", keys=[]), [("body:common", 1.0)])
    index.post(StoryState(id="s-rare", keys=[]), [("body:rare", 1.0)])
    assert index.candidates([("body:common", 1.0)]) == []
    assert index.candidates([("body:rare", 1.0), ("body:common", 1.0)]) == ["s-rare"]


def test_a_tracker_pickles_and_resumes() -> None:
    articles = list(_articles())
    tracker = StoryTracker(embed=False).partial_fit(articles[:4])
    resumed = pickle.loads(pickle.dumps(tracker))
    resumed.partial_fit(articles[4:])
    tracker.partial_fit(articles[4:])
    assert [resumed.story_of(a.id) for a in articles] == [tracker.story_of(a.id) for a in articles]


def test_fit_predict_needs_no_ids() -> None:
    labels = StoryTracker(embed=False).fit_predict([Article(text="a short note about harbour cranes")])
    assert len(labels) == 1


@pytest.mark.parametrize("text", ["", "the and of"])
def test_articles_without_content_words_stay_singletons(text: str) -> None:
    articles = [Article(text=text or " ", id="ae1"), Article(text=text or " ", id="ae2")]
    labels = StoryTracker(embed=False).fit_predict(articles)
    assert labels[0] != labels[1]
