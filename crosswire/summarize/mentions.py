"""References a reader cannot resolve: a definite "the report" or a bare surname never introduced.

A brief reads in order, so a reference is *introduced* when something before
it in the brief (or before it in its own sentence) names its referent:

- a *definite description* ("the spokesperson", "the report", "The two",
  "the senator") needs an earlier word of its group ("A spokesman for NBC",
  "a report obtained by ...", "Sen. Lindsey Graham");
- a *bare surname* of a person ("Hackett said", "Mr. Oppenheim", "[Dull]")
  needs the same word earlier, as a full name or alone.

``unintroduced`` finds them in plain text (brackets read as plain words), so
the measure runs on crosswire's briefs and on human references alike.
``FullNames`` gives the story's full name of a surname ("Hackett" ->
"Randall Hackett"), which the summarizer prints in brackets the first time.
``introducing_words`` is what a sentence must say to introduce a description.
Patterns, not a parser: the lists name the heads that most often dangled in
read briefs (docs/brief-reading.md); a head outside them is never flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import partial

from crosswire.summarize.junk import has_link
from crosswire.summarize.references import (
    _ANY_NAME,
    _NOT_A_NAME,
    _TITLE,
    GENERATION_WORDS,
    NAME,
    _clean_name,
    speakers_in,
    surname_of,
)

# Each group: the heads a definite description uses, and the words that introduce them.
_GROUPS: tuple[tuple[str, str], ...] = (
    (r"spokes(?:man|woman|person)", r"spokes(?:man|woman|person)s?|representatives?|statement"),
    (r"senator", r"senators?|Sen\.|Senate"),
    (r"congress(?:man|woman)|lawmaker", r"congress(?:man|woman)|lawmakers?|Rep\.|Congress"),
    (r"governor", r"governors?|Gov\."),
    (r"report", r"reports?|reported"),
    (r"document", r"documents?"),
    (r"memo", r"memos?|memorandum"),
    (r"letter", r"letters?"),
    (r"lawsuit|suit", r"lawsuits?|suits?|sued|sues"),
    (r"complaint", r"complaints?"),
    (r"survey|poll", r"surveys?|polls?|polled|surveyed"),
    (r"suspect", r"suspects?|suspected|arrested"),
    (r"two|pair|duo|couple", r"two|both|pair|duo|couple|twins|and"),
    (r"trio", r"three|trio"),
    # A government body said so: "the agency said", "The Service said" need the body named first
    # ("the Fish and Wildlife Service", "the FDA"). Capitalised "Service" takes a capitalised name.
    (r"agency", r"agency|agencies|service|administration|department|bureau|commission|(?-i:[A-Z]{3,5})"),
    (r"[Ss]ervice", r"[Ss]ervices?|agency"),
)
_HEADS = "|".join(f"(?:{head})" for head, _ in _GROUPS)
# "the report", "The two", "the new report"; not "the report's author"'s own words before it.
_DEFINITE = re.compile(rf"\b[Tt]he\s+(?:[a-z]+\s+)?({_HEADS})\b(?![-’'])")
_HONORIFIC = r"\b(?:(?:Mr|Mrs|Ms|Dr)\.?|(?:Sen|Rep|Gov)\.)\s+"  # before a surname, and taken into its bracket ("Mr Cazeneuve": British style)
_HONORIFIC_SURNAME = re.compile(rf"{_HONORIFIC}([A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?)\b(?!\s+[A-Z])")
_BRACKETS = re.compile(r"[\[\]]")
# Openings that take the whole of what came before ("The best of them", "Some of those").
_OF_THEM = re.compile(r"^[\"“]?(?:The\s+)?[A-Z]?[a-z]+\s+of\s+(?:them|those|these)\b")


def introducing_words(head: str) -> re.Pattern[str]:
    """The words that introduce the head of a definite description ("report": "a report", "reported")."""
    for heads, words in _GROUPS:
        if re.fullmatch(heads, head.lower()):
            return re.compile(rf"\b(?:{words})(?![\w-])", re.IGNORECASE if head[0].islower() else 0)
    return re.compile(rf"\b{re.escape(head)}\b")


def _introduces(head: str, before: str) -> bool:
    pattern = introducing_words(head.lower())
    if head.lower() in (
        "two",
        "pair",
        "duo",
        "couple",
    ):  # "and" only between two names ("Hackett and Auerbach")
        return bool(re.search(r"\b(?:two|both|pair|duo|couple|twins)\b", before, re.IGNORECASE)) or bool(
            re.search(r"\b[A-Z][a-z]+,?\s+and\s+(?:his\s+|her\s+)?[A-Z]?[a-z]+", before)
        )
    return bool(pattern.search(before))


# Capitalised plurals and group words that speak as a crowd ("Neighbors said"), not one person's surname.
_GROUP_WORDS = frozenset(
    [
        "Neighbors",
        "Neighbours",
        "Investigators",
        "Prosecutors",
        "Sources",
        "Staff",
        "Officials",
        "Authorities",
        "Residents",
        "Witnesses",
        "Experts",
        "Analysts",
        "Researchers",
        "Scientists",
        "Doctors",
        "Critics",
        "Supporters",
        "Friends",
        "Family",
        "Relatives",
        "Students",
        "Parents",
        "Officers",
        "Lawyers",
        "Attorneys",
        "Organizers",
        "Organisers",
        "Democrats",
        "Republicans",
        "Voters",
        "Fans",
        "Observers",
        "Locals",
        "Protesters",
        "Activists",
        "Workers",
        "Employees",
        "Police",
        "Officials",
        "Aides",
        "Advisers",
        "Advisors",
        "Sgt",
        "Capt",
        "Lt",
        "Col",
        "Gen",
        "Det",
        "Insiders",
        "Reporters",
        "Agents",
        "Troopers",
        "Firefighters",
        "Deputies",
        "Villagers",
        "Neighbors",
    ]
)


def surname_mentions(text: str) -> list[tuple[int, str]]:
    """Single-word person names a text uses ("Hackett said", "said Hackett", "Mr. Oppenheim")."""
    found = {start: name for start, name in speakers_in(text, titled=False) if " " not in name}
    for match in _HONORIFIC_SURNAME.finditer(text):
        found.setdefault(match.start(1), match.group(1))
    mentions = []
    for start, name in sorted(found.items()):
        name = re.sub(r"[’']s$", "", name)
        if name in _GROUP_WORDS or name in _NOT_A_NAME or re.search(r"[’'](?:re|ve|ll|d|m)$", name):
            continue
        if text[start + len(name) : start + len(name) + 1] == ".":  # an abbreviation ("Sgt.")
            continue
        mentions.append((start, name))
    return mentions


def unintroduced_descriptions(text: str, before: str) -> list[str]:
    """The heads of ``text``'s definite descriptions ("report" of "the report") nothing before introduces."""
    text = _BRACKETS.sub("", text)
    before = _BRACKETS.sub("", before)
    return [
        match.group(1)
        for match in _DEFINITE.finditer(text)
        if not _introduces(match.group(1), f"{before} {text[: match.start()]}")
    ]


