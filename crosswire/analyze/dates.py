"""Date mentions in news text, and their resolution against an anchor date.

Explicit dates ("Dec. 6", "September 30", "December 29, 2015", "in October")
are parsed by regular expressions; relative ones ("on Tuesday", "last week",
"earlier this month", "yesterday", "two days ago") are resolved against the
article's publication date. A bare weekday is ambiguous between the previous
and the next occurrence, so the tense of its clause decides: past tense
picks the previous one (or the anchor day itself), future/present the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3,
}  # fmt: skip

# Capitalised month names only ("may" and "march" are also words); abbreviations take an optional dot.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_EXPLICIT = [
    # "December 29, 2015", "Dec. 6", "Sept 30"
    (
        "mdy",
        re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?![:\d.,]\d)(?:,?\s+(?P<year>{_YEAR})\b)?"),
    ),
    # "6 December 2015", "30th of September"
    ("dmy", re.compile(rf"\b(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR})\b)?")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b")),
    # "October 2015"
    ("my", re.compile(rf"\b(?P<month>{_MONTH})\s+(?:of\s+)?(?P<year>{_YEAR})\b")),
    # "in October", "since September", "late September", "the month of October"
    (
        "m",
        re.compile(
            rf"\b(?:in|In|since|Since|during|by|until|till|through|from|of|early|Early|late|Late|mid|Mid|last|next|this)[\s-]"
            rf"(?P<month>{_MONTH})(?![\w.]*\s+\d)(?!\w)"
        ),
    ),
    # "in 2011", "since 2011"
    (
        "y",
        re.compile(
            rf"\b(?:in|In|since|Since|during|by|until|of|from|through)\s(?P<year>{_YEAR})\b(?![-/.,]\d)"
        ),
    ),
    # "a 2012 report", "the 2016 election": a year naming when the thing it modifies happened (recent
    # years only, and a word after it, so that "the 1900 employees" stays a count)
    (
        "ya",
        re.compile(
            r"\b(?:a|an|the|A|An|The|its|his|her|their|Its|His|Her|Their)\s(?P<year>19[5-9]\d|20[0-3]\d)\b"
            r"(?![-/.,:]\d)(?=\s+[A-Za-z])"
        ),
    ),
]
_NOT_WEEKDAY = re.compile(r"(?:Black|Good|Super|Cyber|Ash|Holy|Palm|Easter|Bloody|Maundy)\s+$")
# "open on Monday, Tuesday and Friday": three weekdays in a row are a schedule, not dates
_WEEKDAY_LIST = re.compile(rf"\b{_WEEKDAY}(?:s?,\s+{_WEEKDAY}s?)+,?\s+(?:and|or)\s+{_WEEKDAY}s?\b")
_RELATIVE = [
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<mod>last|next|this|past|coming|Last|Next|This)\s+)?(?P<weekday>{_WEEKDAY})(?:'s|’s)?"
            rf"(?:\s+(?P<part>morning|afternoon|evening|night))?\b(?!\s*,?\s*{_MONTH})"
        ),
    ),
    (
        "day",
        re.compile(
            r"\b(?P<word>today|yesterday|tomorrow|tonight|last night|this morning|this afternoon"
            r"|this evening|Today|Yesterday|Tomorrow|Tonight|Last night)\b(?:'s|’s)?"
        ),
    ),
    (
        "period",
        re.compile(
            r"\b(?P<pos>earlier|later|late|early|Earlier|Later|Late|Early)?\s*(?:in\s+)?"
            r"(?P<mod>this|last|next|past|coming|This|Last|Next|Past)\s+(?P<unit>week|weekend|month|year)\b"
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<count>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)"
            r"\s+(?P<unit>day|week|month|year)s?\s+ago\b",
            re.IGNORECASE,
        ),
    ),
]
_FUTURE_CUES = re.compile(
    r"\b(?:will|won't|wo n't|shall|'ll|’ll|is to|are to|is due|are due|scheduled|expected to|plans? to|"
    r"planning to|intends? to|going to|set to|would|upcoming|next)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text; offsets are into that text.

    kind: "explicit" (a calendar date, month or year) or "relative".
    For explicit mentions ``year``/``month``/``day`` hold what the text gives.
    For relative ones ``rule`` is "weekday", "day", "period" or "ago".
    """

    start: int
    end: int
    text: str
    kind: str
    rule: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    modifier: str | None = None
    position: str | None = None
    unit: str | None = None
    count: int | None = None

    @property
    def relative(self) -> bool:
        return self.kind == "relative"


