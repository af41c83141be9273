"""Reference resolution for brief sentences that lean on a sentence the brief may not print.

A sentence opening "He ...", an unnamed "she said" or "The company ..." reads
only after the sentence that names its referent. When that sentence is not
printed just before it, the brief prints the sentence with the resolved name
as a marked, bracketed insertion ("[Mark Toner] said"), taken from the
sentence's own article; ``crosswire.contracts.check_brief`` checks every
insertion. A quote with no attribution at all gets its speaker as a label
("[Mark Toner]: “We ...”") when the article's sentence introducing it names
one speaker. Names are found with patterns, not a parser (a brief is made in
about a tenth of a second): a speaker is a capitalised name next to a
reporting verb ("Toner said", "said Mark Toner") or after a title
("spokesman Mark Toner"); a surname alone takes the story's full name
("Toner" -> "Mark Toner"). When no name is found, or more than one could be
meant, nothing is rewritten and the selector keeps the sentence only right
after its article's previous sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from crosswire.model import Sentence, Story

_WORD = (
    r"(?:Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O’[A-Z][a-z]+|[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*|[A-Z]\.)(?![A-Za-z])"
)
_PARTICLE = r"(?:de|van|von|der|al|bin|da|di|du|la|le)"
NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD}){{0,3}}"
_VERB = r"(?:said|says|added|told|explained|noted|wrote|stated|argued|insisted|recalled|warned)"
_TITLE = (
    r"(?:spokes(?:man|woman|person)|secretary|minister|president|chairman|chairwoman|chief|director|"
    r"official|lawyer|attorney|senator|governor|mayor|leader|professor|CEO|Sen\.|Rep\.|Gov\.|Mr\.|Ms\.|"
    r"Mrs\.|Dr\.|Secretary|Minister|President|Chairman|Director|Prosecutor|Judge|Officer|Sheriff|Chief)"
)
# "Kassie Siegel of the Center for Biological Diversity, who ..., said": the person speaks, not the body.
_OF_BODY = r"(?:\s+(?:of|from|at|with)\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:(?:for|of|and|on|the)\s+)?[A-Z][\w’'.&-]*){0,5})?"
_NAME_BEFORE_VERB = re.compile(rf"(?<![\w.])({NAME}){_OF_BODY}(?:,[^,\"“”]{{1,80}},)?\s+{_VERB}\b")
# "..., said Mark Toner": the name after the verb speaks. Not after "told": "Scott told Rotten Tomatoes he wanted
# ..." names whom he told.
_INVERTING_VERB = r"(?:said|says|added|explained|noted|wrote|stated|argued|insisted|recalled|warned)"
_VERB_BEFORE_NAME = re.compile(rf"\b{_INVERTING_VERB}\s+(?:(?:[A-Za-z.]+\s+){{0,4}}?{_TITLE},?\s+)?({NAME})")
_TITLED_NAME = re.compile(rf"\b{_TITLE}\s+({NAME})")
_ANY_NAME = re.compile(rf"(?<![\w.]){NAME}")
_SUBORDINATE_SUBJECT = re.compile(
    rf"^(?:While|Although|Though|As|After|Before|When|Because|If)\s+({NAME})\s+[a-z]"
)
_UNNAMED_SPEAKER = re.compile(r"\b([Hh]e|[Ss]he)\s+(?=(?:said|says|added|told)\b)")
_OPENING_PRONOUN = re.compile(r"^([\"“]?)(He|She|His|Her)\b(?![-’'])\s+(?=[a-z])")
_THE_COMPANY = re.compile(r"^(The (?:company|firm|automaker|carmaker|retailer|airline|bank))\b(?=\s)")
_ORGANIZATION = re.compile(
    rf"\b({_WORD}(?:\s+(?:&\s+)?{_WORD}){{0,3}}\s+(?:Inc|Corp|Co|Ltd|LLC|Group|Company|Corporation|Airlines|Motors)\b\.?)"
)
# Capitalised words that start a clause or name no person.
_NOT_A_NAME = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Their",
        "Its",
        "This",
        "That",
        "These",
        "Those",
        "But",
        "And",
        "So",
        "Also",
        "However",
        "In",
        "On",
        "At",
        "For",
        "From",
        "With",
        "By",
        "As",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "Then",
        "There",
        "Here",
        "Now",
        "Still",
        "Yet",
        "Meanwhile",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Police",
        "Officials",
        "Authorities",
        "Reporters",
        "Critics",
    ]
)
_ORGANIZATION_WORDS = frozenset(
    [
        "Ministry",
        "Department",
        "House",
        "Council",
        "Committee",
        "Office",
        "Agency",
        "Police",
        "Commission",
        "Court",
        "Party",
        "Inc",
        "Corp",
        "Group",
        "Times",
        "News",
        "Post",
        "Journal",
        "Reuters",
        "Press",
        "Union",
        "Government",
        "Army",
        "Forces",
        "Observatory",
        "Association",
        "University",
        "Institute",
        "Foundation",
        "Service",
        "Board",
        "Bureau",
        "Center",
        "Centre",
        "Congress",
        "Senate",
        "Embassy",
        "Navy",
        "Pentagon",
        "Kremlin",
        "Company",
        "Corporation",
        "Network",
        "Organization",
        "Organisation",
        "Coalition",
        "Club",
        "League",
        "Guard",
        "Patrol",
        "Administration",
        "Authority",
        "District",
        "Hospital",
        "County",
        "Airport",
        "Station",
    ]
)
DANGLING_OPENERS = (
    "he", "she", "they", "it", "his", "her", "their", "this", "these", "those", "that", "but",
    "however", "also", "meanwhile", "still", "yet", "and", "so", "instead", "then", "there",
    "such", "both",
)  # fmt: skip
_OPENER = re.compile(r"^[\s\"“‘'(\[]*(?:" + "|".join(DANGLING_OPENERS) + r")\b(?!-)", re.IGNORECASE)
_UNNAMED_SPEAKER_RULE = re.compile(r"\b(?:he|she|they)\s+(?:said|says|added|told)\b", re.IGNORECASE)


def needs_antecedent(text: str) -> bool:
    """The opening-word rule: a pronoun or connective opening, or an unnamed "he said"."""
    return bool(_OPENER.match(text) or _UNNAMED_SPEAKER_RULE.search(text))


# Capitalised roles opening a sentence ("Counselor Ada Veen said").
_ROLES = frozenset(
    [
        "Counselor",
        "Teacher",
        "Coach",
        "Principal",
        "Spokesman",
        "Spokeswoman",
        "Detective",
        "Lt.",
        "Sgt.",
        "Capt.",
        "Col.",
        "Gen.",
        "Adm.",
        "Colonel",
        "General",
        "Captain",
        "Sergeant",
        "Lieutenant",
        "Commissioner",
        "Superintendent",
        "Deputy",
        "Agent",
        "Trooper",
    ]
)
LOOK_BACK = 5  # article sentences searched for a speaker's name
GENERATION_WORDS = frozenset(["Jr", "Sr", "II", "III", "IV"])


def surname_of(name: str) -> str:
    """The family name of a person's name: "Kunz" of "DeOrr Kunz Sr", not the generation "Sr"."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].strip(".") in GENERATION_WORDS:
        words = words[:-1]
    return words[-1] if words else name


