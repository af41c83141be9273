"""One fact said twice by meaning: close vectors, and nothing new in what the second sentence says.

Issue 17 (class 3): two outlets' leads, one statement quoted twice, a paraphrase then its quote.
Word containment alone (``arrange.same_fact``) misses a restatement in other words; a cosine alone
would drop a sentence that adds a new number or name to a close one. A candidate restates a chosen
sentence when their cosine is at least ``cosine`` and it adds no number, no name and at most
``new_share`` of its content stems to it.
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
    if not new.stems or not new.numbers <= chosen.numbers or not new.names <= chosen.stems:
        return False
    return len(new.stems - chosen.stems) <= new_share * len(new.stems)


def restated(
    texts: Sequence[str],
    similarity: np.ndarray,
    cosine: float = RESTATE_COSINE,
    new_share: float = RESTATE_NEW_SHARE,
) -> np.ndarray:
    """``[i, j]``: candidate j restates candidate i (once i is chosen, j says nothing new)."""
    n = len(texts)
    found = np.zeros((n, n), dtype=bool)
    if n == 0:
        return found
    contents = [content_of(t) for t in texts]
    close = np.asarray(similarity) >= cosine
    np.fill_diagonal(close, False)
    for i, j in zip(*np.nonzero(close), strict=True):
        found[i, j] = adds_nothing(contents[j], contents[i], new_share)
    return found


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
