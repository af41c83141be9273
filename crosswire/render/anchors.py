"""Which sentence of a cited article a citation points at (for HTML links)."""

from __future__ import annotations

import re

from crosswire.model import BriefSentence, Sentence, Story

_WORD = re.compile(r"\w+")


def _tokens(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def cited_sentence(story: Story, sentence: BriefSentence, article_id: str) -> Sentence | None:
    """The source sentence in its own article; elsewhere the closest by word overlap."""
    candidates = story.sentences_of(article_id)
    if not candidates:
        return None
    if article_id == sentence.source.article:
        for candidate in candidates:
            if candidate.start <= sentence.source.start < candidate.end or (
                sentence.source.start <= candidate.start < sentence.source.end
            ):
                return candidate
    wanted = _tokens(sentence.text)
    return max(candidates, key=lambda c: len(wanted & _tokens(c.text)) / (len(wanted | _tokens(c.text)) or 1))


def article_anchor(story: Story, article_id: str) -> str:
    return f"{story.id}-{article_id}"


def sentence_anchor(story: Story, sentence: Sentence) -> str:
    """Unique within a page that holds several stories."""
    return f"{story.id}-{sentence.article_id}-s{sentence.index}"