def _clean_name(name: str) -> str | None:
    words = re.sub(r"[’']s$", "", name).split()
    while words and (words[0] in _NOT_A_NAME or words[0] in _ROLES or re.fullmatch(_TITLE, words[0])):
        words = words[1:]
    # a qualified title before the name ("State Senator Obama", "Former Prime Minister Tony Blair"): the title
    # ends at its last title word
    titled = [i for i, w in enumerate(words[:-1]) if w in _ROLES or re.fullmatch(_TITLE, w, re.IGNORECASE)]
    if titled:
        words = words[titled[-1] + 1 :]
    if not words or any(w.strip(".") in _ORGANIZATION_WORDS for w in words):
        return None
    if len(words) == 1 and (len(words[0]) < 3 or re.fullmatch(_TITLE + "|General|Colonel|Captain", words[0])):
        return None
    return " ".join(words)


_CLAUSE_VERB_AFTER = re.compile(
    r"\s+(?:are|is|was|were|has|have|had|will|would|could|should|can|may|might|must|did|does|do"
    r"|need(?:s|ed)?|want(?:s|ed)?)\b"
)


def speakers_in(text: str, titled: bool = True) -> list[tuple[int, str]]:
    """Named speakers of a text with their positions, in text order.

    A speaker is a name next to a reporting verb, or (``titled``) after a title.
    """
    found: dict[int, str] = {}
    patterns = (
        (_NAME_BEFORE_VERB, _VERB_BEFORE_NAME, _TITLED_NAME)
        if titled
        else (_NAME_BEFORE_VERB, _VERB_BEFORE_NAME)
    )
    quoted = [match.span() for match in _QUOTED.finditer(text)]
    for pattern in patterns:
        for match in pattern.finditer(text):
            if pattern is _VERB_BEFORE_NAME and _CLAUSE_VERB_AFTER.match(text, match.end(1)):
                continue  # "Obama said Americans needed to ...": the reported clause's subject, not a speaker
            name = _clean_name(match.group(1))
            # A name inside a quote is spoken of ("... to vilify Ms. Lerner," said the lawyer), not speaking.
            if name and not any(start < match.start(1) < end for start, end in quoted):
                found.setdefault(match.start(1), name)
    return sorted(found.items())