def introduces(head: str, text: str) -> bool:
    """Whether ``text`` introduces the head of a definite description ("a report" for "the report")."""
    return _introduces(head, _BRACKETS.sub("", text))


def unintroduced(text: str, before: str) -> list[str]:
    """The references of ``text`` that neither ``before`` (the brief so far) nor ``text`` itself introduce."""
    found = unintroduced_descriptions(text, before)
    text = _BRACKETS.sub("", text)
    before = _BRACKETS.sub("", before)
    for start, name in surname_mentions(text):
        if not re.search(rf"\b{re.escape(name)}\b", f"{before} {text[:start]}"):
            found.append(name)
    opening = _OF_THEM.match(text)
    return [*found, opening.group(0)] if opening else found


def unintroduced_flags(texts: Sequence[str]) -> list[bool]:
    """One flag per sentence of a summary read in order: it has an unintroduced reference."""
    flags = []
    for number, text in enumerate(texts):
        flags.append(bool(unintroduced(text, " ".join(texts[:number]))))
    return flags


class FullNames:
    """Surname -> the story's full name for it ("Hackett" -> "Randall Hackett"), from every sentence.

    Of two given names for one surname the one used more than all others together wins ("Randall
    Hackett" five times, "Randy Hackett" once); otherwise ("Ann Kunz", "Bo Kunz") the surname has none.
    Two spellings of one given name that differ in a single vowel ("Lindsey", "Lindsay") count as
    one, printed as the more used (the first seen on a tie). A speaker's name counts as used even
    where the name pattern stops short of it ("Police Chief Cathy L. Lanier did not reply").
    Sentences with a link or a handle (a social post's embed) give no names.
    This is the one table of full names: the reference resolver's "[Mark Toner] said" uses it too.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        found: list[tuple[str, bool]] = []  # (name, at a sentence's start)
        confirmed: set[str] = (
            set()
        )  # used inside a sentence, or as a speaker: a sentence's first words may be none
        for text in texts:
            if has_link(text):  # an embed's tag line ("QB RIP King P. Prodigy A post shared by ... (@nas)")
                continue
            speakers = {name for _, name in speakers_in(text) if " " in name}
            confirmed.update(speakers)
            matched: set[str] = set()
            for match in _ANY_NAME.finditer(text):
                if _TITLE_CASE_RUN.match(text, match.end()) and len(match.group(0).split()) == _NAME_WORDS:
                    continue  # a title in title case ("How Far Will Texas Senator ... Run"), not a name
                if _WHOLE_QUOTE.match(text, match.end()) and re.search(r"[\"“‘]$", text[: match.start()]):
                    continue  # a banner's or a title's whole words ('a banner that reads: "Tessa Orvale."')
                name = _clean_name(match.group(0))
                if name and _OF_DEPARTMENT.search(text[: match.start()]):  # "Secretary of State John Kerry"
                    name = " ".join(name.split()[1:])
                if not name or len(name.split()) < 2 or name.split()[-1] in ("Jr", "Sr"):
                    continue
                initial = not text[: match.start()].strip(" \"“‘'(")
                found.append((name, initial))
                matched.add(name)
                if not initial:
                    confirmed.add(name)
            found.extend((name, False) for name in sorted(speakers - matched))
        names: dict[str, Counter[str]] = {}
        for name, _ in found:
            if name in confirmed:  # "Outgoing Northwestern quarterback Kain Colter ..." gives no name
                names.setdefault(name.split()[-1], Counter())[name] += 1
        self._names: dict[str, str] = {}
        for surname, counts in names.items():
            spelling = _given_spellings(counts)
            by_given: Counter[str] = Counter()
            for name, count in counts.items():
                by_given[spelling[name.split()[0]]] += count
            (given, count), *others = by_given.most_common()
            if count > sum(c for _, c in others):  # "Mark Toner", "Mark C. Toner": one person
                self._names[surname] = max(
                    (n for n in counts if n.split()[0] == given), key=lambda n: (len(n.split()), counts[n])
                )
        # "Burke" alone in a story of "Burke Ramsey" and the analyst "Stan Burke" may be either: no full name
        # when the story gives the word as a first name at least as often as as this surname ("Trump
        # Tower" beside many "Donald Trump" takes nothing from Trump)
        as_given: Counter[str] = Counter()
        for counts in names.values():
            for name, count in counts.items():
                as_given[name.split()[0]] += count
        for surname in [s for s in self._names if as_given[s] >= sum(names[s].values())]:
            del self._names[surname]
        for surname in [s for s in self._names if s.lower().rstrip("s") in _PARTY_WORDS]:
            del self._names[surname]  # "Republican" of "the Kentucky Republican" is no surname

    def get(self, surname: str) -> str | None:
        return self._names.get(surname)

    def names(self) -> frozenset[str]:
        """Every full name the table gives."""
        return frozenset(self._names.values())


_NAME_WORDS = 4  # the most words ``references.NAME`` takes
_PARTY_WORDS = frozenset(["republican", "democrat", "democratic", "independent", "conservative", "liberal", "labour",
                          "libertarian", "socialist", "communist", "green"])  # fmt: skip
_WHOLE_QUOTE = re.compile(r"[.!?,]?[\"”’]")  # the quote closes right after the name
_TITLE_CASE_RUN = re.compile(r"\s+[A-Z][a-z]")  # capitalised words go on past the longest name
# A title's department runs into the name after it: "Secretary of State John Kerry", "Minister of Health Ada Veen".
_OF_DEPARTMENT = re.compile(rf"\b{_TITLE}\s+of\s+(?:the\s+)?$")


def _one_vowel_apart(first: str, second: str) -> bool:
    """Two spellings of one given name: same length, one position differs, both letters vowels ("Sergey", "Sergei")."""
    if len(first) != len(second) or first == second:
        return False
    differ = [(a, b) for a, b in zip(first, second, strict=True) if a != b]
    return len(differ) == 1 and all(c in "aeiouy" for c in differ[0])


def _given_spellings(counts: Counter[str]) -> dict[str, str]:
    """Each given name of ``counts``' full names -> the spelling it is counted under (the more used)."""
    by_given: Counter[str] = Counter()
    for name, count in counts.items():  # insertion order: first seen first
        by_given[name.split()[0]] += count
    ranked = sorted(by_given, key=lambda g: -by_given[g])  # stable: first seen wins a tie
    spelling: dict[str, str] = {}
    for given in ranked:
        spelling[given] = next(
            (s for s in ranked if s in spelling.values() and _one_vowel_apart(s, given)), given
        )
    return spelling


