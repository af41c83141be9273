"""Numbers in news text, normalised to values and bounds.

"130,000" -> 130000; "a quarter-million" -> 250000; "4.5 million" ->
4500000; "three" -> 3; "hundreds" -> 100..999; "dozens" -> 24..99;
"at least 403" -> 403..open; "more than 250,000" -> 250000..open. Dates,
years, times, ages, ordinals, list numbers, phone numbers and model names
("TU-22") are not figures and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosswire.analyze.dates import find_date_mentions

_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "m": 1_000_000, "b": 1_000_000_000, "k": 1_000,
}  # fmt: skip
# word -> (low, high): what a vague plural count is taken to mean
VAGUE_RANGES: dict[str, tuple[float, float]] = {
    "hundreds of thousands": (100_000, 999_999),
    "tens of thousands": (10_000, 99_999),
    "hundreds of millions": (100_000_000, 999_999_999),
    "tens of millions": (10_000_000, 99_999_999),
    "several dozen": (36, 99),
    "a dozen": (12, 12),
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (100, 999),
    "thousands": (1_000, 9_999),
    "millions": (1_000_000, 99_999_999),
    "billions": (1_000_000_000, 99_999_999_999),
}
_LOWER = ("at least", "more than", "over", "upwards of", "in excess of", "well over", "just over", "above", "no fewer than", "no less than")  # fmt: skip
_UPPER = ("up to", "as many as", "at most", "fewer than", "less than", "under", "no more than")
_NEAR_BELOW = ("nearly", "almost", "close to", "just under", "just shy of")
_ABOUT = ("about", "around", "some", "roughly", "approximately", "an estimated", "estimated", "about some", "an approximate", "nearly about")  # fmt: skip
APPROXIMATE_TOLERANCE = 0.1  # "about N" is taken as N +- 10%
_QUALIFIER = (
    r"(?P<qual>"
    + "|".join(re.escape(q) for q in sorted(_LOWER + _UPPER + _NEAR_BELOW + _ABOUT, key=len, reverse=True))
    + r")\s+"
)
_SMALL = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS], key=len, reverse=True))
_WORD_NUMBER = rf"(?:(?:{'|'.join(_TENS_WORDS)})[- ](?:{'|'.join(k for k in _UNITS_WORDS if _UNITS_WORDS[k] < 10)})|{_SMALL})"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"hundred|thousand|million|billion|trillion"
_CURRENCY = r"(?P<cur>[$£€]|US\$)"
_NUMBER = re.compile(
    rf"(?<![\w#/.,-])(?:{_QUALIFIER})?(?:"
    rf"(?P<vague>{'|'.join(re.escape(v) for v in VAGUE_RANGES)})(?![\w-])"
    rf"|(?P<frac>(?:a|one)[- ]quarter(?:[- ]of a)?[- ]million|(?:a|one)[- ]half[- ]million|half a million|(?:a|one)[- ]quarter of a million)(?![\w-])"
    rf"|{_CURRENCY}?\s?(?P<digits>{_DIGITS})(?:\s?(?P<scale>{_SCALE}|bn|[mbk])\b|(?=km\b|kg\b|%)|(?![\d,]*\w))"
    rf"|(?P<article>a|one)\s(?P<ascale>hundred|thousand|million|billion)(?![\w-])"
    rf"|(?P<word>{_WORD_NUMBER})(?:\s(?P<wscale>{_SCALE}))?(?![\w-])"
    rf")",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"\s?(?P<unit>%|(?:percent|per cent|percentage points|km|kilometers|kilometres|miles|mi|meters|metres|kg|kilograms|tons|tonnes|acres|hectares|dollars|euros|pounds|years old)\b)",
    re.IGNORECASE,
)
_AGE = re.compile(r"^-?(?:year|month|week|day|hour|minute)s?-old|^\s+years?\s+old|^-\w", re.IGNORECASE)
_DURATION = re.compile(
    r"[\s-]+(?:more\s+|other\s+|full\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|decades?|centuries)\b",
    re.IGNORECASE,
)
_PHONE = re.compile(r"\+?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}")
_TIME = re.compile(r"\b\d{1,2}:\d{2}|\b\d{1,2}(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE)
_LIST_ITEM = re.compile(r"(?m)^\s*(?:\d{1,3}[.)]|#\d+)\s")
_AGE_RANGE = re.compile(r"\bage[sd]?\s+(?:of\s+)?\d{1,3}(?:\s*(?:to|-|–|and|or)\s*\d{1,3})?", re.IGNORECASE)
# "1 World Trade Center", "3415 Neptune Ave.", "the 3300 block of West Harlan Avenue": an address, not a count.
_ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w.'-]*\s+){1,3}(?:Center|Centre|Street|St\.|Avenue|Ave\.?|Road|Rd\.|Boulevard|Blvd\.?"
    r"|Plaza|Tower|Square|Lane|Drive|Way|Place)(?![\w])"
    r"|\b\d{2,5}\s+block\s+of\s+(?:[NSEW]\.?\s+|North\s+|South\s+|East\s+|West\s+)?[A-Z]"
)
# "Hide Caption 1 of 23", "Photo 3 of 12": a gallery's counter.
_FURNITURE = re.compile(
    r"\b(?:caption|photos?|images?|slides?|pictures?|gallery)\s+\d+\s+of\s+\d+\b|\b\d+\s+of\s+\d+\s+(?:photos?|images?|slides?)\b",
    re.IGNORECASE,
)
# "501(c)(4) groups", "a 401(k) plan", "Section 2(2) of the Act": a section of a code named by its numbers.
_CODE_SECTION = re.compile(r"\b\d{1,4}(?:\([a-z]\)|\(\d{1,2}\))+")
# "S&P 500", "Power 105.1", "FTSE 100": a name with a number in it.
_NAMED_BRAND = re.compile(
    r"\b(?:[A-Z]+&[A-Z]+|FTSE|Nikkei|DAX|Fortune|Power|Hot|Kiss|Magic|Radio|Channel)\s+\d{1,4}(?:\.\d)?\b"
)
_NAME_COMMA = re.compile(r"\b[A-Z][a-z]+[,(]\s?$")
# A capitalised word (not opening a sentence) right before a bare digit names a thing; so do a station's
# call letters or network, wherever they stand ("FOX 13's Haley Hinds reports", "KTLA 5").
_NAME_NUMBER = re.compile(
    r"(?<![.!?]\s)\b(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|In|On|Of|About|Some|Nearly|Almost|Over|Under)\b)[A-Z][a-z]+(?:[A-Z][a-z]+)?\s$"
    r"|\b[A-Z]{3,5}\s$"
)
# "Keurig 2.0", "its “2.0” line": a version number names a product.
_VERSION = re.compile(r"\d{1,2}\.\d")
_VERSION_BEFORE = re.compile(r"(?:\b[A-Z][\w-]*\s|[“\"‘'])$")
# "CO 2", "H 2 O", "Cu 2 O": a subscript cut loose from a chemical formula.
_FORMULA_BEFORE = re.compile(r"(?<![\w-])((?:[A-Z][a-z]?){1,3})\s$")
_NOT_FORMULA = frozenset({"In", "On", "At", "Is", "It", "By", "To", "Of", "As", "An", "Or", "No", "So", "Up", "Us",
                          "We", "He", "Me", "My", "Be", "Do", "Go", "If", "A", "I"})  # fmt: skip
# "lost a lot of weight, dropping to 80 pounds": pounds are money only where money is talked of.
_MONEY_BEFORE = re.compile(
    r"\b(?:cost|costs|paid|pay|pays|worth|price|priced|fine|fined|salary|million|billion|bill|fee|sum|raised|spent"
    r"|earn|earned|sold|bought|award|awarded|compensation|damages)\b[^.]{0,40}$",
    re.IGNORECASE,
)
_PRECEDING_NOT_COUNT = re.compile(
    r"(?:\bNo\.|\bno\.|\bnumber|\bpage|\bp\.|\bversion|\bRoute|\bRoom|\bchapter|\b[Ss]ection|\bFlight|\b[Aa]rticle|\bresolution|\bages?|\baged|\bage of|\b[Ss]tage|\b[Cc]ategory)\s*$"
)


@dataclass(frozen=True)
class Quantity:
    """A number in text: ``low``/``high`` bound it (None = open), ``value`` is
    the figure as stated (the lower end for vague plurals)."""

    start: int
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    approximate: bool = False
    vague: bool = False
    qualifier: str | None = None
    unit: str | None = None


def word_number(text: str) -> float | None:
    """ "three" -> 3, "twenty-five" -> 25 (None when not a number word)."""
    words = re.split(r"[- ]", text.lower())
    if len(words) == 1:
        return _UNITS_WORDS.get(words[0]) or _TENS_WORDS.get(words[0])
    if len(words) == 2 and words[0] in _TENS_WORDS and words[1] in _UNITS_WORDS:
        return _TENS_WORDS[words[0]] + _UNITS_WORDS[words[1]]
    return None


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start, m.end) for m in find_date_mentions(text)]
    for pattern in (_PHONE, _TIME, _LIST_ITEM, _AGE_RANGE, _ADDRESS, _FURNITURE, _NAMED_BRAND, _CODE_SECTION):
        spans.extend(m.span() for m in pattern.finditer(text))
    return spans


def _bounds(value: float, qualifier: str | None) -> tuple[float | None, float | None, bool]:
    if qualifier in _LOWER:
        return value, None, False
    if qualifier in _UPPER:
        return None, value, False
    if qualifier in _NEAR_BELOW:
        return value * (1 - APPROXIMATE_TOLERANCE), value, True
    if qualifier in _ABOUT:
        return value * (1 - APPROXIMATE_TOLERANCE), value * (1 + APPROXIMATE_TOLERANCE), True
    return value, value, False


def _is_year(digits: str, scale: str | None, unit: str | None) -> bool:
    return scale is None and unit is None and re.fullmatch(r"1[6-9]\d\d|20\d\d", digits) is not None


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text`` with its normalised value and bounds."""
    excluded = _excluded_spans(text)
    found: list[Quantity] = []
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if _not_a_figure(text, match, excluded):
            continue
        qualifier = match.group("qual").lower() if match.group("qual") else None
        unit_match = _UNIT_AFTER.match(text, end)
        unit = _normalise_unit(unit_match.group("unit")) if unit_match else None
        if unit == "years old":
            continue
        if unit == "GBP" and not _MONEY_BEFORE.search(text[max(0, start - 60) : start]):
            unit = "lb"  # "weighed 80 pounds"
        if match.group("cur"):
            unit = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR"}[match.group("cur")]
        if match.group("vague"):
            found.append(_vague_quantity(text, match, qualifier, unit))
            continue
        value = _stated_value(text, match, unit)
        if value is None:
            continue
        low, high, approximate = _bounds(value, qualifier)
        if unit_match and unit is not None:
            end = unit_match.end()
        found.append(
            Quantity(start, end, text[start:end], value, low, high, approximate, False, qualifier, unit)
        )
    return _join_ranges(text, found)


