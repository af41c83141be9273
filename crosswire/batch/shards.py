"""Shards: the input files of a batch job, found by glob on any fsspec filesystem, read lazily.

A shard is one file: a WARC (``.warc``, ``.warc.gz``), a JSON Lines file
(``.jsonl``, ``.json``, optionally ``.gz``) or an HTML page. WARC and JSONL
shards are streamed (a WARC record by record through warcio's
``ArchiveIterator`` over an fsspec file object, a JSONL file line by line),
so a shard is never read whole into memory; only its articles are kept.
A damaged shard keeps what it could read and says what it skipped.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from crosswire.errors import CrosswireError
from crosswire.ingest.decode import MAX_INPUT_BYTES
from crosswire.ingest.html import html_article
from crosswire.ingest.jsonl import article_from_object
from crosswire.ingest.read import MAX_ARTICLE_CHARS, read_bytes, with_language
from crosswire.ingest.warc import _html_record
from crosswire.model import Article

WARC_ENDINGS = (".warc", ".warc.gz", ".arc.gz")
JSONL_ENDINGS = (".jsonl", ".jsonl.gz", ".json", ".json.gz", ".ndjson")
HTML_ENDINGS = (".html", ".htm", ".xhtml")
MAX_SKIP_REASONS = 3
TRAILING_BLANK_LINES = 4  # the CRLF CRLF after an uncompressed WARC's last record


@dataclass(frozen=True)
class Shard:
    """One input file: its URL (or local path) and how to read it."""

    url: str
    kind: str  # "warc", "jsonl", "html" or "other" (detected from the bytes)


@dataclass
class ShardReport:
    """What reading a shard kept and skipped, and why (the first few reasons)."""

    url: str
    kept: int = 0
    skipped: int = 0
    reasons: list[str] = field(default_factory=list)
    error: str | None = None  # the shard could not be read at all

    def skip(self, reason: str) -> None:
        self.skipped += 1
        if len(self.reasons) < MAX_SKIP_REASONS:
            self.reasons.append(reason)

    def line(self) -> str:
        """One line for the job's report."""
        if self.error:
            return f"{self.url}: skipped: {self.error}"
        text = f"{self.url}: kept {self.kept}, skipped {self.skipped}"
        return text + (f" ({'; '.join(self.reasons)}{'; ...' if self.skipped > len(self.reasons) else ''})"
                       if self.reasons else "")


def shard_kind(url: str) -> str:
    name = url.lower().rsplit("/", 1)[-1]
    for kind, endings in (("warc", WARC_ENDINGS), ("jsonl", JSONL_ENDINGS), ("html", HTML_ENDINGS)):
        if name.endswith(endings):
            return kind
    return "other"


def find_shards(patterns: Sequence[str]) -> list[Shard]:
    """The files the globs match (local or fsspec URLs), sorted by URL, so input order never matters."""
    import fsspec

    found: dict[str, Shard] = {}
    missing = []
    for pattern in patterns:
        try:
            files = fsspec.open_files(pattern, mode="rb")
        except (ValueError, ImportError, OSError) as error:  # an unknown protocol, a missing s3fs
            raise CrosswireError(f"cannot open ({error})", source=pattern) from None
        if not files:
            missing.append(pattern)
        for file in files:
            url = file.full_name if "://" in pattern else file.path
            if not url.rsplit("/", 1)[-1].startswith("."):
                found[url] = Shard(url=url, kind=shard_kind(url))
    if not found:
        where = ", ".join(missing) or ", ".join(patterns)
        raise CrosswireError(f"no input files match {where}")
    return [found[url] for url in sorted(found)]


