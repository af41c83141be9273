"""What an article's own words say about a person's pronoun, so that "she said" does not go to a man.

Only the text decides: an honorific before a mention ("Ms Bouvier", "Mr. Conroy") or the pronoun the
person's own report uses right after the name ("Betty Evans, the manager, said she called").
No lists of first names."""

from __future__ import annotations

import re
from collections.abc import Iterable

from crosswire.model import Entity

_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mme)\.?\s+$")
_HONORIFIC_GENDER = {"mr": "he", "mrs": "she", "ms": "she", "miss": "she", "mme": "she"}
_SAID_PRONOUN = re.compile(r"^[’']?s?,?(?:[^,.\"“”]{0,60},)?\s*(?:said|says|told \w+|added)\s+(he|she)\b")


def pronouns_of(people: Iterable[Entity], article: str, text: str) -> dict[str, str]:
    """Person name -> "he" or "she", where this article's words say so and do not disagree."""
    found: dict[str, set[str]] = {}
    for entity in people:
        for span in entity.spans:
            if span.article != article:
                continue
            honorific = _HONORIFIC.search(text[max(0, span.start - 6) : span.start])
            if honorific:
                found.setdefault(entity.name, set()).add(_HONORIFIC_GENDER[honorific.group(1).lower()])
            said = _SAID_PRONOUN.match(text[span.end : span.end + 90])
            if said:
                found.setdefault(entity.name, set()).add(said.group(1).lower())
    return {name: next(iter(g)) for name, g in found.items() if len(g) == 1}
