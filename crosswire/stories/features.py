"""How well an article fits a story: the features the join model reads.

After Miranda et al. (EMNLP 2018): TF-IDF similarities of body, title and
names, the embedding similarity, and time. Document frequencies grow with
the stream (``Frequencies``), so similarities need no corpus fitted ahead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from operator import itemgetter

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
# A story's norm is recomputed from all its terms when the stream grew by this factor since.
NORM_DRIFT = 1.25


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


# Document frequencies forget a term unseen in this many articles, so
# the vocabulary is bounded by what a recent stretch of the stream uses, not by the whole stream
# (checked every ``PRUNE_EVERY`` articles, or every quarter of ``forget_after`` if that is sooner).
FORGET_AFTER = 20_000
PRUNE_EVERY = 5_000


@dataclass
class Frequencies:
    """Document frequencies per space, counted over the articles seen.

    ``memo[space][term]`` is a term's IDF, memoized until the stream has
    grown by ``IDF_DRIFT`` (a term's IDF moves by well under 1% in that
    time); the memo is rebuilt on demand and never pickled. A term unseen
    in the last ``forget_after`` articles is forgotten (0: never): when it
    comes back it counts as new, which is what a reader of the recent
    stream would think of it.
    """

    documents: int = 0
    counts: dict[str, dict[str, int]] = field(default_factory=lambda: {s: {} for s in SPACES})
    memo: dict[str, IdfMemo] = field(default_factory=dict, repr=False)
    memo_documents: int = 0
    forget_after: int = FORGET_AFTER
    last_seen: dict[str, dict[str, int]] = field(default_factory=lambda: {s: {} for s in SPACES}, repr=False)

    def __post_init__(self) -> None:
        self._clear_memo()

    def _clear_memo(self) -> None:
        self.memo = {space: IdfMemo(self, space) for space in SPACES}
        self.memo_documents = self.documents

    def add(self, profile: ArticleProfile) -> None:
        self.documents += 1
        now = self.documents
        for space in SPACES:
            table = self.counts[space]
            seen = self.last_seen[space]
            for term in getattr(profile, space):
                table[term] = table.get(term, 0) + 1
                seen[term] = now
        if self.forget_after and now % min(PRUNE_EVERY, max(1, self.forget_after // 4)) == 0 and now > self.forget_after:
            self.forget(now - self.forget_after)
        elif self.documents > self.memo_documents * IDF_DRIFT:
            self._clear_memo()

    def update(self, other: Frequencies) -> None:
        """Add ``other``'s counts (the batch's edge merge sums its windows'). ``last_seen`` is left
        as it is: a summed table only grows through ``update``, so it is never pruned."""
        for space in SPACES:
            table = self.counts[space]
            for term, count in other.counts[space].items():
                table[term] = table.get(term, 0) + count
        self.documents += other.documents
        self._clear_memo()

    def forget(self, before: int) -> int:
        """Drop the terms last seen at or before article number ``before``; how many were dropped."""
        dropped = 0
        for space in SPACES:
            table, seen = self.counts[space], self.last_seen[space]
            stale = [term for term, last in seen.items() if last <= before]
            for term in stale:
                del table[term]
                del seen[term]
            dropped += len(stale)
            self.last_seen[space] = dict(seen)  # a fresh dict gives the freed slots back
            self.counts[space] = dict(table)
        self._clear_memo()
        return dropped

    def idf(self, space: str, term: str) -> float:
        return self.memo[space][term]

    def __getstate__(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "counts": self.counts,
            "forget_after": self.forget_after,
            "last_seen": self.last_seen,
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        self.documents = state["documents"]  # type: ignore[assignment]
        self.counts = state["counts"]  # type: ignore[assignment]
        self.forget_after = state["forget_after"]  # type: ignore[assignment]
        self.last_seen = state["last_seen"]  # type: ignore[assignment]
        self._clear_memo()


@dataclass
class StoryState:
    """A story as the tracker holds it: summed term weights, vector sum, span of days.

    ``squares[space]`` is (documents, sum of squared IDF-weighted weights) at
    the stream size it was computed for: ``absorb`` keeps it up to date term by
    term, so a story's norm is never recomputed from all its terms but when
    the IDF drifted (``NORM_DRIFT``).
    """

    id: str
    keys: list[str]  # the latest members' keys; the tracker spills older ones (``StoryTracker.keep_keys``)
    body: dict[str, float] = field(default_factory=dict)
    title: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    vector_sum: np.ndarray | None = None
    first_day: float | None = None
    last_day: float | None = None
    last_step: int = 0
    first_step: int = 0
    # index keys the story is posted under, least recently used first (``CandidateIndex.post`` caps them)
    indexed: dict[str, None] = field(default_factory=dict)
    # the vectors of the latest members (not their profiles: the closest-member feature reads only these)
    recent: list[np.ndarray] = field(default_factory=list)
    squares: dict[str, tuple[int, float]] = field(default_factory=dict)
    absorbed: list[str] = field(default_factory=list)  # ids of the stories merged into this one
    size: int = 0  # articles taken in, spilled keys included

    def norm(self, space: str, df: Frequencies) -> float:
        """The story's IDF-weighted norm, recomputed from all its terms only when the IDF drifted."""
        cached = self.squares.get(space)
        if cached is None or df.documents > cached[0] * NORM_DRIFT:
            cached = (df.documents, squared_norm(getattr(self, space), space, df))
            self.squares[space] = cached
        return math.sqrt(cached[1]) if cached[1] > 0.0 else 0.0

    def absorb(self, profile: ArticleProfile, step: int, df: Frequencies | None = None) -> None:
        """Add one article; with ``df``, the norms are updated for the article's terms alone."""
        self.keys.append(profile.key)
        self.size += 1
        for space in SPACES:
            self._add_terms(space, getattr(profile, space), df)
        if profile.vector is not None:
            self.vector_sum = profile.vector.copy() if self.vector_sum is None else self.vector_sum + profile.vector
            self.recent = [*self.recent[-(RECENT_MEMBERS - 1) :], profile.vector]
        if profile.day is not None:
            self.first_day = profile.day if self.first_day is None else min(self.first_day, profile.day)
            self.last_day = profile.day if self.last_day is None else max(self.last_day, profile.day)
        self.last_step = step

    def _add_terms(self, space: str, weights: dict[str, float], df: Frequencies | None) -> None:
        table: dict[str, float] = getattr(self, space)
        cached = self.squares.get(space) if df is not None else None
        if cached is None or df is None:
            self.squares.pop(space, None)
            for term, weight in weights.items():
                table[term] = table.get(term, 0.0) + weight
        else:
            memo = df.memo[space]
            total = cached[1]
            for term, weight in weights.items():
                old = table.get(term, 0.0)
                new = old + weight
                table[term] = new
                idf = memo[term]
                total += (new * new - old * old) * idf * idf
            self.squares[space] = (cached[0], total)
        if len(table) > MAX_STORY_TERMS * 3 // 2:
            kept = strongest(table, MAX_STORY_TERMS)
            if space in self.squares:
                memo = df.memo[space]  # type: ignore[union-attr]  # squares are only kept with df
                dropped = sum((w * memo[t]) ** 2 for t, w in table.items() if t not in kept)
                self.squares[space] = (self.squares[space][0], self.squares[space][1] - dropped)
            setattr(self, space, kept)

    def absorb_story(self, other: StoryState) -> None:
        """Take in every article of ``other`` (the merge step)."""
        self.keys.extend(other.keys)
        self.size += other.size
        self.squares = {}
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
        self.absorbed.extend([other.id, *other.absorbed])


def strongest(weights: dict[str, float], limit: int) -> dict[str, float]:
    """The ``limit`` heaviest terms (ties by term), as a full sort by (-weight, term) cut at ``limit``."""
    by_term = sorted(weights.items())  # two C-keyed stable sorts instead of one keyed by a lambda
    by_term.sort(key=itemgetter(1), reverse=True)
    return dict(by_term[:limit])


def squared_norm(weights: dict[str, float], space: str, df: Frequencies) -> float:
    memo = df.memo[space]  # read as a dict, not through df.idf: this loop is one of the tracker's hottest
    return sum((weight * memo[term]) ** 2 for term, weight in weights.items())


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
    squared = a.squared
    # the shared terms, found by a set intersection in C: the Python loop runs over them alone
    dot = sum([squared[term] * b[term] for term in squared.keys() & b.keys()])
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
    vector_max = (
        max(float(profile.vector @ v) for v in story.recent) if profile.vector is not None and story.recent else 0.0
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
        "log_size": math.log(story.size),
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
