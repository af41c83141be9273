"""Article text the main HTML extractor misses, recovered from the page itself.

trafilatura picks one content container. Two kinds of real text fall outside
it often enough to matter (measured on trafilatura's own evaluation pages):

- the standfirst: the one-sentence summary shown under the headline, in a
  header element next to the title rather than in the body container. The
  page also gives it as its ``description`` metadata, so it is taken only
  when the same text is shown on the page in an element of its own, after
  the headline (a description that only lives in ``<meta>`` is not article
  text, and one shown above the headline is the site's tag line).
- the whole body, on pages that render their text with JavaScript: the HTML
  holds a stub (a caption, a teaser), and the text lives in the page's
  schema.org JSON-LD as ``articleBody``. It replaces the extracted text only
  when it is much longer, so a page whose markup holds the article keeps
  trafilatura's cleaner paragraphs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from crosswire.ingest.fields import article_words

# A JSON-LD body replaces the extracted text only when it has this many times its words ...
BODY_GAIN = 2.0
# ... and at least this many words (below, it is a teaser, not an article).
MIN_BODY_WORDS = 50
# A standfirst shorter than this is a tag line or a kicker, not a summary sentence.
MIN_STANDFIRST_WORDS = 6

_MAX_CHILDREN = 8
_NOT_SHOWN = frozenset({"script", "style", "noscript", "template", "head", "title", "meta"})
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HTML_TAG = re.compile(r"</?(?:p|br|div|span|a|em|strong|h[1-6])\b[^>]*>", re.IGNORECASE)


def recover_text(html: str, text: str, title: str | None, description: str | None) -> str:
    """``text`` (paragraphs split by blank lines) with the page's missed standfirst or body put back."""
    if "articleBody" not in html and not description:
        return text
    tree = _parse(html)
    if tree is None:
        return text
    body = jsonld_body(tree)
    if body and article_words(body) >= max(MIN_BODY_WORDS, BODY_GAIN * article_words(text)):
        text = body
    standfirst = shown_standfirst(tree, description, text, title)
    return f"{standfirst}\n\n{text}" if standfirst and text else text


def jsonld_body(tree: Any) -> str:
    """The longest schema.org ``articleBody`` in the page's JSON-LD, as paragraphs ("" when none)."""
    bodies: list[str] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:  # many pages ship broken JSON-LD; it is optional metadata
            continue
        bodies.extend(_article_bodies(data))
    if not bodies:
        return ""
    return _as_paragraphs(max(bodies, key=len))


def shown_standfirst(tree: Any, description: str | None, text: str, title: str | None) -> str:
    """The page's description when it is shown on the page and missing from ``text`` ("" otherwise)."""
    wanted = _key(description or "")
    if len(wanted.split()) < MIN_STANDFIRST_WORDS or wanted in _key(text) or wanted == _key(title or ""):
        return ""
    root = tree.find("body")
    if root is None:
        return ""
    # a standfirst follows the headline; a line before it is the masthead (a site's tag line)
    headline = root.find(".//h1")
    after_headline = headline is None
    for element in root.iter():
        if element is headline:
            after_headline = True
            continue
        if not after_headline or not isinstance(element.tag, str) or element.tag in _NOT_SHOWN:
            continue
        # the element's own leading text too: broken markup can nest the rest of the page inside it;
        # the whole text only of small elements (a standfirst has a link or two at most)
        shown = _key(element.text or "") == wanted or (
            len(element) <= _MAX_CHILDREN and _key(element.text_content()) == wanted
        )
        if shown and not any(_hidden(e) for e in (element, *element.iterancestors())):
            return " ".join((description or "").split())
    return ""


def _parse(html: str) -> Any:
    from lxml import etree
    from lxml import html as lxml_html

    try:  # lxml refuses a decoded string that still declares its encoding
        return lxml_html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, ValueError):
        return None


def _article_bodies(data: object) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "articleBody" and isinstance(value, str):
                yield value
            else:
                yield from _article_bodies(value)
    elif isinstance(data, list):
        for item in data:
            yield from _article_bodies(item)


def _as_paragraphs(body: str) -> str:
    if _HTML_TAG.search(body):
        body = _markup_text(body)
    paragraphs = [" ".join(line.split()) for line in body.split("\n")]
    return "\n\n".join(p for p in paragraphs if p)


def _markup_text(body: str) -> str:
    from lxml import html as lxml_html

    try:
        fragment = lxml_html.fragment_fromstring(body, create_parent="div")
    except ValueError:
        return body
    for element in fragment.iter("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li"):
        element.tail = "\n" + (element.tail or "")
    return str(fragment.text_content())


def _hidden(element: Any) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return element.get("hidden") is not None or "display:none" in style


def _key(text: str) -> str:
    return " ".join(text.split()).lower().rstrip(".!?…")
