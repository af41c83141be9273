"""Who a person is, said where the brief first names them: "[Police Chief Cathy L. Lanier] told ...".

A name alone tells a reader little when the brief never says who the person
is: blind readings flagged "[Cathy L. Lanier] told" (her office never said),
"[William W. Taylor III]:" (never said to be the lawyer of the woman the brief
is about) and "[David Cameron] told journalists" (docs/brief-reading.md, sixth
reading). The role is the story's own words: the title or job written right
before the full name in an article ("Police Chief Cathy L. Lanier", "former
quarterback Kain Colter", "Lerner's attorney, William W. Taylor III", "Secretary
of State John Kerry"). The brief prints it once, at the person's first mention,
as a bracketed insertion whose words occur as they stand in an article, so
``crosswire.contracts.check_insertions`` holds. A mention already titled
("Sen. Graham", "spokesman Mark Toner") or followed by an appositive ("Cathy L.
Lanier, the police chief,") is left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from crosswire.contracts import MAX_INSERTED_WORDS

# The word right before a name that makes what precedes it a role ("Chief", "attorney").
ROLE_HEADS = frozenset(
    """
    adviser advisor agent ambassador analyst anchor archbishop attorney author bishop boss captain
    ceo cfo chairman chairwoman chair chancellor chief clerk coach columnist commander commissioner
    congressman congresswoman coo councilman councilwoman councillor councilor counsel deputy
    detective director economist editor executive founder co-founder general governor head host
    inspector investigator journalist judge justice king lawmaker lawyer leader lieutenant manager
    mayor minister officer official owner pastor premier president principal producer professor
    prosecutor queen rabbi representative reporter researcher scientist secretary senator sergeant
    sheriff speaker spokesman spokeswoman spokesperson superintendent surgeon teacher treasurer
    trooper whip quarterback striker goalkeeper pitcher coach singer rapper actor actress comedian
    """.split()  # noqa: SIM905 (a word list reads best as words)
)
# Lower-case words that may stand before a head inside a role ("former deputy press secretary").
_ROLE_MODIFIERS = frozenset(
    """
    former acting interim deputy assistant associate chief senior executive vice press police defense
    defence foreign state federal district county city general head lead team managing national
    prime attorney health finance interior public
    """.split()  # noqa: SIM905 (a word list reads best as words)
)
# Capitalised words that open a clause or a sentence, not a role ("The", "On", "But").
_NOT_ROLE = frozenset(
    """
    The A An And But Or On In At For From By With As After Before When While Then This That These
    Those He She It They We I His Her Their Its Our My Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday Meanwhile Also Still Yet So Now Here There Mr Mr. Mrs Mrs. Ms Ms. Dr Dr.
    Did Does Do Is Was Were Will Would Can Could Should How What Why Who Where Which
    AP AFP Reuters Getty EPA Photo Video
    """.split()  # noqa: SIM905 (a word list reads best as words)
)
_HONORIFICS = frozenset(
    {"Sen.", "Rep.", "Gov.", "Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Lt.", "Sgt."}
)
_OF_OFFICE = re.compile(
    r"(?:(?:[A-Z][\w.’'-]*|former|deputy|acting)\s+){0,2}"
    r"(?:Secretary|Minister|Director|Chief|Head|Chairman|Commissioner|Governor|Attorney General)"
    r"\s+of\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,3}$"
)  # "Secretary of State ", "Minister of Health "
_POSSESSOR = re.compile(r"^[A-Z][\w’'-]*(?:’s|'s)$")  # "Lerner’s" in "Lerner’s attorney, ..."
MAX_ROLE_WORDS = 5


# Heads that are as often a verb or a plain noun ("to host", "the head"): a role only when capitalised.
_CAPITALISED_ONLY = frozenset(
    {"host", "head", "chair", "whip", "counsel", "justice", "general", "speaker", "chief"}
)


def _is_head(word: str) -> bool:
    bare = word.rstrip(",")
    if bare in ("CEO", "CFO", "COO"):
        return True
    if bare.isupper() or bare.lower() not in ROLE_HEADS:
        return False
    return bare[:1].isupper() or bare not in _CAPITALISED_ONLY


def _capitalised_modifier(word: str) -> bool:
    return word[:1].isupper() and word not in _NOT_ROLE and not re.search(r"[,;:!?\"“”()]", word)


def role_before(prefix: str) -> str | None:
    """The role written at the end of ``prefix``, the text before a name ("... said Police Chief ")."""
    if not prefix.endswith(" ") or prefix.endswith("  "):
        return None
    prefix = prefix[prefix.rfind("\n") + 1 :]  # a line break ends the role ("...\n\nHarbour Chief ")
    office = _OF_OFFICE.search(prefix)
    if office and (office.start() == 0 or prefix[office.start() - 1] == " "):
        words = office.group(0).split()
        while words and words[0] in _NOT_ROLE:
            words = words[1:]
        return " ".join(words)
    words = prefix.split(" ")[:-1][-(MAX_ROLE_WORDS + 4) :]
    if not words or words[-1] in _HONORIFICS or not _is_head(words[-1]):
        return None
    comma = words[-1].endswith(",")  # "Lerner’s attorney, William W. Taylor III"
    taken = [words[-1]]
    for k in range(len(words) - 2, -1, -1):
        word = words[k]
        if len(taken) == MAX_ROLE_WORDS:
            if not comma and _capitalised_modifier(word):
                return None  # the role goes on past its bound: "[State University Police K9 Officer]" of "Wayne ..."
            break
        if comma and _POSSESSOR.match(word):
            return _with_owner(words[:k], [word, *reversed(taken)])
        lower_role = word in _ROLE_MODIFIERS or (word.islower() and word.rstrip(",") in ROLE_HEADS)
        if lower_role or (not comma and _capitalised_modifier(word)):
            taken.append(word)
        else:
            break
    if comma:
        return None  # a list ("... a lawyer, John Smith") or a pronoun's ("her attorney, ..."): not a role
    return " ".join(reversed(taken))


def _with_owner(before: list[str], role: list[str]) -> str:
    """ "White House’s spokeswoman,": the possessor's own capitalised words come along."""
    owner = []
    for word in reversed(before[-3:]):
        if not _capitalised_modifier(word):
            break
        owner.append(word)
    return " ".join([*reversed(owner), *role])


