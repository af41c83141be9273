"""How well an article fits a story: the features the join model reads.

After Miranda et al. (EMNLP 2018): TF-IDF similarities of body, title and
names, the embedding similarity, and time. Document frequencies grow with
the stream (``Frequencies``), so similarities need no corpus fitted ahead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from crosswire.stories.profile import ArticleProfile

SPACES = ("body", "title", "names")
# Terms kept per story and space: the strongest by summed weight.
MAX_STORY_TERMS = 400
FEATURES = (
    "body_cos",
    "title_cos",
    "has_titles",
    "title_body_cos",
    "name_cos",
    "has_names",
    "vector_cos",
    "has_vectors",
    "log_gap_days",
    "log_size",
    "log_words",
    "body_share",
    "vector_share",
    "vector_max",
    "name_overlap",
)
UNDATED_GAP_DAYS = 7.0
# Member articles a story keeps for the closest-member features.
RECENT_MEMBERS = 16


# The IDF memo is cleared when the stream has grown by this factor since it was filled.
IDF_DRIFT = 1.02


class IdfMemo(dict[str, float]):
    """One space's IDF values, each computed on first lookup (``memo[term]``, a plain dict read after)."""

    def __init__(self, frequencies: Frequencies, space: str) -> None:
        super().__init__()
        self.frequencies = frequencies
        self.space = space

    def __missing__(self, term: str) -> float:
        df = self.frequencies
        value = math.log((df.documents + 1) / (df.counts[self.space].get(term, 0) + 1)) + 1.0
        self[term] = value
        return value


@dataclass
class Frequencies:
    """Document frequencies per space, counted over every article seen.

    ``memo[space][term]`` is a term's IDF, memoized until the stream has
    grown by ``IDF_DRIFT`` (a term's IDF moves by well under 1% in that
    time); the memo is rebuilt on demand and never pickled.
    """

    documents: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=lambda: {s: {} for s in SPACES})
    memo: dict[str, IdfMemo] = field(default_factory=dict, repr=False)
    memo_documents: int = 0

    def __post_init__(self) -> None:
        self._clear_memo()

    def _clear_memo(self) -> None:
        self.memo = {space: IdfMemo(self, space) for space in SPACES}
        self.memo_documents = self.documents

    def add(self, profile: ArticleProfile) -> None:
        self.documents += 1
        for space in SPACES:
            table = self.counts[space]
            for term in getattr(profile, space):
                table[term] = table.get(term, 0) + 1
        if self.documents > self.memo_documents * IDF_DRIFT:
            self._clear_memo()

    def idf(self, space: str, term: str) -> float:
        return self.memo[space][term]

    def __getstate__(self) -> dict[str, object]:
        return {"documents": self.documents, "counts": self.counts}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.documents = state["documents"]  # type: ignore[assignment]
        self.counts = state["counts"]  # type: ignore[assignment]
        self._clear_memo()


@dataclass
class StoryState:
    """A story as the tracker holds it: summed term weights, vector sum, span of days."""

    id: str
    keys: list[str]
    body: dict[str, float] = field(default_factory=dict)
    title: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    vector_sum: np.ndarray | None = None
    first_day: float | None = None
    last_day: float | None = None
    last_step: int = 0
    first_step: int = 0
    indexed: set[str] = field(default_factory=set)
    recent: list[ArticleProfile] = field(default_factory=list)
    norms: dict[str, tuple[int, float]] = field(default_factory=dict)  # space -> (documents, norm)

    def norm(self, space: str, df: Frequencies) -> float:
        """The story's IDF-weighted norm, recomputed when it changed or the IDF drifted 5%."""
        cached = self.norms.get(space)
        if cached is None or df.documents > cached[0] * 1.05:
            cached = (df.documents, weighted_norm(getattr(self, space), space, df))
            self.norms[space] = cached
        return cached[1]

    def absorb(self, profile: ArticleProfile, step: int) -> None:
        self.keys.append(profile.key)
        self.norms = {}
        for space in SPACES:
            table: dict[str, float] = getattr(self, space)
            for term, weight in getattr(profile, space).items():
                table[term] = table.get(term, 0.0) + weight
            if len(table) > MAX_STORY_TERMS * 3 // 2:
                strongest = sorted(table.items(), key=lambda item: (-item[1], item[0]))[:MAX_STORY_TERMS]
                setattr(self, space, dict(strongest))
        if profile.vector is not None:
            self.vector_sum = profile.vector.copy() if self.vector_sum is None else self.vector_sum + profile.vector
        if profile.day is not None:
            self.first_day = profile.day if self.first_day is None else min(self.first_day, profile.day)
            self.last_day = profile.day if self.last_day is None else max(self.last_day, profile.day)
        self.last_step = step
        self.recent = [*self.recent[-(RECENT_MEMBERS - 1) :], profile]

    def absorb_story(self, other: StoryState) -> None:
        """Take in every article of ``other`` (the merge step)."""
        self.keys.extend(other.keys)
        self.norms = {}
        for space in SPACES:
            table: dict[str, float] = getattr(self, space)
            for term, weight in getattr(other, space).items():
                table[term] = table.get(term, 0.0) + weight
        if other.vector_sum is not None:
            self.vector_sum = other.vector_sum if self.vector_sum is None else self.vector_sum + other.vector_sum
        for day in (other.first_day, other.last_day):
            if day is not None:
                self.first_day = day if self.first_day is None else min(self.first_day, day)
                self.last_day = day if self.last_day is None else max(self.last_day, day)
        self.last_step = max(self.last_step, other.last_step)
        self.recent = [*self.recent, *other.recent][-RECENT_MEMBERS:]


