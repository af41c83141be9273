"""The batch job's outputs: flat Parquet tables (pyarrow) and one JSON brief per story.

Each table is a folder of part files (``part-00000.parquet``, ...), one per
task that wrote it, read as one table by ``pyarrow.parquet.read_table(folder)``.
Everything is written under a temporary folder next to ``--out`` and renamed
to it at the end (``AtomicOutput``), so a failed run leaves no partial table.
The schemas are documented in the README and below.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from crosswire.errors import CrosswireError
from crosswire.model import Article, Brief, Sentence, Story
from crosswire.render.json import story_record

ARTICLES = pa.schema([
    ("id", pa.string()),  # stable article key
    ("story_id", pa.string()),
    ("shard", pa.string()),  # the input file
    ("source", pa.string()),
    ("title", pa.string()),
    ("outlet", pa.string()),
    ("url", pa.string()),
    ("published", pa.string()),  # ISO 8601, as read (metadata or the page)
    ("language", pa.string()),
    ("words", pa.int32()),  # after cleaning
    ("removed_lines", pa.int32()),  # page furniture removed by cleaning
    ("text", pa.string()),  # cleaned text; sentence offsets point into it
])
SENTENCES = pa.schema([
    ("article_id", pa.string()),
    ("story_id", pa.string()),
    ("index", pa.int32()),
    ("paragraph", pa.int32()),
    ("start", pa.int32()),  # character offsets: articles.text[start:end] == text
    ("end", pa.int32()),
    ("text", pa.string()),
])
STORIES = pa.schema([
    ("id", pa.string()),
    ("headline", pa.string()),
    ("articles", pa.int32()),
    ("outlets", pa.int32()),
    ("first_published", pa.string()),
    ("last_published", pa.string()),
    ("developments", pa.int32()),
    ("briefed", pa.bool_()),  # one-article stories get no brief
])
BRIEFS = pa.schema([
    ("story_id", pa.string()),
    ("headline", pa.string()),
    ("words", pa.int32()),
    ("sentences", pa.int32()),
    ("citations", pa.int32()),  # distinct articles cited
    ("text", pa.string()),  # the brief, one sentence per line
    ("warnings", pa.string()),  # one per line
    ("json", pa.string()),  # the story's JSON record, relative to --out
])
SCHEMAS = {"articles": ARTICLES, "sentences": SENTENCES, "stories": STORIES, "briefs": BRIEFS}


def write_part(root: str, table: str, number: int, rows: Sequence[dict[str, Any]]) -> str:
    """Write one part file of ``table`` under ``root`` (rewritten whole if a task runs again)."""
    folder = Path(root, table)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"part-{number:05d}.parquet"
    temporary = folder / f".{path.name}.{uuid.uuid4().hex[:8]}"
    pq.write_table(pa.Table.from_pylist(list(rows), schema=SCHEMAS[table]), temporary)
    os.replace(temporary, path)
    return str(path)


def article_rows(articles: Sequence[Article], labels: dict[str, str], shard: str) -> list[dict[str, Any]]:
    return [
        {
            "id": a.id, "story_id": labels[a.id], "shard": shard, "source": a.source, "title": a.title,
            "outlet": a.outlet, "url": a.url, "published": a.published, "language": a.language,
            "words": len(a.text.split()), "removed_lines": len(a.removed), "text": a.text,
        }
        for a in articles
    ]


def sentence_rows(sentences: Sequence[Sentence], story: str) -> list[dict[str, Any]]:
    return [
        {"article_id": s.article_id, "story_id": story, "index": s.index, "paragraph": s.paragraph,
         "start": s.start, "end": s.end, "text": s.text}
        for s in sentences
    ]


def story_row(story: Story, briefed: bool) -> dict[str, Any]:
    dates = sorted(a.published for a in story.articles if a.published)
    return {
        "id": story.id, "headline": story.headline, "articles": len(story.articles),
        "outlets": len({a.outlet or a.url or a.id for a in story.articles}),
        "first_published": dates[0] if dates else None, "last_published": dates[-1] if dates else None,
        "developments": len(story.developments), "briefed": briefed,
    }


def brief_row(brief: Brief, json_path: str) -> dict[str, Any]:
    return {
        "story_id": brief.story.id, "headline": brief.headline, "words": brief.word_count,
        "sentences": len(brief.sentences),
        "citations": len({c for s in brief.sentences for c in s.citations}),
        "text": "\n".join(s.text for s in brief.sentences), "warnings": "\n".join(brief.warnings),
        "json": json_path,
    }


def write_brief_json(root: str, brief: Brief) -> str:
    """The story's record, as ``crosswire brief --format json`` writes it; returns its path under ``root``."""
    relative = f"json/{brief.story.id}.json"
    path = Path(root, relative)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(story_record(brief), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return relative


class AtomicOutput:
    """A temporary folder beside ``out`` that becomes ``out`` on ``commit``; removed on failure."""

    def __init__(self, out: Path) -> None:
        self.out = out
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise CrosswireError("the output folder exists and is not empty", source=str(out))
        self.root = out.parent / f".{out.name}.tmp-{uuid.uuid4().hex[:8]}"

    def __enter__(self) -> AtomicOutput:
        self.root.mkdir(parents=True)
        return self

    def commit(self) -> None:
        for table in SCHEMAS:  # a table with no rows still has its schema
            folder = self.root / table
            if not folder.exists() or not any(folder.glob("*.parquet")):
                write_part(str(self.root), table, 0, [])
        if self.out.exists():
            self.out.rmdir()
        os.replace(self.root, self.out)

    def __exit__(self, kind: object, *_: object) -> None:
        if self.root.exists():
            shutil.rmtree(self.root, ignore_errors=True)
