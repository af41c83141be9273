"""Story-finding evaluation streams: articles in arrival order, each with a gold story.

Two kinds of JSON-lines file are read (the kind is detected from the lines):

- clustering sets, ``{"text", "cluster"}`` per line (GoogleNews-TS), kept in
  file order;
- summarization cluster files (Multi-News ``{"id", "documents" | "document",
  "summary"}``, where ``document`` is one string joined by ``|||||``; DUC
  ``{"id", "documents", "summaries", "meta"}``): every cluster's documents are
  pooled into one stream and shuffled with a fixed seed, the cluster id being
  the gold story. DUC 2007 update ids (``D0703A-B``) count by topic: sets A,
  B and C of a topic are one story told over time.

Where the file gives them, a document's date (``meta.dates``, or the date in
its DUC docno such as ``XIE19960123.0270``), headline (``meta.headlines``) and
outlet (the docno's wire prefix) go on the ``Article`` as ``published``,
``title`` and ``outlet``, so a tracker can use time. Nothing on the article
carries the gold: ``id`` and ``cluster`` stay empty and ``source`` is the
shuffled position.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosswire.errors import CrosswireError
from crosswire.evaluate.datasets import read_jsonl, split_update_id
from crosswire.model import Article

MULTINEWS_SEPARATOR = "|||||"
DOCNO = re.compile(r"^([A-Z]{2,4})(?:_ENG_)?(\d{4})(\d{2})(\d{2})\.\d+$")
WIRES = {"APW": "Associated Press", "NYT": "New York Times", "XIE": "Xinhua", "LTW": "Los Angeles Times"}


@dataclass(frozen=True)
class StoryStream:
    """Articles in arrival order and the gold story of each (same length)."""

    name: str
    articles: tuple[Article, ...]
    gold: tuple[str, ...]

    def __post_init__(self) -> None:
        if len(self.articles) != len(self.gold):
            raise ValueError("one gold story per article")

    @property
    def stories(self) -> int:
        return len(set(self.gold))


def iso_date(value: Any) -> str | None:
    """``"1999-07-07 08:30:27"`` -> ``"1999-07-07T08:30:27"``; anything unusable -> None."""
    if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}", value.strip()):
        return None
    text = value.strip().replace(" ", "T", 1)
    if re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$", text):
        text += ":00"
    return text


def docno_facts(docno: Any) -> tuple[str | None, str | None]:
    """(ISO date, outlet) read from a DUC/TREC docno, or Nones."""
    match = DOCNO.match(docno.strip()) if isinstance(docno, str) else None
    if match is None:
        return None, None
    wire, year, month, day = match.groups()
    return f"{year}-{month}-{day}", WIRES.get(wire, wire)


def _documents(record: dict[str, Any], source: str) -> list[str]:
    if "documents" in record:
        documents = record["documents"]
        if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
            raise CrosswireError("documents must be a list of strings", source=source)
        return documents
    document = record.get("document")
    if not isinstance(document, str):
        raise CrosswireError("line has neither 'documents' nor 'document'", source=source)
    return document.split(MULTINEWS_SEPARATOR)


def _nth(values: Any, index: int) -> Any:
    return values[index] if isinstance(values, list) and index < len(values) else None


def cluster_articles(record: dict[str, Any], source: str) -> list[Article]:
    """The non-blank documents of one summarization line as articles (blank ids, no gold)."""
    meta_value = record.get("meta")
    meta: dict[str, Any] = meta_value if isinstance(meta_value, dict) else {}
    articles = []
    for index, text in enumerate(_documents(record, source)):
        if not text.strip():
            continue
        docno_date, outlet = docno_facts(_nth(meta.get("docnos"), index))
        headline = _nth(meta.get("headlines"), index)
        articles.append(
            Article(
                text=text.strip(),
                title=headline.strip() if isinstance(headline, str) and headline.strip() else None,
                outlet=outlet,
                published=iso_date(_nth(meta.get("dates"), index)) or docno_date,
            )
        )
    return articles


def _gold_ids(ids: list[str]) -> list[str]:
    """Cluster ids as gold stories; update sets of one topic (every id ``<topic>-<letter>``) merge."""
    parts = [split_update_id(cluster_id) for cluster_id in ids]
    topics = [p[0] for p in parts if p is not None]
    if ids and len(topics) == len(ids) and len(set(topics)) < len(topics):
        return topics
    return ids


def _summarization_stream(
    name: str, records: list[tuple[int, dict[str, Any]]], limit: int | None, seed: int
) -> StoryStream:
    chosen = records[:limit] if limit is not None else records
    ids = [str(record.get("id") or f"{name}:{number}") for number, record in chosen]
    pooled: list[tuple[Article, str]] = []
    for (number, record), gold in zip(chosen, _gold_ids(ids), strict=True):
        pooled += [(article, gold) for article in cluster_articles(record, f"{name}:{number}")]
    random.Random(seed).shuffle(pooled)
    articles = tuple(
        Article(
            text=a.text,
            title=a.title,
            outlet=a.outlet,
            published=a.published,
            source=f"{name}#{position}",
        )
        for position, (a, _) in enumerate(pooled, 1)
    )
    return StoryStream(name=name, articles=articles, gold=tuple(g for _, g in pooled))


def _clustering_stream(
    name: str, records: list[tuple[int, dict[str, Any]]], limit: int | None
) -> StoryStream:
    chosen = records[:limit] if limit is not None else records
    articles, gold = [], []
    for number, record in chosen:
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise CrosswireError("'text' must be a non-empty string", source=f"{name}:{number}")
        articles.append(Article(text=text.strip(), source=f"{name}#{number}"))
        gold.append(str(record["cluster"]))
    return StoryStream(name=name, articles=tuple(articles), gold=tuple(gold))


def load_story_stream(path: str | Path, limit: int | None = None, seed: int = 0) -> StoryStream:
    """The evaluation stream of ``path``.

    ``limit`` keeps the first N lines: N items of a clustering set, or the
    documents of N clusters of a summarization file. ``seed`` fixes the
    shuffle of pooled summarization documents.
    """
    path = Path(path)
    if limit is not None and limit < 1:
        raise CrosswireError(f"--limit must be at least 1, got {limit}")
    records = list(read_jsonl(path))
    if not records:
        raise CrosswireError("no lines in file", source=str(path))
    labelled = ["text" in record and "cluster" in record for _, record in records]
    if all(labelled):
        stream = _clustering_stream(path.name, records, limit)
    elif not any(labelled):
        stream = _summarization_stream(path.name, records, limit, seed)
    else:
        raise CrosswireError("mixes {'text', 'cluster'} lines with cluster lines", source=str(path))
    if not stream.articles:
        raise CrosswireError("no documents in file", source=str(path))
    return stream
