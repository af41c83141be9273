"""Persisted briefs: each made from one story version, replaced when the story changes.

A brief is saved only if its story still has the version it was made from
(checked in the same transaction), and a trigger drops a story's brief as
soon as the story's version moves on, so the store never holds a brief of a
story version that no longer exists. Reads never recompute a brief: the
service's worker (``crosswire.serve.worker``) fills the gaps.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from crosswire.model import Brief, Story
from crosswire.serialize import load, to_plain
from crosswire.store.store import Store


@dataclass(frozen=True)
class StoredBrief:
    version: int
    made_at: str
    brief: Brief


def story_version(store: Store, story_id: str) -> int | None:
    row = store.connection.execute("SELECT version FROM stories WHERE id = ?", (story_id,)).fetchone()
    return None if row is None else int(row[0])


def unbriefed(store: Store, limit: int = 50) -> list[tuple[str, int]]:
    """Stories (id, version) without a brief of their current version, largest first."""
    rows = store.connection.execute(
        "SELECT s.id, s.version FROM stories s LEFT JOIN briefs b ON b.story_id = s.id"
        " WHERE b.story_id IS NULL"
        " ORDER BY (SELECT COUNT(*) FROM story_articles j WHERE j.story_id = s.id) DESC, s.id LIMIT ?",
        (limit,),
    ).fetchall()
    return [(r[0], int(r[1])) for r in rows]


def story_at_version(store: Store, story_id: str) -> tuple[Story, int] | None:
    """The stored story and its version, read in one transaction (so they agree)."""
    db = store.connection
    db.execute("BEGIN")
    try:
        version = story_version(store, story_id)
        story = store.story(story_id) if version is not None else None
    finally:
        db.execute("COMMIT")
    return None if story is None or version is None else (story, version)


def save_brief(store: Store, story_id: str, version: int, brief: Brief) -> bool:
    """Store ``brief`` of ``story_id`` at ``version``; False (nothing written) if the story moved on."""
    db = store.connection
    db.execute("BEGIN IMMEDIATE")
    try:
        if story_version(store, story_id) != version:
            db.execute("ROLLBACK")
            return False
        db.execute("DELETE FROM briefs WHERE story_id = ?", (story_id,))
        db.execute(
            "INSERT INTO briefs (story_id, version, record, text) VALUES (?, ?, ?, ?)",
            (
                story_id,
                version,
                json.dumps(to_plain(brief), ensure_ascii=False),
                " ".join(s.text for s in brief.sentences),
            ),
        )
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return True


def stored_brief(store: Store, story_id: str) -> StoredBrief | None:
    row = store.connection.execute(
        "SELECT version, made_at, record FROM briefs WHERE story_id = ?", (story_id,)
    ).fetchone()
    if row is None:
        return None
    return StoredBrief(version=int(row[0]), made_at=row[1], brief=load(Brief, json.loads(row[2])))


def added_times(store: Store, story_id: str) -> dict[str, str]:
    """When each article of the story entered the store (UTC, ISO)."""
    rows = store.connection.execute(
        "SELECT a.id, a.added_at FROM story_articles j JOIN articles a ON a.id = j.article_id WHERE j.story_id = ?",
        (story_id,),
    )
    return {r[0]: r[1] for r in rows}


def stories_of_articles(store: Store, article_ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            (r[0], r[1])
            for r in store.connection.execute(
                f"SELECT article_id, story_id FROM story_articles WHERE article_id IN ({marks})", chunk
            )
        )
    return found


def dangling(store: Store) -> list[str]:
    """What the crash test checks beyond ``check_integrity``: references and briefs out of step."""
    db = store.connection
    problems = [
        f"story {r[0]} points at missing article {r[1]}"
        for r in db.execute(
            "SELECT story_id, article_id FROM story_articles WHERE article_id NOT IN (SELECT id FROM articles)"
        )
    ]
    problems += [
        f"brief of story {r[0]} version {r[1]}, which no longer exists"
        for r in db.execute(
            "SELECT b.story_id, b.version FROM briefs b LEFT JOIN stories s ON s.id = b.story_id"
            " WHERE s.id IS NULL OR s.version <> b.version"
        )
    ]
    return problems
