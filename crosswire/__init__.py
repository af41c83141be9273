"""crosswire: many news articles in, sourced and cross-checked briefs out.

    import crosswire
    result = crosswire.brief("examples/harbour-fire")      # one story
    print(result.to_markdown())                            # or to_json(), to_html()
    for item in crosswire.briefs(["feeds/", "crawl.warc.gz"]):  # one brief per story
        print(item.headline, item.word_count)

``brief`` and ``briefs`` take the options of ``crosswire brief`` (words,
query, analyze, since, input_format, overrun). Failures raise
``CrosswireError`` with a one-line message; skipped inputs are reported as
``CrosswireWarning``. The records that flow through the pipeline (Article,
Story, Sentence, Brief, BriefSentence, SourceSpan) are importable from here
and documented in ``crosswire.model``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.model import Article, Brief, BriefSentence, Sentence, SourceSpan, Story

__version__ = "0.1.0"

__all__ = ["CrosswireError", "CrosswireWarning", "brief", "briefs"]
# Also importable from here: the records Article, Story, Sentence, Brief, BriefSentence and
# SourceSpan (see crosswire.model). They stay out of __all__ so help(crosswire) shows the API,
# not their dataclass boilerplate.
_RECORDS = (Article, Brief, BriefSentence, Sentence, SourceSpan, Story)

Inputs = str | Path | Sequence[str | Path]


def _paths(inputs: Inputs) -> list[str | Path]:
    return [inputs] if isinstance(inputs, str | Path) else list(inputs)


def _pipeline(words: int, query: str | None, analyze: bool, input_format: str | None, overrun: bool) -> Any:
    from crosswire.pipeline import Pipeline

    return Pipeline(
        words=words, query=query, analyze=analyze, input_format=input_format, cross_budget=overrun
    )


def briefs(
    inputs: Inputs,
    words: int = 250,
    query: str | None = None,
    analyze: bool = True,
    *,
    since: Inputs = (),
    input_format: str | None = None,
    overrun: bool = False,
) -> list[Brief]:
    """One brief per story found in ``inputs`` (largest story first).

    Articles that arrived grouped (a Multi-News line) form one story per
    group; the others are tracked into stories (``crosswire.stories``).
    Articles that joined no story get no brief: ``Pipeline.run`` returns
    them as ``Result.singletons``.

    Parameters (the same as ``crosswire brief``'s options):

    - ``inputs``: a path, or a list of paths, of files or folders (text,
      HTML, RSS/Atom, WARC, JSONL, Multi-News clusters; detected by content).
    - ``words``: the word budget of each brief (at least 10).
    - ``query``: focus the briefs on this question (query-focused mode).
    - ``analyze``: add the cross-source analysis (facts, figures, claims,
      quotes, timeline, entities, coverage); False is faster.
    - ``since``: paths of articles the reader has already seen; the briefs
      cover only what ``inputs`` add (update mode).
    - ``input_format``: read every input as this format ("text", "html",
      "jsonl", "clusters", "feed", "warc") instead of detecting it.
    - ``overrun``: after filling ``words``, add one sentence that runs past
      it (for scoring that cuts at the budget).

    Raises ``CrosswireError`` (one line) on bad input or settings; skipped
    items are reported as ``CrosswireWarning``. Render a brief with
    ``Brief.to_markdown()``, ``to_json()`` or ``to_html()``.
    """
    pipeline = _pipeline(words, query, analyze, input_format, overrun)
    return list(pipeline.run(_paths(inputs), since=_paths(since)).briefs)


def brief(
    inputs: Inputs,
    words: int = 250,
    query: str | None = None,
    analyze: bool = True,
    *,
    since: Inputs = (),
    input_format: str | None = None,
    overrun: bool = False,
) -> Brief:
    """The brief of ``inputs`` taken as one story, whatever clusters they hold.

    Parameters are those of ``briefs``. Example::

        import crosswire
        result = crosswire.brief("examples/harbour-fire", words=150)
        print(result.to_markdown())
    """
    pipeline = _pipeline(words, query, analyze, input_format, overrun)
    return pipeline.one_brief(_paths(inputs), since=_paths(since))
