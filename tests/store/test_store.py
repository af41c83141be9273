"""The SQLite store: migrations, one transaction per batch, growth across runs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from crosswire.ingest import read_inputs
from crosswire.pipeline import Pipeline
from crosswire.store import LATEST, MIGRATIONS, Store, ingest, migrate
from crosswire.stories import StoryTracker

THREE_EVENTS = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "three-events"


def _pipeline() -> Pipeline:
    return Pipeline(analyze=False, tracker=StoryTracker(embed=False))


def _read(pipeline: Pipeline, *names: str) -> list:
    files = [THREE_EVENTS / n for n in names] if names else [THREE_EVENTS]
    return list(pipeline.read(files))


def test_a_new_store_is_at_the_latest_schema_in_wal_mode(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert store.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_old_database_is_migrated_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    connection = sqlite3.connect(path, isolation_level=None)
    migrate(connection, target=1)
    connection.execute(
        "INSERT INTO articles (id, content_hash, source, record) VALUES ('a1', 'h', 'x', '{\"text\": \"kept\"}')"
    )
    connection.close()
    with Store(path) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert store.known(["a1"]) == {"a1"}
        assert store.counts()["developments"] == 0


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {LATEST + 1}")
    from crosswire.errors import CrosswireError

    with pytest.raises(CrosswireError, match="newer"):
        Store(path)


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    from crosswire.errors import CrosswireError

    with pytest.raises(CrosswireError, match="not a usable crosswire database"):
        Store(path)


def test_a_later_run_grows_the_stories_and_keeps_ids(tmp_path: Path) -> None:
    pipeline = _pipeline()
    with Store(tmp_path / "s.db") as store:
        ingest(pipeline, store, _read(pipeline, "quake-1.txt", "breach-1.txt", "final-1.txt"))
        ingest(pipeline, store, _read(pipeline, "quake-2.txt", "breach-2.txt", "final-2.txt"))
        first = {s.id: s.articles for s in store.summaries()}
    with Store(tmp_path / "s.db") as store:
        report = ingest(_pipeline(), store, _read(pipeline, "quake-3.txt"))
        after = {s.id: s.articles for s in store.summaries()}
        assert store.check_integrity() == []
    assert len(report.added) == 1
    assert set(first) == set(after)
    assert sorted(after.values()) == [2, 2, 3]


def test_reingesting_changes_nothing(tmp_path: Path) -> None:
    pipeline = _pipeline()
    with Store(tmp_path / "s.db") as store:
        ingest(pipeline, store, _read(pipeline))
        counts = store.counts()
        versions = {s.id: s.version for s in store.summaries()}
        report = ingest(pipeline, store, _read(pipeline))
        assert report.added == () and len(report.already_stored) == 7
        assert store.counts() == counts
        assert {s.id: s.version for s in store.summaries()} == versions


def test_a_failed_batch_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline = _pipeline()
    with Store(tmp_path / "s.db") as store:
        ingest(pipeline, store, _read(pipeline, "quake-1.txt"))
        counts = store.counts()

        def broken(self: Store, story_id: str) -> None:
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(Store, "_refresh", broken)
        with pytest.raises(RuntimeError):
            ingest(pipeline, store, _read(pipeline, "quake-2.txt", "final-1.txt"))
        assert store.counts() == counts
        assert store.check_integrity() == []


def test_stored_articles_load_back_unchanged(tmp_path: Path) -> None:
    pipeline = _pipeline()
    articles = pipeline.clean(_read(pipeline))
    with Store(tmp_path / "s.db") as store:
        ingest(pipeline, store, _read(pipeline))
        stored = {a.id: a for s in store.summaries() for a in store.articles_of(s.id)}
    assert {a.id: a for a in articles} == stored


def test_read_inputs_skips_nothing_silently(tmp_path: Path) -> None:
    assert len(read_inputs([THREE_EVENTS])) == 7


def test_a_tracker_state_of_an_older_format_is_rebuilt_from_the_stored_stories(tmp_path: Path) -> None:
    pipeline = _pipeline()
    with Store(tmp_path / "s.db") as store:
        ingest(pipeline, store, _read(pipeline, "quake-1.txt", "breach-1.txt", "final-1.txt", "quake-2.txt"))
        before = {s.id: s.articles for s in store.summaries()}
        store.connection.execute("UPDATE tracker_state SET format = 1, state = ?", (b"an older crosswire's state",))
        store.connection.commit()
    with Store(tmp_path / "s.db") as store, pytest.warns(Warning, match="rebuilding it from the 4 stored articles"):
        report = ingest(_pipeline(), store, _read(pipeline, "quake-3.txt"))
    with Store(tmp_path / "s.db") as store:
        after = {s.id: s.articles for s in store.summaries()}
        assert store.check_integrity() == []
        assert store.tracker() is not None  # saved again, in the current format
    assert len(report.added) == 1
    assert set(after) == set(before)  # the stories kept their ids; the new report joined the quake
    assert sorted(after.values()) == [1, 1, 3]
