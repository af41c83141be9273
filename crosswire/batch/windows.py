"""Stage 2 of the batch job: stories, tracked per time window, merged across window edges.

The stream is cut into windows of ``days`` days of publication time. Each
window is one task: a fresh ``StoryTracker`` reads the last ``overlap``
days of the window before it, then its own articles, in the tracker's
arrival order. An article of an overlap is placed twice (by the window it
belongs to and, as context, by the next one). The edge merge
(``crosswire.batch.edges``) joins the two stories it landed in, and offers
every other window story to the stories of earlier windows still active, so
a story that crosses an edge is one story. A merged story is named like the
tracker names one: after its earliest article in arrival order. Undated articles arrive last, as in the
single-process tracker, so they go to the last window.

Articles that arrived grouped (a ``cluster`` field) keep their groups and
are not tracked, as in ``Pipeline.stories``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosswire.batch.articles import ArticleMeta
from crosswire.batch.edges import WindowStories
from crosswire.stories import StoryTracker
from crosswire.stories.features import Frequencies, StoryState
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


def track_window(window: Window, *profile_groups: Sequence[ArticleProfile]) -> WindowStories:
    """One window's task: the tracker's story of every article it read (context included), and
    the states of its stories rebuilt from its own articles, for the edge merge."""
    wanted = set(window.owned) | set(window.context)
    chosen: dict[str, ArticleProfile] = {}
    for group in profile_groups:  # in shard order: a page in two shards is taken from the first
        for profile in group:
            if profile.key in wanted and profile.key not in chosen:
                chosen[profile.key] = profile
    order = {key: i for i, key in enumerate((*window.context, *window.owned))}
    profiles = sorted(chosen.values(), key=lambda p: order[p.key])
    tracker = StoryTracker().partial_fit_profiles(profiles)
    labels = {p.key: tracker.story_of(p.key) for p in profiles}
    owned = set(window.owned)
    states: dict[str, StoryState] = {}
    frequencies = Frequencies()
    for step, profile in enumerate(profiles, start=1):
        if profile.key not in owned:
            continue
        frequencies.add(profile)
        sid = labels[profile.key]
        state = states.setdefault(sid, StoryState(id=sid, keys=[], first_step=step))
        state.absorb(profile, step)
    return WindowStories(window.number, labels, window.context, tuple(states.values()), frequencies)


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

