"""crosswire: many news articles in, sourced and cross-checked briefs out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.model import Article, Brief, BriefSentence, Sentence, SourceSpan, Story

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Brief",
    "BriefSentence",
    "CrosswireError",
    "CrosswireWarning",
    "Sentence",
    "SourceSpan",
    "Story",
    "brief",
    "briefs",
]


def briefs(
    inputs: Sequence[str | Path], words: int = 250, query: str | None = None, analyze: bool = True
) -> list[Brief]:
    """One brief per story found in ``inputs`` (paths of files or folders)."""
    from crosswire.pipeline import Pipeline

    return list(Pipeline(words=words, query=query, analyze=analyze).run(inputs).briefs)


def brief(
    inputs: str | Path | Sequence[str | Path],
    words: int = 250,
    query: str | None = None,
    analyze: bool = True,
) -> Brief:
    """The brief of ``inputs`` taken as one story, whatever clusters they hold."""
    from crosswire.pipeline import Pipeline

    paths = [inputs] if isinstance(inputs, str | Path) else list(inputs)
    return Pipeline(words=words, query=query, analyze=analyze).one_brief(paths)
