"""One vocabulary of nouns for people, each word with the uses the analysis puts it to.

- ``she``, ``he``, ``either``: the noun describes one person, of that sex or of either ("Another
  witness", "One of Hale's girlfriends", "the woman"), so that "she said" can go to them rather than
  to a person named earlier (``person_noun``, ``noun_gender``).
- ``job``: an occupation, office or family tie that stands before a name as its description
  ("former quarterback Kain Colter", "Musician Brad Fischetti"): a name right after it is a person's,
  whatever spaCy's tag, and the word is no part of the name (``JOB_NOUNS``).

A word may have several uses; bodies and documents ("the paper", "the letter") have none.
"""

from __future__ import annotations

import re
from typing import Any

_TABLE = """
activist job            actor job               actress she job         astronaut job
attorney either job     aunt she                author job              bandmate job
blogger job             boxer job               boy he                  boyfriend he job
brother he job          businessman he job      businesswoman she job   bystander either
caller either           chef job                child either            classmate either
coach job               colleague either        comedian job            congressman job
congresswoman job       cousin either           customer either         dad he
daughter she job        designer job            doctor either job       driver either
drummer job             economist job           employee either         entrepreneur job
ex-husband he           ex-wife she             father he job           fiance job
fiancé job              fiancée job             fighter either          filmmaker job
friend either           girl she                girlfriend she job      goalkeeper job
golfer job              grandfather he          grandmother she         guard either
guitarist job           husband he job          journalist job          lady she
lawyer either job       linebacker job          man he                  manager either
member either           mom she                 mother she job          mum she
musician job            neighbor either         neighbour either        nephew he
niece she               novelist job            nurse either job        officer either
official either         owner either            parent either           partner either
passenger either        pastor job              person either           photographer job
pitcher job             player job              poet job                producer job
protester either        quarterback job         rapper job              relative either
reporter job            researcher job          resident either         roommate either
scientist job           senator job             shopkeeper either       sibling either
singer job              sister she job          soldier either          son he job
source either           spokesman he            spokesperson either     spokeswoman she
spouse either           sprinter job            striker job             student either job
surgeon job             survivor either         swimmer job             teacher either job
teen either             teenager either         uncle he                victim either
villager either         waitress she            widow she job           widower he job
wife she job            witness either          woman she               worker either
writer job              artist job              clerk job               therapist job
physician job           dentist job             pharmacist job          accountant job
treasurer job           inspector job           detective job
"""
_USES = frozenset({"she", "he", "either", "job"})


def _vocabulary(table: str) -> dict[str, frozenset[str]]:
    """word -> its uses, from the table's "word use use ..." entries (a use is one of ``_USES``)."""
    vocabulary: dict[str, set[str]] = {}
    word = ""
    for token in table.split():
        if token in _USES:
            vocabulary[word].add(token)
        else:
            word = token
            vocabulary.setdefault(word, set())
    return {word: frozenset(uses) for word, uses in vocabulary.items()}


VOCABULARY = _vocabulary(_TABLE)


def nouns_for(use: str) -> frozenset[str]:
    return frozenset(word for word, uses in VOCABULARY.items() if use in uses)


_SHE, _HE, _EITHER = nouns_for("she"), nouns_for("he"), nouns_for("either")
JOB_NOUNS = nouns_for("job")
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
