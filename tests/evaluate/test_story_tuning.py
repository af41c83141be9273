from __future__ import annotations

import json
from pathlib import Path

from crosswire.evaluate.story_tuning import best_threshold, sweep_table, sweep_thresholds
from tests.evaluate.story_toys import EVENTS


def test_sweep_finds_a_threshold_that_separates_the_events(tmp_path: Path) -> None:
    path = tmp_path / "mix.jsonl"
    lines = [{"id": name, "documents": articles, "summary": "s"} for name, articles in EVENTS.items()]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    sweep = sweep_thresholds(path, thresholds=(0.05, 0.85, 1.01))
    assert sweep[0.05]["predicted"] == 12  # nothing merges
    assert sweep[1.01]["predicted"] == 1  # everything merges
    assert best_threshold(sweep) == 0.85 and sweep[0.85]["bcubed_f1"] == 1.0
    table = sweep_table({"toy": sweep}).splitlines()
    assert table[0] == "| threshold | toy B3 F1 | toy stories |"
    assert table[3].startswith("| 0.850 | 1.000 | 3 |")


def test_best_threshold_prefers_the_lower_on_ties() -> None:
    sweep = {0.9: {"bcubed_f1": 0.5}, 0.7: {"bcubed_f1": 0.5}, 0.8: {"bcubed_f1": 0.4}}
    assert best_threshold(sweep) == 0.7
