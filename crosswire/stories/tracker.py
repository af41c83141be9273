"""The online story tracker: one pass over a stream, a bounded window of stories.

Each article, in arrival order, is compared with the candidate stories the
inverted index returns (never with every story), and the learned join model
decides whether it joins the best of them or founds a new story. Stories
idle for ``max_idle_days`` of stream time, or beyond the ``max_active``
most recently updated, leave the window. After each batch, a merge step
joins active stories that the same model says are one.

Settings are constructor keywords; learned state (document frequencies,
stories, index) is set by ``partial_fit``. A tracker pickles, so it can be
stored and resumed (``crosswire.store``) or shipped to a Dask worker.

Memory is bounded by the window: a closed story's labels, size and merged
ids leave memory for a spill on disk (``crosswire.stories.closed``), which
``story_of`` and ``size`` still read. An active story holds bounded state
too, whatever its length: its strongest terms, its latest members' vectors
and keys (older keys spill, ``keep_keys``) and its most recently used index
keys (``index.MAX_STORY_KEYS``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

import numpy as np

from crosswire.embed import Embedder
from crosswire.model import Article
from crosswire.stories.closed import ClosedStories
from crosswire.stories.features import FORGET_AFTER, Frequencies, StoryState, rows
from crosswire.stories.ids import article_key, story_id
from crosswire.stories.index import CandidateIndex, strongest_terms
from crosswire.stories.join_model import JoinModel, load_model
from crosswire.stories.profile import ArticleProfile, profile_article, unit

JOIN_PROBABILITY = 0.5  # the model's own decision boundary, not a tuned threshold
EVICT_EVERY = 256
# Terms per space of a story's centroid in the merge step: its weight sits in the strongest.
MERGE_TERMS = 150


@dataclass
class TrainingRows:
    """Feature rows and join labels gathered while replaying gold streams."""

    rows: list[np.ndarray] = field(default_factory=list)
    labels: list[np.ndarray] = field(default_factory=list)


class StoryTracker:
    """Assign articles to stories online (Miranda et al., EMNLP 2018).

    ``max_active``: stories kept in the window; ``max_idle_days``: stream days
    after which an unchanged story leaves it; ``min_words``: an article with
    fewer content words cannot be placed and stays a singleton; ``embed``:
    compare the articles' neural vectors when no vectors are given (the
    packaged MiniLM model, else none); ``merge``: run the merge step;
    ``merge_probability``: the join probability a merge needs, both ways
    (higher than a join's 0.5, since a merge moves many articles at once);
    ``forget_after``: the document frequencies forget a term unseen in this
    many articles (0: never), which bounds the vocabulary held;
    ``keep_keys``: article keys an active story keeps in memory (older ones
    spill to disk once it holds twice as many).
    """

    def __init__(
        self,
        *,
        max_active: int = 5000,
        max_idle_days: float = 180.0,
        min_words: int = 3,
        embed: bool = True,
        merge: bool = True,
        merge_probability: float = 0.8,
        model: JoinModel | None = None,
        forget_after: int = FORGET_AFTER,
        keep_keys: int = 256,
    ) -> None:
        self.max_active = max_active
        self.max_idle_days = max_idle_days
        self.min_words = min_words
        self.embed = embed
        self.merge = merge
        self.merge_probability = merge_probability
        self.model = model
        self.forget_after = forget_after
        self.keep_keys = keep_keys
        self._reset()

    def _reset(self) -> None:
        self.frequencies_ = Frequencies(forget_after=self.forget_after)
        self.stories_: dict[str, StoryState] = {}
        self.index_ = CandidateIndex()
        self.labels_: dict[str, str] = {}  # article key -> story id, for the articles of active stories
        self.merged_: dict[str, str] = {}  # merged story id -> the story it joined, while that one is active
        self.closed_ = ClosedStories()  # the same for the stories out of the window, on disk
        self.step_ = 0
        self.latest_day_: float | None = None

    # -- public API --------------------------------------------------------

    def fit(self, articles: Sequence[Article], vectors: np.ndarray | None = None) -> StoryTracker:
        self._reset()
        return self.partial_fit(articles, vectors)

    def partial_fit(self, articles: Sequence[Article], vectors: np.ndarray | None = None) -> StoryTracker:
        """Assign one batch of articles (ids set: their stable keys), in arrival order."""
        return self.partial_fit_profiles(self.profiles(articles, vectors))

    def partial_fit_profiles(self, profiles: Sequence[ArticleProfile]) -> StoryTracker:
        """``partial_fit`` on profiles built elsewhere (the batch job builds them on its workers)."""
        touched: set[str] = set()
        for profile in arrival_order(profiles):
            touched.add(self._place(profile))
        if self.merge:
            self._merge_pass(touched)
        return self

    def replay(self, profiles: Sequence[ArticleProfile], story_of: dict[str, str]) -> StoryTracker:
        """Rebuild the state of articles already assigned: each joins its recorded story, ids kept.

        The store uses it when its saved state is of an older format: the
        stories stay as they were, and later articles are tracked against them.
        """
        for profile in arrival_order(profiles):
            self._place(profile, gold=story_of[profile.key])
        return self

    def fit_predict(self, articles: Sequence[Article], vectors: np.ndarray | None = None) -> list[str]:
        """The story id of each article, in input order, after one pass over them all."""
        if any(not a.id for a in articles):
            articles = [a if a.id else replace(a, id=article_key(a)) for a in articles]
        self.fit(articles, vectors)
        return [self.story_of(a.id) for a in articles]

    def story_of(self, key: str) -> str:
        """The current story id of an article seen before (following merges); KeyError if unseen."""
        sid = self.labels_.get(key)
        if sid is None:
            sid = self.closed_.story_of(key)
            if sid is None:
                raise KeyError(key)
        return self.current_story(sid)

    def seen(self, key: str) -> bool:
        return key in self.labels_ or key in self.closed_

    def size(self, sid: str) -> int:
        """How many articles story ``sid`` holds (active or closed); KeyError if unknown."""
        sid = self.current_story(sid)
        if sid in self.stories_:
            return self.stories_[sid].size
        size = self.closed_.size(sid)
        if size is None:
            raise KeyError(sid)
        return size

    def profiles(self, articles: Sequence[Article], vectors: np.ndarray | None = None) -> list[ArticleProfile]:
        if vectors is None and self.embed:
            vectors = article_vectors(articles)
        return [
            profile_article(a, None if vectors is None else unit(np.asarray(vectors[i], dtype=np.float64)))
            for i, a in enumerate(articles)
        ]

    # -- one step ----------------------------------------------------------

    def _join_model(self, profile: ArticleProfile) -> JoinModel:
        if self.model is not None:
            return self.model
        return load_model(with_vectors=profile.vector is not None)

    def _place(self, profile: ArticleProfile, gold: str | None = None, record: TrainingRows | None = None) -> str:
        """Put one article in a story and return the story's id.

        With ``gold`` (training), the article goes to its gold story and the
        candidates' feature rows are recorded with their true labels.
        """
        if self.seen(profile.key):  # seen before: re-ingesting changes nothing
            return self.story_of(profile.key)
        self.step_ += 1
        self.frequencies_.add(profile)
        if profile.day is not None:
            self.latest_day_ = profile.day if self.latest_day_ is None else max(self.latest_day_, profile.day)
        terms = strongest_terms(profile, self.frequencies_)
        chosen: StoryState | None = None
        if profile.words >= self.min_words:
            candidates = [self.stories_[i] for i in self.index_.candidates(terms)]
            if candidates:
                found = rows(profile, candidates, self.frequencies_)
                if record is not None:
                    record.rows.append(found)
                    record.labels.append(np.array([c.id == gold for c in candidates], dtype=np.int8))
                if gold is None:
                    best = self._join_model(profile).most_wanted(found, JOIN_PROBABILITY)
                    chosen = None if best is None else candidates[best]
            if gold is not None:
                chosen = self.stories_.get(gold)
        if chosen is None:
            chosen = StoryState(id=gold or story_id(profile.key), keys=[], first_step=self.step_)
            self.stories_[chosen.id] = chosen
        chosen.absorb(profile, self.step_, self.frequencies_)
        self.labels_[profile.key] = chosen.id
        self._spill_keys(chosen)
        if profile.words >= self.min_words:
            self.index_.post(chosen, terms)
        if self.step_ % EVICT_EVERY == 0:
            self._evict()
        return chosen.id

    def _evict(self) -> None:
        """Close stories that fell out of the window (by stream time, then by count)."""
        closing: list[StoryState] = []
        if self.latest_day_ is not None and self.max_idle_days:
            horizon = self.latest_day_ - self.max_idle_days
            closing = [s for s in self.stories_.values() if s.last_day is not None and s.last_day < horizon]
        overflow = len(self.stories_) - len(closing) - self.max_active
        if overflow > 0:
            closed = {s.id for s in closing}
            rest = sorted((s for s in self.stories_.values() if s.id not in closed), key=lambda s: (s.last_step, s.id))
            closing.extend(rest[:overflow])
        for story in closing:
            self.index_.remove(story)
            del self.stories_[story.id]
            for key in story.keys:
                del self.labels_[key]
            for gone in story.absorbed:
                del self.merged_[gone]
        self.closed_.close_many([(story.id, story.keys, story.absorbed, story.size) for story in closing])

    def _spill_keys(self, story: StoryState) -> None:
        """Send the older article keys of a long story to disk, keeping the latest ``keep_keys``."""
        if self.keep_keys and len(story.keys) > 2 * self.keep_keys:
            older = story.keys[: -self.keep_keys]
            self.closed_.spill(story.id, older)
            for key in older:
                del self.labels_[key]
            story.keys = story.keys[-self.keep_keys :]

    # -- merge step --------------------------------------------------------

    def _merge_pass(self, touched: set[str]) -> None:
        """Join stories changed in this batch with an active story when each is the other's best match."""
        join_mutual_matches(
            (self.stories_.get(self.current_story(sid)) for sid in sorted(touched)),
            self._best_match,
            self._join_stories,
        )

    def _best_match(self, story: StoryState) -> StoryState | None:
        """The active story the join model most wants ``story`` in (P >= ``merge_probability``), if any."""
        profile = story_profile(story)
        candidates = self.index_.candidates(strongest_terms(profile, self.frequencies_))
        others = [self.stories_[i] for i in candidates if i != story.id]
        found = rows(profile, others, self.frequencies_) if others else np.zeros((0, 0))
        best = self._join_model(profile).most_wanted(found, self.merge_probability)
        return None if best is None else others[best]

    def current_story(self, sid: str) -> str:
        """The id a story goes by now (a merged story's id leads to the story it joined)."""
        while sid in self.merged_:
            sid = self.merged_[sid]
        if sid not in self.stories_:
            return self.closed_.merged_into(sid) or sid
        return sid

    def _join_stories(self, a: StoryState, b: StoryState) -> None:
        # the older story (founded first) keeps its id, so earlier citations still hold
        keep, gone = (a, b) if (a.first_step, a.id) <= (b.first_step, b.id) else (b, a)
        keep.absorb_story(gone)
        self.index_.move(gone, keep)
        for key in gone.keys:
            self.labels_[key] = keep.id
        del self.stories_[gone.id]
        self.merged_[gone.id] = keep.id  # also leads ``gone``'s spilled keys to ``keep``
        self._spill_keys(keep)


Item = TypeVar("Item")


def join_mutual_matches(
    stories: Iterable[Item | None], best_match: Callable[[Item], Item | None], join: Callable[[Item, Item], None]
) -> None:
    """The merge step: each story, in the given order, joins its best match when it is that story's
    best match too (``None``: a story gone by now). Asking both ways keeps a large story from
    absorbing every small one that leans towards it. Used by the tracker and the batch edge merge."""
    for story in stories:
        if story is None:
            continue
        partner = best_match(story)
        if partner is not None and best_match(partner) is story:
            join(story, partner)


def story_profile(story: StoryState) -> ArticleProfile:
    """A story's centroid seen as one long article (for the merge step), cut to its strongest terms."""
    n = story.size

    def centroid(weights: dict[str, float]) -> dict[str, float]:
        # the same terms as heapq.nlargest by (weight, term), sorted in C
        top = sorted(zip(weights.values(), weights.keys(), strict=True), reverse=True)[:MERGE_TERMS]
        return {t: w / n for w, t in top}

    return ArticleProfile(
        key=story.id,
        body=centroid(story.body),
        title=centroid(story.title),
        names=centroid(story.names),
        day=story.last_day,
        vector=None if story.vector_sum is None else unit(story.vector_sum),
        words=int(math.exp(min(10.0, math.log1p(len(story.body))))),
    )


def arrival_order(profiles: Sequence[ArticleProfile]) -> list[ArticleProfile]:
    """Publication time where known, else input order; ties by key, so same-time order never matters."""
    return [
        p
        for _, p in sorted(
            enumerate(profiles),
            key=lambda item: (item[1].day, 0, item[1].key) if item[1].day is not None else (math.inf, item[0], ""),
        )
    ]


def article_vectors(articles: Sequence[Article], embedder: Embedder | None = None) -> np.ndarray | None:
    """Neural vectors of the articles' openings (by ``embedder``, else the process's shared one),
    or None without a neural embedder."""
    from crosswire.embed import TfidfEmbedder, shared_embedder
    from crosswire.stories.profile import lead_text

    embedder = embedder if embedder is not None else shared_embedder()
    if isinstance(embedder, TfidfEmbedder) or not articles:
        return None
    return np.asarray(embedder.encode([lead_text(a) for a in articles]))
