"""Stories that left the tracker's window, spilled to disk.

The tracker holds only its active stories in memory. When a story closes,
its articles' labels (article key -> story id), its size and the ids of the
stories merged into it go to a ``ClosedStories`` spill: a scratch SQLite file
in the temporary folder (or ``path``), deleted when the spill is dropped. An
active story that grows long spills its older articles' labels the same way
(``spill``). So the tracker's memory is bounded by its window, not by the
stream, while ``story_of`` still answers for every article it has seen.

A spill pickles by value (its rows, then a new scratch file on load), so a
pickled tracker stays whole: the store saves it, Dask ships it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import weakref
from collections.abc import Iterable, Sequence
from pathlib import Path

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS labels (key TEXT PRIMARY KEY, story TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS sizes (story TEXT PRIMARY KEY, size INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS merged (gone TEXT PRIMARY KEY, story TEXT NOT NULL) WITHOUT ROWID",
)
_INSERT_LABELS = "INSERT OR REPLACE INTO labels (key, story) VALUES (?, ?)"
# SQLite's page cache, in KiB: what the spill may hold in memory whatever the stream's length.
CACHE_KIB = 4096


def _drop(connection: sqlite3.Connection, path: str | None) -> None:
    connection.close()
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


class ClosedStories:
    """Closed stories' labels, sizes and merged ids (``path``: the file; default a scratch one).

    The file is opened on first use, so an idle tracker creates none.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = None if path is None else Path(path)
        self._connection: sqlite3.Connection | None = None
        self.stories = 0  # closed stories held
        self.articles = 0  # their articles

    @property
    def connection(self) -> sqlite3.Connection:
        if self._connection is None:
            scratch = None
            if self.path is None:
                handle, scratch = tempfile.mkstemp(prefix="crosswire-closed-", suffix=".sqlite")
                os.close(handle)
            connection = sqlite3.connect(scratch or str(self.path), isolation_level=None, check_same_thread=False)
            for pragma in ("journal_mode=OFF", "synchronous=OFF", f"cache_size=-{CACHE_KIB}"):
                connection.execute(f"PRAGMA {pragma}")
            for statement in _SCHEMA:
                connection.execute(statement)
            self._connection = connection
            weakref.finalize(self, _drop, connection, scratch)
        return self._connection

    def close(self, story_id: str, keys: Sequence[str], absorbed: Iterable[str] = (), size: int | None = None) -> None:
        """Spill one story: its article keys (those not spilled before), its size (default: the keys
        given) and the ids once merged into it."""
        self.close_many([(story_id, keys, absorbed, len(keys) if size is None else size)])

    def close_many(self, stories: Sequence[tuple[str, Sequence[str], Iterable[str], int]]) -> None:
        if not stories:
            return
        db = self.connection
        db.execute("BEGIN")
        try:
            for story_id, keys, absorbed, size in stories:
                db.executemany(_INSERT_LABELS, ((key, story_id) for key in keys))
                db.execute("INSERT OR REPLACE INTO sizes (story, size) VALUES (?, ?)", (story_id, size))
                db.executemany(
                    "INSERT OR REPLACE INTO merged (gone, story) VALUES (?, ?)", ((gone, story_id) for gone in absorbed)
                )
                self.stories += 1
                self.articles += size
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def spill(self, story_id: str, keys: Sequence[str]) -> None:
        """Move the labels of an active story's older articles out of memory (the story stays active)."""
        if keys:
            self.connection.executemany(_INSERT_LABELS, ((key, story_id) for key in keys))

    def _one(self, query: str, value: str) -> str | int | None:
        if self._connection is None:
            return None
        row = self._connection.execute(query, (value,)).fetchone()
        return None if row is None else row[0]

    def story_of(self, key: str) -> str | None:
        """The closed story an article is in, or None."""
        found = self._one("SELECT story FROM labels WHERE key = ?", key)
        return None if found is None else str(found)

    def size(self, story_id: str) -> int | None:
        found = self._one("SELECT size FROM sizes WHERE story = ?", story_id)
        return None if found is None else int(found)

    def merged_into(self, story_id: str) -> str | None:
        """The closed story that a merged-away story ended in, or None."""
        found = self._one("SELECT story FROM merged WHERE gone = ?", story_id)
        return None if found is None else str(found)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.story_of(key) is not None

    def rows(self) -> dict[str, list[tuple[str, str | int]]]:
        if self._connection is None:
            return {"labels": [], "sizes": [], "merged": []}
        db = self.connection
        return {
            "labels": db.execute("SELECT key, story FROM labels ORDER BY key").fetchall(),
            "sizes": db.execute("SELECT story, size FROM sizes ORDER BY story").fetchall(),
            "merged": db.execute("SELECT gone, story FROM merged ORDER BY gone").fetchall(),
        }

    def __getstate__(self) -> dict[str, object]:
        return {"rows": self.rows(), "stories": self.stories, "articles": self.articles}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.path = None
        self._connection = None
        self.stories = int(state["stories"])  # type: ignore[call-overload]
        self.articles = int(state["articles"])  # type: ignore[call-overload]
        rows: dict[str, list[tuple[str, str | int]]] = state["rows"]  # type: ignore[assignment]
        if not any(rows.values()):
            return
        db = self.connection
        db.execute("BEGIN")
        db.executemany("INSERT INTO labels (key, story) VALUES (?, ?)", rows["labels"])
        db.executemany("INSERT INTO sizes (story, size) VALUES (?, ?)", rows["sizes"])
        db.executemany("INSERT INTO merged (gone, story) VALUES (?, ?)", rows["merged"])
        db.execute("COMMIT")
