"""The store's schema, as numbered migrations.

``PRAGMA user_version`` holds the number of migrations applied. Opening a
store applies the missing ones in order, each in its own transaction, so a
database written by an older crosswire is upgraded in place and never
rewritten from scratch. Never edit a released migration: add one.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, stories, assignments and the tracker's state
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        canonical_url TEXT,
        content_hash TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        published TEXT,
        source TEXT NOT NULL,
        record TEXT NOT NULL,
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        headline TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE
    );
    CREATE INDEX story_articles_by_story ON story_articles(story_id);
    CREATE TABLE tracker_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        format INTEGER NOT NULL,
        state BLOB NOT NULL,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    );
    """,
    # 2: dated developments of each story, and dedup lookups
    """
    CREATE TABLE developments (
        id TEXT PRIMARY KEY,
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        date TEXT,
        headline TEXT NOT NULL,
        article_ids TEXT NOT NULL
    );
    CREATE INDEX developments_by_story ON developments(story_id, position);
    CREATE INDEX articles_by_url ON articles(canonical_url);
    CREATE INDEX articles_by_hash ON articles(content_hash);
    """,
)
LATEST = len(MIGRATIONS)


def version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection, target: int = LATEST) -> int:
    """Apply the missing migrations up to ``target``; returns the version reached."""
    current = version(connection)
    if current > LATEST:
        from crosswire.errors import CrosswireError

        raise CrosswireError(f"the database is at schema version {current}, newer than this crosswire ({LATEST})")
    for number in range(current + 1, target + 1):
        script = MIGRATIONS[number - 1]
        connection.execute("BEGIN")
        try:
            for statement in _statements(script):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return version(connection)


def _statements(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]
