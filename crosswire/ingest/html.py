"""HTML pages: main text and metadata via trafilatura (dates via htmldate).

trafilatura drops navigation, footers and other boilerplate; its plain-text
output puts one paragraph per line, which becomes one paragraph per block
here (blank line between). A leading heading equal to the title is dropped,
as the title is kept apart (as in the plain-text reader). What the extractor
misses of the article (a standfirst, a body rendered by JavaScript) is put
back by ``crosswire.ingest.recover``.
"""

from __future__ import annotations

import re
from typing import Any

from crosswire.errors import CrosswireError
from crosswire.ingest.decode import decode_text
from crosswire.ingest.fields import article_words, iso_date, text_field
from crosswire.ingest.recover import recover_text
from crosswire.model import Article

MIN_ARTICLE_WORDS = 10  # fewer words of main text is navigation junk, not an article

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def read_html(data: bytes, source: str) -> list[Article]:
    return [html_article(data, source)]


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def html_article(data: bytes, source: str, url: str | None = None, charset: str | None = None) -> Article:
    """One article from an HTML page; ``url`` (e.g. a WARC target) wins over the page's own."""
    html = decode_text(data, source, declared=charset or declared_charset(data))
    document = _extract(html, source, url)
    title = text_field(getattr(document, "title", None))
    text = _paragraphs(getattr(document, "text", None) or "", title)
    # recovered text may open with the headline too (a JSON-LD body often does)
    text = _paragraphs(recover_text(html, text, title, text_field(getattr(document, "description", None))), title)
    if article_words(text) < MIN_ARTICLE_WORDS:
        raise CrosswireError("no article text found", source=source)
    outlet = text_field(getattr(document, "sitename", None))
    title = without_site_name(title, outlet)
    return Article(
        text=text,
        title=title,
        outlet=outlet,
        outlet_source="metadata" if outlet else "",
        url=url or text_field(getattr(document, "url", None)),
        published=iso_date(getattr(document, "date", None)),
        source=source,
    )


def _extract(html: str, source: str, url: str | None) -> Any:
    import trafilatura

    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
        if document is None:  # no main text: the metadata still names the page, and recovery may find text
            document = trafilatura.extract_metadata(html, default_url=url)
    except Exception:  # lxml and trafilatura raise many types on broken markup
        raise CrosswireError("malformed HTML: the page's markup cannot be parsed", source=source) from None
    return document


def without_site_name(title: str | None, outlet: str | None) -> str | None:
    """"Ferry strike ends - Harbour Gazette" -> "Ferry strike ends" when the page's site is Harbour Gazette."""
    if not title or not outlet or len(outlet) >= len(title):
        return title
    match = re.search(rf"\s*[-|–—:·]\s*{re.escape(outlet)}\s*$", title, flags=re.IGNORECASE)
    if match is None or len(title[: match.start()].split()) < 3:
        return title
    return title[: match.start()].rstrip()


def _paragraphs(text: str, title: str | None) -> str:
    paragraphs = [" ".join(line.split()) for line in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    if paragraphs and title and _same_words(paragraphs[0], title):
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


def _same_words(first: str, second: str) -> bool:
    return re.findall(r"\w+", first.lower()) == re.findall(r"\w+", second.lower())
