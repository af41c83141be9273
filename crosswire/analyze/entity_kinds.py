"""Mentions that name no entity, or name it with a word too many: checks on the story's own words."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, TypeVar

from crosswire.analyze.context import AnalysisContext

M = TypeVar("M", bound=Any)  # entities.Mention (a frozen dataclass; not imported: entities imports this)


def common_nouns(ctx: AnalysisContext) -> dict[str, set[str]]:
    """Long lowercase nouns of the story ("brachiosaur", "sauropods"), plural s dropped, by first letters."""
    nouns: dict[str, set[str]] = {}
    for article in ctx.story.articles:
        if ctx.on_topic(article.id):
            for t in ctx.docs[article.id]:
                if t.pos_ == "NOUN" and t.is_lower and t.is_alpha and len(t) >= 7:
                    noun = t.lower_.rstrip("s")
                    nouns.setdefault(noun[:5], set()).add(noun)
    return nouns


def kind_of_thing(name: str, nouns: dict[str, set[str]]) -> bool:
    """ "a Brachiosaurus nibbles" in a story of brachiosaurs: a one-word name that only adds one to
    three letters to a common noun of the story is the Latin name of a kind of thing."""
    word = name.lower()
    if " " in word:
        return False
    return any(word.startswith(noun) and 0 < len(word) - len(noun) <= 3 for noun in nouns.get(word[:5], ()))


def without_member_word(mention: M, text: str, organizations: set[str]) -> M:
    """ "former Saint Will Smith": a leading word naming a member of a team the article names
    ("the Saints", in ``organizations``, lowercased) is not part of the person's name."""
    words = mention.text.split()
    if mention.label != "PERSON" or len(words) < 3 or (words[0] + "s").lower() not in organizations:
        return mention
    raw = text[mention.start : mention.end]
    cut = raw.find(" " + words[1])
    if cut < 0:
        return mention
    return replace(mention, text=" ".join(words[1:]), start=mention.start + cut + 1)
