"""PLACEHOLDER (replaced by the summarizer work): round-robin lead."""

from __future__ import annotations

from crosswire.embed import Embedder
from crosswire.model import Brief, BriefSentence, SourceSpan, Story, count_words


class Summarizer:
    def __init__(self, *, words: int = 250, query: str | None = None, embedder: Embedder | None = None) -> None:
        self.words = words
        self.query = query
        self.embedder = embedder

    def summarize(self, story: Story, since: Story | None = None) -> Brief:
        by_article = [list(story.sentences_of(a.id)) for a in story.articles]
        chosen: list[BriefSentence] = []
        used = 0
        for depth in range(max(len(s) for s in by_article)):
            for sentences in by_article:
                if depth < len(sentences) and used < self.words:
                    s = sentences[depth]
                    chosen.append(BriefSentence(s.text, (s.article_id,), SourceSpan(s.article_id, s.start, s.end)))
                    used += count_words(s.text)
        return Brief(story=story, sentences=tuple(chosen))
