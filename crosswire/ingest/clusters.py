"""JSON Lines of Multi-News style clusters: each line is one story.

A line holds ``"documents": [...]`` (strings, or article objects with a
``text``) or ``"document"``: one string with the articles joined by
``|||||`` (the original Multi-News release). Every article of a line shares
``cluster`` = the line's ``"id"`` if present, else ``"line-N"``. Empty
documents are dropped; Multi-News texts have no headline line, so titles are
None unless a document object gives one.
"""

from __future__ import annotations

from typing import Any

from crosswire.ingest.fields import normalise_newlines, text_field
from crosswire.ingest.jsonl import JsonRecord, article_from_object, read_records
from crosswire.model import Article

DOCUMENT_SEPARATOR = "|||||"


def read_clusters(data: bytes, source: str) -> list[Article]:
    return read_records(data, source, "clusters", _parse_cluster)


def _parse_cluster(record: JsonRecord, source: str) -> list[Article]:
    value = record.value
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    cluster = text_field(value.get("id")) or record.label.replace(" ", "-")
    documents = _documents(value)
    articles = []
    for document in documents:
        if document is None:
            continue  # an empty slot, like an empty string
        if isinstance(document, str):
            text = normalise_newlines(document).strip()
            if text:
                articles.append(Article(text=text, source=source, cluster=cluster))
        elif isinstance(document, dict) and isinstance(document.get("text"), str):
            if document["text"].strip():
                articles.append(article_from_object(document, source, cluster=cluster))
        else:
            raise ValueError("a document is neither a string nor an object with a text")
    if not articles:
        raise ValueError("all documents are empty")
    return articles


def _documents(value: dict[str, Any]) -> list[Any]:
    documents = value.get("documents")
    if isinstance(documents, list):
        return documents
    if documents is not None:
        raise ValueError('"documents" is not an array')
    joined = value.get("document")
    if isinstance(joined, str):
        return joined.split(DOCUMENT_SEPARATOR)
    raise ValueError('no "documents" array or "document" string')
