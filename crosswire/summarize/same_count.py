"""One count told twice: two outlets' leads giving the same number of the same thing about the same people.

Issue 17 (class 3, again): "The judge threw out three of the eight murder charges against Gosnell" and
"McMahon was able to convince the judge to drop three first-degree murder charges against Gosnell";
"Eight people including three children were injured ..." and "Eight people, including two children,
were injured ...". The second adds a name or a (conflicting) number, so ``restate.py`` keeps it, and the
hashed TF-IDF cosine of two leads in other words is low. A news reader calls them one fact: the same
count of the same thing (a number with its plural noun, an amount of money, a percentage), about the
same participants. Here j restates i when they share such a count, and besides its noun at least
``MIN_SHARED`` content stems, one of them a name, and j counts nothing i does not (a breakdown of an
amount, or a new number of another thing, is news).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from crosswire.summarize.restate import Content, content_of
from crosswire.summarize.text import STOP_WORDS, content_stems

MIN_SHARED = 3  # content stems besides the counted noun: one shared word is a coincidence, three an event
_WINDOW = 5  # words after a number searched for the noun it counts
_TOKEN = re.compile(
    r"\$\d[\d,.]*(?:\s+(?:million|billion|trillion))?"  # an amount of money
    r"|\d+-[A-Za-z][A-Za-z-]*"  # "13-year-old" is a word, not a count
    r"|\d(?:[\d.]|,\d)*(?:\s*(?:%|percent\b))?"  # a number or a percentage
    r"|[A-Za-z][A-Za-z'’-]*|[,;:()\[\]\"“”—–]"  # punctuation ends a count's noun phrase
)
_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip
# Words a count's noun phrase runs through: "three of the eight charges", "four other babies".
_THROUGH = frozenset({"of", "the", "other", "more", "additional", "remaining", "his", "her", "their"})
_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "police", "feet", "teeth"})
_AMOUNT_WORDS = frozenset({"million", "billion", "trillion", "percent"})
_UNITS = frozenset({"$", "%"})  # an amount is (unit, value); a count is (value, noun)


def _is_word(stem: str) -> bool:
    """A content stem that is a word, not a number or the unit of an amount (those are the count)."""
    return not stem[0].isdigit() and stem not in _AMOUNT_WORDS


@dataclass(frozen=True)
class Counted:
    """What a sentence counts: (number, stem of the counted noun) pairs; amounts have "$" or "%"."""

    counts: frozenset[tuple[str, str]]


def _plural(word: str) -> bool:
    """A lower-case plural noun, by its ending ("Williams" is a name, "was" a stop word)."""
    if word in _IRREGULAR_PLURALS:
        return True
    return len(word) > 3 and word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _value(token: str) -> str | None:
    """The number a token gives (2 or more: "one" is no count), or None."""
    lower = token.lower()
    if lower in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[lower])
    if token[0].isdigit():
        digits = token.replace(",", "").rstrip(".")
        return digits if digits.replace(".", "", 1).isdigit() and float(digits) >= 2 else None
    return None


def _counted_noun(tokens: Sequence[str], start: int) -> str | None:
    """The plural noun a number at ``start - 1`` counts, within a few words, or None."""
    previous = ""
    for token in tokens[start : start + _WINDOW]:
        if _plural(token):
            found = content_stems(token)
            return found[0] if found else None
        lower = token.lower()
        if not lower[0].isalnum():
            return None
        passes = lower in _THROUGH or (_value(token) is not None and previous in _THROUGH)
        if not passes and (lower in STOP_WORDS or _value(token) is not None):
            return None
        previous = lower
    return None


def counted(text: str) -> Counted:
    tokens = _TOKEN.findall(text)
    found: set[tuple[str, str]] = set()
    for k, token in enumerate(tokens):
        if token.startswith("$") or (token[0].isdigit() and token.endswith(("%", "percent"))):
            unit = "$" if token.startswith("$") else "%"
            found.add((unit, re.sub(r"[\s,%$]|percent", "", token).rstrip(".")))
            continue
        value = _value(token)
        noun = _counted_noun(tokens, k + 1) if value is not None else None
        if value is not None and noun is not None:
            found.add((value, noun))
    return Counted(frozenset(found))


def _counts_nothing_new(
    new: frozenset[tuple[str, str]], chosen: frozenset[tuple[str, str]], shared: frozenset[tuple[str, str]]
) -> bool:
    """Every count of ``new`` is in ``chosen``, counts a thing ``chosen`` counts ("two children" after
    "three children": the same injured told twice, not news) or gives a shared count's number to another
    noun ("two missing girls" beside "two bodies": the same two); every amount is in ``chosen``."""
    nouns = {noun for value, noun in chosen if value not in _UNITS}
    numbers = {value for value, _ in shared if value not in _UNITS}
    return all(
        item in chosen or (item[0] not in _UNITS and (item[1] in nouns or item[0] in numbers)) for item in new
    )


def same_count_pairs(
    texts: Sequence[str], min_shared: int = MIN_SHARED, contents: Sequence[Content] | None = None
) -> np.ndarray:
    """``[i, j]``: j gives i's count of one thing about the same participants, and counts nothing new.
    ``contents``: the texts' ``content_of``, when the caller has them already (``Restatements``)."""
    n = len(texts)
    found = np.zeros((n, n), dtype=bool)
    counts = [counted(t).counts for t in texts]
    contents = contents if contents is not None else [content_of(t) for t in texts]
    for i, j in _sharing_a_count(counts):
        shared_counts = counts[i] & counts[j]
        nouns = {noun for _, noun in shared_counts}
        shared = {s for s in contents[i].stems & contents[j].stems - nouns if _is_word(s)}
        if len(shared) < min_shared or not shared & (contents[i].names | contents[j].names):
            continue
        found[i, j] = _counts_nothing_new(counts[j], counts[i], shared_counts)
        found[j, i] = _counts_nothing_new(counts[i], counts[j], shared_counts)
    return found


def _sharing_a_count(counts: Sequence[frozenset[tuple[str, str]]]) -> list[tuple[int, int]]:
    """Pairs (i < j) of sentences with a count in common, found through an index of counts rather than by
    comparing every pair: a 400-article story has 12,000 candidates and few of them share a count."""
    rows: dict[tuple[str, str], list[int]] = {}
    for row, items in enumerate(counts):
        for item in items:
            rows.setdefault(item, []).append(row)
    return sorted({(i, j) for same in rows.values() for k, i in enumerate(same) for j in same[k + 1 :]})
