"""WARC web archives (plain or .warc.gz) via warcio.

HTML response records (and HTML resource records) go through the HTML
reader with the url taken from ``WARC-Target-URI``; other records (requests,
metadata, images, redirects) are not articles and are not counted. HTML
records without article text, and the records of a file cut off part way
(``warc_integrity`` walks the bytes to find where), are skipped, and one
warning says how many HTML records were kept and skipped, and why.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
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


@dataclass(frozen=True)
class Integrity:
    """What a byte-level walk of a WARC finds: complete records, and where it is cut off."""

    complete: int  # records whose headers and Content-Length bytes are all there
    cut_in: int | None = None  # number of the first incomplete record, if any
    reason: str = ""


def read_warc(data: bytes, source: str) -> list[Article]:
    """The articles of a WARC's HTML records; says what it kept and what it skipped."""
    if not is_warc(data):
        raise CrosswireError("malformed WARC: it does not start with a WARC/ header", source=source)
    integrity = warc_integrity(data)
    articles: list[Article] = []
    skipped: list[str] = []
    seen = 0
    for record in html_records(data, source, integrity):
        seen += 1
        label = f"record {record.number} ({record.url or 'no url'})"
        if integrity.cut_in is not None and record.number >= integrity.cut_in:
            skipped.append(f"{label}: cut off")
            continue
        if len(record.payload) > MAX_INPUT_BYTES:
            skipped.append(f"{label}: over the {MAX_INPUT_LABEL} cap (MAX_INPUT_BYTES)")
            continue
        try:
            articles.append(html_article(record.payload, source, url=record.url, charset=record.charset))
        except CrosswireError as error:
            skipped.append(f"{label}: {error.message}")
    damage = _damage_text(integrity)
    if not articles:
        if seen == 0 and integrity.complete == 0 and damage:
            raise CrosswireError(f"malformed WARC: no complete record; {damage}", source=source)
        if seen == 0:
            what = f"no HTML responses in this WARC ({integrity.complete} records read)"
            raise CrosswireError(what + (f"; {damage}" if damage else ""), source=source)
        reasons = "; ".join(skipped[:3])
        raise CrosswireError(
            f"no article text found in any of {seen} HTML records ({reasons})"
            + (f"; {damage}" if damage else ""),
            source=source,
        )
    if skipped or damage:
        summary = f"kept {len(articles)} of {seen} HTML records read"
        if skipped:
            summary += (
                f"; skipped {len(skipped)} ({'; '.join(skipped[:3])}{'; ...' if len(skipped) > 3 else ''})"
            )
        if damage:
            summary += f"; {damage}, so any records after it are lost"
        warn(summary, source=source)
    return articles


def _damage_text(integrity: Integrity) -> str:
    if integrity.cut_in is None:
        return ""
    return f"the file is cut off in record {integrity.cut_in} ({integrity.reason})"


def warc_integrity(data: bytes) -> Integrity:
    """Walk the (inflated) WARC byte by byte: how many records are whole, and where it breaks."""
    raw, inflate_problem = _inflate(data)
    position, complete = 0, 0
    while position < len(raw):
        while raw[position : position + 2] == b"\r\n":  # the blank lines between records
            position += 2
        if position >= len(raw):
            break
        number = complete + 1
        if not raw.startswith(b"WARC/", position):
            return Integrity(complete, number, "no WARC/ header where a record should start")
        header_end = raw.find(b"\r\n\r\n", position)
        if header_end < 0:
            return Integrity(complete, number, "its headers end early")
        length = _content_length(raw[position:header_end])
        if length is None:
            return Integrity(complete, number, "it has no valid Content-Length")
        end = header_end + 4 + length
        if end > len(raw):
            return Integrity(
                complete, number, f"{len(raw) - header_end - 4:,} of its {length:,} content bytes"
            )
        complete += 1
        position = end
    if inflate_problem:
        return Integrity(complete, complete + 1, inflate_problem)
    return Integrity(complete)


def _inflate(data: bytes) -> tuple[bytes, str]:
    """The bytes of a plain or gzipped WARC, inflated member by member, and what stopped it."""
    if not data.startswith(b"\x1f\x8b"):
        return data, ""
    parts: list[bytes] = []
    rest = data
    while rest:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            parts.append(inflater.decompress(rest))
        except zlib.error:
            return b"".join(parts), "its gzip data is corrupt"
        if not inflater.eof:
            return b"".join(parts), "its gzip member ends early"
        rest = inflater.unused_data
    return b"".join(parts), ""


def _content_length(headers: bytes) -> int | None:
    for line in headers.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            try:
                return int(value.strip())
            except ValueError:
                return None
    return None


def html_records(data: bytes, source: str, integrity: Integrity) -> Iterator[HtmlRecord]:
    """The HTML records of a WARC, up to where warcio can read it.

    A record warcio fails on ends the walk: with records kept before it, the
    caller warns (``integrity`` says where the file breaks); with none, it is
    an error worded about the file, not about warcio.
    """
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
    except Exception:  # warcio raises ArchiveLoadFailed, gzip, zlib and attribute errors on damage
        broken = integrity.cut_in or number or 1
        if number <= 1 and integrity.complete == 0:
            if integrity.cut_in is not None:
                message = f"malformed WARC: the file is cut off in record {broken} ({integrity.reason})"
            else:
                message = f"malformed WARC: record {broken} cannot be parsed"
            raise CrosswireError(message, source=source) from None
        if integrity.cut_in is None:
            warn(f"record {number} cannot be parsed; the records after it are lost", source=source)


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