def _not_a_figure(text: str, match: re.Match[str], excluded: list[tuple[int, int]]) -> bool:
    """A number the words around it show to be no count or measure (a date, a name, a version, an
    age, a duration, a chemical formula)."""
    start, end = match.span()
    number_start = match.end("qual") + 1 if match.group("qual") else start
    while number_start < end and text[number_start].isspace():
        number_start += 1
    if any(s < end and number_start < e for s, e in excluded):
        return True
    if _PRECEDING_NOT_COUNT.search(text[max(0, start - 12) : start]):
        return True
    if (
        re.fullmatch(r"\d{1,4}", text[start:end])
        and _NAME_NUMBER.search(text[max(0, start - 20) : start])
        and not _UNIT_AFTER.match(text, end)
    ):
        return True  # "Warehouse 7", "Gate 12": a name, not a count
    written = text[start:end]
    if (
        _VERSION.fullmatch(written)
        and _VERSION_BEFORE.search(text[max(0, start - 20) : start])
        and not _UNIT_AFTER.match(text, end)
    ):
        return True  # "Keurig 2.0": a version, not a measure
    formula = _FORMULA_BEFORE.search(text[max(0, start - 6) : start])
    if re.fullmatch(r"\d", written) and formula and formula.group(1) not in _NOT_FORMULA:
        return True  # "CO 2", "H 2 O": a chemical formula's subscript
    if _NAME_COMMA.search(text[max(0, start - 30) : start]) and text[end : end + 1] in (",", ")"):
        return True  # "Rosa Lind, 24, said": an age
    following = text[end : end + 12]
    if _TOP_LIST_BEFORE.search(text[max(0, start - 6) : start]) and _LIST_AFTER.match(text, end):
        return True  # "in the top 10 list", "the Top 40 chart": a list's name, not a count
    if _DURATION.match(text, end):
        return True  # "after two days", "a 12 hour shift": a duration, not a count
    return bool(_AGE.match(following))  # "five-year civil war", "33-year-old", "TU-22"-like compounds