_APPOSITIVE = re.compile(
    rf"(?:,\s+|\bnamed\s+)({NAME})(?=,|\s+\d)"
)  # "The rescued man, Randall Hackett, had ..."


def people_surnames(texts: Iterable[str]) -> frozenset[str]:
    """Surnames the story uses for people: speakers, titled or honoured names, appositives."""
    found: set[str] = set()
    for text in texts:
        # A one-word speaker may be an institution ("Northwestern said"); ``FullNames`` has none for it.
        found.update(surname_of(name) for _, name in speakers_in(text))
        found.update(match.group(1) for match in _HONORIFIC_SURNAME.finditer(text))
        found.update(match.group(1).split()[-1] for match in _APPOSITIVE.finditer(text))
    return frozenset(found)


_WORD_BEFORE = re.compile(r"([A-Z][\w’'-]*)\.?\s+$")


def _given_name_before(text: str) -> bool:
    """Whether ``text`` ends on a capitalised word that is a given name ("Randall " before "Hackett")."""
    word = _WORD_BEFORE.search(text)
    return (
        word is not None and word.group(1) not in _NOT_A_NAME and word.group(1) not in ("Sen", "Rep", "Gov")
    )


def _bare(surname: str) -> re.Pattern[str]:
    """``surname`` used alone, with an honorific before it taken into the replaced span."""
    return re.compile(
        rf"(?:{_HONORIFIC})?(?<![\w.’'\[-])"
        rf"{re.escape(surname)}(?![\w\]-])(?!\s+[A-Z][a-z])"
    )


