"""Stories on a pile of unrelated web pages (invented pages in trafilatura's evaluation layout)."""

from __future__ import annotations

import json
from pathlib import Path

from crosswire.evaluate.web_stories import run_web_stories

PAGES = {
    "ferry.html": (
        "Ferry timetable approved",
        "The harbour board of Velmora approved a new ferry timetable on Monday after a long public debate. "
        "The timetable adds three crossings a day between the two harbours and starts in May.",
    ),
    "bakery.html": (
        "Bakery wins the bread prize",
        "A family bakery in Sorven won the regional bread prize for its rye loaf, the judges announced. "
        "The owners said they would use the prize money to buy a second oven for the winter.",
    ),
    "volcano.html": (
        "Lava reaches the coast of Quelma",
        "Lava from the volcano on the island of Quelma reached the sea overnight, geologists reported. "
        "Two villages were evacuated, and the island's airport stayed open for relief flights.",
    ),
}


def test_unrelated_pages_stay_apart(tmp_path: Path) -> None:
    tests = tmp_path / "tests"
    (tests / "eval").mkdir(parents=True)
    annotations = {}
    for name, (title, text) in PAGES.items():
        body = "".join(f"<p>{sentence}.</p>" for sentence in text.rstrip(".").split(". "))
        html = f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
        (tests / "eval" / name).write_text(html, encoding="utf-8")
        annotations[f"https://{name}.example/"] = {"file": name, "with": [text[:40]], "without": []}
    (tests / "evaldata.json").write_text(json.dumps(annotations), encoding="utf-8")
    report = run_web_stories(tmp_path)
    assert "3 pages read as one pile" in report
    assert "**0 pages in 0 stories of two or more**" in report