def _vague_quantity(text: str, match: re.Match[str], qualifier: str | None, unit: str | None) -> Quantity:
    """ "dozens", "hundreds": a range, open above after "more than"."""
    start, end = match.span()
    word = match.group("vague").lower()
    low, high = VAGUE_RANGES[word]
    value, vague = low, word != "a dozen"
    if qualifier in _LOWER:
        return Quantity(start, end, text[start:end], value, low, None, True, vague, qualifier, unit)
    return Quantity(start, end, text[start:end], value, low, high, True, vague, qualifier, unit)


def _stated_value(text: str, match: re.Match[str], unit: str | None) -> float | None:
    """The number a match states, or None when it is no count after all (a year, a phone line, a
    pronoun "one")."""
    start, end = match.span()
    if match.group("frac"):
        return 250_000.0 if "quarter" in match.group("frac").lower() else 500_000.0
    if match.group("digits"):
        digits = match.group("digits")
        scale = match.group("scale")
        if scale and scale.lower() in ("m", "b", "k") and not match.group("cur"):
            return None  # "55m" is metres, not millions, without a currency sign
        if _is_year(digits, scale, unit):
            return None
        if _PHONE_LINE.match(text[start:end]) and (
            (_DIALLED.search(text[max(0, start - 12) : start]) and _DIALLED_END.match(text, end))
            or _LINE_AFTER.match(text, end)
        ):
            return None  # "called 911", "a 999 operator": an emergency line, not a count
        if unit is None and scale is None and re.search(r"[A-Za-z]-?$", text[max(0, start - 2) : start]):
            return None
        return float(digits.replace(",", "")) * (_SCALES[scale.lower()] if scale else 1)
    if match.group("ascale"):
        return float(_SCALES[match.group("ascale").lower()])
    return _word_value(text, match)


