"""The edge merge of the batch job: window stories joined into stream stories.

Each time window is tracked alone (``windows.track_window``), so a story
that goes on past its window's end is cut in two. The single-process
tracker would have kept it whole: an article of the next window joins it
when the join model says so, for as long as the story stays in the window
of active stories (``StoryTracker.max_idle_days`` of stream time).

The merge replays that decision one level up, on the client, window by
window in time order:

1. A window story that shares an overlap article with a stream story (the
   article was placed by both windows) joins it.
2. Any other window story is read as one article, its centroid dated by its
   first article, and offered to the active stream stories that the
   inverted index returns. The same learned join model decides; it joins
   the best candidate when P(join) >= ``JOIN_PROBABILITY``, as an article
   would, else it starts a stream story.
3. Stream stories idle for ``max_idle_days`` leave the active set.

It reads only the windows' story states and document frequencies (no
text), in a fixed order, so it is deterministic and costs a step per window
story, not per article. ``docs/scale.md`` gives the measured agreement with
the single-process tracker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from crosswire.stories.features import MAX_STORY_TERMS, SPACES, Frequencies, StoryState, rows, strongest
from crosswire.stories.ids import story_id
from crosswire.stories.index import CandidateIndex, strongest_terms
from crosswire.stories.join_model import JoinModel, load_model
from crosswire.stories.profile import ArticleProfile
from crosswire.stories.tracker import JOIN_PROBABILITY, join_mutual_matches, story_profile

Node = tuple[int, str]  # (window number, the window tracker's story id)


@dataclass(frozen=True)
class WindowStories:
    """One window's result: each article's window story, and the states of the stories it owns.

    ``stories`` hold only the window's own articles (not its context), in
    the order the tracker founded them; ``frequencies`` counts its own
    articles' terms.
    """

    number: int
    labels: dict[str, str]
    context: tuple[str, ...]
    stories: tuple[StoryState, ...]
    frequencies: Frequencies


class EdgeMerge:
    """Window stories, in time order, into stream stories (see the module docstring)."""

    def __init__(self, *, max_idle_days: float = 180.0, join_probability: float = JOIN_PROBABILITY,
                 merge_probability: float = 0.8, model: JoinModel | None = None) -> None:
        self.max_idle_days = max_idle_days
        self.join_probability = join_probability
        self.merge_probability = merge_probability
        self.model = model
        self.merged: dict[str, str] = {}  # stream story -> the stream story it joined in ``finish``
        self.frequencies = Frequencies()
        self.index = CandidateIndex()
        self.active: dict[str, StoryState] = {}
        self.stream_of: dict[Node, str] = {}  # window story -> stream story id (active or closed)
        self.latest_day: float | None = None

    def add_window(self, window: WindowStories, previous: WindowStories | None) -> None:
        self.frequencies.update(window.frequencies)
        linked = self._overlap_links(window, previous)
        for story in window.stories:
            node = (window.number, story.id)
            profile = replace(story_profile(story), day=story.first_day)
            terms = strongest_terms(profile, self.frequencies)
            target = next((t for t in linked.get(story.id, ()) if t in self.active), None)
            if target is None:
                target = self._best_match(profile, terms)
            if target is None:
                target = f"{window.number}:{story.id}"
                self.active[target] = StoryState(id=target, keys=[], first_step=story.first_step)
            stream = self.active[target]
            stream.absorb_story(story)
            _trim(stream)
            self.stream_of[node] = target
            self.index.post(stream, terms)
            if story.last_day is not None:
                self.latest_day = story.last_day if self.latest_day is None else max(self.latest_day, story.last_day)
        self._evict()

    def _overlap_links(self, window: WindowStories, previous: WindowStories | None) -> dict[str, list[str]]:
        """Window story id -> the stream stories of the overlap articles it shares, earliest article first."""
        links: dict[str, list[str]] = {}
        if previous is None:
            return links
        for key in window.context:
            if key in window.labels and key in previous.labels:
                target = self.stream_of.get((previous.number, previous.labels[key]))
                found = links.setdefault(window.labels[key], [])
                if target is not None and target not in found:
                    found.append(target)
        return links

    def _best_match(self, profile: ArticleProfile, terms: list[tuple[str, float]], exclude: str = "",
                    probability: float | None = None) -> str | None:
        found = self.index.candidates(terms)
        candidates = [self.active[i] for i in found if i in self.active and i != exclude
                      and not self._idle(self.active[i], profile.day)]
        if not candidates:
            return None
        model = self.model or load_model(with_vectors=profile.vector is not None)
        wanted = self.join_probability if probability is None else probability
        best = model.most_wanted(rows(profile, candidates, self.frequencies), wanted)
        return None if best is None else candidates[best].id

    def finish(self) -> None:
        """The tracker's merge step over the stories still active at the end of the stream:
        two join when each is the other's best match at P >= ``merge_probability``."""
        join_mutual_matches((self.active.get(sid) for sid in sorted(self.active)), self._story_match, self._join)

    def _story_match(self, state: StoryState) -> StoryState | None:
        profile = story_profile(state)
        sid = self._best_match(profile, strongest_terms(profile, self.frequencies), exclude=state.id,
                               probability=self.merge_probability)
        return None if sid is None else self.active[sid]

    def _join(self, a: StoryState, b: StoryState) -> None:
        keep, gone = sorted((a, b), key=lambda s: (s.first_step, s.id))
        keep.absorb_story(gone)
        _trim(keep)
        self.index.move(gone, keep)
        del self.active[gone.id]
        self.merged[gone.id] = keep.id

    def stream_story(self, node: Node) -> str:
        sid = self.stream_of[node]
        while sid in self.merged:
            sid = self.merged[sid]
        return sid

    def _idle(self, state: StoryState, day: float | None) -> bool:
        """Has ``state`` been idle past the horizon by ``day``? (The tracker evicts lazily; this is exact.)"""
        return bool(self.max_idle_days) and None not in (day, state.last_day) and \
            (day or 0.0) - (state.last_day or 0.0) > self.max_idle_days

    def _evict(self) -> None:
        for sid in [s for s, stream in self.active.items() if self._idle(stream, self.latest_day)]:
            self.index.remove(self.active[sid])
            del self.active[sid]


def _trim(state: StoryState) -> None:
    """Keep a stream story's strongest terms per space, as the tracker keeps an article-built story's."""
    for space in SPACES:
        table: dict[str, float] = getattr(state, space)
        if len(table) > MAX_STORY_TERMS * 3 // 2:
            setattr(state, space, strongest(table, MAX_STORY_TERMS))


def merge_windows(windows: Sequence[WindowStories], order: Sequence[str], owned: dict[str, int],
                  merge: EdgeMerge | None = None) -> dict[str, str]:
    """Each owned article's stream story id, named after its earliest article in ``order``.

    ``owned`` maps each tracked key to the window that owns it.
    """
    merge = merge or EdgeMerge()
    ordered = sorted(windows, key=lambda w: w.number)
    for i, window in enumerate(ordered):
        merge.add_window(window, ordered[i - 1] if i else None)
    merge.finish()
    by_number = {w.number: w for w in ordered}
    stream_of_key = {key: merge.stream_story((number, by_number[number].labels[key]))
                     for key, number in owned.items() if key in by_number[number].labels}
    position = {key: i for i, key in enumerate(order)}
    first: dict[str, str] = {}
    for key, stream in stream_of_key.items():
        if stream not in first or position[key] < position[first[stream]]:
            first[stream] = key
    return {key: story_id(first[stream]) for key, stream in stream_of_key.items()}
