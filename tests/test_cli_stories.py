"""The stories commands end to end: mixed input, standard input, a store across runs, bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

THREE_EVENTS = Path(__file__).resolve().parent / "fixtures" / "stories" / "three-events"


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CROSSWIRE_EMBEDDER": "tfidf"}
    return subprocess.run(
        [sys.executable, "-m", "crosswire.cli", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_mixed_input_gives_one_brief_per_story() -> None:
    result = _run("brief", str(THREE_EVENTS), "--no-analysis", "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    stories = document["stories"]
    assert len(stories) == 3
    assert [len(s["articles"]) for s in stories] == [3, 2, 2]
    sources = [{Path(a["source"]).name.split("-")[0] for a in s["articles"]} for s in stories]
    assert all(len(names) == 1 for names in sources)
    assert document["singletons"] == []


def test_one_story_keeps_everything_together() -> None:
    result = _run("brief", str(THREE_EVENTS), "--no-analysis", "--format", "json", "--one-story")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["stories"]) == 1


def test_stories_lists_each_story() -> None:
    result = _run("stories", str(THREE_EVENTS), "--format", "json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)["stories"]
    assert sorted(s["articles"] for s in listed) == [2, 2, 3]
    assert all(s["id"].startswith("s") and s["headline"] for s in listed)
    table = _run("stories", str(THREE_EVENTS))
    assert table.returncode == 0 and len(table.stdout.strip().splitlines()) == 3


def test_a_dash_reads_standard_input() -> None:
    text = (THREE_EVENTS / "final-1.txt").read_bytes()
    result = _run("brief", "-", "--no-analysis", "--format", "json", stdin=text)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["stories"][0]["articles"][0]["source"] == "<stdin>"


def test_a_broken_file_among_good_ones_is_skipped_with_one_warning(tmp_path: Path) -> None:
    for file in THREE_EVENTS.iterdir():
        (tmp_path / file.name).write_bytes(file.read_bytes())
    (tmp_path / "broken.html").write_bytes(b"\x00\x01\x02\xff" * 200)
    result = _run("stories", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "broken.html" in warnings[0]
    assert "Traceback" not in result.stderr
    assert sorted(s["articles"] for s in json.loads(result.stdout)["stories"]) == [2, 2, 3]


def test_a_store_grows_across_runs_with_stable_ids(tmp_path: Path) -> None:
    first_batch = tmp_path / "first"
    second_batch = tmp_path / "second"
    first_batch.mkdir()
    second_batch.mkdir()
    for file in THREE_EVENTS.iterdir():
        target = first_batch if file.stem.endswith("1") else second_batch
        (target / file.name).write_bytes(file.read_bytes())
    db = str(tmp_path / "stories.db")
    first = _run("stories", str(first_batch), "--db", db, "--format", "json")
    assert first.returncode == 0, first.stderr
    ids_before = {s["id"] for s in json.loads(first.stdout)["stories"]}
    second = _run("stories", str(second_batch), "--db", db, "--format", "json")
    assert second.returncode == 0, second.stderr
    grown = json.loads(second.stdout)["stories"]
    assert {s["id"] for s in grown} == ids_before
    assert sorted(s["articles"] for s in grown) == [2, 2, 3]
    again = _run("stories", str(second_batch), "--db", db, "--format", "json")
    assert json.loads(again.stdout)["stories"] == grown


@pytest.mark.parametrize("args", [("stories",), ("stories", "--db")])
def test_stories_without_inputs_is_a_one_line_error(args: tuple[str, ...]) -> None:
    result = _run(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
