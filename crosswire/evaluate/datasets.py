"""Evaluation sets as frozen clusters: Multi-News, DUC 2006, DUC 2007 update.

Every set is JSON lines. Multi-News lines are ``{"id", "documents",
"summary"}``; DUC lines carry ``"summaries"`` (four human references) and a
``"meta"`` object whose ``topic`` holds the question (``title`` and
``narrative``). DUC 2006 adds per-document ``meta.dates``. DUC 2007 update
ids are ``<topic>-<set>`` (``D0703A-A``, ``-B``, ``-C``): set B is read by
someone who has read set A, and set C by someone who has read A and B, so
``since_documents`` holds the earlier sets' documents.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosswire.errors import CrosswireError
from crosswire.evaluate.rouge import strip_multinews_prefix


@dataclass(frozen=True)
class EvalCluster:
    """One summarization problem: documents in, references to score against."""

    id: str
    documents: tuple[str, ...]
    references: tuple[str, ...]
    query: str | None = None
    since_documents: tuple[str, ...] = ()
    topic: str | None = None
    update_set: str | None = None
    dates: tuple[str | None, ...] = ()


def data_file(data_dir: str | Path, folder: str, name: str) -> Path:
    """``data_dir/folder/name``, or a one-line error naming the missing file."""
    path = Path(data_dir) / folder / name
    if not path.is_file():
        raise CrosswireError("data file not found", source=str(path))
    return path


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line; one-line errors for bad lines."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise CrosswireError(f"cannot read: {error.strerror}", source=str(path)) from None
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise CrosswireError(f"line {number} is not JSON ({error.msg})", source=str(path)) from None
            if not isinstance(record, dict):
                raise CrosswireError(f"line {number} is not a JSON object", source=str(path))
            yield number, record


def topic_query(meta: dict[str, Any]) -> str | None:
    """The DUC question: topic title and narrative, as one text."""
    topic = meta.get("topic")
    if isinstance(topic, str):
        return topic.strip() or None
    if not isinstance(topic, dict):
        return None
    parts = [str(topic.get(key) or "").strip() for key in ("title", "narrative")]
    text = ". ".join(part.rstrip(".") for part in parts if part)
    return f"{text}." if text else None


def _strings(value: Any, what: str, source: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise CrosswireError(f"{what} must be a list of strings", source=source)
    return tuple(value)


def cluster_of(record: dict[str, Any], source: str) -> EvalCluster:
    """One JSON line as an EvalCluster (without update context; see ``load_clusters``)."""
    cluster_id = str(record.get("id") or source)
    documents = tuple(d for d in _strings(record.get("documents"), "documents", cluster_id) if d.strip())
    if not documents:
        raise CrosswireError("cluster has no documents", source=cluster_id)
    if "summaries" in record:
        references = _strings(record["summaries"], "summaries", cluster_id)
    elif "summary" in record:
        if not isinstance(record["summary"], str):
            raise CrosswireError("summary must be a string", source=cluster_id)
        references = (strip_multinews_prefix(record["summary"]),)
    else:
        raise CrosswireError("line has neither 'summary' nor 'summaries'", source=cluster_id)
    references = tuple(r for r in references if r.strip())
    if not references:
        raise CrosswireError("cluster has no reference summary", source=cluster_id)
    meta_value = record.get("meta")
    meta: dict[str, Any] = meta_value if isinstance(meta_value, dict) else {}
    dates = meta.get("dates")
    return EvalCluster(
        id=cluster_id,
        documents=documents,
        references=references,
        query=topic_query(meta),
        dates=tuple(str(d) if d else None for d in dates) if isinstance(dates, list) else (),
    )


def split_update_id(cluster_id: str) -> tuple[str, str] | None:
    """``"D0703A-B"`` -> ``("D0703A", "B")``; None for ids without a set letter."""
    topic, dash, letter = cluster_id.rpartition("-")
    if dash and topic and len(letter) == 1 and letter.isalpha():
        return topic, letter.upper()
    return None


def with_update_context(clusters: list[EvalCluster]) -> list[EvalCluster]:
    """Give each update set the documents of the earlier sets of its topic."""
    by_topic: dict[str, dict[str, EvalCluster]] = {}
    for cluster in clusters:
        parts = split_update_id(cluster.id)
        if parts:
            by_topic.setdefault(parts[0], {})[parts[1]] = cluster
    result = []
    for cluster in clusters:
        parts = split_update_id(cluster.id)
        if parts is None:
            result.append(cluster)
            continue
        topic, letter = parts
        earlier = [by_topic[topic][key] for key in sorted(by_topic[topic]) if key < letter]
        since = tuple(document for previous in earlier for document in previous.documents)
        result.append(
            EvalCluster(
                id=cluster.id,
                documents=cluster.documents,
                references=cluster.references,
                query=cluster.query,
                since_documents=since,
                topic=topic,
                update_set=letter,
                dates=cluster.dates,
            )
        )
    return result


def load_clusters(
    path: str | Path, limit: int | None = None, update: bool = False
) -> tuple[EvalCluster, ...]:
    """Clusters of a JSON-lines evaluation file, in file order.

    ``update=True`` reads ``<topic>-<set>`` ids as DUC 2007 update sets.
    ``limit`` keeps the first N clusters (after the update context is built
    from the whole file, so set B still knows set A).
    """
    path = Path(path)
    if limit is not None and limit < 1:
        raise CrosswireError(f"--limit must be at least 1, got {limit}")
    clusters = [cluster_of(record, f"{path}:{number}") for number, record in read_jsonl(path)]
    if not clusters:
        raise CrosswireError("no clusters in file", source=str(path))
    if update:
        clusters = with_update_context(clusters)
    return tuple(clusters[:limit] if limit is not None else clusters)


def load_multinews(path: str | Path, limit: int | None = None) -> tuple[EvalCluster, ...]:
    return load_clusters(path, limit=limit)


def load_duc2006(path: str | Path, limit: int | None = None) -> tuple[EvalCluster, ...]:
    return load_clusters(path, limit=limit)


def load_duc2007_update(path: str | Path, limit: int | None = None) -> tuple[EvalCluster, ...]:
    return load_clusters(path, limit=limit, update=True)
