from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.errors import CrosswireError
from crosswire.evaluate.bench import (
    BEGIN,
    END,
    SECTIONS,
    BenchContext,
    main,
    render,
    run_sections,
    sections_outside,
    update_file,
)


def test_update_file_replaces_only_the_marked_block(tmp_path: Path) -> None:
    path = tmp_path / "BENCHMARKS.md"
    path.write_text("# Benchmarks\n\nHand-written notes.\n", encoding="utf-8")
    update_file(path, f"{BEGIN}\nfirst\n{END}\n")
    update_file(path, f"{BEGIN}\nsecond\n{END}\n")
    text = path.read_text(encoding="utf-8")
    assert "Hand-written notes." in text
    assert "second" in text and "first" not in text
    assert text.count(BEGIN) == 1


def test_sections_registry_skip_and_missing_plugins(tmp_path: Path) -> None:
    context = BenchContext(data=tmp_path, limit=1, progress=False, results={})
    keep = {"speed", "memory", "fixtures"}
    sections = run_sections(context, skip=[name for name in SECTIONS if name not in keep])
    titles = [title for title, _, _ in sections]
    assert titles == [SECTIONS[name][0] for name in SECTIONS if name in keep]
    bodies = dict((title, body) for title, body, _ in sections)
    assert "needs the multinews section" in bodies["Speed"]
    assert "MB" in bodies["Peak memory"]
    text = render(sections, "python -m crosswire.evaluate.bench", tmp_path)
    assert text.startswith(BEGIN) and text.rstrip().endswith(END)


def test_unknown_section_and_missing_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(CrosswireError, match="unknown section"):
        run_sections(BenchContext(tmp_path, None, False, {}), skip=["nope"])
    assert main(["--data", str(tmp_path / "absent"), "--out", str(tmp_path / "B.md")]) == 2
    assert "data folder not found" in capsys.readouterr().err


def test_section_headings_stay_inside_their_section(tmp_path: Path) -> None:
    from crosswire.evaluate.bench import nested_headings

    body = "# A plugged report\n\ntext\n\n### Its table\n\n#### deeper"
    assert nested_headings(body).split("\n") == [
        "#### A plugged report",
        "",
        "text",
        "",
        "#### Its table",
        "",
        "#### deeper",
    ]
    text = render([("Dates", body, 1.0)], "python -m crosswire.evaluate.bench", tmp_path)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[0] == "## Current results" and headings[1] == "### Dates"
    assert all(h.startswith("####") for h in headings[2:])


def test_the_web_section_says_what_to_get_when_its_data_is_absent(tmp_path: Path) -> None:
    context = BenchContext(data=tmp_path, limit=None, progress=False, results={}, web_data=tmp_path / "none")
    sections = dict(
        (title, body) for title, body, _ in run_sections(context, skip=[n for n in SECTIONS if n != "web"])
    )
    body = sections["Cleaning real web pages"]
    assert body.startswith("skipped:") and "git clone https://github.com/adbar/trafilatura" in body


def test_only_runs_the_named_sections(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert sections_outside([]) == []
    assert sorted(sections_outside(["memory", "fixtures"])) == sorted(set(SECTIONS) - {"memory", "fixtures"})
    with pytest.raises(CrosswireError, match="unknown section"):
        sections_outside(["memory", "nope"])
    out = tmp_path / "B.md"
    assert main(["--data", str(tmp_path), "--out", str(out), "--only", "memory"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "### Peak memory" in text and "### Speed" not in text
    assert main(["--data", str(tmp_path), "--out", str(out), "--only", "nope"]) == 2
    assert "unknown section" in capsys.readouterr().err
