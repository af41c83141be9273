"""Persisted briefs follow story versions; full-text search; dedup by content hash."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from crosswire.model import Article, Brief
from crosswire.pipeline import Pipeline
from crosswire.store import Store, ingest
from crosswire.store.briefs import dangling, save_brief, stored_brief, story_at_version, unbriefed
from crosswire.store.search import StoryQuery, fts_query, search_stories
from crosswire.stories import with_stable_ids
from tests.conftest import FERRY_ARTICLES


@pytest.fixture
def stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Store, Pipeline, str]:
    monkeypatch.setenv("CROSSWIRE_EMBEDDER", "tfidf")
    store = Store(tmp_path / "b.db")
    pipeline = Pipeline(analyze=False)
    report = ingest(pipeline, store, with_stable_ids([replace(a, cluster="ferry") for a in FERRY_ARTICLES]))
    return store, pipeline, report.stories[0]


def test_a_brief_is_kept_only_for_its_story_version(stored: tuple[Store, Pipeline, str]) -> None:
    store, pipeline, story_id = stored
    story, version = story_at_version(store, story_id) or (None, 0)
    assert story is not None
    assert unbriefed(store) == [(story_id, version)]
    brief = pipeline.brief_story(pipeline.prepare(story))
    assert not save_brief(store, story_id, version + 1, brief)  # not a version the story has
    assert save_brief(store, story_id, version, brief)
    kept = stored_brief(store, story_id)
    assert kept is not None and kept.version == version and isinstance(kept.brief, Brief)
    assert kept.brief == brief  # round-trips
    assert unbriefed(store) == []
    store.connection.execute("UPDATE stories SET version = version + 1 WHERE id = ?", (story_id,))
    assert stored_brief(store, story_id) is None  # the trigger dropped the old version's brief
    assert not save_brief(store, story_id, version, brief)  # made from the old version: discarded
    assert dangling(store) == [] and store.check_integrity() == []


def test_search_finds_article_and_brief_words(stored: tuple[Store, Pipeline, str]) -> None:
    store, _, story_id = stored
    assert [s["id"] for s in search_stories(store, StoryQuery(text="Lanmore ferry"))[0]] == [story_id]
    assert search_stories(store, StoryQuery(text="volcano"))[0] == []
    assert search_stories(store, StoryQuery(outlet="coast daily"))[1] == 1
    assert fts_query('ferry" OR (x') == '"ferry" "OR" "x"'


def test_the_same_text_under_another_url_is_not_stored_again(stored: tuple[Store, Pipeline, str]) -> None:
    store, pipeline, _ = stored
    copy = replace(FERRY_ARTICLES[0], url="https://mirror.example/ferry")
    report = ingest(pipeline, store, with_stable_ids([copy]))
    assert report.added == () and len(report.already_stored) == 1
    fresh = Article(text="A new article about the Lanmore harbour board meeting on Friday evening.",
                    url="https://coast.example/board")
    assert len(ingest(pipeline, store, with_stable_ids([fresh])).added) == 1