def weighted_norm(weights: dict[str, float], space: str, df: Frequencies) -> float:
    memo = df.memo[space]  # read as a dict, not through df.idf: this loop is the tracker's hottest
    return math.sqrt(sum((weight * memo[term]) ** 2 for term, weight in weights.items()))


@dataclass(frozen=True)
class Weighted:
    """An article's terms in one space, weighed once per step: weight x idf^2, and the IDF-weighted norm."""

    squared: dict[str, float]
    norm: float


def weigh(weights: dict[str, float], space: str, df: Frequencies) -> Weighted:
    squared: dict[str, float] = {}
    total = 0.0
    memo = df.memo[space]
    for term, weight in weights.items():
        idf = memo[term]
        squared[term] = weight * idf * idf
        total += (weight * idf) ** 2
    return Weighted(squared, math.sqrt(total))


def _cosine(a: Weighted, story: StoryState, space: str, df: Frequencies) -> float:
    b: dict[str, float] = getattr(story, space)
    if not a.squared or not b or a.norm == 0.0:
        return 0.0
    if len(a.squared) <= len(b):
        dot = sum(value * b[term] for term, value in a.squared.items() if term in b)
    else:
        dot = sum(weight * a.squared[term] for term, weight in b.items() if term in a.squared)
    if dot == 0.0:
        return 0.0
    return dot / (a.norm * story.norm(space, df))


def _vector_cos(profile: ArticleProfile, story: StoryState) -> float | None:
    if profile.vector is None or story.vector_sum is None:
        return None
    norm = float(np.linalg.norm(story.vector_sum))
    return float(profile.vector @ story.vector_sum) / norm if norm > 0 else 0.0


def _gap_days(profile: ArticleProfile, story: StoryState) -> float | None:
    if profile.day is None or story.first_day is None or story.last_day is None:
        return None
    if story.first_day <= profile.day <= story.last_day:
        return 0.0
    return min(abs(profile.day - story.first_day), abs(profile.day - story.last_day))


def pair_features(
    profile: ArticleProfile, story: StoryState, df: Frequencies, weighed: dict[str, Weighted]
) -> dict[str, float]:
    """The features of one (article, story) pair; the ``*_share`` ones are set by ``rows``.

    ``weighed`` holds the article's weighed terms per space (and "title_in_body").
    """
    vector = _vector_cos(profile, story)
    gap = _gap_days(profile, story)
    has_titles = bool(profile.title) and bool(story.title)
    has_names = bool(profile.names) and bool(story.names)
    member_vectors = [m.vector for m in story.recent if m.vector is not None]
    vector_max = (
        max(float(profile.vector @ v) for v in member_vectors)
        if profile.vector is not None and member_vectors
        else 0.0
    )
    shared_names = sum(1 for name in profile.names if name in story.names)
    return {
        "body_cos": _cosine(weighed["body"], story, "body", df),
        "title_cos": _cosine(weighed["title"], story, "title", df) if has_titles else 0.0,
        "has_titles": float(has_titles),
        "title_body_cos": _cosine(weighed["title_in_body"], story, "body", df) if profile.title else 0.0,
        "name_cos": _cosine(weighed["names"], story, "names", df) if has_names else 0.0,
        "has_names": float(has_names),
        "vector_cos": vector if vector is not None else 0.0,
        "has_vectors": float(vector is not None),
        # an undated pair reads as a week apart: neither close in time nor far
        "log_gap_days": math.log1p(gap if gap is not None else UNDATED_GAP_DAYS),
        "log_size": math.log(len(story.keys)),
        "log_words": math.log1p(profile.words),
        "body_share": 0.0,
        "vector_share": 0.0,
        "vector_max": vector_max,
        "name_overlap": math.log1p(shared_names),
    }


def rows(profile: ArticleProfile, stories: list[StoryState], df: Frequencies) -> np.ndarray:
    """One feature row per candidate story, in ``FEATURES`` order."""
    weighed = {space: weigh(getattr(profile, space), space, df) for space in SPACES}
    weighed["title_in_body"] = weigh(profile.title, "body", df)
    found = [pair_features(profile, story, df, weighed) for story in stories]
    if found:
        best_body = max(f["body_cos"] for f in found) or 1.0
        best_vector = max(f["vector_cos"] for f in found) or 1.0
        for features in found:
            features["body_share"] = features["body_cos"] / best_body
            features["vector_share"] = features["vector_cos"] / best_vector if best_vector > 0 else 0.0
    return np.array([[f[name] for name in FEATURES] for f in found], dtype=np.float64).reshape(
        len(found), len(FEATURES)
    )