@dataclass(frozen=True)
class ResolvedDate:
    """A resolved date: ``value`` is ISO ("2015-12-29", "2015-11", "2015", or an
    interval "2015-12-21/2015-12-27"); ``first``/``last`` are the day bounds."""

    value: str
    first: str
    last: str
    granularity: str  # "day", "week", "month" or "year"


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def find_date_mentions(text: str) -> list[DateMention]:
    """All date expressions in ``text``, left to right, without overlaps."""
    return list(_date_mentions(text))


@lru_cache(maxsize=512)
def _date_mentions(text: str) -> tuple[DateMention, ...]:
    # Cached: publication-date inference and the timeline scan the same texts.
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for rule, pattern in _EXPLICIT:
        for match in pattern.finditer(text):
            start, end = match.span()
            if rule in ("m", "y", "ya"):  # the preposition or article is context, not part of the date
                start = match.start("month" if rule == "m" else "year")
            if not free(start, end):
                continue
            groups = match.groupdict()
            month = groups.get("month")
            day = groups.get("day")
            year = groups.get("year")
            word = match.group().split(None, 1)[0].lower() if rule == "m" else ""
            mention = DateMention(
                start=start,
                end=end,
                text=text[start:end],
                kind="explicit",
                rule=rule,
                year=int(year) if year else None,
                month=(int(month) if month.isdigit() else _month_number(month)) if month else None,
                day=int(re.sub(r"\D", "", day)) if day else None,
                modifier=word if word in ("last", "next", "this") else None,
            )
            if rule == "m" and month and month.rstrip(".") in ("May", "March", "Mar"):
                continue  # too often a verb or modal without a day or year
            found.append(mention)
            taken.append((start, end))
    taken += [m.span() for m in _WEEKDAY_LIST.finditer(text)]
    for rule, pattern in _RELATIVE:
        for match in pattern.finditer(text):
            start, end = match.span()
            start += len(match.group()) - len(match.group().lstrip())
            if not free(start, end):
                continue
            groups = match.groupdict()
            if rule == "weekday" and _NOT_WEEKDAY.search(text[max(0, start - 12) : start]):
                continue
            count = groups.get("count")
            mention = DateMention(
                start=start,
                end=end,
                text=text[start:end],
                kind="relative",
                rule=rule,
                weekday=WEEKDAYS.index(groups["weekday"].lower()) if groups.get("weekday") else None,
                modifier=(groups.get("mod") or groups.get("word") or "").lower() or None,
                position=(groups.get("pos") or "").lower() or None,
                unit=groups.get("unit", None) and groups["unit"].lower(),
                count=(int(count) if count.isdigit() else NUMBER_WORDS[count.lower()]) if count else None,
            )
            found.append(mention)
            taken.append((start, end))
    return tuple(sorted(found, key=lambda m: m.start))


# ----------------------------------------------------------------------------- tense


def tense_near(text: str, start: int, end: int, doc: Any | None = None) -> str:
    """ "past", "future" or "present" for the clause around a mention.

    With a spaCy Doc over ``text`` the governing verb decides (its tag and
    auxiliaries); without one, cue words in the sentence do.
    """
    if doc is not None:
        verdict = _tense_from_parse(doc, start, end)
        if verdict is not None:
            return verdict
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    sentence_end_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    sentence_end = min(sentence_end_candidates) if sentence_end_candidates else len(text)
    window = text[sentence_start:sentence_end]
    return "future" if _FUTURE_CUES.search(window) else "past"


