"""Which reader an input needs: one cascade over content, then name.

The whole decision is ``detect_format``; its docstring is the specification.
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import PurePath

from crosswire.errors import CrosswireError
from crosswire.ingest.decode import binary_kind, bom_encoding
from crosswire.ingest.fields import words_of

FORMATS: tuple[str, ...] = ("text", "html", "jsonl", "clusters", "feed", "warc")
FORMAT_LIST = ", ".join(FORMATS)

_SNIFF_BYTES = 65536
# Suffixes that decide only when the content did not (step 7).
_SUFFIX_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".json": "jsonl",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}
# Formats people may try that no reader handles (step 6).
_UNSUPPORTED_SUFFIXES = words_of(
    ".csv .tsv .xls .xlsx .ods .doc .docx .odt .rtf .epub .pdf .png .jpg .jpeg .gif .mp3 .mp4 .zip"
)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>/]")
_HTML_MARK = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|div|p|h[1-6]|title|meta|section)[\s>/]"
)
_JSON_KEY = re.compile(r'(?<!\\)"(documents|document|text)"\s*:')


def detect_format(data: bytes, name: str = "", input_format: str | None = None) -> str:
    """The format name (one of ``FORMATS``) of ``data``, read from a file called ``name``.

    A cascade in the manner of trafilatura's: cheap, certain checks first; first match wins:

    1. ``input_format`` if given: it must be one of ``FORMATS``.
    2. WARC content: ``WARC/`` at the start, or gzip whose first bytes
       inflate to ``WARC/`` -> "warc".
    3. Binary content (a magic number such as PNG, PDF, ZIP or non-WARC gzip;
       more than 5% NUL or other control bytes) -> CrosswireError.
    4. Markup (starts with ``<``): a feed root (``<rss``, ``<feed``,
       ``<rdf:RDF``) -> "feed"; HTML tags -> "html"; other XML ->
       CrosswireError; other tag soup -> "html".
    5. JSON (starts with ``{`` or ``[``): records with ``documents`` or
       ``document`` -> "clusters"; with ``text`` -> "jsonl"; valid JSON with
       neither -> CrosswireError. Text that only starts with a brace goes on.
    6. A name with a known unsupported suffix (.csv, .docx, ...) -> CrosswireError.
    7. Name suffix: .html/.htm -> "html", .rss/.atom/.xml -> "feed",
       .json/.jsonl/.ndjson -> "jsonl", .warc -> "warc" (their readers then
       report what is wrong with the content).
    8. Otherwise "text".
    """
    if input_format is not None:
        return check_format(input_format)
    if is_warc(data):
        return "warc"
    kind = binary_kind(data)
    if kind is not None:
        raise CrosswireError(f"not a text file: looks like {kind}", source=name or None)
    head = _sniff_text(data)
    stripped = head.lstrip()
    lowered = stripped.lower()
    if re.match(r"<[a-z!?]", lowered):
        return _markup_format(lowered, name)
    if stripped[:1] in {"{", "["}:
        found = _json_format(stripped, name)
        if found is not None:
            return found
    suffix = _suffix(name)
    if suffix in _UNSUPPORTED_SUFFIXES:
        raise CrosswireError(
            f"unknown format: {suffix} files are not read; known formats: {FORMAT_LIST}", source=name or None
        )
    return _SUFFIX_FORMATS.get(suffix, "text")


def check_format(input_format: str) -> str:
    if input_format not in FORMATS:
        raise CrosswireError(f"unknown input format {input_format!r}; known formats: {FORMAT_LIST}")
    return input_format


def is_warc(data: bytes) -> bool:
    """True if ``data`` starts like a WARC file, plain or gzipped."""
    if data.startswith(b"WARC/"):
        return True
    if not data.startswith(b"\x1f\x8b"):
        return False
    try:  # a stream inflater, so a file cut off in its first record is still known as a WARC
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 5) == b"WARC/"
    except zlib.error:
        return False


def _markup_format(lowered: str, name: str) -> str:
    feed = _FEED_ROOT.search(lowered)
    html = _HTML_MARK.search(lowered)
    if feed and (html is None or feed.start() < html.start()):
        return "feed"
    if html is not None:
        return "html"
    if lowered.startswith("<?xml"):
        raise CrosswireError(
            f"unknown format: XML that is neither RSS, Atom nor HTML; known formats: {FORMAT_LIST}",
            source=name or None,
        )
    return "html"


def _json_format(stripped: str, name: str) -> str | None:
    """The format ("clusters" or "jsonl") by the keys of the first record; None if not JSON."""
    first_line = stripped.split("\n", 1)[0]
    keys: set[str] = set()
    parsed = False
    try:
        value = json.loads(first_line)
        parsed = True
        record = value[0] if isinstance(value, list) and value else value
        if isinstance(record, dict):
            keys = set(record)
    except (ValueError, RecursionError):
        pass
    if not keys & {"documents", "document", "text"}:
        # A long, pretty-printed or broken first line, or a first record without the keys.
        keys = set(_JSON_KEY.findall(stripped))
    if keys & {"documents", "document"}:
        return "clusters"
    if "text" in keys:
        return "jsonl"
    if not parsed:
        # Broken JSON: a .jsonl reader reports it line by line; anything else may be text.
        return "jsonl" if _suffix(name) in {".json", ".jsonl", ".ndjson"} else None
    raise CrosswireError(
        'unknown format: JSON records with neither "text" (articles) nor "documents" (clusters); '
        f"known formats: {FORMAT_LIST}",
        source=name or None,
    )


def _sniff_text(data: bytes) -> str:
    """The opening of ``data`` as text, good enough to find ASCII markers."""
    head = data[:_SNIFF_BYTES]
    encoding = bom_encoding(head)
    if encoding is not None:
        return head.decode(encoding, errors="replace").lstrip("\ufeff")
    return head.decode("utf-8", errors="replace")


def _suffix(name: str) -> str:
    return PurePath(name).suffix.lower() if name else ""
