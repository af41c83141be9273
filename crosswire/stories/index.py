"""Candidate stories for an article, found through an inverted index.

Each active story is posted under the strongest terms of the articles it
took in. An article looks up its own strongest terms, so the cost of a step
depends on how many stories share its rare words, never on how many stories
are active. Terms posted under too many stories say nothing and are skipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter

from crosswire.stories.features import Frequencies, StoryState
from crosswire.stories.profile import ArticleProfile

# Query and posting terms per article and space.
TERMS_PER_ARTICLE = {"body": 12, "title": 8, "names": 8}
# A term posted under more stories than this is skipped at query time.
MAX_POSTING = 400
MAX_CANDIDATES = 12
# A candidate sharing less than this part of the best candidate's index weight is not scored:
# the join model almost never prefers it, and scoring is most of a step's cost.
MIN_CANDIDATE_SHARE = 0.35
# ... but the best ones are always scored.
MIN_CANDIDATES = 4
# Index keys one story stays posted under: the least recently used go first, so a story fed for
# months is found by the words it uses now, and its postings do not grow with its length.
MAX_STORY_KEYS = 1_000


def strongest_terms(profile: ArticleProfile, df: Frequencies) -> list[tuple[str, float]]:
    """(index key, weight) of the article's most telling terms in each space."""
    found: list[tuple[str, float]] = []
    for space, limit in TERMS_PER_ARTICLE.items():
        weights: dict[str, float] = getattr(profile, space)
        memo = df.memo[space]
        # a full sort by (-score, term), cut at ``limit``: sorting the list in C beats a heap fed in Python
        scored = sorted([(-weight * memo[term], term) for term, weight in weights.items()])[:limit]
        found.extend((f"{space}:{term}", -score) for score, term in scored)
    return found


@dataclass
class CandidateIndex:
    postings: dict[str, set[str]] = field(default_factory=dict)

    def post(self, story: StoryState, terms: list[tuple[str, float]], limit: int = MAX_STORY_KEYS) -> None:
        indexed = story.indexed
        for key, _ in terms:
            if key in indexed:
                del indexed[key]  # re-inserted below: now the most recently used
            else:
                self.postings.setdefault(key, set()).add(story.id)
            indexed[key] = None
        self._cap(story, limit)

    def _cap(self, story: StoryState, limit: int = MAX_STORY_KEYS) -> None:
        """Unpost ``story``'s least recently used keys beyond ``limit``."""
        indexed = story.indexed
        while len(indexed) > limit:
            oldest = next(iter(indexed))
            del indexed[oldest]
            self._unpost(story.id, oldest)

    def _unpost(self, story_id: str, key: str) -> None:
        posting = self.postings.get(key)
        if posting is not None:
            posting.discard(story_id)
            if not posting:
                del self.postings[key]

    def remove(self, story: StoryState) -> None:
        for key in story.indexed:
            self._unpost(story.id, key)
        story.indexed = {}

    def move(self, gone: StoryState, keep: StoryState) -> None:
        """Re-post the keys ``gone`` was posted under to ``keep`` (a merge), then drop ``gone``.

        ``gone``'s keys count as used before ``keep``'s own, in ``gone``'s order."""
        posted = list(gone.indexed)
        self.remove(gone)
        fresh = [key for key in posted if key not in keep.indexed]
        keep.indexed = {**dict.fromkeys(fresh), **keep.indexed}
        for key in fresh:
            self.postings.setdefault(key, set()).add(keep.id)
        self._cap(keep)

    def candidates(self, terms: list[tuple[str, float]], limit: int = MAX_CANDIDATES) -> list[str]:
        """Story ids sharing the most weight of ``terms``, best first (ties by id)."""
        scores: dict[str, float] = {}
        get = scores.get
        for key, weight in terms:
            posting = self.postings.get(key)
            if not posting or len(posting) > MAX_POSTING:
                continue
            for story_id in posting:
                scores[story_id] = get(story_id, 0.0) + weight
        # by (-score, id): two stable sorts keyed in C, since there can be thousands of stories here
        ranked = sorted(scores.items(), key=itemgetter(0))
        ranked.sort(key=itemgetter(1), reverse=True)
        ranked = ranked[:limit]
        floor = ranked[0][1] * MIN_CANDIDATE_SHARE if ranked else 0.0
        return [story_id for n, (story_id, score) in enumerate(ranked) if n < MIN_CANDIDATES or score >= floor]
