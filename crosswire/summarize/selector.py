"""Selection: pick scored sentences under a word budget, without repeating content.

Greedy maximal marginal relevance: at each step take the candidate with the
best ``score - redundancy * max cosine to what is already chosen`` that still
fits the budget; near-copies of chosen sentences are never taken. With a
``Coverage`` of weighted concepts (``concepts.py``), ``concept_weight`` times
the weight of the concepts a candidate would newly cover (scaled by the best
such weight at the start) is added to that value. Skipping
what does not fit and going on fills the budget tightly. With
``cross_budget`` the best remaining candidate is then added although it runs
past the budget: for scoring that cuts every summary at the budget (DUC),
where the words up to the cut would otherwise be left empty. The chosen
sentences are then ordered for reading: by article date, then article
order, then position in the article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from crosswire.model import Article, Sentence
from crosswire.summarize.concepts import Coverage


@dataclass(frozen=True)
class Selector:
    words: int = 250
    redundancy: float = 0.7  # weight of the max cosine to already-chosen sentences
    duplicate_cosine: float = 0.8  # at or above this a candidate repeats a chosen sentence
    min_score: float = float("-inf")  # candidates scoring below this are never taken
    cross_budget: bool = False  # end on one sentence past the budget (for scoring that truncates there)
    concept_weight: float = 0.2  # weight of newly covered concepts, when a Coverage is given

    def select(
        self,
        scores: np.ndarray,
        lengths: Sequence[int],
        similarity: np.ndarray,
        *,
        excluded: np.ndarray | None = None,
        coverage: Coverage | None = None,
    ) -> list[int]:
        """Indices of the chosen candidates, in the order they were chosen.

        ``scores`` are rank-normalised or otherwise on a [0, 1]-like scale;
        ``lengths`` are word counts of the texts that will be printed.
        """
        n = len(lengths)
        available = np.ones(n, dtype=bool) if excluded is None else ~excluded
        available &= np.asarray(scores) >= self.min_score
        closest = np.zeros(n, dtype=np.float32)  # max cosine to anything chosen so far
        chosen: list[int] = []
        remaining = self.words
        sizes = np.asarray(lengths)
        concepts = coverage if coverage is not None and self.concept_weight > 0 else None
        covered = concepts.covered if concepts is not None else np.zeros(0, dtype=bool)
        # Gains are scaled so the best opening gain weighs concept_weight, as scores peak at 1.
        gain_scale = 0.0
        if concepts is not None:
            gain_scale = self.concept_weight / max(float(concepts.gains(covered).max(initial=0.0)), 1e-9)
        while remaining > 0:
            fits = available & (sizes <= remaining) & (sizes > 0)
            last = False
            if not fits.any():
                fits = available & (sizes > 0)
                last = True
                if not (self.cross_budget and fits.any()):
                    break
            value = scores - self.redundancy * closest
            if concepts is not None:
                value = value + gain_scale * concepts.gains(covered)
            value = np.where(fits, value, -np.inf)
            best = int(np.argmax(value))
            chosen.append(best)
            if last:
                break
            remaining -= int(sizes[best])
            available[best] = False
            closest = np.maximum(closest, similarity[best])
            available &= closest < self.duplicate_cosine
            if concepts is not None:
                covered = concepts.union(covered, best)
        return chosen


def reading_order(sentences: Sequence[Sentence], articles: Sequence[Article]) -> list[int]:
    """Indices of ``sentences`` sorted by article date, article order, then position."""
    order = {a.id: i for i, a in enumerate(articles)}
    dates = {a.id: a.published or "" for a in articles}
    undated = "9999"  # undated articles keep their input order, after dated ones

    def key(i: int) -> tuple[str, int, int]:
        s = sentences[i]
        return (dates[s.article_id][:10] or undated, order[s.article_id], s.index)

    return sorted(range(len(sentences)), key=key)


_WEAK_OPENING = re.compile(r"^(?:[\"“‘'(]|(?:He|She|It|They|This|That|These|Those|But|And|However|Also)\b)")


def lead_first(order: Sequence[int], texts: Sequence[str], leads: Sequence[bool] | None = None) -> list[int]:
    """``order`` with the pick that should open the brief moved to the front.

    Picks are numbered best first. A brief opens as a news story does: on
    the best pick that is an article's lead (``leads``), else on the best
    that is a statement, not a quote or a pronoun whose referent comes later.
    ROUGE-1/2 ignore order.
    """
    can_open = [not _WEAK_OPENING.match(text.lstrip()) for text in texts]
    opener = next((i for i in range(len(texts)) if can_open[i] and leads and leads[i]), None)
    if opener is None:
        opener = next((i for i in range(len(texts)) if can_open[i]), None)
    if opener is None:
        return list(order)
    return [opener, *(i for i in order if i != opener)]
