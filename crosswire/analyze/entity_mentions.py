"""Entity mentions: spaCy's named entities of every article, cleaned and labelled.

A mention is a name as one article writes it, with its spaCy label and its
character offsets: "the", a possessive 's and titles ("Secretary of State")
are stripped, lists ("Amnesty International, Human Rights Watch") are split,
a dateline is a place, and names the story's own words show to be things,
streets or bodies get the label their words give them. ``entities`` clusters
the mentions into entities.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from crosswire.analyze.context import AnalysisContext, doc_text
from crosswire.analyze.entity_kinds import (
    BODY_HEADS,
    CORPORATE,
    common_nouns,
    employer_names,
    kind_of_thing,
    placed_names,
    with_kind_of_name,
    with_leading_name_word,
    without_member_word,
)
from crosswire.analyze.entity_names import DEMONYMS, US_STATES
from crosswire.analyze.person_nouns import JOB_NOUNS, VOCABULARY
from crosswire.ingest.language import guess_language

_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "NORP": "place"}

# Leading words that are titles or roles, not part of a person's name.
TITLE_WORDS = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "prof",
        "prof.",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "senator",
        "sen",
        "sen.",
        "rep",
        "rep.",
        "representative",
        "governor",
        "gov",
        "gov.",
        "mayor",
        "clerk",
        "councilman",
        "councilwoman",
        "commissioner",
        "judge",
        "justice",
        "general",
        "gen",
        "gen.",
        "lt",
        "lt.",
        "colonel",
        "col",
        "col.",
        "major",
        "maj",
        "maj.",
        "captain",
        "capt",
        "capt.",
        "admiral",
        "adm",
        "adm.",
        "sergeant",
        "sgt",
        "sgt.",
        "chancellor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "sheikh",
        "emir",
        "ayatollah",
        "chief",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "envoy",
        "ambassador",
        "foreign",
        "defense",
        "defence",
        "interior",
        "state",
        "of",
        "the",
        "deputy",
        "acting",
        "former",
        "late",
        "retired",
        "ret.",
        "special",
        "chairman",
        "chairwoman",
        "director",
        "commander",
        "leader",
        "officer",
        "minister's",
        "secretary-general",
    ]
)
PARTICLES = frozenset(
    ["al", "el", "al-", "el-", "de", "da", "di", "del", "der", "van", "von", "bin", "ibn", "le", "la"]
)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True)
class Mention:
    text: str  # cleaned
    label: str  # spaCy label
    article: str
    start: int
    end: int


_TRAILING_FUNCTION_WORDS = re.compile(r"\s+(?:of|for|and|the|in|on|at|to)$", re.IGNORECASE)


def clean_mention(text: str) -> str:
    """Strip a leading "the", a possessive 's, a possessor ("Alloush's Army" -> "Army") and stray punctuation."""
    text = " ".join(text.split())
    text = text.strip(" ,;:!?\"“”‘’'()[]-–—/|")
    if text.endswith(".") and not re.search(r"(?:\b[A-Z]\.)+$", text):
        text = text[:-1]
    text = _POSSESSIVE.sub("", text)
    text = re.sub(r"^(?:the|The|THE)\s+|^an?\s+(?=[A-Z])", "", text)  # "a Jack Magee on a veterans’ site"
    text = re.sub(r"^[A-Z][\w-]+(?:'s|’s)\s+(?=[A-Z])", "", text)
    text = _TRAILING_FUNCTION_WORDS.sub("", text)
    return text.strip(" ,;:\"“”‘’'()[]")