@dataclass(frozen=True)
class Rewrite:
    text: str
    speaker: str | None  # who the sentence quotes or reports, when known


class SurnameTable(Protocol):
    """Surname -> the story's full name for it, or None (``mentions.FullNames``)."""

    def get(self, surname: str) -> str | None: ...


class ReferenceResolver:
    """Resolves a story's sentences' unnamed referents from their own articles.

    ``full_names``, when given, is the brief's table of full names (``mentions.FullNames``):
    "[Mark Toner] said" then prints the name the bracketed introductions print. A surname it has
    no name for (two given names, or named only at a sentence's start) takes the longest name
    the story's speakers give it.
    """

    def __init__(self, story: Story, full_names: SurnameTable | None = None) -> None:
        self.story = story
        self._table = full_names
        self._by_article: dict[str, list[Sentence]] = {}
        for sentence in story.sentences:
            self._by_article.setdefault(sentence.article_id, []).append(sentence)

    @cached_property
    def _full_names(self) -> dict[str, str]:
        """Surname -> the longest full name the story gives for it ("Toner" -> "Mark Toner")."""
        names: dict[str, str] = {}
        for sentence in self.story.sentences:
            for _, name in speakers_in(sentence.text):
                surname = name.split()[-1]
                if len(name.split()) > len(names.get(surname, "").split()):
                    names[surname] = name
        return names

    @cached_property
    def _quoted(self) -> frozenset[str]:
        """Surnames of the people the story shows speaking ("Toner said")."""
        return frozenset(
            surname_of(name) for s in self.story.sentences for _, name in speakers_in(s.text, titled=False)
        )

    def full_name(self, name: str) -> str:
        words = name.split()
        if len(words) != 1:
            return name
        agreed = self._table.get(name) if self._table is not None else None
        return agreed or self._full_names.get(name, name)

    def _previous(self, sentence: Sentence, count: int) -> list[Sentence]:
        """Up to ``count`` sentences before ``sentence`` in its article, nearest first."""
        sentences = self._by_article.get(sentence.article_id, ())
        return [s for s in reversed(sentences[: sentence.index]) if s.index < sentence.index][:count]

    def _known_speakers(self, text: str) -> list[tuple[int, str]]:
        """Mentions of people the story quotes elsewhere ("While Toner didn't endorse ...")."""
        return [(start, name) for start, name in _names_in(text) if surname_of(name) in self._quoted]

    def _recent_speaker(self, sentence: Sentence, before: str) -> str | None:
        own = speakers_in(before, titled=False)
        subordinate = _SUBORDINATE_SUBJECT.match(before)  # "While Toner didn't endorse it, he said ..."
        if not own and subordinate and _clean_name(subordinate.group(1)):
            own = [(subordinate.start(1), str(_clean_name(subordinate.group(1))))]
        if own:
            return own[-1][1]
        for previous in self._previous(sentence, LOOK_BACK):
            named = speakers_in(previous.text)
            if named:
                return named[-1][1]
            mentioned = self._known_speakers(previous.text)
            if mentioned:  # no one speaks there: the subject, named first ("Cutter defended ... Romney used")
                first = _first_name(previous.text)
                # "Veen called for an inquiry after Ollen's acquittal": Ollen speaks elsewhere, but Veen
                # is the subject here, and may be the one who speaks next
                if first is not None and first.split()[-1] != mentioned[0][1].split()[-1]:
                    return None
                return mentioned[0][1]
        return None

    def _only_person(self, sentence: Sentence) -> str | None:
        """The one person the article's previous sentence names as a speaker or by title."""
        previous = self._previous(sentence, 1)
        if not previous:
            return None
        named = speakers_in(previous[0].text) or self._known_speakers(previous[0].text)
        people = {self.full_name(name) for _, name in named}
        return people.pop() if len(people) == 1 else None

    def _quote_speaker(self, sentence: Sentence) -> str | None:
        """Who speaks an unattributed quote: the one speaker of the article's sentence that introduces it.

        Quotes before it that are unattributed too continue the same speaker's words; any other
        sentence in between, or two people named there, and the speaker stays unknown.
        """
        for previous in self._previous(sentence, LOOK_BACK):
            if _bare_quote(previous.text):
                continue
            people = {self.full_name(name) for _, name in speakers_in(previous.text)}
            return people.pop() if len(people) == 1 else None
        return None

    def _organization(self, sentence: Sentence) -> str | None:
        for previous in self._previous(sentence, LOOK_BACK):
            found = _ORGANIZATION.findall(previous.text)
            named = [_strip_leading(o) for o in found if _strip_leading(o)]
            if named:
                return named[-1]
        return None

    def rewrite(self, sentence: Sentence, text: str) -> Rewrite:
        """``text`` (``sentence``'s printed form) with unnamed referents resolved in brackets."""
        unnamed = _UNNAMED_SPEAKER.search(text)
        speaker: str | None = None
        if unnamed and _attributes_speech(text, unnamed.start()):
            speaker = self._recent_speaker(sentence, text[: unnamed.start()])
            if speaker:
                speaker = self.full_name(speaker)
                text = text[: unnamed.start()] + f"[{speaker}] " + text[unnamed.end() :]
        opening = _OPENING_PRONOUN.match(text)
        if opening and opening.group(1) and _bare_quote(text):
            opening = None  # a speaker's words going on: '"She did nothing wrong."' is not about the speaker
        if opening:
            person = self._only_person(sentence)
            if person:
                possessive = opening.group(2) in ("His", "Her")
                inserted = f"[{person}’s]" if possessive else f"[{person}]"
                text = opening.group(1) + inserted + " " + text[opening.end() :]
        after_phrase = _PRONOUN_AFTER_PHRASE.match(text)  # "After the explosion, she put ..."
        if after_phrase and after_phrase.group(1) != "they":
            person = self._only_person(sentence)
            if person:
                text = f"{text[: after_phrase.start(1)]}[{person}]{text[after_phrase.end(1) :]}"
        company = _THE_COMPANY.match(text)
        if company:
            organization = self._organization(sentence)
            if organization:
                text = f"[{organization}]" + text[company.end() :]
        if _bare_quote(text):
            quoted = self._quote_speaker(sentence)
            if quoted and re.search(rf"\b{re.escape(surname_of(quoted))}\b", text):
                quoted = None  # "Officer Rose is a true hero": words about the person, not theirs
            if quoted:  # a speaker label, as in a transcript: "[Mark Toner]: “We ...”"
                speaker = quoted
                text = f"[{quoted}]: {text}"
        if speaker is None:
            # a quote's speaker may be named by title ("spokesman Mark Toner, citing ..., said:")
            named = speakers_in(text, titled=quoted_words(text) > 0)
            speaker = self.full_name(named[-1][1]) if named else None
        return Rewrite(text=text, speaker=speaker)


