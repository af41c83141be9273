"""JSON Lines of articles: ``{"title", "text", "url", "outlet", "published"}`` per line.

Only ``text`` is required; an optional ``cluster`` groups lines into stories.
A bad line is skipped with a warning naming its line number; a file with no
good line is an error. A single JSON object or array of objects (not one per
line) is read the same way, for convenience.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from crosswire.errors import CrosswireError, warn
from crosswire.ingest.decode import decode_text
from crosswire.ingest.fields import iso_date, normalise_newlines, text_field
from crosswire.model import Article

MAX_LINE_WARNINGS = 5  # then one summary warning, so a broken file does not flood the terminal


@dataclass(frozen=True)
class JsonRecord:
    """One JSON value of a file, or why it could not be parsed."""

    label: str  # "line 3" or "item 3", for messages
    number: int
    value: Any = None
    error: str | None = None


def json_records(text: str) -> list[JsonRecord]:
    """The records of a JSON Lines file (or of a single JSON object or array)."""
    try:
        whole = json.loads(text)
    except (ValueError, RecursionError):
        pass
    else:
        if isinstance(whole, list):
            return [JsonRecord(f"item {i}", i, value) for i, value in enumerate(whole, 1)]
        return [JsonRecord("line 1", 1, whole)]
    records = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            records.append(JsonRecord(f"line {number}", number, json.loads(line)))
        except ValueError as error:
            message = getattr(error, "msg", str(error))
            records.append(JsonRecord(f"line {number}", number, error=f"invalid JSON ({message})"))
        except RecursionError:
            records.append(JsonRecord(f"line {number}", number, error="invalid JSON (nested too deeply)"))
    return records


def read_records(
    data: bytes, source: str, what: str, parse: Callable[[JsonRecord, str], list[Article]]
) -> list[Article]:
    """Articles of every good record; bad records are warned about and skipped.

    ``parse`` raises ``ValueError`` with the reason a record is unusable.
    """
    text = decode_text(data, source)
    records = json_records(text)
    articles: list[Article] = []
    bad = 0
    first_error = ""
    for record in records:
        try:
            if record.error is not None:
                raise ValueError(record.error)
            articles.extend(parse(record, source))
        except ValueError as error:
            bad += 1
            first_error = first_error or f"{record.label}: {error}"
            if bad <= MAX_LINE_WARNINGS:
                warn(f"{record.label} skipped: {error}", source=source)
    if bad > MAX_LINE_WARNINGS:
        warn(f"{bad - MAX_LINE_WARNINGS} more bad records skipped", source=source)
    if bad and articles:
        warn(f"kept {len(records) - bad} of {len(records)} JSON records; skipped {bad}", source=source)
    if not articles:
        detail = f" (first problem: {first_error})" if first_error else ""
        raise CrosswireError(f"no usable {what} in {len(records)} JSON records{detail}", source=source)
    return articles


def read_jsonl(data: bytes, source: str) -> list[Article]:
    return read_records(data, source, "articles", _parse_article)


def _parse_article(record: JsonRecord, source: str) -> list[Article]:
    return [article_from_object(record.value, source)]


def article_from_object(value: Any, source: str, cluster: str | None = None) -> Article:
    """An article from a JSON object with at least a non-empty ``text`` string."""
    if not isinstance(value, dict):
        raise ValueError(f"not a JSON object but {_json_type(value)}")
    text = value.get("text")
    if not isinstance(text, str):
        raise ValueError('no "text" string')
    text = normalise_newlines(text).strip()
    if not text:
        raise ValueError('"text" is empty')
    published = value.get("published")
    iso = iso_date(published)
    if published not in (None, "") and iso is None:
        warn(f"unrecognised date {str(published)[:40]!r} ignored", source=source)
    own_cluster = text_field(value.get("cluster"))
    outlet = text_field(value.get("outlet"))
    return Article(
        text=text,
        title=text_field(value.get("title")),
        outlet=outlet,
        outlet_source="metadata" if outlet else "",
        url=text_field(value.get("url")),
        published=iso,
        source=source,
        cluster=cluster if cluster is not None else own_cluster,
    )


def _json_type(value: Any) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)
