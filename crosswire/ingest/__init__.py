"""PLACEHOLDER (replaced by the ingest work): plain-text files and folders only."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from crosswire.errors import CrosswireError
from crosswire.model import Article


def read_inputs(paths: Sequence[str | Path], input_format: str | None = None) -> tuple[Article, ...]:
    articles: list[Article] = []
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.iterdir() if p.suffix == ".txt") if path.is_dir() else [path]
        for file in files:
            text = file.read_text(encoding="utf-8")
            title, _, body = text.partition("\n")
            articles.append(Article(text=body.strip(), title=title.strip(), source=str(file)))
    if not articles:
        raise CrosswireError("no articles found")
    return tuple(articles)
