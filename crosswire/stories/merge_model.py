"""The learned merge step: are two stories one?

An article's join is decided on arrival, against stories that may still be
young; two halves of one story can grow side by side. The merge model reads
a pair of stories, not an article and a story: the cosines of their
centroids (body, title, names TF-IDF and the vector), how close their
closest members are, both sizes, the time between their spans, the names
they share, and what the article-level join model says of the first
story's centroid against the second. (The tracker asks both ways: two
stories merge only when each is the other's best match.) It is a logistic regression fitted on the
story pairs that the tracker's own index offers on the development streams
(``crosswire train --model stories``), shipped as JSON beside the join
model, in the same two variants (with and without vectors).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from crosswire.stories.features import (
    FEATURES,
    UNDATED_GAP_DAYS,
    Frequencies,
    StoryState,
    Weighted,
    rows,
    strongest,
    weigh_profile,
)
from crosswire.stories.join_model import JoinModel, load_model
from crosswire.stories.profile import ArticleProfile

MERGE_MODEL_FILE = Path(__file__).parent / "models" / "merge_model.json"
MERGE_FEATURES = (
    "body_cos",
    "title_cos",
    "has_titles",
    "name_cos",
    "has_names",
    "vector_cos",
    "has_vectors",
    "vector_max",
    "vector_mean",
    "log_small",
    "log_large",
    "log_gap_days",
    "dated",
    "name_overlap",
    "join_p",
)
MERGE_WITHOUT_VECTORS = ("vector_cos", "has_vectors", "vector_max", "vector_mean")
# Names per story compared for the shared-names feature: the strongest by summed weight.
TOP_NAMES = 20
_COLUMN = {name: FEATURES.index(name) for name in ("body_cos", "title_cos", "has_titles", "name_cos", "has_names",
                                                    "vector_cos", "has_vectors")}


class MergeModel(JoinModel):
    """P(two stories are one) over ``MERGE_FEATURES``."""

    universe = MERGE_FEATURES


def load_merge_model(with_vectors: bool, path: Path = MERGE_MODEL_FILE) -> JoinModel:
    return load_model(with_vectors, path, kind=MergeModel)


@dataclass(frozen=True)
class Centroid:
    """A story seen as one long article, weighed once per merge step (the step's document frequencies)."""

    profile: ArticleProfile
    weighed: dict[str, Weighted]
    names: frozenset[str]


def centroid(story: StoryState, profile: ArticleProfile, df: Frequencies) -> Centroid:
    """``profile`` is the story's centroid profile (``tracker.story_profile``)."""
    return Centroid(profile, weigh_profile(profile, df), top_names(story))


@dataclass
class MergeMemo:
    """What one merge step computed of each story: centroids, and top names (``top_names``)."""

    centroids: dict[str, Centroid] = field(default_factory=dict)
    names: dict[str, frozenset[str]] = field(default_factory=dict)

    def forget(self, sid: str) -> None:
        """Story ``sid`` changed (it took another in)."""
        self.centroids.pop(sid, None)
        self.names.pop(sid, None)

    def names_of(self, story: StoryState) -> frozenset[str]:
        if story.id not in self.names:
            self.names[story.id] = top_names(story)
        return self.names[story.id]


def top_names(story: StoryState) -> frozenset[str]:
    """The story's ``TOP_NAMES`` strongest names."""
    return frozenset(strongest(story.names, TOP_NAMES))


def _span_gap(a: StoryState, b: StoryState) -> float | None:
    if None in (a.first_day, a.last_day, b.first_day, b.last_day):
        return None
    assert a.first_day is not None and a.last_day is not None and b.first_day is not None and b.last_day is not None
    return max(0.0, max(a.first_day, b.first_day) - min(a.last_day, b.last_day))


def _member_vectors(a: StoryState, b: StoryState) -> tuple[float, float]:
    """(max, mean) cosine between the two stories' latest members' vectors."""
    if not a.recent or not b.recent:
        return 0.0, 0.0
    products = np.asarray(a.recent) @ np.asarray(b.recent).T
    return float(products.max()), float(products.mean())


def merge_rows(
    story: StoryState,
    mine: Centroid,
    others: list[StoryState],
    their_names: list[frozenset[str]],
    df: Frequencies,
    join: JoinModel,
) -> np.ndarray:
    """One ``MERGE_FEATURES`` row per (``story``, other) pair; ``their_names``: the others' ``top_names``."""
    if not others:
        return np.zeros((0, len(MERGE_FEATURES)))
    forward = rows(mine.profile, others, df, mine.weighed)
    join_forward = join.probabilities(forward)
    found = []
    for n, other in enumerate(others):
        gap = _span_gap(story, other)
        vector_max, vector_mean = _member_vectors(story, other)
        sizes = sorted((story.size, other.size))
        values = {name: forward[n][column] for name, column in _COLUMN.items()}
        values.update(
            vector_max=vector_max,
            vector_mean=vector_mean,
            log_small=math.log(sizes[0]),
            log_large=math.log(sizes[1]),
            log_gap_days=math.log1p(gap if gap is not None else UNDATED_GAP_DAYS),
            dated=float(gap is not None),
            name_overlap=math.log1p(len(mine.names & their_names[n])),
            join_p=float(join_forward[n]),
        )
        found.append([values[name] for name in MERGE_FEATURES])
    return np.asarray(found, dtype=np.float64)