def strip_titles(name: str) -> str:
    """Drop leading title words ("Foreign Minister Sergei Lavrov" -> "Sergei Lavrov")."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=65536)  # clustering folds the same few hundred names again and again
def fold(text: str) -> str:
    """Case, accent and punctuation folded key ("U.S." and "US" agree; "al-Assad" -> "al assad")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace(".", "").replace("’", "'")
    text = re.sub(r"[-‐–—_/]", " ", text)
    return " ".join(text.casefold().split())


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Folded name without particles ("Bashar al-Assad" and "Bashar Assad" agree)."""
    return " ".join(w for w in fold(name).split() if w not in PARTICLES)


def collect_mentions(ctx: AnalysisContext) -> list[Mention]:
    mentions = []
    for article in ctx.story.articles:
        if not ctx.on_topic(article.id):
            continue
        doc = ctx.docs[article.id]
        foreign: dict[int, bool] = {}
        for ent in doc.ents:
            if ent.label_ not in _KINDS or _in_foreign_sentence(ent, foreign):
                continue
            for text, start, end in _split_list(ent):
                mention = _mention_of(text, ent.label_, article.id, start, end, doc)
                if mention is not None:
                    mentions.append(mention)
    # A name the story once calls a skeleton or a bomber is that thing in every mention.
    things = {
        clean_mention(ent.text)
        for article in ctx.story.articles
        if ctx.on_topic(article.id)
        for ent in ctx.docs[article.id].ents
        if ent.label_ == "PERSON" and _named_thing(ent)
    }
    nouns = common_nouns(ctx)
    mentions = _datelined_places(_without_illnesses(mentions, ctx), ctx)
    organizations = {
        article.id: {clean_mention(e.text).lower() for e in ctx.docs[article.id].ents if e.label_ == "ORG"}
        for article in ctx.story.articles
        if ctx.on_topic(article.id)
    }
    placed = {clean_mention(name) for name in placed_names(ctx)}
    employers = frozenset(clean_mention(name) for name in employer_names(ctx))
    bodies = {m.text for m in mentions if m.label == "ORG"}
    mentions = _person_by_surname(_with_possessor(_with_name_s(_possessors_of_people(mentions), ctx), ctx))
    mentions = _transcript_speakers(mentions, ctx)
    # "the amber alert went out": a "person" the story also writes in lower case is a common noun.
    phrases = _lower_phrases(ctx)
    lowered = {m.text for m in mentions if m.label == "PERSON" and " " in m.text and m.text.lower() in phrases}
    return [
        with_kind_of_name(
            with_leading_name_word(
                without_member_word(m, doc_text(ctx.docs[m.article]), organizations[m.article]),
                doc_text(ctx.docs[m.article]),
                bodies,
            ),
            placed,
            bodies,
            employers,
        )
        for m in mentions
        if not (m.label == "PERSON" and (m.text in things or m.text in lowered or _kin_word(m.text)))
        and not kind_of_thing(m.text, nouns)
    ]


def _without_illnesses(mentions: list[Mention], ctx: AnalysisContext) -> list[Mention]:
    """Mentions less the illnesses' names and their initialisms ("RMSF"), in a story of illness."""
    illnesses = {m.text for m in mentions if len(m.text.split()) >= 2 and m.text.split()[-1].lower() in ILLNESS_HEADS}
    if not illnesses:
        return mentions
    lowered = {
        t.lower_ for a in ctx.story.articles if ctx.on_topic(a.id) for t in ctx.docs[a.id] if t.is_lower
    }
    if not lowered & ILLNESS_WORDS:
        return mentions
    initials = {"".join(w[0] for w in name.split() if w[:1].isupper()) for name in illnesses}
    return [m for m in mentions if m.text not in illnesses and not (m.text.isupper() and m.text in initials)]


def _datelined_places(mentions: list[Mention], ctx: AnalysisContext) -> list[Mention]:
    """ "AUSTIN, Texas --" opening an article names a place: so is "Austin" in every mention of the story
    ("their Austin home", tagged a person). So does "in Sandy Hook, Connecticut": a name after "in" (or "at",
    "near", ...) followed by a US state is a place in every mention ("10 Sandy Hook families")."""
    places = set()
    for m in mentions:
        text = doc_text(ctx.docs[m.article])
        at_line_start = m.start == 0 or text[m.start - 1 : m.start] == "\n"
        datelined = m.label == "GPE" and m.text.isupper() and at_line_start
        if (datelined and _DATELINE_AFTER.match(text[m.end : m.end + 40])) or _in_its_state(text, m):
            places.add(fold(m.text))
    if not places:
        return mentions
    return [replace(m, label="GPE") if m.label != "GPE" and fold(m.text) in places else m for m in mentions]


