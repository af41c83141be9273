"""HTML fragments (feed entry content) to plain text, one paragraph per block.

Feed content is a fragment, not a page, so trafilatura's boilerplate removal
does not apply; the standard library's lenient parser is enough and never
raises on broken markup. Block elements become paragraphs separated by a
blank line, ``<br>`` a line break; other whitespace collapses as a browser
would.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from crosswire.ingest.fields import words_of

BLOCK_TAGS = words_of(
    "address article aside blockquote dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody thead tfoot tr td th ul"
)
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title"})

_PARAGRAPH = "\ue000"  # private-use marks, removed from the input first
_LINE = "\ue001"
_SPACES = re.compile(r"\s+")
_TAG = re.compile(r"<[A-Za-z!/][^>]*>")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag == "br":
            self.parts.append(_LINE)
        elif tag in BLOCK_TAGS:
            self.parts.append(_PARAGRAPH)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append(_LINE)
        elif tag in BLOCK_TAGS:
            self.parts.append(_PARAGRAPH)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append(_PARAGRAPH)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(_SPACES.sub(" ", data))


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text))


def html_to_text(markup: str) -> str:
    """Paragraphs of ``markup`` joined by blank lines; line breaks kept within them."""
    collector = _TextCollector()
    try:
        collector.feed(markup.replace(_PARAGRAPH, " ").replace(_LINE, " "))
        collector.close()
    except (AssertionError, ValueError):  # the stdlib parser's rare hard failures
        return " ".join(_TAG.sub(" ", markup).split())
    paragraphs = []
    for block in "".join(collector.parts).split(_PARAGRAPH):
        lines = [line.strip() for line in block.split(_LINE)]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def plain_to_text(text: str) -> str:
    """Plain text with newlines normalised and runs of blank lines kept to one."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
