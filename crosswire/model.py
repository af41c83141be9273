"""The frozen, picklable records that flow between pipeline stages.

Offsets are character offsets into ``Article.text`` (the cleaned text), so a
citation always points at an exact span of an exact article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One news article.

    ``id`` is empty until the story is assembled ("a1", "a2", ...).
    ``cluster`` groups articles that arrived together (a Multi-News line);
    articles without one form a single story.
    ``published`` is an ISO 8601 date or datetime string when known.
    ``outlet_source`` says where ``outlet`` came from: "metadata" (the page,
    feed or record named it), "dateline" ("(AP)"), "sign-off", "boilerplate"
    (a site name in the page furniture) or "file name"; empty when unknown.
    """

    text: str
    id: str = ""
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_inferred: bool = False
    source: str = ""
    cluster: str | None = None
    language: str | None = None
    removed: tuple[str, ...] = ()
    outlet_source: str = ""

    def __repr__(self) -> str:
        opening = " ".join(self.text.split()[:8])
        return f"Article(id={self.id!r}, title={self.title!r}, outlet={self.outlet!r}, text={opening!r}...)"


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: ``article.text[start:end] == text``."""

    article_id: str
    index: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Development:
    """A dated development (sub-event) within a story: the articles that report it.

    ``date`` is an ISO date (the development's median publication date) or
    None when its articles carry no date. Developments are in date order.
    """

    id: str
    date: str | None
    headline: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class Story:
    """Articles about one event, and (after segmentation) their sentences.

    ``developments`` are the story's dated sub-events, in date order (empty
    until the story tracker fills them).
    """

    id: str
    headline: str
    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...] = ()
    developments: tuple[Development, ...] = ()

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def sentences_of(self, article_id: str) -> tuple[Sentence, ...]:
        return tuple(s for s in self.sentences if s.article_id == article_id)

    def __repr__(self) -> str:
        return (
            f"Story(id={self.id!r}, headline={self.headline!r}, {len(self.articles)} articles, "
            f"{len(self.sentences)} sentences)"
        )


@dataclass(frozen=True)
class SourceSpan:
    """Where a brief sentence was taken from (rendered as ``"from"``)."""

    article: str
    start: int
    end: int


@dataclass(frozen=True)
class BriefSentence:
    """A sentence of the brief.

    ``citations``: articles carrying the same sentence, exactly or as a
    near-duplicate (see ``crosswire.align``). ``support``: articles that state
    the same content in other words too (semantic alignment), a superset.
    ``paragraph``: the brief's paragraph (0, 1, ...; one per development).
    """

    text: str
    citations: tuple[str, ...]
    source: SourceSpan
    support: tuple[str, ...] = ()
    paragraph: int = 0


# ----------------------------------------------------------------------------- analysis records
# The analysis stage (crosswire.analyze) fills these; they live here so that
# the model does not depend on that stage.


@dataclass(frozen=True)
class Fact:
    """A statement of the story: ``text`` is its clearest wording (``source``);
    ``support`` lists the articles that state it; ``spans`` every wording."""

    id: str
    text: str
    source: SourceSpan
    support: tuple[str, ...]
    corroborated: bool
    outlets: tuple[str, ...]
    spans: tuple[SourceSpan, ...]


@dataclass(frozen=True)
class FigureMention:
    """One figure in one article. ``low``/``high`` are the normalised bounds
    (None = open), ``value`` the figure as stated."""

    article: str
    start: int
    end: int
    text: str
    value: float
    low: float | None
    high: float | None
    approximate: bool
    vague: bool
    unit: str | None
    counts: str
    category: str
    noun: str
    actor: str | None
    time_frame: str | None
    period_first: str | None
    period_last: str | None
    source: str | None
    sentence: str
    place: str | None = None  # where the count was made, folded ("idlib"; "homs syria"), when the text says


@dataclass(frozen=True)
class FigureGroup:
    """Mentions of one count. ``status``: "single" (one mention), "agree",
    "vague" (compatible but imprecise: "hundreds" vs "at least 403"),
    "conflict" (incompatible values for one period), or "periods" (figures
    given for different periods, including one number for two periods)."""

    counts: str
    category: str
    unit: str | None
    status: str
    flags: tuple[str, ...]
    values: tuple[str, ...]
    articles: tuple[str, ...]
    sources: tuple[str, ...]
    time_frames: tuple[str, ...]
    mentions: tuple[FigureMention, ...]
    salience: float = 0.0


@dataclass(frozen=True)
class Counter:
    """A statement against a claim: a denial, rejection, dispute, blame-shift or claim of responsibility."""

    statement: str
    party: str | None
    kind: str  # "denial" | "rejection" | "dispute" | "blame-shift" | "responsibility"
    articles: tuple[str, ...]
    spans: tuple[SourceSpan, ...] = ()
    culprit: str | None = None  # for a blame-shift: who is blamed instead


@dataclass(frozen=True)
class Claim:
    """An assertion by a party (``claimant``) about another (``accused``), with its counters."""

    statement: str
    claimant: str | None
    accused: str | None
    counters: tuple[Counter, ...]
    articles: tuple[str, ...]
    spans: tuple[SourceSpan, ...] = ()
    salience: float = 0.0


@dataclass(frozen=True)
class Quote:
    """One statement and its speaker; ``spans`` point at the quoted or reported words in each article."""

    text: str
    kind: str  # "direct" | "indirect"
    speaker: str  # canonical name, or the description used ("a US military official")
    speaker_role: str | None
    cue: str
    articles: tuple[str, ...]
    spans: tuple[SourceSpan, ...]
    speaker_kind: str = "unknown"  # "person" | "organization" | "place" | "description" | "unknown"
    salience: float = 0.0  # how widely and centrally the story carries it (crosswire.analyze.salience)


@dataclass(frozen=True)
class TimelineEvent:
    """A dated event of the story, merged across the articles that report it.

    ``date`` is ISO (a day, "YYYY-MM", "YYYY" or a "first/last" interval for
    weeks); ``first``/``last`` bound it in days. ``relative``: some mention was
    relative ("on Tuesday") and so resolved against a publication date;
    ``anchor_inferred``: that publication date was itself inferred.
    """

    date: str
    first: str
    last: str
    granularity: str
    description: str
    mention: str
    relative: bool
    anchor_inferred: bool
    articles: tuple[str, ...]
    spans: tuple[SourceSpan, ...]
    mentions: tuple[str, ...] = ()
    salience: float = 0.0  # how widely and centrally the story carries it (crosswire.analyze.salience)


@dataclass(frozen=True)
class Entity:
    """A person, organisation or place, with every way the story names it."""

    name: str
    kind: str  # "person" | "organization" | "place"
    aliases: tuple[str, ...]
    mentions: int
    articles: tuple[str, ...]
    spans: tuple[SourceSpan, ...] = ()
    salience: float = 0.0  # how widely and centrally the story carries it (crosswire.analyze.salience)


@dataclass(frozen=True)
class ArticleCoverage:
    """``exclusive``: ids of facts only this article states; ``missing``: ids of
    facts most other articles state but this one does not. ``shared`` counts the
    facts it has in common with at least one other article."""

    article: str
    facts: int
    shared: int
    exclusive: tuple[str, ...]
    missing: tuple[str, ...]
    exclusive_text: tuple[str, ...]
    missing_text: tuple[str, ...]


@dataclass(frozen=True)
class StoryAnalysis:
    facts: tuple[Fact, ...] = ()
    figures: tuple[FigureGroup, ...] = ()
    claims: tuple[Claim, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    entities: tuple[Entity, ...] = ()
    coverage: tuple[ArticleCoverage, ...] = ()


@dataclass(frozen=True)
class Brief:
    """The summary of one story, with its cross-source analysis when made."""

    story: Story
    sentences: tuple[BriefSentence, ...]
    analysis: StoryAnalysis | None = None
    warnings: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def headline(self) -> str:
        return self.story.headline

    @property
    def word_count(self) -> int:
        return sum(count_words(s.text) for s in self.sentences)

    def __repr__(self) -> str:
        analysed = "with analysis" if self.analysis is not None else "no analysis"
        return (
            f"Brief(headline={self.headline!r}, {len(self.sentences)} sentences, {self.word_count} words, "
            f"{len(self.story.articles)} articles, {analysed}, {len(self.warnings)} warnings)"
        )

    def to_markdown(self) -> str:
        """The brief as Markdown, as ``crosswire brief`` prints it."""
        from crosswire.render import render

        return render([self], "markdown")

    def to_json(self) -> str:
        """The brief as JSON text, as ``crosswire brief --format json`` writes it."""
        from crosswire.render import render

        return render([self], "json")

    def to_html(self) -> str:
        """The brief as a standalone HTML page, as ``crosswire brief --format html`` writes it."""
        from crosswire.render import render

        return render([self], "html")


_WORD = re.compile(r"\S+")


def count_words(text: str) -> int:
    """Whitespace-delimited words, the unit of every word budget."""
    return len(_WORD.findall(text))