_FUTURE_AUX = {"will", "shall", "'ll", "wo", "’ll"}
# verbs that put their date ahead: "expected Saturday", "scheduled for Friday", "beginning Tuesday"
_FUTURE_LEMMAS = {"expect", "schedule", "slate", "due", "plan", "begin", "start", "effective"}
_FUTURE_PREPOSITIONS = {"before", "until", "till", "ahead", "by"}
_PAST_INFINITIVE_HEADS = {"decide", "try", "attempt", "refuse", "fail", "manage", "vote", "agree"}
_GENERIC_TODAY_NOUNS = set(
    [
        "world",
        "society",
        "market",
        "markets",
        "economy",
        "children",
        "kids",
        "youth",
        "generation",
        "families",
        "students",
        "standards",
        "culture",
        "technology",
        "environment",
        "politics",
        "age",
        "times",
        "teenagers",
        "schools",
        "military",
        "media",
        "businesses",
        "life",
        "lives",
        "workplace",
        "workforce",
        "parents",
        "women",
        "men",
        "americans",
    ]
)


def _tense_from_parse(doc: Any, start: int, end: int) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    verb = None
    for ancestor in [token, *token.ancestors]:
        if (
            ancestor.lower_ in _FUTURE_PREPOSITIONS
            and ancestor.dep_ == "prep"
            and ancestor.i not in range(span.start, span.end)
        ):
            return "future"  # "before Tuesday's election"
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.i not in range(span.start, span.end):
            verb = ancestor
            break
    if verb is None:  # a misparse: fall back on the first verb of the sentence
        verb = next(
            (t for t in span.sent if t.pos_ in ("VERB", "AUX") and t.i not in range(span.start, span.end)),
            None,
        )
    if verb is None:
        return None
    aux = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    if aux & _FUTURE_AUX:
        return "future"
    if aux & {"has", "have", "had", "was", "were", "did", "been"}:
        return "past"
    if verb.lemma_.lower() in _FUTURE_LEMMAS and verb.tag_ != "VBD":
        return "future"
    if "to" in aux:  # an infinitive: "to be listed Tuesday", "agreed to meet Friday"
        head = verb.head
        if head.tag_ == "VBD" and head.lemma_.lower() in _PAST_INFINITIVE_HEADS - {"agree"}:
            return "past"
        # "was one of four states to legalize it in November", "was the first to leave": an infinitive
        # on a noun has the tense of the clause the noun is in.
        clause = head if head.pos_ in ("VERB", "AUX") else next(
            (t for t in head.ancestors if t.pos_ in ("VERB", "AUX")), None
        )
        on_noun = verb.dep_ == "acl" or (
            head.lemma_.lower() == "be" and any(c.dep_ == "attr" and c.i < verb.i for c in head.children)
        )
        if on_noun and clause is not None and clause.tag_ == "VBD":
            return "past"
        return "future"
    if verb.tag_ == "VBN" and aux & {"is", "are", "am", "be", "being"}:
        return "future"  # "is being published Friday"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    # "is to meet Tuesday", "expected to vote next week", "plans to leave Friday"
    if verb.tag_ == "VB" and verb.dep_ == "xcomp":
        head = verb.head
        if head.tag_ == "VBD" and head.lemma_.lower() in _PAST_INFINITIVE_HEADS:
            return "past"
        return "future"
    if verb.tag_ == "VBG" and aux & {"is", "are", "am"}:
        return "present"  # "is meeting Tuesday"
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and aux & {"can", "may", "must", "do", "does"}):
        return "present"  # news present with a weekday: "the panel meets Tuesday"
    return None


def clause_tense(text: str, mention: DateMention, doc: Any | None = None) -> str:
    """The tense for resolving ``mention``, or "generic" for a "today" that means nowadays."""
    tense = tense_near(text, mention.start, mention.end, doc)
    return "generic" if generic_today(text, mention, tense) else tense


def inside_quote(text: str, position: int) -> bool:
    """Whether ``position`` is inside quotation marks within its paragraph."""
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    if before.count("“") > before.count("”"):
        return True
    if before.count("``") > before.count("''"):
        return True
    return before.count('"') % 2 == 1


_SLOGAN_CUE = re.compile(r"\b(?:reads?|reading|chant(?:s|ed|ing)?|signs?|banners?|placards?|slogans?)\W{0,3}$", re.I)


