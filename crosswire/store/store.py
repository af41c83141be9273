"""The story store: articles, story assignments and the tracker's state in SQLite.

One file, in WAL mode, so readers never block the writer. Every write is
one transaction: a batch of articles, their stories and the tracker state
that produced them land together or not at all.
"""

from __future__ import annotations

import json
import pickle
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from crosswire.errors import CrosswireError
from crosswire.model import Article, Development, Story
from crosswire.serialize import load, to_plain
from crosswire.store.schema import migrate
from crosswire.stories import StoryTracker, find_developments, pick_headline
from crosswire.stories.ids import canonical_url, content_hash
from crosswire.stories.listing import StorySummary

# Bumped when the pickled tracker changes shape; an older state is refused, never misread.
# 2: closed stories spilled (crosswire.stories.closed), DF forgets stale terms;
# 3: bounded story state (sizes, spilled keys, most recently used index keys)
TRACKER_FORMAT = 3


class StaleTrackerError(CrosswireError):
    """The stored tracker state is of another format (the stories can be replayed into a new one)."""


class Store:
    """A crosswire SQLite database (created and migrated on open)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.connection = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA foreign_keys=ON")
            self.connection.execute("PRAGMA synchronous=NORMAL")
            migrate(self.connection)
        except sqlite3.DatabaseError as error:
            raise CrosswireError(f"not a usable crosswire database ({error})", source=str(path)) from None

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- reads ---------------------------------------------------------------

    def known(self, ids: Iterable[str]) -> set[str]:
        return self._present("id", ids)

    def known_content(self, hashes: Iterable[str]) -> set[str]:
        """The content hashes (``ids.content_hash``) of stored articles among ``hashes``."""
        return self._present("content_hash", hashes)

    def _present(self, column: str, values: Iterable[str]) -> set[str]:
        """The ``values`` found in ``articles.column`` (looked up 500 at a time)."""
        wanted = list(dict.fromkeys(values))
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.connection.execute(f"SELECT {column} FROM articles WHERE {column} IN ({marks})", chunk)
            found.update(r[0] for r in rows)
        return found

    def tracker(self) -> StoryTracker | None:
        row = self.connection.execute("SELECT format, state FROM tracker_state WHERE id = 1").fetchone()
        if row is None:
            return None
        if row[0] != TRACKER_FORMAT:
            raise StaleTrackerError(
                f"the stored tracker state has format {row[0]}, this crosswire reads {TRACKER_FORMAT}",
                source=str(self.path),
            )
        tracker = pickle.loads(row[1])
        if not isinstance(tracker, StoryTracker):
            raise CrosswireError("the stored tracker state is damaged", source=str(self.path))
        return tracker

    def tracked_articles(self) -> list[tuple[Article, str]]:
        """Every stored article the tracker placed (not grouped input), with its story id."""
        rows = self.connection.execute(
            "SELECT a.record, s.story_id FROM story_articles s JOIN articles a ON a.id = s.article_id ORDER BY a.id"
        )
        found = [(load(Article, json.loads(record)), story) for record, story in rows]
        return [(article, story) for article, story in found if article.cluster is None]

    def articles_of(self, story_id: str) -> tuple[Article, ...]:
        rows = self.connection.execute(
            "SELECT a.record FROM story_articles s JOIN articles a ON a.id = s.article_id "
            "WHERE s.story_id = ? ORDER BY a.published IS NULL, a.published, a.id",
            (story_id,),
        )
        return tuple(load(Article, json.loads(r[0])) for r in rows)

    def story(self, story_id: str) -> Story | None:
        row = self.connection.execute("SELECT headline FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        return Story(
            id=story_id,
            headline=row[0],
            articles=self.articles_of(story_id),
            developments=self._developments(story_id),
        )

    def _developments(self, story_id: str) -> tuple[Development, ...]:
        rows = self.connection.execute(
            "SELECT id, date, headline, article_ids FROM developments WHERE story_id = ? ORDER BY position",
            (story_id,),
        )
        return tuple(Development(id=r[0], date=r[1], headline=r[2], article_ids=tuple(json.loads(r[3]))) for r in rows)

    def summaries(self) -> list[StorySummary]:
        """Every story, largest first."""
        rows = self.connection.execute(
            "SELECT s.id, s.headline, s.version, COUNT(*), COUNT(DISTINCT COALESCE(a.outlet, a.canonical_url, a.id)),"
            " MIN(a.published), MAX(a.published)"
            " FROM stories s JOIN story_articles j ON j.story_id = s.id JOIN articles a ON a.id = j.article_id"
            " GROUP BY s.id ORDER BY COUNT(*) DESC, s.id"
        ).fetchall()
        return [
            StorySummary(
                id=r[0], headline=r[1], version=r[2], articles=r[3], outlets=r[4], first=r[5], last=r[6],
                developments=self._developments(r[0]),
            )
            for r in rows
        ]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "stories", "story_articles", "developments")
        return {t: int(self.connection.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables}

    def check_integrity(self) -> list[str]:
        """Problems found: SQLite's own check, broken references, stories without articles."""
        problems = [r[0] for r in self.connection.execute("PRAGMA integrity_check") if r[0] != "ok"]
        problems += [f"broken reference in {r[0]}" for r in self.connection.execute("PRAGMA foreign_key_check")]
        empty = self.connection.execute(
            "SELECT id FROM stories WHERE id NOT IN (SELECT story_id FROM story_articles)"
        ).fetchall()
        problems += [f"story {r[0]} has no articles" for r in empty]
        return problems

    # -- writes --------------------------------------------------------------

    def save_batch(
        self, articles: Sequence[Article], tracker: StoryTracker | None, grouped: Sequence[Story] = ()
    ) -> list[str]:
        """Store new articles, their stories and the tracker state in one transaction.

        ``articles`` were placed by ``tracker``; ``grouped`` are stories that
        arrived grouped. Returns the ids of the stories that changed.
        """
        db = self.connection
        db.execute("BEGIN IMMEDIATE")
        try:
            for article in [*articles, *(a for s in grouped for a in s.articles)]:
                self._insert_article(article)
            changed: set[str] = set()
            if tracker is not None:
                changed |= self._apply_merges(tracker)
                for article in articles:
                    changed.add(self._assign(article.id, tracker.story_of(article.id)))
                db.execute(
                    "INSERT INTO tracker_state (id, format, state) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE "
                    "SET format = excluded.format, state = excluded.state, updated_at = excluded.updated_at",
                    (TRACKER_FORMAT, pickle.dumps(tracker, protocol=pickle.HIGHEST_PROTOCOL)),
                )
            for story in grouped:
                for article in story.articles:
                    changed.add(self._assign(article.id, story.id))
            for story_id in sorted(changed):
                self._refresh(story_id)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return sorted(changed)

    def _insert_article(self, article: Article) -> None:
        self.connection.execute(
            "INSERT OR IGNORE INTO articles (id, canonical_url, content_hash, title, outlet, published, source, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                canonical_url(article.url),
                content_hash(article),
                article.title,
                article.outlet,
                article.published,
                article.source,
                json.dumps(to_plain(article), ensure_ascii=False),
            ),
        )

    def _assign(self, article_id: str, story_id: str) -> str:
        db = self.connection
        db.execute("INSERT OR IGNORE INTO stories (id, headline) VALUES (?, '')", (story_id,))
        db.execute(
            "INSERT INTO story_articles (article_id, story_id) VALUES (?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id",
            (article_id, story_id),
        )
        return story_id

    def _apply_merges(self, tracker: StoryTracker) -> set[str]:
        changed: set[str] = set()
        for gone in sorted(tracker.merged_):
            keep = tracker.current_story(gone)
            moved = self.connection.execute(
                "UPDATE story_articles SET story_id = ? WHERE story_id = ?", (keep, gone)
            ).rowcount
            if moved:
                self.connection.execute("INSERT OR IGNORE INTO stories (id, headline) VALUES (?, '')", (keep,))
                changed.add(keep)
            self.connection.execute("DELETE FROM developments WHERE story_id = ?", (gone,))
            self.connection.execute("DELETE FROM stories WHERE id = ?", (gone,))
        return changed

    def _refresh(self, story_id: str) -> None:
        """A changed story's headline, developments and version, from its stored articles."""
        articles = self.articles_of(story_id)
        if not articles:
            self.connection.execute("DELETE FROM stories WHERE id = ?", (story_id,))
            return
        story = Story(id=story_id, headline=pick_headline(articles), articles=articles)
        self.connection.execute(
            "UPDATE stories SET headline = ?, version = version + 1,"
            " updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
            (story.headline, story_id),
        )
        self.connection.execute("DELETE FROM developments WHERE story_id = ?", (story_id,))
        for position, development in enumerate(find_developments(story)):
            self.connection.execute(
                "INSERT INTO developments (id, story_id, position, date, headline, article_ids) VALUES (?, ?, ?, ?, ?, ?)",
                (development.id, story_id, position, development.date, development.headline,
                 json.dumps(list(development.article_ids))),
            )
