"""Plain-text articles: the first non-empty line is the headline, the rest the text.

The outlet comes from the text or the file name (``crosswire.ingest.outlets``),
and ``outlet_source`` says which.
"""

from __future__ import annotations

from crosswire.ingest.decode import decode_text
from crosswire.ingest.fields import normalise_newlines
from crosswire.ingest.outlets import outlet_of_text
from crosswire.model import Article


def read_text(data: bytes, source: str) -> list[Article]:
    return [text_article(decode_text(data, source), source)]


def text_article(text: str, source: str) -> Article:
    """The headline is the first non-empty line; the body keeps its line structure.

    A file of one line only has no headline: that line is the text.
    """
    lines = normalise_newlines(text).split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip())
    title = " ".join(lines[first].split())
    body = "\n".join(lines[first + 1 :]).strip()
    outlet, outlet_source = outlet_of_text(body or title, source)
    if not body:
        return Article(text=title, title=None, source=source, outlet=outlet, outlet_source=outlet_source)
    return Article(text=body, title=title, source=source, outlet=outlet, outlet_source=outlet_source)