def _word_value(text: str, match: re.Match[str]) -> float | None:
    start = match.start()
    parsed = word_number(match.group("word"))
    if parsed is None or _capitalised_mid_sentence(text, start, match.group("word")):
        return None
    wscale = match.group("wscale")
    if parsed == 1 and not wscale:
        return None  # "one" is far more often a pronoun than a count
    if parsed == 2 and not wscale and _DEFINITE_BEFORE.search(text[max(0, start - 8) : start]):
        return None  # "the two men exchanged words": the pair named before, not a count
    if parsed == 2 and not wscale and _IDIOM_BEFORE.search(text[max(0, start - 24) : start]):
        return None  # "knew a thing or two", "a day or two": a manner of speaking, not a count
    return parsed * (_SCALES[wscale.lower()] if wscale else 1)


_PHONE_LINE = re.compile(r"^\d{3}$")
_DIALLED = re.compile(r"\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?)\s+$", re.IGNORECASE)
_DIALLED_END = re.compile(r"\s*(?:[.,;:!?)\"\u201d]|$)|\s+(?:and|but|for|from|on|after|before|again)\b")
_LINE_AFTER = re.compile(r"\s+(?:operators?|calls?|dispatchers?|line|emergency|hotline)\b", re.IGNORECASE)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
_TOP_LIST_BEFORE = re.compile(r"\b[Tt]op\s+$")
_LIST_AFTER = re.compile(r"\s+(?:list|lists|chart|charts|ranking|rankings)\b|\s*(?:[.,;:)]|$)")
_IDIOM_BEFORE = re.compile(r"\ban?\s+[a-z]+\s+or\s+$", re.IGNORECASE)