_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|near|outside|from|of|to)\s+(?:the\s+)?$", re.IGNORECASE)
_STATE_AFTER = re.compile(r"^,\s+((?:[A-Z][a-z]*\.?)(?:\s[A-Z][a-z]*\.?)?)")


def _in_its_state(text: str, mention: Mention) -> bool:
    """ "in Sandy Hook, Connecticut,": a name after a place preposition, followed by a US state that ends
    the phrase (not "from Ann Roe, Texas Republican", not "Texas's attorney general")."""
    if mention.text in US_STATES or not _PLACE_PREPOSITION.search(text[max(0, mention.start - 12) : mention.start]):
        return False
    after = _STATE_AFTER.match(text[mention.end : mention.end + 24])
    if after is None:
        return False
    words = after.group(1).split()
    for n in (2, 1):
        state = " ".join(words[:n])
        rest = text[mention.end + after.start(1) + len(state) :][:2]
        ends = state.endswith(".") or rest[:1] in ("", ",", ";", ":", ")", "\n", ".") or rest == " " or (
            rest[:1] == " " and rest[1:].islower()
        )
        if len(words) >= n and state in US_STATES and ends:
            return True
    return False


def _kin_word(name: str) -> bool:
    """ "seeing Grandfather in his pajamas", "Mom said": a family word of one sex, capitalised, names no
    one (words that are also jobs or surnames, "Driver", "Coach", are kept)."""
    uses = VOCABULARY.get(name.lower(), frozenset())
    return bool(uses & {"he", "she"}) and "job" not in uses


def _with_name_s(mentions: list[Mention], ctx: AnalysisContext) -> list[Mention]:
    """ "McDonald's" written with its 's in every mention of the name: the 's is part of the name,
    not a possessive that cleaning strips (read from the mentions, so linear in the story). An acronym,
    a word of a person's name or a name the story also tags as no organisation keeps no 's."""
    suffixes: dict[str, list[str]] = {}
    for m in mentions:
        if m.label == "ORG":
            text = doc_text(ctx.docs[m.article])
            inside, after = text[m.end - 2 : m.end], text[m.end : m.end + 2]
            suffix = inside if inside in ("'s", "’s") else after if after in ("'s", "’s") else ""
            suffixes.setdefault(m.text, []).append(suffix)
    # "CNN's report", "Nolan's lawyer": an acronym's or a person's 's is a possessive, whatever its count.
    person_words = {word for m in mentions if m.label == "PERSON" for word in clean_mention(m.text).split()}
    # "Kiruna’s plan", "on Kiruna’s border" beside the place "Kiruna": a name also written bare is a possessor.
    possessors = person_words | {m.text for m in mentions if m.label != "ORG"}
    kept = {
        name: found[0]
        for name, found in suffixes.items()
        if len(found) >= 2 and all(found) and not name.isupper() and name not in possessors
    }
    out = []
    for m in mentions:
        if m.label == "ORG" and m.text in kept:
            text = doc_text(ctx.docs[m.article])
            grow = 0 if text[m.end - 2 : m.end] in ("'s", "’s") else 2
            m = Mention(m.text + kept[m.text], m.label, m.article, m.start, m.end + grow)
        out.append(m)
    return out


_POSSESSOR = re.compile(r"^(?:[Tt]he\s+)?([A-Z][\w-]+)(?:'s|’s)\s+")


def _with_possessor(mentions: list[Mention], ctx: AnalysisContext) -> list[Mention]:
    """ "the People's Daily": a leading possessor that cleaning cut off ("Alloush's Army" -> "Army")
    belongs to the name when it is in every mention of it and names nothing of its own in the story."""
    possessors: dict[str, list[str]] = {}
    for m in mentions:
        if m.label == "ORG":
            match = _POSSESSOR.match(doc_text(ctx.docs[m.article])[m.start : m.end])
            possessors.setdefault(m.text, []).append(match.group(1) if match else "")
    named = {fold(m.text) for m in mentions}
    kept = {
        name: found[0]
        for name, found in possessors.items()
        if found[0] and all(f == found[0] for f in found) and fold(found[0]) not in named
    }
    return [
        Mention(f"{kept[m.text]}'s {m.text}", m.label, m.article, m.start, m.end)
        if m.label == "ORG" and m.text in kept
        else m
        for m in mentions
    ]


