"""The outlet of a plain-text article, from its text or its file name, and where it came from.

A cascade, first match wins (``outlet_of_text``):

1. dateline: a wire's tag in the opening lines, "VELDMARK, March 11 (CPA) - ..."
   -> "CPA" (``outlet_source`` "dateline");
2. sign-off: a copyright line, "(c) 2025 Continental Press Agency. All rights
   reserved." -> "Continental Press Agency" ("sign-off");
3. boilerplate: the site naming itself in its furniture, "More from the
   Ledger", "Harbour & Freight Weekly delivers independent coverage ..."
   ("boilerplate");
4. the file name, when it reads as a name: "02-northline-news.txt" ->
   "Northline News" ("file name").

Otherwise the outlet stays empty.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from crosswire.ingest.fields import words_of

DATELINE_LINES = 6  # a dateline sits in the opening lines

_NAME = r"[A-Z][\w&'’.-]*(?:\s+(?:[A-Z&][\w&'’.-]*|of|the|and|for|de|du))*"
_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'’-]{1,40}(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?\s+"
    r"\((?P<name>[A-Z][A-Za-z&.' -]{0,30})\)\s*[-–—]"
)
_SIGN_OFF = re.compile(
    rf"^\W*(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?\s*)?,?\s*(?:by\s+)?(?P<name>{_NAME})"
    r"\s*(?:[.,;|]|$)",
    re.IGNORECASE,
)
_BOILERPLATE = (
    re.compile(rf"^More from (?P<name>(?:the )?{_NAME})\s*$"),
    re.compile(
        rf"^(?P<name>{_NAME}) (?:delivers|provides|brings you|is an? (?:independent|local|regional|national))\b"
    ),
    re.compile(rf"^Sign up for (?P<name>(?:the )?{_NAME})['’]s (?:morning|daily|weekly|evening)\b"),
)
_GENERIC_NAMES = words_of(
    "article articles story stories text texts doc docs document documents file files page pages draft "
    "copy sample samples test tests example examples input inputs output news item items"
)


def outlet_of_text(text: str, name: str = "") -> tuple[str | None, str]:
    """(outlet, where it came from) for a plain-text article read from file ``name``."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:DATELINE_LINES]:
        match = _DATELINE.match(line)
        if match:
            return _tidy(match.group("name")), "dateline"
    for line in reversed(lines):
        match = _SIGN_OFF.match(line)
        if match and _plausible(match.group("name")):
            return _tidy(match.group("name")), "sign-off"
    for line in lines:
        for pattern in _BOILERPLATE:
            match = pattern.match(line)
            if match and _plausible(match.group("name")):
                return _tidy(match.group("name")), "boilerplate"
    from_name = outlet_of_file_name(name)
    return (from_name, "file name") if from_name else (None, "")


def outlet_of_file_name(name: str) -> str | None:
    """ "02-northline-news.txt" -> "Northline News"; None when the name does not read as one."""
    if not name:
        return None
    stem = PurePath(name).name.split(".")[0]
    words = [w for w in re.split(r"[-_ ]+", stem) if w]
    while words and not words[0].isalpha():
        words = words[1:]
    if len(words) < 2 or not all(w.isalpha() for w in words):
        return None
    if all(w.lower() in _GENERIC_NAMES for w in words) or words[0].lower() in _GENERIC_NAMES:
        return None
    return " ".join(w.capitalize() for w in words)


def _plausible(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 6 and name.lower() not in {"all rights reserved", "the"}


def _tidy(name: str) -> str:
    name = re.split(r"\.\s|\s+all rights\b", name, maxsplit=1, flags=re.IGNORECASE)[0].strip(" .,;|")
    return name[4:].strip() if name.lower().startswith("the ") and len(name.split()) == 2 else name
