from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosswire.cli import main

ARTICLE_ONE = """Dam repairs finish early in Corrowby
Engineers finished repairs to the Corrowby dam on Friday, two weeks ahead of schedule, the water board said.
The repairs cost 4.2 million crowns, less than the board had budgeted.
Board chair Edda Lindqvist said the reservoir would refill over the summer.
"""
ARTICLE_TWO = """Corrowby dam reopens
Engineers finished repairs to the Corrowby dam on Friday, two weeks ahead of schedule, the water board said.
Local farmers had feared a dry season without the reservoir.
"""


@pytest.fixture
def story_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "dam"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE_ONE, encoding="utf-8")
    (folder / "two.txt").write_text(ARTICLE_TWO, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def fast_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSWIRE_EMBEDDER", "tfidf")


def test_brief_prints_markdown_with_citations(story_folder: Path) -> None:
    result = CliRunner().invoke(main, ["brief", str(story_folder), "--no-analysis"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# ")
    assert "[1][2]" in result.output  # the shared sentence cites both articles
    assert "## Sources" in result.output


def test_brief_json_to_file(story_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    result = CliRunner().invoke(
        main, ["brief", str(story_folder), "--no-analysis", "--format", "json", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["schema"] == "crosswire.brief/2"
    assert len(document["stories"]) == 1
    assert all(s["citations"] for s in document["stories"][0]["brief"])


def test_word_budget_is_respected(story_folder: Path) -> None:
    result = CliRunner().invoke(
        main, ["brief", str(story_folder), "--no-analysis", "--format", "json", "--words", "20"]
    )
    brief = json.loads(result.output)["stories"][0]
    assert 0 < brief["words"] <= 20


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CROSSWIRE_EMBEDDER": "tfidf"}
    return subprocess.run(
        [sys.executable, "-m", "crosswire.cli", *args], capture_output=True, text=True, env=env, check=False
    )


def test_missing_input_is_one_line_error_without_traceback(tmp_path: Path) -> None:
    result = _run("brief", str(tmp_path / "nowhere.txt"), "--no-analysis")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crosswire: error:")


def test_empty_file_is_one_line_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = _run("brief", str(empty), "--no-analysis")
    assert result.returncode == 2
    assert result.stderr.strip().startswith("crosswire: error:")
    assert "Traceback" not in result.stderr


def test_bad_input_among_good_is_skipped_with_a_warning(story_folder: Path, tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = _run("brief", str(story_folder), str(binary), "--no-analysis")
    assert result.returncode == 0, result.stderr
    assert "crosswire: warning:" in result.stderr
    assert "photo.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.startswith("# ")


def test_too_small_budget_is_rejected(story_folder: Path) -> None:
    result = _run("brief", str(story_folder), "--words", "3", "--no-analysis")
    assert result.returncode == 2
    assert "--words" in result.stderr


def test_the_same_input_gives_the_same_json_whatever_the_hash_seed() -> None:
    # Set iteration order changes with PYTHONHASHSEED; no output may depend on it.
    example = Path(__file__).resolve().parents[1] / "examples" / "harbour-fire"
    outputs = {
        subprocess.run(
            [sys.executable, "-m", "crosswire.cli", "brief", str(example), "--format", "json"],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
