"""The pipeline: the one path every front end takes.

    read -> clean -> segment -> embed -> stories -> summarize -> analyze -> render

Each stage takes and returns frozen records, and contracts are checked
between stages. The CLI, the Python API, the service and the batch job all
call these stages; none rewrites them. Settings are constructor keywords,
and a Pipeline pickles (models load lazily, once per process).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

import numpy as np

from crosswire.clean import clean_articles
from crosswire.contracts import check_brief, check_story
from crosswire.embed import Embedder, shared_embedder
from crosswire.errors import CrosswireError
from crosswire.ingest import read_inputs
from crosswire.model import Article, Brief, Sentence, Story, count_words
from crosswire.segment import segment_article
from crosswire.stories import (
    StoryTracker,
    assemble_stories,
    build_stories,
    find_developments,
    with_stable_ids,
)
from crosswire.summarize import Summarizer

Single = TypeVar("Single")

Input = str | Path
STAGES = ("read", "clean", "segment", "embed", "stories", "summarize", "analyze", "render")
MIN_WORDS = 10


@dataclass(frozen=True)
class StorySet:
    """The stories found in the input, largest first, and the articles that joined none."""

    stories: tuple[Story, ...]
    singletons: tuple[Article, ...] = ()


@dataclass(frozen=True)
class Result:
    """What a run gives: a brief per story, and the singletons."""

    briefs: tuple[Brief, ...]
    singletons: tuple[Article, ...] = ()


Progress = Callable[[str, int], None]  # (stage, items done) hook; the CLI draws a bar with it


class Pipeline:
    """The stages in order, with their settings.

    ``words``: the brief's word budget; ``query``: focus the brief on a
    question; ``input_format``: read every input as this format;
    ``analyze``: run the cross-source analysis; ``cross_budget``: end on one
    sentence past ``words`` (for scoring that cuts at the budget);
    ``one_story``: take all ungrouped articles as one story instead of
    finding stories; ``tracker``: the story tracker (a fresh
    ``StoryTracker`` by default; pass a resumed one to grow stored stories).
    """

    def __init__(
        self,
        *,
        words: int = 250,
        query: str | None = None,
        input_format: str | None = None,
        analyze: bool = True,
        embedder: Embedder | None = None,
        cross_budget: bool = False,
        one_story: bool = False,
        tracker: StoryTracker | None = None,
    ) -> None:
        if words < MIN_WORDS:
            raise CrosswireError(f"the word budget (words) must be at least {MIN_WORDS}, got {words}")
        self.words = words
        self.query = query
        self.input_format = input_format
        self.analyze = analyze
        self.embedder = embedder
        self.cross_budget = cross_budget
        self.one_story = one_story
        self.tracker = tracker

    def _embedder(self) -> Embedder:
        if self.embedder is None:
            self.embedder = shared_embedder()
        return self.embedder

    # -- the stages ----------------------------------------------------------

    def read(self, inputs: Sequence[Input]) -> tuple[Article, ...]:
        """Stage 1: files, folders or ``-`` (standard input) to articles with stable ids."""
        return with_stable_ids(read_inputs(list(inputs), input_format=self.input_format))

    def clean(self, articles: Sequence[Article]) -> tuple[Article, ...]:
        """Stage 2: page furniture removed (repeated lines judged per site)."""
        return clean_articles(articles)

    def segment(self, articles: Sequence[Article]) -> dict[str, tuple[Sentence, ...]]:
        """Stage 3: each article's sentences, with character offsets."""
        return {a.id: segment_article(a) for a in articles}

    def embed(self, articles: Sequence[Article]) -> np.ndarray | None:
        """Stage 4: a vector of each article's opening for the tracker (None without the neural model)."""
        from crosswire.stories.tracker import article_vectors

        return article_vectors(articles, self._embedder())

    def stories(
        self,
        articles: Sequence[Article],
        sentences: dict[str, tuple[Sentence, ...]] | None = None,
        vectors: np.ndarray | None = None,
    ) -> StorySet:
        """Stage 5: grouped input keeps its groups; the rest is tracked into stories.

        ``vectors`` (from ``embed``) hold one row per ungrouped article, in order.
        """
        if sentences is None:
            sentences = self.segment(articles)
        grouped = [a for a in articles if a.cluster is not None]
        loose = [a for a in articles if a.cluster is None]
        found = list(assemble_stories(grouped))
        singletons: list[Article] = []
        if loose and self.one_story:
            found.extend(assemble_stories([replace(a, cluster="one") for a in loose]))
        elif loose:
            tracker = self.tracker if self.tracker is not None else StoryTracker()
            tracker.partial_fit(loose, vectors)
            tracked, singletons = build_stories(loose, tracker)
            found.extend(tracked)
        found, singletons = with_one_brief(found, singletons, _story_of_one)
        finished = [check_story(_dated(_with_sentences(story, sentences))) for story in found]
        finished.sort(key=lambda s: -len(s.articles))
        return StorySet(stories=tuple(finished), singletons=tuple(singletons))

    def prepare(self, story: Story) -> Story:
        """A story of cleaned articles made ready to summarize: sentences, dates, developments."""
        return check_story(_dated(_with_sentences(story, self.segment(story.articles))))

    def summarize(self, story: Story, since: Story | None = None) -> Brief:
        """Stage 6: the cited brief. The summarizer brings its own fast vectors."""
        summarizer = Summarizer(words=self.words, query=self.query, cross_budget=self.cross_budget)
        brief = check_brief(summarizer.summarize(story, since=since))
        return _note_short_content(brief, self.words)

    def analyze_brief(self, brief: Brief, embedders: tuple[Embedder, Embedder | None] | None = None) -> Brief:
        """Stage 7: the cross-source analysis, when asked for and installed (``embedders``: the
        analysis's and the figures', when the caller already chose them)."""
        if not self.analyze:
            return brief
        try:
            from crosswire.analyze import analyze_brief
        except ImportError as error:  # the [analysis] extra is missing
            return replace(brief, warnings=(*brief.warnings, f"analysis skipped: {error}"))
        from crosswire.embed import analysis_embedders

        return analyze_brief(brief, *(embedders or analysis_embedders(self._embedder())))

    # -- whole runs ----------------------------------------------------------

    def brief_story(self, story: Story, since: Story | None = None) -> Brief:
        embedders = self._parse_ahead(story)
        return self.analyze_brief(self.summarize(story, since=since), embedders)

    def _parse_ahead(self, story: Story) -> tuple[Embedder, Embedder | None] | None:
        """With the analysis on, spaCy starts on the story's articles while the brief is made; the
        analysis's embedders, chosen once for both, or None."""
        if not self.analyze:
            return None
        try:
            from crosswire.analyze.context import parse_ahead
        except ImportError:  # the [analysis] extra is missing: analyze_brief says so
            return None
        from crosswire.embed import analysis_embedders

        embedders = analysis_embedders(self._embedder())
        parse_ahead([a.text for a in story.articles], *embedders)
        return embedders

    def find_stories(self, articles: Sequence[Article]) -> StorySet:
        """Stages 2-5 on articles already read."""
        cleaned = self.clean(articles)
        vectors = None if self.one_story else self.embed([a for a in cleaned if a.cluster is None])
        return self.stories(cleaned, self.segment(cleaned), vectors)

    def run(self, inputs: Sequence[Input], since: Sequence[Input] = (), progress: Progress | None = None) -> Result:
        """Every stage, from inputs to briefs (largest story first)."""
        found = self.find_stories(self.read(inputs))
        seen = self.seen_story(since)
        briefs = []
        for done, story in enumerate(found.stories, start=1):
            briefs.append(self.brief_story(story, since=seen))
            if progress is not None:
                progress("briefing stories", done)
        return Result(briefs=tuple(briefs), singletons=found.singletons)

    def one_brief(self, inputs: Sequence[Input], since: Sequence[Input] = ()) -> Brief:
        """All inputs taken as one story, whatever groups they hold."""
        articles = [replace(a, cluster="one") for a in self.read(inputs)]
        story = self.find_stories(with_stable_ids(articles)).stories[0]
        return self.brief_story(story, since=self.seen_story(since))

    def seen_story(self, since: Iterable[Input]) -> Story | None:
        """The articles a reader already saw, as one story (update mode)."""
        since = list(since)
        if not since:
            return None
        articles = [replace(a, cluster="seen") for a in self.read(since)]
        return self.find_stories(with_stable_ids(articles)).stories[0]

    def brief_documents(self, documents: Sequence[str], since_documents: Sequence[str] = ()) -> Brief:
        """Brief of raw article texts taken as one story (the evaluation path).

        The texts go through the same cleaning as files do; they have no titles.
        """
        story = story_of_texts(documents, "eval")
        seen = story_of_texts(since_documents, "seen") if since_documents else None
        return self.brief_story(story, since=seen)


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
    articles = [
        Article(text=_tidy_lines(t), source=f"{source}:{i}", cluster=source) for i, t in enumerate(documents, 1)
    ]
    cleaned = [a for a in clean_articles(articles) if a.text.strip()] or articles
    story = assemble_stories(cleaned)[0]
    sentences = {a.id: segment_article(a) for a in story.articles}
    return check_story(_dated(_with_sentences(story, sentences)))


