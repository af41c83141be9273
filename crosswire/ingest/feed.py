"""RSS and Atom feeds via feedparser: one article per entry.

The text is the entry's full content when it has one, else its summary;
HTML content becomes paragraphs (see ``markup``). The outlet is the feed's
title. feedparser recovers what it can from broken XML; a feed it flags as
malformed is an error only when no entry could be read.
"""

from __future__ import annotations

import io
from typing import Any

from crosswire.errors import CrosswireError, warn
from crosswire.ingest.fields import iso_date, text_field
from crosswire.ingest.markup import html_to_text, looks_like_html, plain_to_text
from crosswire.model import Article


def read_feed(data: bytes, source: str) -> list[Article]:
    import feedparser

    try:
        # A stream, never the bytes themselves: feedparser would try a string as a URL or file name.
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception:  # feedparser is lenient, but its XML back ends can still raise
        raise CrosswireError("malformed feed: its XML cannot be parsed", source=source) from None
    entries = list(parsed.get("entries") or [])
    if parsed.get("bozo") and not entries:
        reason = _one_line(parsed.get("bozo_exception"))
        raise CrosswireError(f"malformed feed: {reason}", source=source)
    if not entries:
        raise CrosswireError("feed has no entries", source=source)
    outlet = _plain(parsed.get("feed", {}).get("title"))
    articles = []
    skipped = []  # warned about only if the feed is read at all
    for number, entry in enumerate(entries, 1):
        text = entry_text(entry)
        title = _plain(entry.get("title"))
        if not text:
            skipped.append(f"entry {number} ({title or 'untitled'}) skipped: no text")
            continue
        articles.append(
            Article(
                text=text,
                title=title,
                outlet=outlet,
                outlet_source="metadata" if outlet else "",
                url=text_field(entry.get("link")),
                published=_entry_date(entry),
                source=source,
            )
        )
    if not articles:
        if parsed.get("bozo"):
            raise CrosswireError(f"malformed feed: {_one_line(parsed.get('bozo_exception'))}", source=source)
        raise CrosswireError("no feed entry has any text", source=source)
    for message in skipped:
        warn(message, source=source)
    if skipped:
        warn(f"kept {len(articles)} of {len(entries)} feed entries; skipped {len(skipped)}", source=source)
    if parsed.get("bozo"):
        reason = _one_line(parsed.get("bozo_exception"))
        warn(f"feed is not well-formed ({reason}); read the {len(articles)} entries recovered", source=source)
    return articles


def entry_text(entry: Any) -> str:
    """Full content if present (the longest part), else the summary, as plain text."""
    candidates = [part for part in entry.get("content") or [] if isinstance(part, dict)]
    texts = [_as_text(part.get("value"), part.get("type")) for part in candidates]
    texts = [text for text in texts if text]
    if texts:
        return max(texts, key=len)
    detail = entry.get("summary_detail") or {}
    return _as_text(entry.get("summary"), detail.get("type") if isinstance(detail, dict) else None)


def _as_text(value: Any, kind: Any) -> str:
    if not isinstance(value, str):
        return ""
    if kind == "text/plain" or not looks_like_html(value):
        return plain_to_text(value)
    return html_to_text(value)


def _plain(value: Any) -> str | None:
    if isinstance(value, str) and looks_like_html(value):
        value = html_to_text(value)
    return text_field(value)


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        iso = iso_date(entry.get(key))
        if iso is not None:
            return iso
    return None


def _one_line(error: Any) -> str:
    text = " ".join(str(error).split()) if error is not None else ""
    return text[:120] or "unreadable XML"