def _attributes_speech(text: str, at: int) -> bool:
    """Whether the "he said" at ``at`` attributes words: a quote's, or a clause's it ends (", he said") or opens.
    "..., after he told her he would kill her" tells of an act, and its "he" is the clause's, not a speaker's."""
    before = text[:at].rstrip()
    return quoted_words(text) > 0 or not before.strip("\"“‘'(") or before.endswith((",", "”", '"', "’"))


def _names_in(text: str) -> Iterator[tuple[int, str]]:
    """Every name a text gives, cleaned, with its position, in text order."""
    for match in _ANY_NAME.finditer(text):
        name = _clean_name(match.group(0))
        if name:
            yield match.start(), name


def _first_name(text: str) -> str | None:
    """The first name a text gives, read as its subject."""
    return next((name for _, name in _names_in(text)), None)


def _strip_leading(name: str) -> str | None:
    words = name.split()
    while words and words[0] in _NOT_A_NAME:
        words = words[1:]
    return " ".join(words) if len(words) > 1 else None


# Openings that answer the sentence before, beside the measure's list ("Except seven of those ...").
_ANSWERING = re.compile(
    r"^[\"“]?(?:Except|Otherwise|Likewise|Similarly|Besides|Sure)\b"
    r"|^[\"“]?(?:The\s+)?[A-Z]?[a-z]+\s+of\s+(?:them|those|these)\b"  # "The best of them ..."
)
_UNNAMED_BODY = re.compile(r"\bit\s+(?:said|says|added)\b")  # "..., it said in a statement."
# What the sentence before it sets up (seventh reading, docs/brief-reading.md): a subject pronoun after an
# opening phrase that names no one ("After the explosion, she put her son ..."), a time only the sentence
# before gives ("Much has changed since then."), a demonstrative after an opening adverb ("At least that was
# the consensus ...", "After this, ..."), and a labelled quote that opens on a connective ("[Ada Veen]: “But ...”").
_PRONOUN_AFTER_PHRASE = re.compile(
    r"^[\"“]?[A-Z][a-z]*(?:\s+[a-z0-9][\w’'-]*){1,6},\s+(he|she|they)\s+(?!(?:said|says|added|told)\b)[a-z]"
)
_THEN = re.compile(r"\b(?:[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Bb]efore|[Ff]rom) then\b")
_ADVERB_DEMONSTRATIVE = re.compile(
    r"^[\"“]?(?:At least|Even|Perhaps|Maybe|Not only|Only|After|Before|Because of|Despite|Besides|Beyond"
    r"|In addition to|On top of|Apart from|Aside from|Given|Like)\s+(?:that|this|those|these|it)\b"
)
# Only a connective: a labelled quote opening "It's ..." or "They ..." reads as the speaker's own talk.
_LABELLED_CONNECTIVE = re.compile(
    r"^\[[^\]]+\]:\s*[\"“‘']?(?:But|And|However|Also|Still|Yet|So|Instead|Meanwhile|Then)\b(?!-)"
)


def leans_on_previous(text: str) -> bool:
    """Whether ``text`` reads only after the sentence before it.

    The measure's rule, "The company ...", "Except ...", "The best of them ...", "..., it said", and
    what only the sentence before sets up: "After the explosion, she ...", "since then", "At least that ...".
    """
    return (
        needs_antecedent(text)
        or bool(_THE_COMPANY.match(text) or _ANSWERING.match(text) or _UNNAMED_BODY.search(text))
        or _bare_quote(text)
        or bool(_PRONOUN_AFTER_PHRASE.match(text) or _THEN.search(text) or _ADVERB_DEMONSTRATIVE.match(text))
        or bool(_LABELLED_CONNECTIVE.match(text))
    )


def _bare_quote(text: str) -> bool:
    """A quote with no attribution at all: its speaker is named by the sentence before."""
    return quoted_words(text) > 0 and len(_QUOTED.sub(" ", text).split()) < 2


_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


def quoted_words(text: str) -> int:
    """Words of ``text`` inside direct quotes."""
    return sum(len(match.split()) for match in _QUOTED.findall(text))
