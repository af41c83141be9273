"""The spill of closed stories: labels, sizes and merged ids on disk, pickled by value."""

from __future__ import annotations

import gc
import pickle
from pathlib import Path

from crosswire.stories.closed import ClosedStories


def test_a_closed_story_answers_for_its_articles() -> None:
    spill = ClosedStories()
    spill.close("s1", ["a1", "a2", "a3"], absorbed=["s7"])
    assert spill.story_of("a2") == "s1"
    assert spill.story_of("a9") is None
    assert spill.size("s1") == 3
    assert spill.size("s9") is None
    assert spill.merged_into("s7") == "s1"
    assert "a1" in spill and "a9" not in spill
    assert (spill.stories, spill.articles) == (1, 3)


def test_an_unused_spill_opens_no_file() -> None:
    spill = ClosedStories()
    assert spill.story_of("a1") is None
    assert spill._connection is None


def test_a_spill_pickles_by_value() -> None:
    spill = ClosedStories()
    spill.close_many([("s1", ["a1", "a2"], [], 2), ("s2", ["a3"], ["s5", "s6"], 1)])
    loaded = pickle.loads(pickle.dumps(spill))
    assert loaded.rows() == spill.rows()
    assert loaded.story_of("a3") == "s2" and loaded.merged_into("s6") == "s2"
    assert (loaded.stories, loaded.articles) == (2, 3)
    empty = pickle.loads(pickle.dumps(ClosedStories()))
    assert empty.story_of("a1") is None


def test_the_scratch_file_is_deleted_with_the_spill() -> None:
    spill = ClosedStories()
    spill.close("s1", ["a1"])
    row = spill.connection.execute("PRAGMA database_list").fetchone()
    path = Path(row[2])
    assert path.is_file()
    del spill, row
    gc.collect()
    assert not path.exists()


def test_a_spill_can_live_in_a_given_file(tmp_path: Path) -> None:
    spill = ClosedStories(tmp_path / "closed.sqlite")
    spill.close("s1", ["a1"])
    assert (tmp_path / "closed.sqlite").is_file()
    assert spill.story_of("a1") == "s1"
