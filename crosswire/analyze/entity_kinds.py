"""Mentions that name no entity, or name it with a word too many: checks on the story's own words."""

from __future__ import annotations

import re
from collections.abc import Iterator
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


def with_leading_name_word(mention: M, text: str, bodies: set[str]) -> M:
    """ "the dean of students at Claremont McKenna": a one-word "person" whose word before it opens, with it,
    the name of a college or other body the story names ("Claremont McKenna College") is that body's short name."""
    if mention.label != "PERSON" or " " in mention.text:
        return mention
    before = re.search(r"([A-Z][\w'-]+) $", text[max(0, mention.start - 30) : mention.start])
    if before is None:
        return mention
    short = f"{before.group(1)} {mention.text}"
    for body in bodies:
        rest = body[len(short) + 1 :].lower().split() if body.startswith(short + " ") else []
        if rest and all(w in BODY_HEADS for w in rest):
            return replace(mention, text=short, start=mention.start - len(before.group(1)) - 1, label="ORG")
    return mention


# "the Baba Amr neighborhood", "the suburb of Baba Amr": a name these nouns qualify is a place's.
PLACE_NOUNS = frozenset(["neighborhood", "neighbourhood", "suburb", "district", "village", "town", "city",
                         "province", "region", "county", "area", "borough", "township", "battlefront", "road",
                         "street", "avenue", "highway"])  # fmt: skip
# "Keurig Green Mountain Inc.": a name the story gives a company's suffix is a company's in every mention.
CORPORATE = frozenset(["inc", "corp", "co", "ltd", "llc", "plc", "corporation", "company", "holdings", "group"])
# Only a legal form after a person's name makes it a company's ("Ola Berg Holdings" leaves Ola Berg a person).
LEGAL_FORMS = frozenset(["inc", "corp", "ltd", "llc", "plc"])
# "Wayne State University", "Richland Police": a name ending in one of these words is a body's, not a person's.
BODY_HEADS = frozenset(["university", "college", "school", "institute", "academy", "police", "department",
                        "hospital", "ministry", "committee", "council", "commission", "agency"])  # fmt: skip
# "64 Perry St.", "Martin Luther King Boulevard": a name ending in one of these words is a street.
STREET_WORDS = frozenset(["st", "street", "avenue", "ave", "boulevard", "blvd", "road", "rd", "lane"])


# "the CEO and co-founder of HQ Trivia", "fired from Twitter", "worked at Twitter": the name is an employer's.
# (Not "employees of", "staff of": people have them too, "former employees of Stacey Plaskett".)
EMPLOYEE_NOUNS = frozenset(["ceo", "founder", "co-founder", "cofounder", "chairman", "chairwoman", "owner",
                            "spokesman", "spokeswoman", "spokesperson", "shareholder", "shareholders",
                            "company"])  # fmt: skip
EMPLOYMENT_VERBS = frozenset(["work", "fire", "quit", "resign", "hire", "join", "leave"])


def _on_topic_names(ctx: AnalysisContext) -> Iterator[Any]:
    """The spaCy entities of the story's on-topic articles."""
    for article in ctx.story.articles:
        if ctx.on_topic(article.id):
            yield from ctx.docs[article.id].ents


# "gun manufacturer Bushmaster", "Bushmaster, the North Carolina-based manufacturer": a name a company noun
# qualifies or stands beside is a company's, whatever the tagger guessed.
COMPANY_NOUNS = frozenset(["manufacturer", "maker", "gunmaker", "automaker", "carmaker", "drugmaker", "retailer",
                           "company", "firm", "corporation", "conglomerate", "chain", "distributor", "supplier",
                           "startup", "brand"])  # fmt: skip


def _called_a_company(ent: Any) -> bool:
    return any(
        child.dep_ in ("appos", "compound") and child.lemma_.lower() in COMPANY_NOUNS
        for child in ent.root.children
        if not (ent.start <= child.i < ent.end)
    )


def employer_names(ctx: AnalysisContext) -> set[str]:
    """Person- or location-tagged names the parse shows as someone's employer: after "of" or "behind"
    a noun in ``EMPLOYEE_NOUNS``, or after "at"/"from" a verb in ``EMPLOYMENT_VERBS``; or as a company
    (``COMPANY_NOUNS`` beside the name)."""
    names = set()
    for ent in _on_topic_names(ctx):
        root = ent.root
        if ent.label_ in ("PERSON", "LOC", "FAC") and _called_a_company(ent):
            names.add(ent.text)
        if ent.label_ not in ("PERSON", "LOC", "FAC") or root.dep_ != "pobj":
            continue
        preposition = root.head
        governor = preposition.head
        led = preposition.lower_ in ("of", "behind") and governor.lower_ in EMPLOYEE_NOUNS
        worked = preposition.lower_ in ("at", "from") and governor.pos_ == "VERB"
        if led or (worked and governor.lemma_ in EMPLOYMENT_VERBS):
            names.add(ent.text)
    return names


def placed_names(ctx: AnalysisContext) -> set[str]:
    """Person- or body-tagged names the parse shows qualifying a place noun (its compound, or after "of")."""
    names = set()
    for ent in _on_topic_names(ctx):
        root = ent.root
        after_of = root.dep_ == "pobj" and root.head.lower_ == "of"
        compound = root.dep_ == "compound" and root.head.i == ent.end
        head = root.head.head if after_of else root.head
        if ent.label_ in ("PERSON", "ORG") and (compound or after_of) and head.lemma_.lower() in PLACE_NOUNS:
            names.add(ent.text)
        if ent.label_ in ("PERSON", "ORG") and _said_to_be_a_place(root):
            names.add(ent.text)
    return names


def _said_to_be_a_place(root: Any) -> bool:
    """ "Koyukuk, home to about 100 people, is a wet village": the subject of "be" with a place noun as its
    complement names a place."""
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ != "be":
        return False
    return any(c.dep_ == "attr" and c.lemma_.lower() in PLACE_NOUNS for c in verb.children)


def with_kind_of_name(mention: M, placed: set[str], bodies: set[str], employers: frozenset[str] = frozenset()) -> M:
    """The label a name's own words or the story's parse give it: a street, a place or a body
    (``bodies``: the story's organisation names, so that "Wayne State" is "Wayne State University";
    ``employers``: names the story shows employing someone, ``employer_names``)."""
    words = mention.text.split()
    if mention.label in ("PERSON", "LOC", "FAC") and mention.text in employers:
        return replace(mention, label="ORG")
    last = words[-1].lower().rstrip(".") if words else ""
    if len(words) > 1 and last in STREET_WORDS and mention.label in ("PERSON", "ORG"):
        return replace(mention, label="LOC")
    if mention.label in ("PERSON", "ORG") and mention.text in placed:
        return replace(mention, label="GPE")
    if mention.label != "PERSON":
        return mention
    if len(words) > 1 and last in BODY_HEADS:
        return replace(mention, label="ORG")
    prefix = mention.text + " "
    for body in bodies:
        rest = body[len(prefix) :].lower().split() if body.startswith(prefix) else []
        legal = len(rest) == 1 and rest[0].rstrip(".") in LEGAL_FORMS  # "Keurig Green Mountain" + "Inc."
        if rest and (all(w in BODY_HEADS for w in rest) or legal):
            return replace(mention, label="ORG")
    if len(words) > 1 and last in CORPORATE:
        return replace(mention, label="ORG")
    return mention
