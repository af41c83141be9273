"""How far apart two names are: a normalised edit distance, and a fast bounded check of it."""

from __future__ import annotations

from functools import lru_cache

SURNAME_DISTANCE = 0.2  # edit ratio within which two surnames may be one (``_same_person``)


@lru_cache(maxsize=65536)
def edit_ratio(a: str, b: str) -> float:
    """Normalised Levenshtein distance in [0, 1]."""
    if a == b:
        return 0.0
    if not a or not b:
        return 1.0
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1] / max(len(a), len(b))


def near_words(a: str, b: str) -> bool:
    """``edit_ratio(a, b) <= SURNAME_DISTANCE``, without the full table for short words."""
    limit = int(SURNAME_DISTANCE * max(len(a), len(b)) + 1e-9)  # edits allowed
    if abs(len(a) - len(b)) > limit:
        return False
    if limit == 0:
        return a == b
    if limit == 1:
        return one_edit_apart(a, b)
    return edit_ratio(a, b) <= SURNAME_DISTANCE


def one_edit_apart(a: str, b: str) -> bool:
    """At most one insertion, deletion or substitution turns ``a`` into ``b``."""
    if len(a) > len(b):
        a, b = b, a
    for i, (ca, cb) in enumerate(zip(a, b, strict=False)):
        if ca != cb:
            return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]
    return True