def _person_by_surname(mentions: list[Mention]) -> list[Mention]:
    """ "Amber Pasztor" tagged an organisation in a story that names "Rene Pasztor" a person: a
    two-word name ending in a person's surname, with no word of a body's, is a person's."""
    surnames = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and len(m.text.split()) >= 2}
    out = []
    for m in mentions:
        words = m.text.split()
        if (
            m.label == "ORG"
            and len(words) == 2
            and words[-1] in surnames
            and all(w[:1].isupper() and w.isalpha() for w in words)
            and not {w.lower() for w in words} & (BODY_HEADS | CORPORATE)
        ):
            m = Mention(m.text, "PERSON", m.article, m.start, m.end)
        out.append(m)
    return out


def _lower_phrases(ctx: AnalysisContext) -> set[str]:
    """Every run of two or three lower-case words in the story ("amber alert"), built once."""
    phrases: set[str] = set()
    for article in ctx.story.articles:
        words = re.findall(r"[\w'’-]+", article.text)
        for i in range(len(words) - 1):
            if words[i].islower() and words[i + 1].islower():
                phrases.add(f"{words[i]} {words[i + 1]}")
                if i + 2 < len(words) and words[i + 2].islower():
                    phrases.add(f"{words[i]} {words[i + 1]} {words[i + 2]}")
    return phrases


@lru_cache(maxsize=64)
def _straight_quote_offsets(text: str) -> tuple[int, ...]:
    return tuple(i for i, c in enumerate(text) if c == '"')


def _straight_quotes_before(text: str, offset: int) -> int:
    return bisect_left(_straight_quote_offsets(text), offset)


