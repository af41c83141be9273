"""Subjects that describe one person without naming them ("Another witness", "One of Hale's girlfriends",
"the woman"), so that "she said" can go to them rather than to a person named earlier."""

from __future__ import annotations

import re
from typing import Any

_SHE = frozenset(
    {"woman", "mother", "wife", "ex-wife", "daughter", "girl", "girlfriend", "sister", "grandmother", "aunt",
     "niece", "widow", "actress", "waitress", "mom", "mum", "lady", "spokeswoman", "businesswoman"}
)  # fmt: skip
_HE = frozenset(
    {"man", "father", "husband", "ex-husband", "son", "boy", "boyfriend", "brother", "grandfather", "uncle",
     "nephew", "widower", "dad", "spokesman", "businessman"}
)  # fmt: skip
# Nouns for one person of either sex; bodies and documents ("the paper", "the letter") are not among them.
_EITHER = frozenset(
    {"witness", "resident", "official", "relative", "friend", "colleague", "neighbour", "neighbor", "student",
     "victim", "survivor", "spokesperson", "teacher", "officer", "worker", "employee", "doctor", "nurse",
     "lawyer", "attorney", "parent", "passenger", "driver", "customer", "teen", "teenager", "person", "owner",
     "manager", "member", "source", "villager", "protester", "soldier", "fighter", "shopkeeper", "guard",
     "child", "classmate", "roommate", "partner", "spouse", "sibling", "cousin", "bystander", "caller"}
)  # fmt: skip
_SUFFIX = re.compile(r"(?:ist|ian)$")  # "activist", "politician"
_ONE_OF = frozenset({"one", "another"})


def person_noun(token: Any) -> str | None:
    """The lemma of the noun when ``token`` heads a phrase describing one person, else None."""
    noun = token
    if token.lower_ in _ONE_OF and token.pos_ in ("NUM", "PRON", "DET", "NOUN"):
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            return None
        noun = pobj  # "One of Hale's girlfriends": one of them, a single person
    elif token.tag_ != "NN":
        return None  # "School officials said": several people, not "she"
    if noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    if lemma in _SHE or lemma in _HE or lemma in _EITHER or _SUFFIX.search(lemma):
        return lemma
    return None


def noun_gender(lemma: str) -> str | None:
    """ "he" or "she" when the noun itself says which ("the woman"), else None."""
    if lemma in _SHE:
        return "she"
    if lemma in _HE:
        return "he"
    return None