def _capitalised_mid_sentence(text: str, start: int, word: str) -> bool:
    """ "aired on Ten and Nine": a capitalised number word inside a sentence is a name (TV networks)."""
    before = text[:start].rstrip()
    return word[:1].isupper() and bool(before) and before[-1] not in ".!?:;\"\u201c\u201d(\n-\u2013\u2014"


_RANGE_JOIN = re.compile(r"^\s*(?:to|-|–|—)\s*$|^\s*and\s*$")


def _join_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "700 to 800 people", "between 700 and 800": one figure with both ends, not two."""
    joined: list[Quantity] = []
    for quantity in found:
        previous = joined[-1] if joined else None
        between = text[previous.end : quantity.start] if previous else ""
        if (
            previous is not None
            and not previous.vague
            and not quantity.vague
            and previous.qualifier is None
            and _RANGE_JOIN.match(between)
            and (
                between.strip() != "and"
                or text[max(0, previous.start - 8) : previous.start].lower().endswith("between ")
            )
            and previous.value < quantity.value
            and (previous.unit is None or previous.unit == quantity.unit)
        ):
            joined[-1] = Quantity(
                previous.start, quantity.end, text[previous.start : quantity.end], previous.value,
                previous.low, quantity.high, previous.approximate or quantity.approximate, False,
                quantity.qualifier, quantity.unit,
            )  # fmt: skip
            continue
        joined.append(quantity)
    return joined


def _normalise_unit(unit: str) -> str:
    unit = unit.lower()
    return {
        "%": "percent", "per cent": "percent", "kilometers": "km", "kilometres": "km", "mi": "miles",
        "metres": "meters", "kilograms": "kg", "tonnes": "tons", "dollars": "USD", "euros": "EUR",
        "pounds": "GBP",
    }.get(unit, unit)  # fmt: skip


def overlap(a: Quantity, b: Quantity) -> bool:
    """Whether two figures can both be true of one count."""
    a_low = a.low if a.low is not None else 0.0
    b_low = b.low if b.low is not None else 0.0
    a_high = a.high if a.high is not None else float("inf")
    b_high = b.high if b.high is not None else float("inf")
    return a_low <= b_high and b_low <= a_high


def describe(quantity: Quantity) -> str:
    """The normalised figure as a short string: "403+", "100-999", "~130000"."""

    def number(value: float) -> str:
        return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"

    if quantity.vague and quantity.low is not None and quantity.high is not None:
        return f"{number(quantity.low)}-{number(quantity.high)}"
    if quantity.high is None and quantity.low is not None:
        return f"{number(quantity.low)}+"
    if quantity.low is None and quantity.high is not None:
        return f"up to {number(quantity.high)}"
    return ("~" if quantity.approximate else "") + number(quantity.value)
