"""Parties of claims: whether a phrase names a party, and whether two names are one side.

Pure functions of the names (no parse): a claim's accused and claimant must be parties
("the judges", "Ben-Zvi"), not things ("the letter", "one major tactic"); papers may speak for
their authors ("according to city inspection records"); a capital speaks for its country
("Moscow denied"); and names with a word in common are one side, names with none two parties.
"""

from __future__ import annotations

import re

from crosswire.analyze.attribution_cues import PARTY_NOUNS
from crosswire.analyze.entities import DEMONYMS, fold
from crosswire.analyze.person_nouns import VOCABULARY
from crosswire.model import Sentence

# Nouns that name a party: bodies and sides, and the nouns for people, jobs and ties of
# person_nouns ("our city clerk", "the therapists", "the boy's uncle").
PEOPLE_NOUNS = PARTY_NOUNS | frozenset(VOCABULARY)

# A capital or seat of government speaks for its country ("Moscow denied", "the Kremlin said").
METONYMS = {
    "moscow": "russia",
    "kremlin": "russia",
    "washington": "united states",
    "white house": "united states",
    "pentagon": "united states",
    "damascus": "syria",
    "beijing": "china",
    "london": "united kingdom",
    "paris": "france",
    "berlin": "germany",
    "tehran": "iran",
    "kyiv": "ukraine",
    "kiev": "ukraine",
    "ankara": "turkey",
    "riyadh": "saudi arabia",
    "jerusalem": "israel",
    "baghdad": "iraq",
    "tokyo": "japan",
}
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their"})


def party_like(name: str | None) -> bool:
    """A name ("Ben-Zvi", "A former Pittsburgh teacher") or a noun for people or a body ("the judges");
    not a thing ("the letter", "trials", "one major Republican tactic", "a tribute posted by X's page")
    or people at large, nor a phrase cut inside a title ("his 1966 bestseller “Rush")."""
    if not name:
        return False
    if sum(name.count(q) for q in "“”\"") % 2 or name.split()[0].lower() in ("whose", "which", "what"):
        return False
    words = name.replace(",", " ").split()
    last = words[-1].lower().strip(".'’")
    noun = (
        last in PEOPLE_NOUNS
        or last.rstrip("s") in PEOPLE_NOUNS
        or (last.endswith("ies") and last[:-3] + "y" in PEOPLE_NOUNS)
    )
    if words[-1].islower() and words[-1].isalpha() and not noun and " and " not in name:
        return False  # a common noun heads the phrase, and it names no party
    # A capital that only starts the sentence ("Fresh attempts", "Several towns") names nobody.
    capitals = [i for i, w in enumerate(words) if _capital(w) and w.lower() not in _DETERMINERS]
    if capitals and (capitals != [0] or len(words) == 1 or noun):
        return True
    return noun


def _capital(word: str) -> bool:
    """A name's word: capitalised, or a particle joined to one ("al-Assad", "d'Estaing")."""
    return word[:1].isupper() or _JOINED_PARTICLE.match(word) is not None


_JOINED_PARTICLE = re.compile(r"^[a-z]{1,3}[-'’][A-Z]")


# Papers that speak for their authors: "according to city inspection records", "the lawsuit alleges".
RECORD_NOUNS = frozenset(
    {"record", "document", "complaint", "lawsuit", "suit", "filing", "indictment", "affidavit", "report",
     "records", "documents", "papers", "investigation", "inquiry", "review", "audit", "study", "petition"}
)  # fmt: skip


def record_like(name: str | None) -> bool:
    if not name or sum(name.count(q) for q in "“”\"") % 2:
        return False
    last = name.split()[-1].lower().strip(".,'’")
    return last in RECORD_NOUNS or last.rstrip("s") in RECORD_NOUNS


def same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and fold(a) == fold(b)


def country(name: str | None) -> str | None:
    """The country a party speaks for, when it names one ("Moscow", "Russian officials" -> "russia")."""
    if not name:
        return None
    folded = fold(name)
    if folded in METONYMS:
        return METONYMS[folded]
    first = name.split()[0]
    if first in DEMONYMS:
        return fold(DEMONYMS[first])
    return folded


def party_words(name: str) -> set[str]:
    return {w for w in fold(name).replace("'s", "").split() if len(w) > 2 and w not in ("the", "and")}


def apart(a: str | None, b: str | None) -> bool:
    """Two named parties with no word in common ("Juan McCullum", "Dorene Browne-Louis")."""
    if not (party_like(a) and party_like(b)) or country(a) == country(b):
        return False
    assert a is not None and b is not None
    return not party_words(a) & party_words(b)


def one_side(a: str, b: str) -> bool:
    """One party's name holds the other's ("Former employees", "Two former employees")."""
    wa, wb = party_words(a), party_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def names_party(sentence: Sentence, party: str) -> bool:
    """The sentence names the party (its full name or its last word)."""
    text = fold(sentence.text)
    words = fold(party).split()
    return bool(words) and (fold(party) in text or re.search(r"\b" + re.escape(words[-1]) + r"\b", text) is not None)


# Words any two statements share: they tie no counter to a claim.
_COMMON = frozenset(
    """about after again against also been being because before between both could does during each
    even from further have having here however into just least more most much must never only other
    over said same says should since some such than that their them then there these they this those
    through under until very were what when where which while whom will with would alleged allegedly
    claim claims claimed contend contends argue argued accuse accused accusation accusations group groups
    people report reports statement year years week weeks month months time times""".split()  # noqa: SIM905
)


def content_keys(text: str) -> set[str]:
    """What a statement is about, beyond its parties: its lower-case words (a capital names a party
    or a place), cut to five letters so that "poisoned" meets "poisoning" and "civilians" "civilian"."""
    words = re.findall(r"[A-Za-z][a-z]+", text)
    return {w[:5] for w in words if w[0].islower() and len(w) > 3 and w not in _COMMON}


def shares_content(a: str, b: str, parties: tuple[str | None, ...] = ()) -> bool:
    """Two statements share something to answer beyond the parties' names: two words at least (one,
    "strikes" or "groups", is chance); "the union is a cartel" answers nothing of "the union says
    the mine poisons the river"."""
    names = {w[:5] for p in parties if p for w in party_words(p)}
    return len((content_keys(a) & content_keys(b)) - names) >= 2