class RoleFinder:
    """Full name -> the role the story writes before it most often ("Cathy L. Lanier" -> "Police Chief")."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = list(texts)
        self._roles: dict[str, str | None] = {}

    def role_of(self, name: str) -> str | None:
        if name not in self._roles:
            found: Counter[str] = Counter()
            pattern = re.compile(rf"(?<![\w.’'-]){re.escape(name)}(?![\w’'-])")
            for text in self._texts:
                if name not in text:
                    continue
                for match in pattern.finditer(text):
                    role = role_before(text[max(0, match.start() - 80) : match.start()])
                    if role and f"{role} {name}" in text:
                        found[role] += 1
            self._roles[name] = found.most_common(1)[0][0] if found else None
        return self._roles[name]


def _titled(before: str, after: str) -> bool:
    """Whether the words around a mention already say who the person is, or the name is part of more.

    A role word among the four before or, after a comma, the six after ("spokesman Mark Toner", "Mark
    Toner, the department's spokesman,"), an abbreviated title ("LAPD Det."), or a name used as a modifier ("The
    Donald Trump administration", "NewsChannel 15’s Brett Thomas", "South Carolina Gov. Nikki Haley").
    """
    words = before.split()[-4:]
    if words and (words[-1] in _HONORIFICS or re.fullmatch(r"[A-Z][a-z]{1,4}\.", words[-1])):
        return True
    if re.search(r"(?:\b(?:[Tt]he|an?)|[’']s|[A-Z][\w.-]*)\s+$", before) or re.match(r"\s+[A-Z]", after):
        return True
    if _modifies_a_role(after):
        return True
    around = words + (after.split()[:6] if after.startswith(",") else [])  # an appositive after
    return any(w.strip(",.;:").lower() in ROLE_HEADS for w in around)  # any case: "Chief", "chief", "CEO"


_ROLE_AFTER = re.compile(r"\s+((?:[a-z][\w-]*\s+){0,2}?)([a-z][\w-]*?)s?\s+(?:[A-Z]|$)")
# Nouns a name modifies that are not roles ("the Obama administration", "Ada Veen campaign aides").
_MODIFIED_NOUNS = frozenset({"administration", "campaign", "government", "aide", "aides", "camp", "team"})
# Past-tense verbs without "-ed" that may stand between a subject and a role ("told reporter Ada Veen").
_IRREGULAR_VERBS = frozenset(
    "told met said let put got hit beat sent led made saw gave took thanks".split()  # noqa: SIM905 (a word list reads best as words)
)


def _modifies_a_role(after: str) -> bool:
    """Whether the name modifies what follows: "Ada Veen digital director Piet Ollen", "Ada Veen campaign"."""
    first = re.match(r"\s+([a-z][\w-]*)", after)
    if first and first.group(1) in _MODIFIED_NOUNS:
        return True
    role = _ROLE_AFTER.match(after)
    if not role or role.group(2) not in ROLE_HEADS:
        return False
    between = role.group(1).split()
    return not any(w in _IRREGULAR_VERBS or w.endswith(("ed", "s")) for w in between)


def _mention(text: str, name: str) -> re.Match[str] | None:
    """The first mention of ``name`` in ``text``: bracketed ("[Mark Toner]", "[Mark Toner’s]") or plain."""
    return re.search(rf"\[{re.escape(name)}((?:’|')s)?\]|(?<![\w.’'\[-]){re.escape(name)}(?![\w’'\]-])", text)


_BRACKETED_NAME = re.compile(r"\[((?:[A-Z][\w.’'-]*\s){1,3}[A-Z][\w’'-]+?)(?:(?:’|')s)?\]")


def introduce_roles(shown: Sequence[str], names: Iterable[str], roles: RoleFinder) -> list[str]:
    """Each person's first mention in the brief, when untitled, gets the story's role for them in brackets.

    ``names`` are the story's full names of people (``mentions.FullNames``); the names the brief
    prints in brackets ("[Mark Toner] said") count too.
    """
    found = set(names) | {m.group(1) for text in shown for m in _BRACKETED_NAME.finditer(text)}
    people = sorted(found, key=lambda n: (-len(n), n))  # "Mark C. Toner" before "Mark Toner"
    out: list[str] = []
    named: set[str] = set()  # surnames the brief has printed
    for text in shown:
        for name in people:
            surname = name.split()[-1]
            if surname in named or name not in text:
                continue
            mention = _mention(text, name)
            if mention is None:
                continue
            after = text[mention.end() :]
            before = text[: mention.start()]
            role = roles.role_of(name)
            if (
                role is None
                or _titled(before, after)
                or re.match(r",\s+(?:the|a|an|who|whose|[a-z]+ed)\b|\s+\(", after)
                or (role[0].islower() and not before.strip(" \"“‘'("))  # lower case at a sentence's start
                or len(f"{role} {name}".split()) > MAX_INSERTED_WORDS
            ):
                continue
            possessive = mention.group(1) or "" if mention.group(0).startswith("[") else ""
            text = f"{before}[{role} {name}{possessive}]{after}"
        named.update(re.findall(r"[A-Z][\w’'-]+", re.sub(r"[\[\]]", "", text)))
        out.append(text)
    return out
