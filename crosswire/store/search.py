"""Finding stories: full-text search (FTS5 over articles and briefs), dates, outlets, paging."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from crosswire.store.store import Store

_TERM = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class StoryQuery:
    """``text``: words every match holds (in an article or the brief); ``since``/``until``:
    ISO dates bounding the articles' publication; ``outlet``: an outlet name (case-insensitive)."""

    text: str = ""
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    limit: int = 20
    offset: int = 0


def fts_query(text: str) -> str:
    """User text as an FTS5 query: each word quoted (no operators), all required."""
    return " ".join(f'"{term}"' for term in _TERM.findall(text))


def search_stories(store: Store, query: StoryQuery) -> tuple[list[dict[str, Any]], int]:
    """The matching stories (most recently updated first) and how many match in all."""
    where, params = _conditions(query)
    base = (
        "SELECT s.id FROM stories s JOIN story_articles j ON j.story_id = s.id JOIN articles a ON a.id = j.article_id"
        f" {'WHERE ' + ' AND '.join(where) if where else ''} GROUP BY s.id"
    )
    db = store.connection
    total = int(db.execute(f"SELECT COUNT(*) FROM ({base})", params).fetchone()[0])
    rows = db.execute(
        "SELECT s.id, s.headline, s.version, s.updated_at, COUNT(*),"
        " COUNT(DISTINCT COALESCE(a.outlet, a.canonical_url, a.id)), MIN(a.published), MAX(a.published),"
        " group_concat(DISTINCT a.outlet), (SELECT 1 FROM briefs b WHERE b.story_id = s.id AND b.version = s.version)"
        " FROM stories s JOIN story_articles j ON j.story_id = s.id JOIN articles a ON a.id = j.article_id"
        f" WHERE s.id IN ({base}) GROUP BY s.id ORDER BY s.updated_at DESC, s.id LIMIT ? OFFSET ?",
        [*params, query.limit, query.offset],
    ).fetchall()
    stories = [
        {
            "id": r[0],
            "headline": r[1],
            "version": r[2],
            "updated": r[3],
            "articles": r[4],
            "outlets": r[5],
            "first": r[6],
            "last": r[7],
            "outlet_names": sorted(set((r[8] or "").split(",")) - {""}),
            "briefed": bool(r[9]),
        }
        for r in rows
    ]
    return stories, total


def _conditions(query: StoryQuery) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    match = fts_query(query.text)
    if match:
        where.append(
            "s.id IN (SELECT j2.story_id FROM articles_fts f JOIN articles a2 ON a2.rowid = f.rowid"
            " JOIN story_articles j2 ON j2.article_id = a2.id WHERE articles_fts MATCH ?"
            " UNION SELECT b.story_id FROM briefs_fts f JOIN briefs b ON b.rowid = f.rowid WHERE briefs_fts MATCH ?)"
        )
        params += [match, match]
    if query.since:
        where.append("s.id IN (SELECT j3.story_id FROM story_articles j3 JOIN articles a3 ON a3.id = j3.article_id"
                     " WHERE a3.published >= ?)")
        params.append(query.since)
    if query.until:
        where.append("s.id IN (SELECT j4.story_id FROM story_articles j4 JOIN articles a4 ON a4.id = j4.article_id"
                     " WHERE substr(a4.published, 1, length(?)) <= ?)")
        params += [query.until, query.until]
    if query.outlet:
        where.append("s.id IN (SELECT j5.story_id FROM story_articles j5 JOIN articles a5 ON a5.id = j5.article_id"
                     " WHERE lower(a5.outlet) = lower(?))")
        params.append(query.outlet)
    return where, params
