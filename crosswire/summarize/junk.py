"""Sentences that never belong in a brief: captions, links, calls to action.

A sentence is junk when ``junk_reason`` names a reason. The rules are
deliberately conservative; softer signals are features for the model.
"""

from __future__ import annotations

import re

# A brief's candidates run from "The ferry stopped on Friday." to a long lead sentence; the
# bounds were chosen in cross-validation (6 and 80 words before; see BENCHMARKS.md).
MIN_WORDS = 5
MAX_WORDS = 100

_URL = re.compile(r"https?://|www\.|\.com\b|\.org\b|@\w{2,}", re.IGNORECASE)
_VERBISH = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|may|might|"
    r"must|shall|should|said|says|told|\w+ed|\w+es|\w+s)\b",
    re.IGNORECASE,
)
_READER_PROMPT = re.compile(
    r"\b(?:click|subscribe|sign up|newsletter|follow us|share this|read more|watch:|"
    r"like us on|download the|our app|cookies?|advertisement|all rights reserved|copyright|"
    r"this article|this story|this report|contributed to this|reporting by|editing by|"
    r"related:|photo:|image:|caption|getty images|ap photo|file photo|email us|sign in)\b",
    re.IGNORECASE,
)
# Text whose opening was lost (a dropped link, a split sentence): "’s role in ...",
# "who was involved in the effort." Name particles ("de Blasio") and "iPhone" may open a sentence.
_LOST_OPENING = re.compile(
    r"^[’']s\s|^[\"“‘']?(?!(?:de|van|von|da|di|du|le|la|al|el|bin|ibn|dos|del|della|ter|e|i)\s)[a-z]+\b(?![-’'])"
)
# A teaser cut off mid-phrase: "The researchers also are investigating whether...".
_CUT_OFF = re.compile(
    r"\b(?:the|a|an|to|of|for|and|or|but|with|her|his|their|its|whether|that|in|on|at|by|from|as|into|about)"
    r"\s*(?:\.\.\.|…)$",
    re.IGNORECASE,
)
# Words a title keeps in lower case: a line whose every other word is capitalised is a title, a credit or a
# stamp ("Mobb Deep – “Shook Ones” (DJ Premier Remix)", "(Published Friday, June 27, 2014)",
# "Produced by Rob Tapert, Sam Raimi."), never a sentence of the news (37 of 16,499 validation candidates, all such).
_TITLE_SMALL_WORDS = frozenset(
    ["a", "an", "the", "of", "in", "on", "for", "to", "and", "at", "by", "with", "from", "as", "or", "vs"]
)
_YOU_QUESTION = re.compile(
    r"\b(?:you|your)\b.*\?\s*$|^(?:what|how|do|did|are|would|will|have)\b.*\byou\b", re.I
)


def junk_reason(text: str, english: bool = True) -> str | None:
    """Why ``text`` is not brief material, or None when it may be.

    With ``english=False`` (a sentence of an article read as another language) the rules that read
    English words (a lowercase opening, a verb, a cut-off article or preposition, reader prompts) are
    skipped: they would drop that language's sentences for not being English.
    """
    stripped = text.strip()
    tokens = stripped.split()
    if len(tokens) < MIN_WORDS:
        return "too short"
    if len(tokens) > MAX_WORDS:
        return "too long"
    letters = [c for c in stripped if c.isalpha()]
    if not letters:
        return "no words"
    if sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return "all caps"
    if not english:  # only the rules that hold in any language written with sentence punctuation
        return "link or handle" if _URL.search(stripped) else _unfinished(stripped)
    if _LOST_OPENING.match(stripped):
        return "fragment"
    if _CUT_OFF.search(stripped):
        return "cut off"
    if _URL.search(stripped):
        return "link or handle"
    if _READER_PROMPT.search(stripped):
        return "boilerplate"
    if _YOU_QUESTION.search(stripped):
        return "question to readers"
    if _title_case(tokens):
        return "title or credit"
    if not _VERBISH.search(stripped):
        return "no verb"
    return _unfinished(stripped)


def _title_case(tokens: list[str]) -> bool:
    words = [w.strip("“”\"‘’'()[]:;,.!?") for w in tokens]
    words = [w for w in words if any(c.isalpha() for c in w)]
    return len(words) >= 3 and not any(w[0].islower() and w.lower() not in _TITLE_SMALL_WORDS for w in words)


def _unfinished(stripped: str) -> str | None:
    if stripped[-1] not in ".!?\"'\u201d\u2019)\u00bb" and not stripped.endswith("..."):
        return "unfinished"
    return None


def has_link(text: str) -> bool:
    """A link or a handle: a social post's embed ("A post shared by Ada Veen (@adaveen)") or a web address."""
    return bool(_URL.search(text))


def is_junk(text: str, english: bool = True) -> bool:
    return junk_reason(text, english) is not None
