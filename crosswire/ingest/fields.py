"""Small normalisers for record fields: dates to ISO 8601, loose values to text."""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime


def iso_date(value: object) -> str | None:
    """An ISO 8601 date or datetime string for ``value``, or None if it is not a date.

    Accepts ISO strings (kept at their precision: a date stays a date),
    RFC 2822 strings as in RSS ("Tue, 05 Mar 2024 10:15:00 +0100"),
    ``time.struct_time`` (taken as UTC, as feedparser gives them) and
    date/datetime objects.
    """
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        try:
            return datetime(*value[:6], tzinfo=UTC).isoformat()
        except (ValueError, OverflowError):
            return None
    if not isinstance(value, str):
        return None
    raw = value.strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(raw).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def text_field(value: object) -> str | None:
    """A stripped one-line string for a title/url/outlet value, or None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text or None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def words_of(text: str) -> frozenset[str]:
    """The space-separated words of ``text``, for readable constant word lists."""
    return frozenset(text.split())


# Han ideographs, kana and the CJK punctuation-free blocks: written without spaces between words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Chinese and Japanese words average about two characters.
CHARACTERS_PER_CJK_WORD = 2


def article_words(text: str) -> int:
    """Words of ``text`` for the "is there an article" minimum, counting unspaced CJK text too.

    Whitespace-delimited tokens count one each; a run of Chinese or Japanese
    characters counts one word per ``CHARACTERS_PER_CJK_WORD`` characters.
    """
    unspaced = len(_UNSPACED.findall(text))
    spaced = len(_UNSPACED.sub(" ", text).split())
    return spaced + unspaced // CHARACTERS_PER_CJK_WORD
