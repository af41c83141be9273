"""Learned word importance: how often a word of the sources reaches the summary.

For every content stem, training counts the clusters whose sources contain it
(``sources``) and those whose reference also does (``hits``). A stem's prior
is the smoothed rate ``(hits + a * base_rate) / (sources + a)``; stems seen in
fewer than ``min_sources`` training clusters get the base rate. A sentence is
rated by the priors of its content words (after Hong and Nenkova, 2014).

Training rates each cluster with priors that leave that cluster out, so the
columns the model learns from are as unseen as they are at run time.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import numpy as np

from crosswire.summarize.features import SentenceTable
from crosswire.summarize.text import content_stems

SMOOTHING = 5.0
MIN_SOURCES = 3

# A cluster's source content stems, and those of them its reference uses.
ClusterStems = tuple[frozenset[str], frozenset[str]]


@dataclass(frozen=True)
class WordPriors:
    """Per-stem counts from training clusters, and the rule that turns them into priors."""

    sources: Mapping[str, int]
    hits: Mapping[str, int]
    base_rate: float
    smoothing: float = SMOOTHING
    min_sources: int = MIN_SOURCES
    left_out_sources: frozenset[str] = field(default_factory=frozenset)
    left_out_hits: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def count(cls, clusters: Iterable[ClusterStems]) -> WordPriors:
        """Priors from each cluster's ``cluster_stems``."""
        sources: Counter[str] = Counter()
        hits: Counter[str] = Counter()
        for source_stems, hit_stems in clusters:
            sources.update(source_stems)
            hits.update(hit_stems)
        base_rate = sum(hits.values()) / max(sum(sources.values()), 1)
        return cls(sources=dict(sources), hits=dict(hits), base_rate=base_rate)

    def leave_out(self, cluster: ClusterStems) -> WordPriors:
        """These priors as if the given cluster (its ``cluster_stems``) had not been counted."""
        source_stems, hit_stems = cluster
        return replace(self, left_out_sources=source_stems, left_out_hits=hit_stems)

    def prior(self, stem: str) -> float:
        seen = self.sources.get(stem, 0) - (stem in self.left_out_sources)
        if seen < self.min_sources:
            return self.base_rate
        hit = self.hits.get(stem, 0) - (stem in self.left_out_hits)
        return (hit + self.smoothing * self.base_rate) / (seen + self.smoothing)

    def to_text(self) -> str:
        """The stems that can get their own prior (the rest get the base rate), as JSON."""
        kept = sorted(s for s, n in self.sources.items() if n >= self.min_sources)
        payload = {
            "base_rate": self.base_rate,
            "smoothing": self.smoothing,
            "min_sources": self.min_sources,
            "stems": {s: [self.sources[s], self.hits.get(s, 0)] for s in kept},
        }
        return json.dumps(payload, sort_keys=True, separators=(",", ":")) + "\n"

    @classmethod
    def from_text(cls, text: str) -> WordPriors:
        """Priors written by ``to_text``."""
        payload = json.loads(text)
        stems = payload["stems"]
        return cls(
            sources={s: int(v[0]) for s, v in stems.items()},
            hits={s: int(v[1]) for s, v in stems.items()},
            base_rate=float(payload["base_rate"]),
            smoothing=float(payload["smoothing"]),
            min_sources=int(payload["min_sources"]),
        )


def cluster_stems(sentence_stems: Iterable[Iterable[str]], reference: str) -> ClusterStems:
    """Content stems of a cluster's sources (given per sentence, as ``SentenceTable.stems``),
    and those of them its reference uses."""
    source = frozenset(stem for stems in sentence_stems for stem in stems)
    return source, source & frozenset(content_stems(reference))


class WordPriorScorer:
    names = ("word_prior_mean", "word_prior_max", "word_prior_weighted", "word_prior_top3")

    def __init__(self, priors: WordPriors) -> None:
        self.priors = priors

    def columns(self, table: SentenceTable) -> np.ndarray:
        frequency = Counter(stem for stems in table.stems for stem in stems)
        cache: dict[str, float] = {}
        rows = []
        for stems in table.stems:
            if not stems:
                rows.append([0.0, 0.0, 0.0, 0.0])
                continue
            priors = np.array([cache.setdefault(s, self.priors.prior(s)) for s in stems])
            weights = np.log1p([frequency[s] for s in stems])  # words the story repeats count more
            rows.append(
                [
                    priors.mean(),
                    priors.max(),
                    float((priors * weights).mean()),
                    float(np.sort(priors)[-3:].mean()),
                ]
            )
        return np.array(rows, dtype=np.float32).reshape(table.size, len(self.names))
