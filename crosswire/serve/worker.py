"""The brief worker: recomputes briefs off the request path when a story's version changes.

A thread in the server with its own store connection. It wakes when an
ingest says so (``poke``) or every ``interval`` seconds, briefs the stories
that have no brief of their current version (largest first), and saves each
brief with the version it was made from; a brief whose story moved on while
it was being made is thrown away and made again.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from crosswire.pipeline import Pipeline
from crosswire.store import Store
from crosswire.store.briefs import save_brief, story_at_version, unbriefed

log = logging.getLogger("crosswire.serve.worker")


class BriefWorker(threading.Thread):
    def __init__(self, db: Path, pipeline: Pipeline, interval: float = 2.0) -> None:
        super().__init__(name="crosswire-brief-worker", daemon=True)
        self.db = db
        self.pipeline = pipeline
        self.interval = interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self.failed: set[tuple[str, int]] = set()  # (story, version) that could not be briefed
        self.briefed = 0

    def poke(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    def run(self) -> None:
        with Store(self.db) as store:
            while not self._stop.is_set():
                done = self.work_once(store)
                if not done:
                    self._wake.wait(self.interval)
                    self._wake.clear()

    def work_once(self, store: Store) -> int:
        """Brief every story that needs it now; returns how many were saved."""
        saved = 0
        for story_id, version in unbriefed(store, limit=200):
            if self._stop.is_set():
                break
            if (story_id, version) in self.failed:
                continue
            found = story_at_version(store, story_id)
            if found is None:
                continue
            story, version = found
            try:
                brief = self.pipeline.brief_story(self.pipeline.prepare(story))
            except Exception as error:  # one story that cannot be briefed must not stop the others
                log.warning("story %s (version %s) could not be briefed: %s", story_id, version, error)
                self.failed.add((story_id, version))
                continue
            if save_brief(store, story_id, version, brief):
                saved += 1
                self.briefed += 1
        return saved
