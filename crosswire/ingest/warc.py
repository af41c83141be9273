"""WARC web archives (plain or .warc.gz) via warcio.

HTML response records (and HTML resource records) go through the HTML
reader with the url taken from ``WARC-Target-URI``; other records (requests,
metadata, images, redirects) are skipped silently. An HTML record without
article text is skipped with a warning.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from crosswire.errors import CrosswireError, warn
from crosswire.ingest.decode import MAX_INPUT_BYTES, MAX_INPUT_LABEL
from crosswire.ingest.detect import is_warc
from crosswire.ingest.html import html_article
from crosswire.model import Article

HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class HtmlRecord:
    number: int
    url: str | None
    charset: str | None
    payload: bytes


def read_warc(data: bytes, source: str) -> list[Article]:
    if not is_warc(data):
        raise CrosswireError("malformed WARC: it does not start with a WARC/ header", source=source)
    articles: list[Article] = []
    seen = 0
    for record in html_records(data, source, partial_ok=lambda: bool(articles)):
        seen += 1
        label = f"record {record.number} ({record.url or 'no url'})"
        if len(record.payload) > MAX_INPUT_BYTES:
            warn(f"{label} skipped: over the {MAX_INPUT_LABEL} cap (MAX_INPUT_BYTES)", source=source)
            continue
        try:
            articles.append(html_article(record.payload, source, url=record.url, charset=record.charset))
        except CrosswireError as error:
            warn(f"{label} skipped: {error.message}", source=source)
    if seen == 0:
        raise CrosswireError("no HTML responses in this WARC", source=source)
    if not articles:
        raise CrosswireError(f"no article text found in any of {seen} HTML responses", source=source)
    return articles


def html_records(data: bytes, source: str, partial_ok: Callable[[], bool]) -> Iterator[HtmlRecord]:
    """The HTML records of a WARC; a broken archive raises, or ends early if ``partial_ok()``."""
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            number += 1
            if record.format != "warc" or not record.rec_type:
                raise ValueError(f"record {number} has no WARC-Type")
            html = _html_record(record, number)
            if html is not None:
                yield html
    except Exception as error:  # warcio raises ArchiveLoadFailed, gzip, zlib and parsing errors
        reason = " ".join(str(error).split())[:120] or type(error).__name__
        if partial_ok():
            warn(f"WARC is damaged after record {number}; kept what was read ({reason})", source=source)
            return
        raise CrosswireError(f"malformed WARC: {reason}", source=source) from None


def _html_record(record: Any, number: int) -> HtmlRecord | None:
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None:
            return None
        status = (headers.get_statuscode() or "") if hasattr(headers, "get_statuscode") else ""
        if status and not status.startswith("2"):
            return None
        content_type = headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    mime, _, parameters = content_type.partition(";")
    if mime.strip().lower() not in HTML_TYPES:
        return None
    payload = record.content_stream().read(MAX_INPUT_BYTES + 1)
    return HtmlRecord(
        number=number,
        url=record.rec_headers.get_header("WARC-Target-URI") or None,
        charset=_charset(parameters),
        payload=payload,
    )


def _charset(parameters: str) -> str | None:
    for parameter in parameters.split(";"):
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
