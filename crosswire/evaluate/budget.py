"""The one word-budget rule every evaluated system goes through.

A system hands over its candidate sentences in the order it would pick them
(``Selection.order``). Whole sentences are taken in that order until the
budget (whitespace-delimited words) is reached or passed, so the last one may
run past it; they are then laid out in the system's presentation order
(document order for sumy's rankers, which is what sumy returns; pick order
for lead; the brief's reading order for crosswire, whose sentences come in
its own pick order). Nothing is truncated: this is the rule that
reproduces the data README's peer figures (truncating the last sentence at the
budget, or stopping before the budget is passed, do not). Crosswire's own
sentences go through the same rule at scoring time.

DUC's official scoring cuts every summary at the word limit (ROUGE-1.5.5
``-l``), so DUC runs apply the same rule and then ``truncate``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from crosswire.model import count_words


@dataclass(frozen=True)
class Selection:
    """Candidate sentences and the order a system picks them in.

    ``order`` holds indices into ``sentences``; ``document_order`` says the
    picked sentences are shown in index order rather than pick order.
    """

    sentences: tuple[str, ...]
    order: tuple[int, ...]
    document_order: bool = False

    @classmethod
    def in_order(cls, sentences: Sequence[str]) -> Selection:
        """A summary whose sentences are already picked and laid out."""
        return cls(sentences=tuple(sentences), order=tuple(range(len(sentences))))


def pick(selection: Selection, words: int) -> list[int]:
    """Indices of whole sentences taken until ``words`` is reached or passed."""
    picked: list[int] = []
    used = 0
    for index in selection.order:
        if used >= words:
            break
        size = count_words(selection.sentences[index])
        if size == 0:
            continue
        picked.append(index)
        used += size
    return sorted(picked) if selection.document_order else picked


def truncate(sentences: Sequence[str], words: int) -> list[str]:
    """Sentences cut at exactly ``words`` words (whitespace normalised)."""
    result: list[str] = []
    used = 0
    for sentence in sentences:
        if used >= words:
            break
        tokens = sentence.split()[: words - used]
        if tokens:
            result.append(" ".join(tokens))
            used += len(tokens)
    return result


def apply_budget(selection: Selection, words: int, cut: bool = False) -> list[str]:
    """The budgeted summary in presentation order; ``cut=True`` also truncates at ``words`` (DUC)."""
    if words < 1:
        raise ValueError(f"word budget must be positive, got {words}")
    sentences = [" ".join(selection.sentences[i].split()) for i in pick(selection, words)]
    return truncate(sentences, words) if cut else sentences
