"""Reading inputs: files and folders to ``Article`` records.

One bad input among several is skipped with a warning; a single bad input,
or a pile with nothing usable, is a ``CrosswireError``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from crosswire.errors import CrosswireError, warn
from crosswire.ingest.clusters import read_clusters
from crosswire.ingest.decode import check_not_empty, check_size
from crosswire.ingest.detect import check_format, detect_format
from crosswire.ingest.feed import read_feed
from crosswire.ingest.html import read_html
from crosswire.ingest.jsonl import read_jsonl
from crosswire.ingest.language import guess_language
from crosswire.ingest.text import read_text
from crosswire.ingest.warc import read_warc
from crosswire.model import Article

Reader = Callable[[bytes, str], list[Article]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "clusters": read_clusters,
    "feed": read_feed,
    "warc": read_warc,
}
SKIPPED_NAMES = frozenset({"readme.md", "readme", "readme.txt", "readme.rst"})
# About 30,000 words, four times the longest Multi-News document; past it the
# sentence graph and the entity tagger run out of memory or time.
MAX_ARTICLE_CHARS = 200_000
STDIN = "-"  # the path that means standard input


def read_bytes(data: bytes, name: str, input_format: str | None = None) -> tuple[Article, ...]:
    """The articles of one input given as bytes; ``name`` is its source (path or URL).

    Any byte string either parses or raises ``CrosswireError``.
    """
    try:
        return _read_bytes(data, name, input_format)
    except CrosswireError:
        raise
    except Exception as error:  # a library failing on odd input: still one line, never a traceback
        # The message speaks of the input; the library's own words are in the chain (--debug).
        message = "could not read this input: its content is damaged or in a form the reader cannot parse"
        raise CrosswireError(message, source=name or None) from error


def _read_bytes(data: bytes, name: str, input_format: str | None) -> tuple[Article, ...]:
    source = name or None
    check_size(len(data), name)
    check_not_empty(data, name)
    input_format = detect_format(data, name, input_format)
    articles = READERS[input_format](data, name)
    if not articles:  # readers raise instead; this guards the promise
        raise CrosswireError("no articles found", source=source)
    return tuple(with_language(article) for article in within_length(articles, source))


def within_length(articles: Sequence[Article], source: str | None) -> list[Article]:
    """The articles no longer than ``MAX_ARTICLE_CHARS``; the others are skipped with a warning.

    When none is left, that is an error.
    """
    limit = f"the {MAX_ARTICLE_CHARS:,}-character limit for one article (MAX_ARTICLE_CHARS)"
    kept = [a for a in articles if len(a.text) <= MAX_ARTICLE_CHARS]
    too_long = [
        f"{_article_label(a)} is {len(a.text):,} characters, over {limit}"
        for a in articles
        if len(a.text) > MAX_ARTICLE_CHARS
    ]
    if too_long and not kept:
        message = too_long[0] if len(too_long) == 1 else f"all {len(too_long)} articles are over {limit}"
        raise CrosswireError(message, source=source)
    for message in too_long:
        warn(f"skipped: {message}", source=source)
    return kept


def with_language(article: Article) -> Article:
    """The article with ``language`` set; warns once if it does not look English."""
    guess = guess_language(article.text)
    if guess.sure and not guess.is_english:
        label = _article_label(article)
        if guess.code == "und":
            message = f"{label} does not look like English; results may be poor"
        else:
            message = (
                f"{label} looks like {guess.name}, not English; results may be poor "
                "and its figures are left out (they are read with English number conventions)"
            )
        warn(message, source=article.source or None)
    return replace(article, language=guess.code)


def _article_label(article: Article) -> str:
    if article.title:
        return f"article {article.title!r}"
    opening = " ".join(article.text.split()[:6])
    where = f" of cluster {article.cluster}" if article.cluster else ""
    return f"the article{where} starting {opening!r}"


def read_file(path: Path, input_format: str | None = None) -> tuple[Article, ...]:
    source = str(path)
    try:
        check_size(path.stat().st_size, source)
        data = path.read_bytes()
    except OSError as error:
        raise CrosswireError(f"cannot read: {error.strerror or error}", source=source) from None
    return read_bytes(data, source, input_format)


def read_inputs(paths: Sequence[str | Path], input_format: str | None = None) -> tuple[Article, ...]:
    """The articles of files and folders (folders recursed in sorted order).

    Hidden files and folders and README files are skipped. With several input
    files, a bad one is skipped with a warning; with one, it is an error.
    """
    if isinstance(paths, str | Path):  # one path, not a sequence of characters
        paths = [paths]
    if input_format is not None:
        check_format(input_format)  # an unknown format name fails once, up front
    files: list[Path] = []
    problems: list[CrosswireError] = []
    stdin: list[Article] = []
    for raw in paths:
        if str(raw) == STDIN:
            stdin.extend(_read_stdin(input_format))
            continue
        path = Path(raw)
        if path.is_dir():
            found = input_files(path)
            if not found:
                problems.append(CrosswireError("folder holds no input files", source=str(path)))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            problems.append(CrosswireError("not a regular file", source=str(path)))
        else:
            problems.append(CrosswireError("no such file or folder", source=str(path)))
    if not files and not problems:
        if stdin:
            return tuple(stdin)
        raise CrosswireError("no inputs given")
    several = len(files) + len(problems) + bool(stdin) > 1
    if problems and not several:
        raise problems[0]
    for problem in problems:
        warn(f"skipped: {problem.message}", source=problem.source)
    articles: list[Article] = list(stdin)
    failed = 0
    for file in files:
        try:
            articles.extend(read_file(file, input_format))
        except CrosswireError as error:
            if not several:
                raise
            failed += 1
            warn(f"skipped: {error.message}", source=error.source or str(file))
    total = len(files) + len(problems)
    if not articles:
        raise CrosswireError(f"no usable articles in {total} inputs (see warnings)")
    if failed or problems:
        read = len(files) - failed
        warn(f"read {read} of {total} inputs ({len(articles)} articles); skipped {failed + len(problems)}")
    return tuple(articles)


def _read_stdin(input_format: str | None) -> tuple[Article, ...]:
    """The articles of standard input (the path ``-``), its format detected like a file's."""
    import sys

    data = sys.stdin.buffer.read()
    return read_bytes(data, "<stdin>", input_format)


def input_files(folder: Path) -> list[Path]:
    """The files under ``folder``, sorted, without hidden ones or READMEs."""
    found = []
    for root, folders, names in os.walk(folder):
        folders[:] = [d for d in folders if not d.startswith(".")]
        for name in names:
            if name.startswith(".") or name.lower() in SKIPPED_NAMES:
                continue
            path = Path(root, name)
            if path.is_file():
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)
