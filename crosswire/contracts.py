"""Checks that each stage kept its promises (after spaCy's stage contracts).

They are cheap and run after every stage; a failure is a bug in crosswire,
so it raises ``AssertionError``-like ``ContractError``, not ``CrosswireError``.
"""

from __future__ import annotations

import re

from crosswire.model import Brief, Story


class ContractError(RuntimeError):
    """A stage returned data that breaks the pipeline's invariants."""


_TOKEN = re.compile(r"\w+")


def check_story(story: Story) -> Story:
    ids = [a.id for a in story.articles]
    if not story.articles:
        raise ContractError(f"story {story.id} has no articles")
    if any(not i for i in ids) or len(set(ids)) != len(ids):
        raise ContractError(f"story {story.id} has missing or repeated article ids: {ids}")
    texts = {a.id: a.text for a in story.articles}
    for sentence in story.sentences:
        text = texts.get(sentence.article_id)
        if text is None:
            raise ContractError(f"sentence cites unknown article {sentence.article_id}")
        if text[sentence.start : sentence.end] != sentence.text:
            raise ContractError(
                f"sentence {sentence.article_id}:{sentence.index} offsets do not match its text"
            )
    return story


def is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    iterator = iter(haystack)
    return all(token in iterator for token in needle)


SOFT_HYPHEN = "\u00ad"


def span_tokens(text: str) -> list[str]:
    # A soft hyphen is invisible in print: "Ba\u00adcall" is the word "Bacall".
    return [t.lower() for t in _TOKEN.findall(text.replace(SOFT_HYPHEN, ""))]


_BRACKETED = re.compile(r"\[([^\[\]]*)\]")
MAX_INSERTED_WORDS = 8


def bracketed_insertions(text: str, span: str) -> list[re.Match[str]]:
    """The ``[...]`` of a brief sentence that its source span does not carry: edits made by crosswire.

    Soft hyphens are folded first, as in ``span_tokens``: compression removes
    them, so a source's "[counter\u00adinsurgency]" prints as "[counterinsurgency]".
    """
    printed = span.replace(SOFT_HYPHEN, "")
    return [m for m in _BRACKETED.finditer(text) if m.group(0).replace(SOFT_HYPHEN, "") not in printed]


def _named(name: str, text: str) -> bool:
    # The substring test first: it rejects most of a story's articles far faster than the regex
    # (a story of 400 articles spent about 40 s here).
    return name in text and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None


def check_insertions(text: str, span: str, article_text: str, story_texts: list[str]) -> str:
    """``text`` with its insertions removed, after checking each names what the article names."""
    kept: list[str] = []
    last = 0
    for match in bracketed_insertions(text, span):
        name = re.sub(r"[’']s$", "", match.group(1).strip())
        if not name or len(name.split()) > MAX_INSERTED_WORDS:
            raise ContractError(f"bracketed insertion {match.group(0)!r} is empty or too long")
        # The name as the story gives it ("Mark Toner"), its last word in the source article ("Toner").
        if not _named(name.split()[-1], article_text) or not any(_named(name, t) for t in story_texts):
            raise ContractError(f"bracketed insertion {match.group(0)!r} is not named in its source article")
        kept.append(text[last : match.start()])
        last = match.end()
    kept.append(text[last:])
    return " ".join(kept)


def check_brief(brief: Brief) -> Brief:
    """Every brief sentence cites real articles and is traceable to its span.

    After compression the text may drop words of the span, so the rule is:
    the sentence's word tokens are an in-order subsequence of the span's.
    A bracketed insertion ("[Mark Toner] said", in place of "he said") is an
    explicit edit: a ``[...]`` that the span does not carry. Each must be at
    most ``MAX_INSERTED_WORDS`` words, occur word for word in an article of
    the story (a trailing "'s" aside), and its last word ("Toner") in the
    source article; the rest of the text, insertions
    removed, must be an in-order token subsequence of the span, and the
    ``from`` span still points at the source sentence.
    """
    story = brief.story
    known = {a.id: a for a in story.articles}
    story_texts = [a.text for a in story.articles]
    for sentence in brief.sentences:
        if not sentence.citations:
            raise ContractError(f"brief sentence without citations: {sentence.text[:60]!r}")
        unknown = [c for c in (*sentence.citations, *sentence.support) if c not in known]
        if unknown:
            raise ContractError(f"brief sentence cites unknown articles {unknown}")
        span = sentence.source
        if span.article not in sentence.citations:
            raise ContractError("a brief sentence must cite the article it was taken from")
        article = known[span.article]
        if not 0 <= span.start < span.end <= len(article.text):
            raise ContractError(f"span {span} is outside article {span.article}")
        source = article.text[span.start : span.end]
        own_words = check_insertions(sentence.text, source, article.text, story_texts)
        if not is_subsequence(span_tokens(own_words), span_tokens(source)):
            raise ContractError(f"brief sentence is not traceable to its span: {sentence.text[:60]!r}")
    return brief
