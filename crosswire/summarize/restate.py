"""One fact said twice by meaning: close vectors, and nothing new in what the second sentence says.

Issue 17 (class 3): two outlets' leads, one statement quoted twice, a paraphrase then its quote.
Word containment alone (``arrange.same_fact``) misses a restatement in other words; a cosine alone
would drop a sentence that adds a new number or name to a close one. A candidate restates a chosen
sentence when their cosine is at least ``cosine`` and it adds no number, no name and at most
``new_share`` of its content stems to it. Once several sentences are chosen (``Restatements``), a
number or name counts as new only if no chosen sentence has it: three outlets' leads each adding one
detail the first lacks ("19", "Bluefin-21") say one fact, not three.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from crosswire.summarize.text import STOP_WORDS, content_stems

_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z'’-]+")
RESTATE_COSINE = 0.4
RESTATE_NEW_SHARE = 0.5


@dataclass(frozen=True)
class Content:
    """What a sentence says, as far as redundancy goes: its numbers, names and content stems."""

    numbers: frozenset[str]
    names: frozenset[str]
    stems: frozenset[str]


def content_of(text: str) -> Content:
    numbers = frozenset(n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text))
    names = frozenset(
        stem
        for word in _CAPITALISED.findall(text)
        if word.lower() not in STOP_WORDS
        for stem in content_stems(word)
    )
    return Content(numbers, names, frozenset(content_stems(text)))


def adds_nothing(new: Content, chosen: Content, new_share: float = RESTATE_NEW_SHARE) -> bool:
    """``new`` tells no number or name ``chosen`` lacks, and at most ``new_share`` of its stems are new."""
    return _no_new_number_or_name(new, chosen) and _few_new_stems(new, chosen, new_share)


def _no_new_number_or_name(new: Content, chosen: Content) -> bool:
    return new.numbers <= chosen.numbers and new.names <= chosen.stems


def _few_new_stems(new: Content, chosen: Content, new_share: float) -> bool:
    return bool(new.stems) and len(new.stems - chosen.stems) <= new_share * len(new.stems)


@dataclass(frozen=True)
class Restatements:
    """Which candidates restate what is chosen so far, with numbers and names pooled over the chosen.

    Candidate j restates the chosen set when it is close (cosine) to one chosen sentence, adds at most
    ``new_share`` new content stems to it, and every number and name of j is in some chosen sentence.
    """

    contents: list[Content]
    close_and_few_new: np.ndarray  # [i, j]: close, and j has few content stems i lacks

    @classmethod
    def of(
        cls,
        texts: Sequence[str],
        similarity: np.ndarray,
        cosine: float = RESTATE_COSINE,
        new_share: float = RESTATE_NEW_SHARE,
    ) -> Restatements:
        if len(texts) == 0:
            return cls([], np.zeros((0, 0), dtype=bool))
        contents = [content_of(t) for t in texts]
        close = np.asarray(similarity) >= cosine
        np.fill_diagonal(close, False)
        found = np.zeros(close.shape, dtype=bool)
        for i, j in zip(*np.nonzero(close), strict=True):
            found[i, j] = _few_new_stems(contents[j], contents[i], new_share)
        return cls(contents, found)

    def pairs(self) -> np.ndarray:
        """``[i, j]``: candidate j restates candidate i alone (``adds_nothing``), numbers and names unpooled."""
        found = np.zeros(self.close_and_few_new.shape, dtype=bool)
        for i, j in zip(*np.nonzero(self.close_and_few_new), strict=True):
            found[i, j] = _no_new_number_or_name(self.contents[j], self.contents[i])
        return found

    def of_chosen(self, chosen: Sequence[int] | np.ndarray) -> np.ndarray:
        """The candidates that restate the ``chosen`` rows (numbers and names pooled over them)."""
        found = np.zeros(len(self.contents), dtype=bool)
        if len(chosen) == 0:
            return found
        pooled = Content(
            numbers=frozenset().union(*(self.contents[i].numbers for i in chosen)),
            names=frozenset(),
            stems=frozenset().union(*(self.contents[i].stems for i in chosen)),
        )
        for j in np.flatnonzero(self.close_and_few_new[list(chosen)].any(axis=0)):
            found[j] = _no_new_number_or_name(self.contents[j], pooled)
        return found


def restated(
    texts: Sequence[str],
    similarity: np.ndarray,
    cosine: float = RESTATE_COSINE,
    new_share: float = RESTATE_NEW_SHARE,
) -> np.ndarray:
    """``[i, j]``: candidate j restates candidate i (once i is chosen, j says nothing new)."""
    return Restatements.of(texts, similarity, cosine, new_share).pairs()


def restated_pairs(
    texts: Sequence[str], vectors: np.ndarray, cosine: float = RESTATE_COSINE
) -> tuple[int, int]:
    """(pairs of ``texts``, pairs where one sentence restates the other): the redundancy proxy."""
    n = len(texts)
    if n < 2:
        return 0, 0
    found = restated(texts, np.asarray(vectors) @ np.asarray(vectors).T, cosine)
    upper = np.triu(found | found.T, k=1)
    return n * (n - 1) // 2, int(upper.sum())