def read_shard(shard: Shard) -> tuple[list[Article], ShardReport]:
    """The articles of one shard (language set, over-long ones skipped) and its report.

    Never raises on bad content: a shard that cannot be read at all is a
    report with ``error`` set and no articles.
    """
    report = ShardReport(url=shard.url)
    articles: list[Article] = []
    try:
        for article in _articles(shard, report):
            if len(article.text) > MAX_ARTICLE_CHARS:
                report.skip(f"an article over {MAX_ARTICLE_CHARS:,} characters")
                continue
            articles.append(with_language(article))
            report.kept += 1
    except CrosswireError as error:
        report.error = error.message
    except OSError as error:
        report.error = f"cannot read ({error})"
    if not articles and report.error is None:
        report.error = "no articles found" + (f" ({'; '.join(report.reasons)})" if report.reasons else "")
    return articles, report


def _articles(shard: Shard, report: ShardReport) -> Iterator[Article]:
    import fsspec

    if shard.kind == "warc":
        with fsspec.open(shard.url, "rb") as stream:
            yield from warc_articles(stream, shard.url, report)
    elif shard.kind == "jsonl":
        with fsspec.open(shard.url, "rb", compression="infer") as stream:
            yield from jsonl_articles(stream, shard.url, report)
    else:
        with fsspec.open(shard.url, "rb", compression="infer") as stream:
            data = stream.read(MAX_INPUT_BYTES + 1)
        yield from read_bytes(data, shard.url, "html" if shard.kind == "html" else None)


def warc_articles(stream: io.IOBase, source: str, report: ShardReport) -> Iterator[Article]:
    """The HTML records of a WARC stream, one at a time; a cut-off or unreadable tail is reported."""
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    try:
        records = ArchiveIterator(stream)
        for record in records:
            number += 1
            if record.format != "warc" or not record.rec_type:
                raise ValueError(f"record {number} has no WARC-Type")
            html = _html_record(record, number)
            if html is None:
                continue
            if _cut_off(record):
                report.skip(f"record {number} is cut off; the file ends inside it")
                return
            if len(html.payload) > MAX_INPUT_BYTES:
                report.skip(f"record {number} is over the input size cap")
                continue
            try:
                yield html_article(html.payload, source, url=html.url, charset=html.charset)
            except CrosswireError as error:
                report.skip(f"record {number}: {error.message}")
        unread = _unread_tail(stream, records)
        if unread and number == 0:
            raise CrosswireError("malformed WARC: no record can be read", source=source)
        if unread:
            report.skip(f"the file is cut off after record {number} ({unread:,} bytes cannot be read)")
    except CrosswireError:
        raise
    except Exception as error:  # warcio, gzip and zlib errors on a damaged file
        if number <= 1 and report.kept == 0:
            raise CrosswireError(f"malformed WARC: record 1 cannot be read ({type(error).__name__})",
                                 source=source) from None
        report.skip(f"the file cannot be read past record {number} ({type(error).__name__}); the rest is lost")


def _unread_tail(stream: io.IOBase, records: object) -> int:
    """Bytes after the last whole record: a gzip member cut short ends warcio's walk silently."""
    offset, length = getattr(records, "member_info", None) or (0, 0)
    size = stream.seek(0, io.SEEK_END)
    tail = size - (offset + length)
    return tail if tail > TRAILING_BLANK_LINES else 0


def _cut_off(record: object) -> bool:
    """Whether the record's content ends before its Content-Length (a truncated file)."""
    raw = getattr(record, "raw_stream", None)
    remaining = getattr(raw, "limit", 0)
    if remaining:
        raw.read(remaining)  # type: ignore[union-attr]
        return bool(getattr(raw, "limit", 0))
    return False


def jsonl_articles(stream: io.IOBase, source: str, report: ShardReport) -> Iterator[Article]:
    """The articles of a JSON Lines stream, line by line; bad lines are skipped and counted."""
    for number, raw in enumerate(stream, start=1):
        line = raw.decode("utf-8", errors="replace").strip()
        if not line:
            continue
        try:
            yield article_from_object(json.loads(line), source)
        except ValueError as error:  # JSONDecodeError is a ValueError, and so are unusable records
            report.skip(f"line {number}: {str(error)[:80]}")
        except RecursionError:
            report.skip(f"line {number}: nested too deeply")
