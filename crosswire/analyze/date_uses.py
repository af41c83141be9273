"""Years that date no event of the clause they stand in: a law's name, a condition's supposition."""

from __future__ import annotations

import re
from typing import Any

from crosswire.analyze.dates import DateMention

# "the 1977 Act", "the 1977 Misuse of Drugs Act", "Misuse of Drugs Act 1977", "the Finance Bill 2015": the year is part of a law's name.
_LAW_AFTER = re.compile(r"^\s+(?:(?:[A-Z][\w’'-]*|of|the|and)\s+){0,5}?(?:Act|Bill|Law|Code|Constitution)\b")
_LAW_BEFORE = re.compile(r"\b(?:Act|Bill)\s*(?:\([A-Z][a-z]+\)\s*)?$")
_CONDITION_MARKS = frozenset({"if", "unless"})


def names_a_law(text: str, mention: DateMention) -> bool:
    """A bare year that is part of a law's name ("the 1977 Act") names the law, not an event."""
    if mention.relative or mention.month is not None:
        return False
    after = text[mention.end : mention.end + 60]
    before = text[max(0, mention.start - 24) : mention.start]
    return bool(_LAW_AFTER.match(after) or _LAW_BEFORE.search(before))


def in_condition(doc: Any | None, mention: DateMention) -> bool:
    """ "if Tarsk is the nominee in 2016": a year inside an if-clause tells a supposition, not an event.
    Only the year's own clause counts (its nearest verb), so a condition elsewhere in the sentence does not."""
    year = doc.char_span(mention.start, mention.end, alignment_mode="expand") if doc is not None else None
    if year is None or mention.relative:
        return False
    verb = next((t for t in year.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    return any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in verb.children)
