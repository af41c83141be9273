"""The pipeline: read -> clean -> assemble -> segment -> summarize -> analyze.

Each stage takes and returns frozen records; contracts are checked between
stages. Settings are constructor keywords, and a Pipeline pickles (the
embedding model is loaded lazily, per process).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from crosswire.clean import clean_articles
from crosswire.contracts import check_brief, check_story
from crosswire.embed import Embedder, default_embedder
from crosswire.errors import CrosswireError
from crosswire.ingest import read_inputs
from crosswire.model import Article, Brief, Story, count_words
from crosswire.segment import segment_story
from crosswire.stories import assemble_stories
from crosswire.summarize import Summarizer

Input = str | Path


class Pipeline:
    def __init__(
        self,
        *,
        words: int = 250,
        query: str | None = None,
        input_format: str | None = None,
        analyze: bool = True,
        embedder: Embedder | None = None,
        cross_budget: bool = False,
    ) -> None:
        if words < 10:
            raise CrosswireError(f"the word budget (words) must be at least 10, got {words}")
        self.words = words
        self.query = query
        self.input_format = input_format
        self.analyze = analyze
        self.embedder = embedder
        self.cross_budget = cross_budget  # end on one sentence past ``words`` (for truncating scorers)

    def _embedder(self) -> Embedder:
        if self.embedder is None:
            self.embedder = default_embedder()
        return self.embedder

    def read(self, inputs: Sequence[Input]) -> tuple[Article, ...]:
        return clean_articles(read_inputs(list(inputs), input_format=self.input_format))

    def stories(self, articles: Sequence[Article]) -> tuple[Story, ...]:
        return tuple(check_story(_dated(segment_story(story))) for story in assemble_stories(articles))

    def brief_story(self, story: Story, since: Story | None = None) -> Brief:
        # The summarizer brings the (fast) vectors its model was trained on; the
        # neural embedder serves the analysis.
        summarizer = Summarizer(words=self.words, query=self.query, cross_budget=self.cross_budget)
        brief = check_brief(summarizer.summarize(story, since=since))
        brief = _note_short_content(brief, self.words)
        if self.analyze:
            brief = self._analyze(brief)
        return brief

    def _analyze(self, brief: Brief) -> Brief:
        try:
            from crosswire.analyze import analyze_brief
        except ImportError as error:  # the [analysis] extra is missing
            return replace(brief, warnings=(*brief.warnings, f"analysis skipped: {error}"))
        return analyze_brief(brief, self._embedder())

    def brief_documents(self, documents: Sequence[str], since_documents: Sequence[str] = ()) -> Brief:
        """Brief of raw article texts taken as one story (the evaluation path).

        The texts go through the same cleaning as files do; they have no titles.
        """
        story = story_of_texts(documents, "eval")
        seen = story_of_texts(since_documents, "seen") if since_documents else None
        return self.brief_story(story, since=seen)

    def run(self, inputs: Sequence[Input], since: Sequence[Input] = ()) -> list[Brief]:
        stories = self.stories(self.read(inputs))
        seen = self.seen_story(since)
        return [self.brief_story(story, since=seen) for story in stories]

    def seen_story(self, since: Iterable[Input]) -> Story | None:
        """The articles a reader already saw, as one story (update mode)."""
        since = list(since)
        if not since:
            return None
        articles = [replace(a, cluster=None) for a in self.read(since)]
        return self.stories(articles)[0]


# A brief this far under its budget ran out of content, not of budget.
SHORT_CONTENT_SHARE = 0.8


def _note_short_content(brief: Brief, words: int) -> Brief:
    """Say so (in ``Brief.warnings``, which every format renders) when the budget exceeds the content."""
    if brief.word_count >= SHORT_CONTENT_SHARE * words:
        return brief
    content = sum(count_words(article.text) for article in brief.story.articles)
    note = (
        f"the word budget ({words:,} words) exceeds the content: the brief has {brief.word_count:,} words, "
        f"from articles holding {content:,} words after cleaning"
    )
    return replace(brief, warnings=(*brief.warnings, note))


def story_of_texts(documents: Sequence[str], source: str = "text") -> Story:
    """One story of raw article texts, as evaluation and training both build it.

    Articles that cleaning empties (a page of furniture) are dropped, unless
    all are.
    """
    articles = [Article(text=_tidy_lines(t), source=f"{source}:{i}") for i, t in enumerate(documents, 1)]
    cleaned = [a for a in clean_articles(articles) if a.text.strip()] or articles
    return check_story(_dated(segment_story(assemble_stories(cleaned)[0])))


def _tidy_lines(text: str) -> str:
    # Multi-News separates paragraphs with " \n \n "; blank those lines so paragraphs show.
    return re.sub(r"[ \t]*\n[ \t]*", "\n", text).strip()


def _dated(story: Story) -> Story:
    """Infer missing publication dates from the text (the selector orders by date)."""
    try:
        from crosswire.analyze.timeline import infer_publication_dates
    except ImportError:  # the [analysis] extra is missing
        return story
    return infer_publication_dates(story)
