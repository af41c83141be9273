"""Update mode: what a returning reader has already seen counts against a sentence.

A brief with ``since`` (the articles the reader saw before) should say what
is new. Two signals, one rule for every later set (DUC 2007's B and C alike):

- sentence level: a candidate is discounted by how close it is to the
  closest seen sentence (cosine above ``floor``, times ``penalty``) and
  dropped at ``seen_cosine``;
- concept level: a bigram the seen articles already have
  (``concepts.seen_concepts``) keeps only ``seen_concept_share`` of its weight, so the selector's concept gain
  (``concepts.py``) rewards new facts; in update mode that gain has weight
  ``concept_weight`` whatever the query's share of the score, since the
  query says what the reader wants, the concepts what is new about it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from crosswire.summarize.concepts import Coverage


@dataclass(frozen=True)
class UpdateSettings:
    """How ``since`` (articles the reader already saw) steers selection."""

    seen_cosine: float = 0.75  # a sentence this close to a seen one is old news: dropped
    penalty: float = 1.0  # score minus penalty * (cosine to the closest seen sentence - floor)
    floor: float = 0.3
    concept_weight: float | None = None  # the selector's concept weight in update mode; None: the brief's own
    seen_concept_share: float = 0.0  # of a seen bigram's weight, what is left


def discounted(
    scores: np.ndarray, closest: np.ndarray, settings: UpdateSettings
) -> tuple[np.ndarray, np.ndarray]:
    """Scores less the seen-sentence discount, and the mask of candidates that repeat a seen sentence.

    ``closest`` is each candidate's cosine to its closest seen sentence.
    """
    penalty = settings.penalty * np.clip(np.asarray(closest) - settings.floor, 0, None)
    return (np.asarray(scores) - penalty).astype(np.float32), np.asarray(closest) >= settings.seen_cosine


def novel_coverage(coverage: Coverage, seen: np.ndarray, share: float) -> Coverage:
    """``coverage`` with the ``seen`` concepts' weights scaled by ``share`` (0: they earn nothing)."""
    seen = np.asarray(seen, dtype=bool)
    if share <= 0:
        return replace(coverage, covered=coverage.covered | seen)
    return replace(coverage, weights=np.where(seen, share * coverage.weights, coverage.weights))
