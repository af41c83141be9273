"""The story-pair merge model: its features, the shipped model, and the tracker's merge step."""

from __future__ import annotations

import pytest

from crosswire.errors import CrosswireError
from crosswire.model import Article
from crosswire.stories import StoryTracker
from crosswire.stories.join_model import JoinModel
from crosswire.stories.merge_model import MERGE_FEATURES, MergeMemo, MergeModel, load_merge_model

QUAKE = [
    "A strong earthquake shook Valdoria province on Monday, collapsing homes in the town of Mereth.",
    "Rescuers in Mereth searched collapsed homes after the Valdoria earthquake, officials said.",
    "Aftershocks rattled Mereth as the Valdoria earthquake toll rose and rescuers dug through rubble.",
    "The Valdoria earthquake left thousands homeless in Mereth; rescuers kept searching the rubble.",
]
BAKERY = [
    "Bread prices at the Ostrel bakery cooperative rose again as flour costs climbed this winter.",
    "The Ostrel bakery cooperative blamed flour costs for dearer bread and shorter opening hours.",
]


def _never_join() -> JoinModel:
    """A join model that founds a new story for every article, so only the merge step can join them."""
    return JoinModel(features=("body_cos",), mean=(0.0,), scale=(1.0,), coef=(0.0,), intercept=-30.0)


def _merge_on_body(weight: float = 40.0, boundary: float = 0.2) -> MergeModel:
    """Merge two stories whose centroid body cosine is above ``boundary``."""
    return MergeModel(features=("body_cos",), mean=(0.0,), scale=(1.0,), coef=(weight,), intercept=-weight * boundary)


def _articles(texts: list[str], prefix: str) -> list[Article]:
    return [Article(text=t, id=f"{prefix}{i}") for i, t in enumerate(texts)]


def test_the_merge_step_joins_the_parts_of_one_story_and_nothing_else() -> None:
    quake, bakery = _articles(QUAKE, "q"), _articles(BAKERY, "b")
    tracker = StoryTracker(embed=False, model=_never_join(), merge_model=_merge_on_body())
    tracker.partial_fit(quake[:2] + bakery[:1] + quake[2:] + bakery[1:])
    assert len({tracker.story_of(a.id) for a in quake}) == 1  # four stories of one, merged over rounds
    assert len({tracker.story_of(a.id) for a in bakery}) == 1
    assert tracker.story_of(quake[0].id) != tracker.story_of(bakery[0].id)
    assert tracker.story_of(quake[0].id) == tracker.stories_[tracker.story_of(quake[0].id)].id


def test_without_the_merge_step_every_article_stays_alone() -> None:
    articles = _articles(QUAKE, "q")
    tracker = StoryTracker(embed=False, model=_never_join(), merge_model=_merge_on_body(), merge=False)
    tracker.partial_fit(articles)
    assert len({tracker.story_of(a.id) for a in articles}) == len(articles)


def test_a_merge_model_that_never_merges_leaves_the_stories_apart() -> None:
    articles = _articles(QUAKE, "q")
    tracker = StoryTracker(embed=False, model=_never_join(), merge_model=_merge_on_body(boundary=1.5))
    tracker.partial_fit(articles)
    assert len({tracker.story_of(a.id) for a in articles}) == len(articles)


def test_merge_rows_have_one_row_per_candidate_with_every_feature() -> None:
    tracker = StoryTracker(embed=False, model=_never_join(), merge=False)
    tracker.partial_fit(_articles(QUAKE[:2], "q") + _articles(BAKERY[:1], "b"))
    story = tracker.stories_[tracker.story_of("q0")]
    memo = MergeMemo()
    others = tracker.merge_candidates(story, memo)
    assert story not in others and others
    found = tracker.merge_rows(story, others, memo)
    assert found.shape == (len(others), len(MERGE_FEATURES))
    by_id = {o.id: dict(zip(MERGE_FEATURES, row, strict=True)) for o, row in zip(others, found, strict=True)}
    same = by_id[tracker.story_of("q1")]
    assert same["body_cos"] > 0.1 and same["dated"] == 0.0 and same["log_small"] == 0.0
    if tracker.story_of("b0") in by_id:
        assert by_id[tracker.story_of("b0")]["body_cos"] < same["body_cos"]


def test_the_shipped_merge_model_joins_retold_stories_and_keeps_unrelated_ones_apart() -> None:
    quake, bakery = _articles(QUAKE, "q"), _articles(BAKERY, "b")
    tracker = StoryTracker(embed=False, model=_never_join(), merge=False)
    tracker.partial_fit(quake + bakery)
    model = load_merge_model(with_vectors=False)
    memo = MergeMemo()
    story = tracker.stories_[tracker.story_of("q0")]
    others = [tracker.stories_[tracker.story_of(k)] for k in ("q1", "b0")]
    chances = model.probabilities(tracker.merge_rows(story, others, memo))
    assert chances[0] > chances[1]
    assert chances[1] < 0.5


def test_a_merge_model_reading_an_unknown_feature_is_refused() -> None:
    data = _merge_on_body().to_dict()
    assert MergeModel.from_dict(data) == _merge_on_body()
    data["features"] = ["no_such_feature"]
    with pytest.raises(CrosswireError, match="retrain"):
        MergeModel.from_dict(data)