_FULL_BRACKET = re.compile(r"\[[A-Z][^\[\]]*?\s([A-Z][\w’'-]+?)((?:’|')s)?\]")  # "[Anthony Weiner’s]"


def _shortened(bracket: re.Match[str], before: str, people: frozenset[str]) -> str:
    """A resolved "[Anthony Weiner]" once the brief has named Weiner: "[Weiner]", as a writer would.

    Only a person's name: "[Al Jazeera]" stays whole."""
    surname, possessive = bracket.group(1), bracket.group(2) or ""
    if surname.strip(".") in GENERATION_WORDS:  # "[DeOrr Kunz Sr]" is never "[Sr]"
        return bracket.group(0)
    if surname in people and re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", before):
        return f"[{surname}{possessive}]"
    return bracket.group(0)


def introduce_names(shown: Sequence[str], full_names: FullNames, people: frozenset[str]) -> list[str]:
    """Each person first named by surname alone ("Hackett was flown ...") gets the full name in brackets.

    Only the first mention in the brief, and only when no earlier sentence used the surname; a full
    name the resolver put in brackets after that ("[Anthony Weiner] also said") is cut to the surname.
    """
    introduced: list[str] = []
    for text in shown:
        before = _BRACKETS.sub("", " ".join(introduced))
        text = _FULL_BRACKET.sub(partial(_shortened, before=before, people=people), text)
        resolved = {m.group(1) for m in re.finditer(r"\[([A-Z][\w’'-]+)\]", text)}  # "[Dull] said"
        for surname in sorted(people | resolved):
            full = full_names.get(surname)
            if full is None or surname not in text or re.search(rf"\b{re.escape(surname)}\b", before):
                continue
            if f"[{surname}]" in text:  # a resolved "she said" that had only the surname: "[Dull] said"
                text = text.replace(f"[{surname}]", f"[{full}]", 1)
                continue
            first = re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text)
            bare = _bare(surname).search(text)
            if (
                first is None
                or bare is None
                or bare.end() != first.end()
                or _given_name_before(text[: first.start()])
            ):
                continue  # the first mention is part of a longer name, or already in brackets
            text = f"{text[: bare.start()]}[{full}]{text[bare.end() :]}"
        introduced.append(text)
    return introduced