def _slogan(text: str, position: int) -> bool:
    """Whether the quotation around ``position`` opens right after "read", "chanted", "sign", ...."""
    line_start = text.rfind("\n", 0, position) + 1
    opening = max(text.rfind(mark, line_start, position) for mark in ("“", '"', "``"))
    return opening >= 0 and bool(_SLOGAN_CUE.search(text[max(line_start, opening - 30) : opening]))


def generic_today(text: str, mention: DateMention, tense: str, doc: Any | None = None) -> bool:
    """ "today" meaning nowadays ("Today, the tribe is poor"; "today's world"), or words on a sign or in a
    chant ('a sign read "Justice today"'), which date nothing."""
    if mention.rule == "day" and inside_quote(text, mention.start) and _slogan(text, mention.start):
        return True
    if mention.rule != "day" or (mention.modifier or "") != "today" or inside_quote(text, mention.start):
        return False
    if mention.text.lower().endswith(("'s", "’s")):
        following = re.match(r"\s+(?:[a-z-]+\s+)?([A-Za-z]+)", text[mention.end : mention.end + 40])
        return bool(following and following.group(1).lower() in _GENERIC_TODAY_NOUNS)
    return tense == "present"


# ----------------------------------------------------------------------------- resolution


def _month_range(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def _day(value: date) -> ResolvedDate:
    iso = value.isoformat()
    return ResolvedDate(iso, iso, iso, "day")


def _span(first: date, last: date, granularity: str) -> ResolvedDate:
    if granularity == "month":
        value = f"{first.year:04d}-{first.month:02d}"
    elif granularity == "year":
        value = f"{first.year:04d}"
    else:
        value = f"{first.isoformat()}/{last.isoformat()}"
    return ResolvedDate(value, first.isoformat(), last.isoformat(), granularity)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def closest_year(month: int, day: int | None, anchor: date, tense: str = "past") -> int:
    """The year that puts month/day nearest the anchor, leaning to the tense's side."""
    best_year = anchor.year
    best_cost = float("inf")
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = date(year, month, day or 15)
        except ValueError:
            continue
        distance = (candidate - anchor).days
        # a date on the "wrong" side of the anchor for its tense costs more
        wrong_side = distance > 0 if tense == "past" else distance < 0
        cost = abs(distance) * (1.5 if wrong_side else 1.0)
        if cost < best_cost:
            best_year, best_cost = year, cost
    return best_year


def _year_of_month(month: int, day: int | None, modifier: str | None, anchor: date, tense: str) -> int:
    """ "last September" is the latest September before the anchor's month, "next November" the first
    after it; a month alone in a past clause ("passed in November", written in July) the latest one
    not after the anchor's month; otherwise the year nearest the anchor for the tense."""
    if modifier == "last" or (modifier is None and day is None and tense == "past"):
        latest = anchor.month - (modifier == "last")
        return anchor.year if month <= latest else anchor.year - 1
    if modifier == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    return closest_year(month, day, anchor, tense)


_PART_OF_MONTH = re.compile(
    r"\b(?P<part>first half of|second half of|early|mid|late|beginning of|end of)[\s-]+(?:the\s+month\s+of\s+)?$",
    re.IGNORECASE,
)


def narrow_to_part(text: str, mention: DateMention, resolved: ResolvedDate) -> ResolvedDate:
    """ "the first half of November", "late September": the part of a month the text names."""
    if resolved.granularity != "month":
        return resolved
    match = _PART_OF_MONTH.search(text[max(0, mention.start - 30) : mention.start])
    if match is None:
        return resolved
    first, last = date.fromisoformat(resolved.first), date.fromisoformat(resolved.last)
    part = match.group("part").lower()
    days = {
        "first half of": (1, 15), "beginning of": (1, 10), "early": (1, 10), "mid": (11, 20),
        "second half of": (16, last.day), "late": (21, last.day), "end of": (21, last.day),
    }[part]  # fmt: skip
    return _span(first.replace(day=days[0]), last.replace(day=days[1]), "range")


def resolve(mention: DateMention, anchor: date | None, tense: str = "past") -> ResolvedDate | None:
    """The date a mention denotes, given the publication date and the clause tense."""
    if mention.kind == "explicit":
        return _resolve_explicit(mention, anchor, tense)
    if anchor is None:
        return None
    if mention.rule == "weekday":
        return _day(_resolve_weekday(mention, anchor, "past" if tense == "past" else "future"))
    if mention.rule == "day":
        if tense == "generic":
            return None  # "today" meaning nowadays
        word = mention.modifier or ""
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)
        return _day(anchor + timedelta(days=offset))
    if mention.rule == "period":
        return _resolve_period(mention, anchor, tense)
    if mention.rule == "ago" and mention.unit and mention.count is not None:
        return _resolve_ago(mention.unit, mention.count, anchor)
    return None


