"""The service's state and actions, shared by the JSON API and the pages.

Reading what a request sent (JSON articles, uploaded files, pasted text,
URLs) goes through the readers; storing goes through ``crosswire.store.ingest``;
briefs come from the store (made by the worker), update briefs from the
pipeline's update mode. Nothing here is a second pipeline.
"""

from __future__ import annotations

import json
import threading
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.ingest import read_bytes
from crosswire.model import Article, Brief
from crosswire.pipeline import Pipeline
from crosswire.render import render
from crosswire.render.json import story_record
from crosswire.serve.fetch import fetch
from crosswire.serve.guard import ApiError
from crosswire.serve.settings import ServeSettings
from crosswire.serve.worker import BriefWorker
from crosswire.store import Store, ingest
from crosswire.store.briefs import StoredBrief, added_times, stored_brief, stories_of_articles
from crosswire.stories import with_stable_ids

UPDATE_CACHE_SIZE = 64
BRIEF_CACHE_SIZE = 256


class Service:
    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.pipeline = Pipeline(words=settings.words, analyze=settings.analyze)
        self.update_pipeline = Pipeline(words=settings.words, analyze=False)
        self.worker = BriefWorker(settings.db, self.pipeline) if settings.worker else None
        self._write_lock = threading.Lock()
        self._updates: OrderedDict[tuple[str, int, frozenset[str]], Brief] = OrderedDict()
        self._briefs: OrderedDict[tuple[str, int], StoredBrief] = OrderedDict()
        self._derived: OrderedDict[tuple[str, str, int], Any] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._update_lock = threading.Lock()
        with self.store():  # create and migrate the database before serving
            pass

    def start(self) -> None:
        if self.worker is not None and not self.worker.is_alive():
            self.worker.start()

    def stop(self) -> None:
        if self.worker is not None:
            self.worker.stop()

    @contextmanager
    def store(self) -> Iterator[Store]:
        """A connection for this request (SQLite connections are per thread; opening one is cheap)."""
        store = Store(self.settings.db)
        try:
            yield store
        finally:
            store.close()

    # -- writes --------------------------------------------------------------

    def articles_from_json(self, items: Any) -> tuple[list[Article], list[str]]:
        """Articles from a JSON array of records (the JSONL reader's fields); a record with
        only a ``url`` is fetched (http/https, public addresses unless allowed)."""
        if not isinstance(items, list) or not items:
            raise ApiError(422, "send a non-empty JSON array of articles")
        records, urls = [], []
        for number, item in enumerate(items, 1):
            if not isinstance(item, dict):
                raise ApiError(422, f"article {number} is not a JSON object")
            text = item.get("text")
            if text is None and isinstance(item.get("url"), str):
                urls.append(item["url"])
            elif not isinstance(text, str):
                raise ApiError(422, f"article {number} has no text (a string; or give only a url to fetch)")
            else:
                records.append(item)
        articles: list[Article] = []
        messages: list[str] = []
        if records:
            lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8")
            read, said = _reading(lambda: read_bytes(lines, "api", "jsonl"))
            articles += read
            messages += said
        for url in urls:
            articles += self.articles_from_url(url)
        return articles, messages

    def articles_from_url(self, url: str) -> list[Article]:
        page = fetch(url, allow_private=self.settings.allow_private)
        if page.status != 200:
            raise CrosswireError(f"the page answered HTTP {page.status}", source=url)
        return [replace(a, url=a.url or page.url) for a in read_bytes(page.body, page.url)]

    def articles_from_files(self, files: Sequence[tuple[str, bytes]]) -> tuple[list[Article], list[str]]:
        articles: list[Article] = []
        messages: list[str] = []
        for name, data in files:
            read, said = _reading(lambda name=name, data=data: read_bytes(data, name))
            articles += read
            messages += said
        return articles, messages

    def add(self, articles: Sequence[Article], messages: Sequence[str] = ()) -> dict[str, Any]:
        """Store the articles (one transaction) and say which stories they joined."""
        if not articles:
            raise ApiError(422, "no articles found in the request")
        articles = with_stable_ids(articles)
        with self._write_lock, self.store() as store:
            report = ingest(self.pipeline, store, articles)
            placed = stories_of_articles(store, [a.id for a in articles])
        if self.worker is not None:
            self.worker.poke()
        added = set(report.added)
        return {
            "articles": [
                {"id": a.id, "title": a.title, "story": placed.get(a.id), "new": a.id in added} for a in articles
            ],
            "stories": sorted({s for s in placed.values()}),
            "warnings": list(messages),
        }

    # -- reads ---------------------------------------------------------------

    def brief_of(self, story_id: str) -> tuple[str | None, StoredBrief | None]:
        """The story's headline (None: no such story) and its current brief (None: being made).

        A stored brief never changes for its version, so it is loaded once per version and cached.
        """
        with self.store() as store:
            row = store.connection.execute(
                "SELECT s.headline, b.version FROM stories s LEFT JOIN briefs b ON b.story_id = s.id WHERE s.id = ?",
                (story_id,),
            ).fetchone()
            if row is None:
                return None, None
            if row[1] is None:
                return row[0], None
            key = (story_id, int(row[1]))
            with self._cache_lock:
                cached = self._briefs.get(key)
            if cached is None:
                cached = stored_brief(store, story_id)
                if cached is None:  # replaced between the two reads
                    return row[0], None
                with self._cache_lock:
                    self._briefs[(story_id, cached.version)] = cached
                    while len(self._briefs) > BRIEF_CACHE_SIZE:
                        self._briefs.popitem(last=False)
        return row[0], cached

    def cached(self, kind: str, stored: StoredBrief, make: Callable[[Brief], Any]) -> Any:
        """``make(brief)`` once per story version (the JSON record, the page's context)."""
        key = (kind, stored.brief.story.id, stored.version)
        with self._cache_lock:
            value = self._derived.get(key)
        if value is None:
            value = make(stored.brief)
            with self._cache_lock:
                self._derived[key] = value
                while len(self._derived) > BRIEF_CACHE_SIZE * 2:
                    self._derived.popitem(last=False)
        return value

    def record(self, story_id: str) -> tuple[dict[str, Any] | None, int | None]:
        """The story's JSON record (as ``crosswire brief --format json``) and its version."""
        headline, stored = self.brief_of(story_id)
        if headline is None:
            raise ApiError(404, f"no story {story_id!r}")
        if stored is None:
            return None, None
        return self.cached("record", stored, story_record), stored.version

    def markdown(self, story_id: str) -> str | None:
        headline, stored = self.brief_of(story_id)
        if headline is None:
            raise ApiError(404, f"no story {story_id!r}")
        return None if stored is None else str(self.cached("markdown", stored, lambda b: render([b], "markdown")))

    def new_since(self, story_id: str, since: datetime) -> list[str]:
        """Ids of the story's articles stored after ``since`` (one small query)."""
        stamp = _stamp(since)
        with self.store() as store:
            return sorted(a for a, when in added_times(store, story_id).items() if when >= stamp)

    def update_brief(self, story_id: str, since: datetime) -> tuple[Brief, list[str]]:
        """What the story's articles added after ``since`` (the summarizer's update mode)."""
        stamp = _stamp(since)
        with self.store() as store:
            story = store.story(story_id)
            if story is None:
                raise ApiError(404, f"no story {story_id!r}")
            added = added_times(store, story_id)
            version = int(store.connection.execute("SELECT version FROM stories WHERE id = ?", (story_id,)).fetchone()[0])
        seen = frozenset(a for a, when in added.items() if when < stamp)
        new = [a.id for a in story.articles if a.id not in seen]
        if not new:
            return Brief(story=story, sentences=()), []
        key = (story_id, version, seen)
        with self._update_lock:
            cached = self._updates.get(key)
        if cached is None:
            seen_story = None
            if seen:
                seen_articles = tuple(a for a in story.articles if a.id in seen)
                seen_story = self.update_pipeline.prepare(replace(story, id=story_id + "-seen", articles=seen_articles))
            cached = self.update_pipeline.brief_story(self.update_pipeline.prepare(story), since=seen_story)
            with self._update_lock:
                self._updates[key] = cached
                while len(self._updates) > UPDATE_CACHE_SIZE:
                    self._updates.popitem(last=False)
        return cached, new


def _stamp(moment: datetime) -> str:
    """A time as the store writes ``added_at`` (UTC, milliseconds, Z), so strings compare."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _reading(read: Any) -> tuple[list[Article], list[str]]:
    """Run a reader, keeping its warnings (skipped items) to report back."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = list(read())
    return articles, [str(w.message) for w in caught if issubclass(w.category, CrosswireWarning)]


def parse_time(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.strip().replace(" ", "T"))
    except ValueError:
        raise ApiError(422, f"since: not an ISO 8601 time: {value[:40]!r}") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