def _with_sentences(story: Story, sentences: dict[str, tuple[Sentence, ...]]) -> Story:
    missing = [a for a in story.articles if a.id not in sentences]
    known = {**sentences, **{a.id: segment_article(a) for a in missing}}
    return replace(story, sentences=tuple(s for a in story.articles for s in known[a.id]))


def _tidy_lines(text: str) -> str:
    # Multi-News separates paragraphs with " \n \n "; blank those lines so paragraphs show.
    return re.sub(r"[ \t]*\n[ \t]*", "\n", text).strip()


def _dated(story: Story) -> Story:
    """Infer missing publication dates from the text, then the dated developments."""
    try:
        from crosswire.analyze.timeline import infer_publication_dates
    except ImportError:  # the [analysis] extra is missing
        pass
    else:
        story = infer_publication_dates(story)
    return replace(story, developments=find_developments(story))


def with_one_brief(
    stories: list[Story], singletons: list[Single], promote: Callable[[Single], Story]
) -> tuple[list[Story], list[Single]]:
    """When no story formed, the first singleton still gets a brief (promoted to a story of one).

    Whoever hands crosswire a single article, or only unrelated ones, still
    gets a brief rather than an empty answer. The CLI's store path and the
    pipeline share this rule.
    """
    if stories or not singletons:
        return stories, singletons
    return [promote(singletons[0])], singletons[1:]


def _story_of_one(article: Article) -> Story:
    return next(iter(assemble_stories([replace(article, cluster="one")])))

