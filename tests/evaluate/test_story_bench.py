from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from crosswire.evaluate.story_bench import BENCH_SETS, run_story_bench, verdict
from tests.evaluate.story_toys import EVENTS, interleaved


@pytest.fixture(autouse=True)
def fast_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSWIRE_EMBEDDER", "tfidf")


def test_story_bench_runs_each_set_and_notes_missing_ones(tmp_path: Path) -> None:
    clusters = "".join(
        json.dumps({"id": name, "documents": docs, "summary": "s"}) + "\n" for name, docs in EVENTS.items()
    )
    texts, gold = interleaved()
    items = "".join(json.dumps({"text": t, "cluster": g}) + "\n" for t, g in zip(texts, gold, strict=True))
    for relative, body in (("multinews/test.jsonl", clusters), ("googlenews_ts/TS.jsonl", items)):
        (tmp_path / relative).parent.mkdir(parents=True)
        (tmp_path / relative).write_text(body)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text, results = run_story_bench(tmp_path, peers=("tfidf-agglomerative",))
    assert set(results) == {"multinews/test.jsonl", "googlenews_ts/TS.jsonl"}
    for bench_set in BENCH_SETS:
        assert f"#### {bench_set.title}" in text
    assert "| tfidf-agglomerative | 1.000 |" in text
    assert text.count("\n\nnot available (") == 3  # DUC 2006, Multi-News validation, DUC 2007 are missing
    assert "target NMI >= 0.93" in text


def test_verdict_compares_crosswire_with_target_and_best_peer() -> None:
    result = {"systems": {"crosswire": {"nmi": 0.95}, "a": {"nmi": 0.9}, "b": {"nmi": 0.5}}}
    line = verdict(result, BENCH_SETS[2])
    assert line == "target NMI >= 0.93; crosswire 0.950 (met); best peer a 0.900, crosswire / best peer 1.06."
    result["systems"]["crosswire"]["nmi"] = 0.8
    assert "(not met)" in verdict(result, BENCH_SETS[2])
    assert "not available" in verdict({"systems": {"a": {"nmi": 0.9}}}, BENCH_SETS[2])
