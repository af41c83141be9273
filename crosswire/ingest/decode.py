"""Bytes to text: size cap, emptiness, binary sniffing and encoding detection.

Decoding order: a byte-order mark, then strict UTF-8, then a declared
encoding (HTTP header or HTML meta), then ``charset-normalizer``. Among the
guesses charset-normalizer rates equally plausible, cp1252 is preferred:
short Western text (a Latin-1 "café") is otherwise often read as cp1250.
"""

from __future__ import annotations

import codecs
import unicodedata

from crosswire.errors import CrosswireError

MAX_INPUT_BYTES = 50 * 1024 * 1024  # 50 MiB: larger inputs are refused, not truncated
MAX_INPUT_LABEL = f"{MAX_INPUT_BYTES // (1024 * 1024)} MiB"

# Magic numbers of common non-text files; a gzip WARC is sniffed before this.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip file that is not a WARC"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"OggS", "an Ogg media file"),
)

_UNICODE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.05  # more control characters than this: not text
_WESTERN = frozenset({"cp1252", "latin_1", "iso8859_15", "ascii"})


def check_size(size: int, source: str) -> None:
    if size > MAX_INPUT_BYTES:
        raise CrosswireError(
            f"input is {size / (1024 * 1024):.1f} MiB, over the {MAX_INPUT_LABEL} cap (MAX_INPUT_BYTES)",
            source=source,
        )


def check_not_empty(data: bytes, source: str) -> None:
    if not data.strip():
        raise CrosswireError("empty file" if not data else "empty file (whitespace only)", source=source)


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _UNICODE_BOMS:
        if data.startswith(bom):
            return encoding
    return None


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file ``data`` is, or None when it may be text."""
    for magic, kind in BINARY_SIGNATURES:
        if data.startswith(magic):
            return kind
    if bom_encoding(data) in {"utf-16", "utf-32"}:
        return None  # UTF-16/32 text is full of NUL bytes
    # Decided by the share of bad bytes: one stray NUL in a web page is damage, not a binary file.
    head = data[:_SNIFF_BYTES]
    controls = sum(1 for byte in head if byte < 0x20 and chr(byte) not in _TEXT_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(head):
        nuls = head.count(0)
        return (
            "a binary file (it holds NUL bytes)"
            if nuls * 2 > controls
            else "a binary file (mostly control characters)"
        )
    return None


def decode_text(data: bytes, source: str, declared: str | None = None) -> str:
    """The text of ``data``; CrosswireError if it is empty, binary or undecodable."""
    check_not_empty(data, source)
    kind = binary_kind(data)
    if kind is not None:
        raise CrosswireError(f"not a text file: looks like {kind}", source=source)
    text = _decode(data, source, declared).replace("\x00", "")  # stray NULs carry no text
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise CrosswireError("empty file (whitespace only)", source=source)
    head = text[:_SNIFF_BYTES]
    controls = sum(1 for ch in head if unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(head):
        raise CrosswireError("not a text file: mostly control characters once decoded", source=source)
    return text


def _decode(data: bytes, source: str, declared: str | None) -> str:
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as error:
            raise CrosswireError(f"undecodable text: bad {bom} ({error.reason})", source=source) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, ValueError):  # ValueError covers UnicodeError of odd codecs (idna)
            pass  # a wrong or unknown declaration: fall back to detection
    return _detect_and_decode(data, source)


def _detect_and_decode(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    try:
        matches = list(from_bytes(data))
    except Exception:  # charset-normalizer failing on odd bytes is still bad input
        raise CrosswireError("undecodable text: no encoding fits these bytes", source=source) from None
    if not matches:
        raise CrosswireError("undecodable text: not UTF-8 and no other encoding fits", source=source)
    best = min(matches, key=lambda match: match.chaos)
    plausible = [m for m in matches if m.chaos <= best.chaos + 0.01]
    if any(_WESTERN & {m.encoding, *m.could_be_from_charset} for m in plausible):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    return str(best)
