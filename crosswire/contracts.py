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


def span_tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


def check_brief(brief: Brief) -> Brief:
    """Every brief sentence cites real articles and is traceable to its span.

    After compression the text may drop words of the span, so the rule is:
    the sentence's word tokens are an in-order subsequence of the span's.
    """
    story = brief.story
    known = {a.id: a for a in story.articles}
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
        if not is_subsequence(span_tokens(sentence.text), span_tokens(article.text[span.start : span.end])):
            raise ContractError(f"brief sentence is not traceable to its span: {sentence.text[:60]!r}")
    return brief
