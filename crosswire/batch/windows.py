"""Stage 2 of the batch job: stories, tracked per time window, merged across window edges.

The stream is cut into windows of ``days`` days of publication time. Each
window is one task: a fresh ``StoryTracker`` reads the last ``overlap``
days of the window before it, then its own articles, in the tracker's
arrival order. An article of an overlap is placed twice (by the window it
belongs to and, as context, by the next one); the edge merge joins the two
stories it landed in (union-find), so a story that crosses an edge is one
story. A merged story is named like the tracker names one: after its
earliest article in arrival order. Undated articles arrive last, as in the
single-process tracker, so they go to the last window.

Articles that arrived grouped (a ``cluster`` field) keep their groups and
are not tracked, as in ``Pipeline.stories``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosswire.batch.articles import ArticleMeta
from crosswire.stories import StoryTracker
from crosswire.stories.ids import story_id
from crosswire.stories.profile import ArticleProfile

WINDOW_DAYS = 30.0  # the tracker's own idle horizon (StoryTracker.max_idle_days)
OVERLAP_DAYS = 3.0


@dataclass(frozen=True)
class Window:
    """One tracking task: the keys it owns and the keys it reads before them as context."""

    number: int
    owned: tuple[str, ...]
    context: tuple[str, ...]


def arrival_keys(metas: Iterable[ArticleMeta]) -> list[str]:
    """Keys in the tracker's arrival order: dated by time (ties by key), then undated by key."""
    return [m.key for m in sorted(metas, key=lambda m: (m.day is None, m.day or 0.0, m.key))]


def plan_windows(
    metas: Sequence[ArticleMeta], days: float = WINDOW_DAYS, overlap: float = OVERLAP_DAYS
) -> list[Window]:
    """The tracking windows of the ungrouped articles, in time order."""
    loose = [m for m in metas if m.cluster is None]
    dated = sorted((m for m in loose if m.day is not None), key=lambda m: (m.day or 0.0, m.key))
    undated = sorted(m.key for m in loose if m.day is None)
    if not dated:
        return [Window(0, tuple(undated), ())] if undated else []
    start = math.floor(dated[0].day or 0.0)
    buckets: dict[int, list[ArticleMeta]] = {}
    for meta in dated:
        buckets.setdefault(int(((meta.day or 0.0) - start) // days), []).append(meta)
    windows: list[Window] = []
    previous: list[ArticleMeta] = []
    for number, index in enumerate(sorted(buckets)):
        members = buckets[index]
        edge = start + index * days - overlap
        context = tuple(m.key for m in previous if (m.day or 0.0) >= edge)
        windows.append(Window(number, tuple(m.key for m in members), context))
        previous = members
    last = windows[-1]
    windows[-1] = Window(last.number, last.owned + tuple(undated), last.context)
    return windows


def track_window(window: Window, *profile_groups: Sequence[ArticleProfile]) -> dict[str, str]:
    """One window's task: the tracker's story id of every article it read (context included)."""
    wanted = set(window.owned) | set(window.context)
    chosen: dict[str, ArticleProfile] = {}
    for group in profile_groups:  # in shard order: a page in two shards is taken from the first
        for profile in group:
            if profile.key in wanted and profile.key not in chosen:
                chosen[profile.key] = profile
    order = {key: i for i, key in enumerate((*window.context, *window.owned))}
    profiles = sorted(chosen.values(), key=lambda p: order[p.key])
    tracker = StoryTracker().partial_fit_profiles(profiles)
    return {p.key: tracker.story_of(p.key) for p in profiles}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[int, str], tuple[int, str]] = {}

    def find(self, item: tuple[int, str]) -> tuple[int, str]:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: tuple[int, str], b: tuple[int, str]) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def merge_windows(windows: Sequence[Window], labels: Sequence[dict[str, str]], order: Sequence[str]) -> dict[str, str]:
    """The edge merge: each owned article's final story id.

    ``order`` is every tracked key in arrival order; a story is named after
    its earliest article in it (``story_id``), as the tracker names one.
    """
    joined = _UnionFind()
    for window, found in zip(windows, labels, strict=True):
        previous = labels[window.number - 1] if window.number else {}
        for key in window.context:
            if key in found and key in previous:
                joined.union((window.number - 1, previous[key]), (window.number, found[key]))
    owner = {key: (window.number, labels[window.number][key]) for window in windows for key in window.owned
             if key in labels[window.number]}
    position = {key: i for i, key in enumerate(order)}
    first: dict[tuple[int, str], str] = {}
    for key, story in owner.items():
        root = joined.find(story)
        if root not in first or position[key] < position[first[root]]:
            first[root] = key
    return {key: story_id(first[joined.find(story)]) for key, story in owner.items()}


def grouped_labels(metas: Sequence[ArticleMeta]) -> dict[str, str]:
    """Story ids of grouped articles: one story per cluster, named after its first article."""
    groups: dict[str, list[ArticleMeta]] = {}
    for meta in metas:
        if meta.cluster is not None:
            groups.setdefault(meta.cluster, []).append(meta)
    found = {}
    for members in groups.values():
        sid = story_id(arrival_keys(members)[0])
        found.update({m.key: sid for m in members})
    return found

