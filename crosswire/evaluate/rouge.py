"""ROUGE as the project's evaluation data README prescribes.

``rouge-score`` with the Porter stemmer; ROUGE-1, ROUGE-2 and ROUGE-Lsum;
ROUGE-Lsum over newline-separated sentences (a summary is its sentences joined
by "\\n"; references are scored as given, so a Multi-News reference is one
line and a DUC reference keeps its own one-sentence-a-line layout);
a leading "– " stripped from Multi-News references; several references are
averaged (mean of the per-reference scores). Scores are fractions here and
percentages in reports (``percent``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from statistics import fmean

from rouge_score import rouge_scorer

ROUGE_TYPES: tuple[str, ...] = ("rouge1", "rouge2", "rougeLsum")
MULTINEWS_PREFIX = "– "


@dataclass(frozen=True)
class RougeScore:
    """Precision, recall and F1 of one ROUGE type, as fractions."""

    precision: float
    recall: float
    f1: float


Scores = Mapping[str, RougeScore]


@lru_cache(maxsize=1)
def _scorer() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def strip_multinews_prefix(text: str) -> str:
    """Multi-News references start with "– " (a newswire dash); drop it."""
    stripped = text.lstrip()
    return stripped[len(MULTINEWS_PREFIX) :] if stripped.startswith(MULTINEWS_PREFIX) else text


def summary_text(sentences: Iterable[str]) -> str:
    """A system summary for scoring: its sentences, one per line."""
    return "\n".join(" ".join(s.split()) for s in sentences if s.strip())


def score(reference: str, summary: str) -> dict[str, RougeScore]:
    """ROUGE of one summary against one reference (both already one sentence a line)."""
    result = _scorer().score(reference, summary)
    return {name: RougeScore(s.precision, s.recall, s.fmeasure) for name, s in result.items()}


def score_references(references: Sequence[str], summary: str) -> dict[str, RougeScore]:
    """Mean over references of each ROUGE type's precision, recall and F1.

    References are used as given (not re-split: the data README's figures
    were computed that way); ``summary`` is one sentence a line (see
    ``summary_text``).
    """
    if not references:
        raise ValueError("at least one reference is needed")
    per_reference = [score(reference, summary) for reference in references]
    return {
        name: RougeScore(
            precision=fmean(s[name].precision for s in per_reference),
            recall=fmean(s[name].recall for s in per_reference),
            f1=fmean(s[name].f1 for s in per_reference),
        )
        for name in ROUGE_TYPES
    }


def mean_scores(per_cluster: Sequence[Scores]) -> dict[str, RougeScore]:
    """Macro-average over clusters."""
    if not per_cluster:
        return {name: RougeScore(0.0, 0.0, 0.0) for name in ROUGE_TYPES}
    return {
        name: RougeScore(
            precision=fmean(s[name].precision for s in per_cluster),
            recall=fmean(s[name].recall for s in per_cluster),
            f1=fmean(s[name].f1 for s in per_cluster),
        )
        for name in ROUGE_TYPES
    }


def percent(value: float) -> float:
    return round(100.0 * value, 2)