def _quoted_passage(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The quotation (up to 500 characters) a span stands in, if any."""
    before = text[max(0, start - 500) : start]
    curly, straight = before.rfind("“"), before.rfind('"')
    if curly > max(before.rfind("”"), straight):
        opening = curly
    elif straight > max(curly, before.rfind("”")) and _straight_quotes_before(text, start) % 2 == 1:
        opening = straight
    else:
        return None
    after = text[end : end + 500]
    closing = min((i for i in (after.find('"'), after.find("”")) if i >= 0), default=-1)
    if closing < 0:
        return None
    return max(0, start - 500) + opening + 1, end + closing


def _in_foreign_sentence(ent: Any, seen: dict[int, bool]) -> bool:
    """A name inside a passage in another language ("Honig Senf-Sauce" in a German menu quoted whole):
    the quotation it stands in, else the words around it. Text without a letter outside ASCII is
    taken for English without asking (cheap, and the other Latin-script languages carry accents)."""
    text = doc_text(ent.doc)
    passage = _quoted_passage(text, ent.start_char, ent.end_char)
    span = passage or (max(0, ent.start_char - 150), min(len(text), ent.end_char + 150))
    if span[0] not in seen:
        words = text[span[0] : span[1]]
        if words.isascii():
            seen[span[0]] = False
        else:
            guess = guess_language(words)
            seen[span[0]] = len(words.split()) >= 6 and guess.code not in ("en", "und")
    return seen[span[0]]


# "Stan, a Tyrannosaurus rex skeleton": an appositive with one of these heads says the name is no person's.
THING_NOUNS = frozenset(["skeleton", "dinosaur", "fossil", "bomber", "aircraft", "plane", "jet", "ship", "boat",
                         "horse", "dog", "cat", "whale", "elephant", "gorilla", "panda", "robot", "hurricane",
                         "storm", "typhoon", "cyclone", "rex", "tyrannosaurus"])  # fmt: skip


def _named_thing(ent: Any) -> bool:
    return any(child.dep_ == "appos" and child.lemma_.lower() in THING_NOUNS for child in ent.root.children)


def _split_list(ent: Any) -> Iterable[tuple[str, int, int]]:
    """ "Amnesty International, Human Rights Watch" is two organisations; a line break ends a name."""
    text = ent.text
    offset = ent.start_char
    first_line = text.split("\n", 1)[0]
    text = first_line
    position = 0
    if ent.label_ == "PERSON":
        parts = _two_people(text)
    elif ent.label_ != "ORG" or _ONE_BODY.match(text):
        parts = [text]
    else:
        parts = re.split(r",\s+|\s+and\s+(?=[A-Z])", text)
    for part in parts:
        index = text.index(part, position)
        position = index + len(part)
        yield part, offset + index, offset + index + len(part)


def _two_people(text: str) -> list[str]:
    """ "So do George and Marie": two names joined by "and", tagged as one person, are two people."""
    parts = re.split(r"\s+and\s+", text)
    if len(parts) == 2 and all(p and all(w[:1].isupper() for w in p.split()) for p in parts):
        return parts
    return [text]


_OWNER_AND_PERSON = re.compile(r"^(?P<owner>.+?s)[’'] (?P<person>[A-Z][\w.-]*(?: [A-Z][\w.-]*)+)$")


def _possessors_of_people(mentions: list[Mention]) -> list[Mention]:
    """ "ABC News’ Ann Roe", tagged as one organisation: a plural possessive before the name of a person the
    story tags as one is the person's employer and the person, two mentions ("Veterans’ Affairs" stays)."""
    people = {m.text for m in mentions if m.label == "PERSON"}
    found = []
    for m in mentions:
        match = _OWNER_AND_PERSON.match(m.text) if m.label == "ORG" else None
        if match is None or match.group("person") not in people:
            found.append(m)
            continue
        owner, person = match.group("owner"), match.group("person")
        found.append(Mention(owner, "ORG", m.article, m.start, m.start + len(owner)))
        found.append(Mention(person, "PERSON", m.article, m.end - len(person), m.end))
    return found


# "Securities and Exchange Commission": one word, "and", then a body's name is one body, not a list; so is
# that name after a chamber or a country ("House Ways and Means Committee", "U.S. Fish and Wildlife
# Service").
_ONE_BODY = re.compile(
    r"^(?:[Tt]he\s+)?(?:(?:U\.S\.|US|UK|U\.K\.|House|Senate|State|National|Federal)\s+)?[A-Z][\w.'-]*\s+and\s+"
    r"[A-Z][\w\s.'-]*\b(?:Commission|Administration|Department|Committee|Agency|Bureau|Board|Council|Service"
    r"|Institute|Authority|Office|Ministry|Association|Society)s?$"
)
_TRAILING_DATE = re.compile(
    r"\s+(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?$"
)
_DATELINE_AFTER = re.compile(
    r"^(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([^)]{1,30}\)\s*)?(?:--|[-\u2013\u2014])\s"
)  # "AUSTIN, Texas --" too
# "Rocky Mountain Spotted Fever", "Lyme Disease": an illness's name, tagged as a person or a body, names no
# entity (in a story that speaks of illness: "Indiana Fever" stays a team), and neither does its initialism.
ILLNESS_HEADS = frozenset(["fever", "disease", "syndrome", "virus", "flu", "influenza", "infection", "disorder",
                           "pox", "plague", "sickness"])  # fmt: skip
ILLNESS_WORDS = frozenset(["symptoms", "symptom", "diagnosed", "infected", "infection", "disease", "illness",
                           "patients", "patient", "outbreak"])  # fmt: skip
# Words of a web page's furniture that spaCy tags as names ("Download the PDF", "Contact Customer Support").
PAGE_WORDS = frozenset(["pdf", "customer support", "customer service", "privacy policy", "terms of use",
                        "terms of service", "cookie policy", "newsletter", "facebook twitter", "email"])  # fmt: skip


_GLUED = re.compile(r"[!?][\"”’']?\w|[”\"]\w")
_ROLE_BEFORE = re.compile(r"\b([a-z-]+)\s+$")


def _after_person_role(text: str, start: int) -> bool:
    match = _ROLE_BEFORE.search(text[max(0, start - 30) : start])
    return match is not None and match.group(1) in JOB_NOUNS


# "MICHEL MARTIN, HOST:", "LEE:": a transcript's speaker label at the start of a line.
SPEAKER_LABEL = re.compile(
    r"^[ \t]*(?P<name>[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3})(?:,[ \t]*[A-Z][A-Z ,.'’-]*)?:", re.MULTILINE
)


def _transcript_speakers(mentions: list[Mention], ctx: AnalysisContext) -> list[Mention]:
    """In a transcript (two speaker labels or more), a label names a person: "MARTIN" is the
    "MICHEL MARTIN" of the first label ending in that surname, written as a name, not an acronym."""
    labels: dict[tuple[str, int], str] = {}
    for article in ctx.story.articles:
        if not ctx.on_topic(article.id):
            continue
        found = list(SPEAKER_LABEL.finditer(doc_text(ctx.docs[article.id])))
        if len(found) < 2:
            continue
        names = [" ".join(w.capitalize() for w in m.group("name").split()) for m in found]
        full = {name.split()[-1]: name for name in reversed(names) if len(name.split()) >= 2}
        for match, name in zip(found, names, strict=True):
            labels[(article.id, match.start("name"))] = full.get(name, name) if " " not in name else name
    if not labels:
        return mentions
    return [
        Mention(labels[(m.article, m.start)], "PERSON", m.article, m.start, m.end)
        if (m.article, m.start) in labels
        else m
        for m in mentions
    ]


# "Keurig 2.0", "CO 2"; "a Bushmaster AR-15", "a K-9 unit": a model's code names a thing ("G-20" a group).
_PRODUCT_NUMBER = re.compile(r"\s\d{1,2}\.\d$|^(?:[A-Z][a-z]?){1,3}\s\d$|(?:^|\s)(?!G-)[A-Z]{1,3}\d*-\d+[A-Z\d-]*$")


def _mention_of(text: str, label: str, article: str, start: int, end: int, doc: Any) -> Mention | None:
    dated = _TRAILING_DATE.search(text)
    if dated and dated.start() > 0:  # "Comedy Central October 29th": the date is not part of the name
        text, end = text[: dated.start()], start + dated.start()
    cleaned = clean_mention(text)
    if label == "NORP":
        place = DEMONYMS.get(cleaned)
        if place is None:
            return None
        cleaned, label = place, "GPE"
    if cleaned.isupper() and _DATELINE_AFTER.match(doc_text(doc)[end : end + 40]):
        before_line = doc_text(doc)[max(0, start - 1) : start]
        if start == 0 or before_line == "\n":
            label = "GPE"  # "DENVER (Reuters) -": a dateline names a place, whatever spaCy guessed
    if cleaned.endswith(" District") and re.match(r"\s+Attorney\b", doc_text(doc)[end : end + 12]):
        cleaned = cleaned[: -len(" District")]  # "Travis County District Attorney Jo Lee": the county
    if label == "ORG" and " " in cleaned and _after_person_role(doc_text(doc), start):
        label = "PERSON"  # "former quarterback Kain Colter"
    if label == "PERSON":
        cleaned = strip_titles(cleaned)
        first, _, rest = cleaned.partition(" ")
        if first.lower() in JOB_NOUNS and len(rest.split()) >= 2:
            cleaned = rest  # "Musician Brad Fischetti", "Lawyer Ivo Kast": the job is no part of the name
        if len(cleaned.split()) > 2 and cleaned.split()[-1] in ("Dead", "Dies", "Died"):
            cleaned = cleaned.rsplit(" ", 1)[0]  # a headline's "Colin Kroll Dead at 34"
    # "Secretary of State John Kerry": spaCy tags "State" as an organisation.
    before = doc_text(doc)[max(0, start - 14) : start].lower()
    if label == "ORG" and cleaned in ("State", "Defense", "Defence") and before.rstrip().endswith("of"):
        return None
    if len(cleaned) < 2 or not any(c.isalpha() for c in cleaned) or cleaned.islower() or fold(cleaned) in PAGE_WORDS:
        return None
    if _GLUED.search(cleaned):
        return None  # "Pencils!”GET": words run together across a sentence's end, no name
    if _PRODUCT_NUMBER.search(cleaned):
        return None  # "Keurig 2.0", "CO 2", "Cu 2", "AR-15": a version, a formula or a model, not a name
    return Mention(cleaned, label, article, start, end)