def _resolve_explicit(mention: DateMention, anchor: date | None, tense: str) -> ResolvedDate | None:
    month, day, year = mention.month, mention.day, mention.year
    if year is None:
        if anchor is None or month is None:
            return None
        year = _year_of_month(month, day, mention.modifier, anchor, tense)
    try:
        if month is None:
            return _span(date(year, 1, 1), date(year, 12, 31), "year")
        if day is None:
            return _span(*_month_range(year, month), "month")
        return _day(date(year, month, day))
    except ValueError:
        return None


def _resolve_weekday(mention: DateMention, anchor: date, tense: str) -> date:
    assert mention.weekday is not None
    back = (anchor.weekday() - mention.weekday) % 7
    forward = (mention.weekday - anchor.weekday()) % 7
    modifier = mention.modifier
    if modifier == "last" or modifier == "past":
        return anchor - timedelta(days=back or 7)
    if modifier in ("next", "coming"):
        return anchor + timedelta(days=forward or 7)
    if tense == "future":
        return anchor + timedelta(days=forward)
    return anchor - timedelta(days=back)


def _resolve_period(mention: DateMention, anchor: date, tense: str) -> ResolvedDate | None:
    unit, modifier = mention.unit, mention.modifier
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(modifier or "", 0)
    if unit == "week":
        if modifier == "past":
            return _span(anchor - timedelta(days=7), anchor, "week")
        if step == 0 and tense != "past" and anchor.weekday() == 6:
            step = 1  # on a Sunday, "this week" ahead is the coming one
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=7 * step)
        last = monday + timedelta(days=6)
        if step == 0 and mention.position == "earlier":
            last = anchor
        return _span(monday, last, "week")
    if unit == "weekend":
        saturday_back = (anchor.weekday() - 5) % 7
        saturday_forward = (5 - anchor.weekday()) % 7
        if step < 0 or (step == 0 and tense == "past"):
            saturday = anchor - timedelta(days=saturday_back if saturday_back else 7)
            if step < 0 and anchor.weekday() == 6:
                saturday -= timedelta(days=7)  # on a Sunday, "last weekend" is the one before
        else:
            saturday = anchor + timedelta(days=saturday_forward)
            if step > 0 and saturday_forward < 2:
                saturday += timedelta(days=7)
        return _span(saturday, saturday + timedelta(days=1), "week")
    if unit == "month":
        if modifier == "past":
            return _span(anchor - timedelta(days=30), anchor, "week")
        year, month = _shift_month(anchor.year, anchor.month, step)
        first, last = _month_range(year, month)
        if step == 0 and mention.position == "earlier":
            last = anchor
        return _span(first, last, "month")
    if unit == "year":
        if modifier == "past":
            return _span(anchor - timedelta(days=365), anchor, "year")
        year = anchor.year + step
        first, last = date(year, 1, 1), date(year, 12, 31)
        if step == 0 and mention.position == "earlier":
            last = anchor
        return _span(first, last, "year")
    return None


def _resolve_ago(unit: str, count: int, anchor: date) -> ResolvedDate:
    if unit == "day":
        return _day(anchor - timedelta(days=count))
    if unit == "week":
        day = anchor - timedelta(days=7 * count)
        return _span(
            day - timedelta(days=day.weekday()),
            day - timedelta(days=day.weekday()) + timedelta(days=6),
            "week",
        )
    if unit == "month":
        year, month = _shift_month(anchor.year, anchor.month, -count)
        return _span(*_month_range(year, month), "month")
    return _span(date(anchor.year - count, 1, 1), date(anchor.year - count, 12, 31), "year")


def parse_anchor(value: str | None) -> date | None:
    """The date part of an ISO date or datetime string (None when unparsable)."""
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
