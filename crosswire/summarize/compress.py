"""Rule-based sentence compression that keeps every brief sentence traceable.

Only deletions are made (plus re-capitalising the new first letter), so the
compressed text's word tokens stay an in-order subsequence of the original
span, and ``BriefSentence.source`` keeps pointing at the original sentence.
Each rule removes material that adds no fact a reader needs: datelines,
leading connectives that refer to a sentence the brief may not include,
short parentheticals, list bullets, page leftovers before the first word,
a stray "?" the source's encoding glued to a word, and trailing attribution tails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crosswire.contracts import is_subsequence, span_tokens

# "WASHINGTON (AP) — ", "LONDON, England (Reuters) - ", "(CNN) — ", "BEIRUT — ",
# and the LDC newswire's underscore dash: "YANGON, Myanmar _ "
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]+){0,4}\s*)?"
    r"(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)?"
    r"(?:\((?:AP|Reuters|AFP|CNN|UPI|Bloomberg|dpa|Xinhua|[A-Z][\w .&]{0,25})\)\s*)?"
    r"(?:[\u2014\u2013]|--|[-_](?=\s))\s*"
)
# A dateline without its dash, before an article: "PARIS An Algerian man ...", "FORT WAYNE, Ind. The ...";
# not a headline in capitals ("HE'S A SOCIALIST.").
_BARE_DATELINE = re.compile(
    r"^(?=[^a-z]*[A-Z]{3})[A-Z][A-Z.'\-]+(?:[ ,]+[A-Z][A-Za-z.'\-]+){0,3}\s+(?=(?:The|A|An)\s+[A-Z]?[a-z])"
)
# Words that are connectives only before a comma or a new clause ("So far, ..." and "Still more ..." stay).
_CLAUSE_START = r"(?:,\s+|\s+(?=(?:the|a|an|he|she|they|it|we|i|his|her|their|its|there)\b|[A-Z]))"
_LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:But|And|However|Meanwhile|Moreover|Furthermore|In addition|Additionally|"
    r"Nonetheless|Nevertheless|Separately|Elsewhere)\b,?\s+(?=\S)"
    r"|(?:So|Also|Still|Instead|Indeed|Yet|Then|Now)\b" + _CLAUSE_START + ")"
)
_SOFT_HYPHEN = "\u00ad"  # invisible in print, but it splits a word for search and comparison
# Page leftovers before the first word: "Updated | ", a video player's "CLOSE ", an update stamp
# ("Update: ", "UPDATE 3:45 p.m.: ") and a form's field label, set off by a spaced colon ("Redacted portion : ").
_PAGE_PREFIX = re.compile(
    r"^(?:Updated\s*\|\s*|CLOSE\s+(?=[A-Z][a-z])"
    r"|(?:Update[ds]?|UPDATE[DS]?)(?:\s+[\w,.:]+){0,4}?\s*:\s+(?=[\"“A-Z])"
    r"|[A-Z][\w’'-]*(?:\s[\w’'-]+){0,2}\s+:\s+(?=[\"“A-Z]))"
)
# The next list item's number glued to a sentence's end: "... senior advisers to the president… 9."
# Not after a plain period: "on Sept. 9.", "ranked No. 3." end on an abbreviation and a number.
_LIST_NUMBER_TAIL = re.compile(r"(?:(?<=[!?…\"”’)])|(?<=\.\.\.))\s+\d{1,2}\.$")
# A question mark the source's encoding left for a lost character (a quote, a dash), glued to the next word:
# "She did not ?mislead Congress", "?Those are the facts", "McCain: \ufffd?I'm". A real question mark ends a
# sentence or stands before a space or a closing quote, never after a space and before a letter.
_ENCODING_MARK = re.compile(r"(?:(?<=^)|(?<=[\s\"“‘(]))\ufffd?\?(?=[^\W_])|\ufffd")
_BULLET = re.compile(r"^[-*\u2022\u00b7\u25aa]\s+(?=\S)")  # "- ", "* ", "• " opening a list item
_PARENTHETICAL = re.compile(r"\s*\((?:[^()]{1,60})\)(?=[\s,.;:!?])")
_ATTRIBUTION_TAIL = re.compile(
    r",\s*(?:(?:he|she|they|it|police|officials|authorities)\s+(?:said|says|added|told [A-Z][\w ]{0,30})|"
    r"according to [^,.;]{1,60}|(?:the\s+)?[A-Z][\w.&' ]{0,40} (?:reported|reports))(?=[.!?][\"\u201d']?\s*$)"
)
_INITIAL_LOWER = re.compile(r"^([\"\u201c'(]?)([a-z])")


@dataclass(frozen=True)
class Compressor:
    """Which deletion rules to apply (each one can be switched off)."""

    datelines: bool = True
    connectives: bool = True
    parentheticals: bool = True
    bullets: bool = True
    page_leftovers: bool = True  # "Updated | ", a video player's "CLOSE ", "Update: ", a field label
    encoding_marks: bool = True  # a stray "?" glued before a word, a replacement character
    attribution_tails: bool = False  # off by default: attribution is part of a fact's sourcing

    def compress(self, text: str) -> str:
        """The shortened sentence, or ``text`` itself when a rule would break traceability."""
        result = text.replace(_SOFT_HYPHEN, "").strip()
        if self.encoding_marks:
            result = _ENCODING_MARK.sub("", result)
        if self.page_leftovers:
            result = _PAGE_PREFIX.sub("", result, count=1)
            result = _LIST_NUMBER_TAIL.sub("", result, count=1)
        if self.bullets:
            result = _BULLET.sub("", result, count=1)
        if self.datelines:
            result = _strip_dateline(result)
        if self.connectives:
            result = _LEADING_CONNECTIVE.sub("", result, count=1)
        if self.parentheticals:
            result = _PARENTHETICAL.sub("", result)
        if self.attribution_tails:
            result = _ATTRIBUTION_TAIL.sub("", result, count=1)
        result = _capitalise(result.strip())
        if len(result.split()) < 3 or not is_subsequence(span_tokens(result), span_tokens(text)):
            return text.replace(_SOFT_HYPHEN, "").strip()
        return result


def _strip_dateline(text: str) -> str:
    text = _BARE_DATELINE.sub("", text, count=1)
    match = _DATELINE.match(text)
    if not match or match.end() == 0:
        return text
    head = text[: match.end()]
    # A dateline is a place in capitals, an agency in brackets, or the dash left of one
    # ("— For years, ..."), never an ordinary clause.
    if not (re.search(r"[A-Z]{3,}", head) or "(" in head or head.strip() in ("\u2014", "\u2013")):
        return text
    return text[match.end() :]


def _capitalise(text: str) -> str:
    return _INITIAL_LOWER.sub(lambda m: m.group(1) + m.group(2).upper(), text, count=1)


def compress(text: str) -> str:
    """Compress with the default rules."""
    return Compressor().compress(text)
