"""The versioned JSON document (schema ``crosswire.brief/1``, see README)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from crosswire.model import Article, Brief, BriefSentence, Development
from crosswire.serialize import to_plain

SCHEMA = "crosswire.brief/2"
ANALYSIS_SECTIONS = ("facts", "figures", "claims", "quotes", "timeline", "entities", "coverage")


def article_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "outlet_source": article.outlet_source or None,  # where the outlet came from (schema only grows)
        "url": article.url,
        "published": article.published,
        "published_inferred": article.published_inferred,
        "source": article.source,
        "language": article.language,
        "removed": list(article.removed),
        "text": article.text,
    }


def sentence_record(sentence: BriefSentence) -> dict[str, Any]:
    return {
        "text": sentence.text,
        "citations": list(sentence.citations),
        "support": list(sentence.support),
        "corroborated": len(sentence.support or sentence.citations) >= 2,
        "paragraph": sentence.paragraph,
        "from": {
            "article": sentence.source.article,
            "start": sentence.source.start,
            "end": sentence.source.end,
        },
    }


def development_record(development: Development) -> dict[str, Any]:
    return {
        "id": development.id,
        "date": development.date,
        "headline": development.headline,
        "articles": list(development.article_ids),
    }


def story_record(brief: Brief) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": brief.story.id,
        "headline": brief.headline,
        "words": brief.word_count,
        "developments": [development_record(d) for d in brief.story.developments],
        "articles": [article_record(a) for a in brief.story.articles],
        "brief": [sentence_record(s) for s in brief.sentences],
    }
    if brief.analysis is not None:
        for section in ANALYSIS_SECTIONS:
            record[section] = to_plain(getattr(brief.analysis, section))
    record["warnings"] = list(brief.warnings)
    return record


def document(briefs: Sequence[Brief], singletons: Sequence[Article] = ()) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "stories": [story_record(b) for b in briefs],
        "singletons": [article_record(a) for a in singletons],
    }


def render_json(briefs: Sequence[Brief], singletons: Sequence[Article] = ()) -> str:
    return json.dumps(document(briefs, singletons), ensure_ascii=False, indent=2) + "\n"
