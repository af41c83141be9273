from __future__ import annotations

import json
import random
from datetime import datetime
from pathlib import Path

import pytest

from crosswire.errors import CrosswireError
from crosswire.evaluate.story_scale import (
    base_stories,
    perturb,
    plot_scale,
    proper_names,
    scale_stream,
    scale_text,
    schedule,
)
from tests.evaluate.story_toys import EVENTS


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "multinews"
    folder.mkdir()
    lines = [{"id": name, "documents": docs, "summary": "s"} for name, docs in EVENTS.items()]
    (folder / "validation.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    return tmp_path


def test_stream_is_deterministic_dated_in_order_and_a_prefix(data: Path) -> None:
    stream = list(scale_stream(data, size=100, seed=3, months=2, stream_size=300))
    assert len(stream) == 100
    assert stream == list(scale_stream(data, size=100, seed=3, months=2, stream_size=300))
    assert stream != list(scale_stream(data, size=100, seed=4, months=2, stream_size=300))
    dates = [datetime.fromisoformat(article.published or "") for article, _ in stream]
    assert dates == sorted(dates)
    assert (dates[-1] - dates[0]).days >= 10  # a third of a stream spread over two months
    assert list(scale_stream(data, size=40, seed=3, months=2, stream_size=300)) == stream[:40]
    urls = {article.url for article, _ in stream}
    assert len(urls) == 100  # every article has its own URL, so its own id
    for article, gold in stream:
        assert gold.split("~")[0] not in (article.url or "") + article.source  # no gold on the article
        assert article.outlet and article.id == "" and article.cluster is None


def test_replicas_are_new_events_with_consistent_names() -> None:
    text = "Police in Brenly said the Tallow river rose. Residents of Brenly left.\nSecond paragraph about Brenly."
    assert proper_names(text) == {"Brenly", "Tallow"}  # sentence-initial words are not names
    versions = {perturb(text, f"r{replica}", None) for replica in range(20)}
    assert len(versions) > 5  # replicas differ
    for version in versions:
        words = version.replace(".", " ").split()
        assert {"Police", "Residents", "Second", "river"} <= set(words)  # only names change
        brenly = words[2]  # the name after "Police in"
        assert words.count(brenly) == 3  # one new name for Brenly everywhere in the replica
    shorter = perturb(text, "r7", random.Random(1))
    assert shorter.count("\n") <= text.count("\n")


def test_schedule_replicates_to_the_size(data: Path) -> None:
    stories = base_stories(data)
    slots = schedule(stories, size=50, stream_size=50)
    assert len(slots) == 50
    assert len({(s.story, s.replica) for s in slots}) > 3
    with pytest.raises(CrosswireError, match="no articles"):
        base_stories(data / "nothing")


def test_plot_and_text(tmp_path: Path) -> None:
    checkpoints = [
        {
            "articles": n,
            "seconds": n / 200,
            "clean_seconds": n / 1000,
            "profile_seconds": n / 500,
            "tracker_seconds": n / 200,
            "tracker_cpu_seconds": n / 250,
            "cpu_seconds": n / 180,
            "load_average": 2.5,
            "rss_mb": 900,
            "peak_rss_mb": 950,
            "active_stories": 5000,
        }
        for n in (10_000, 30_000, 100_000)
    ]
    path = plot_scale(checkpoints, tmp_path / "docs" / "scale.png")
    assert path.read_bytes().startswith(b"\x89PNG")
    result = {
        "checkpoints": checkpoints,
        "quality": {"bcubed_f1": 0.9, "nmi": 0.95, "predicted": 10, "gold": 9},
    }
    text = scale_text(result, "docs/scale.png")
    assert "| 100,000 | 500 | 400 | 5.00 | 100 | 200 | 900 | 950 | 5,000 | 2.5 |" in text
    assert "1.00 (1.00 is linear)" in text
    assert "<= 600 s: met (500 s)" in text
    assert "![articles against seconds](docs/scale.png)" in text


def test_bench_section_reports_a_failed_run_in_one_line(tmp_path: Path) -> None:
    from crosswire.evaluate.story_scale import bench_scale

    text = bench_scale(tmp_path / "no-data", limit=10, plot=tmp_path / "scale.png")
    assert text.startswith("not available (") and "\n" not in text
    assert not (tmp_path / "scale.png").exists()


def test_two_phase_run_reuses_its_profiles(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crosswire.evaluate.story_scale import run_scale

    monkeypatch.setenv("CROSSWIRE_EMBEDDER", "tfidf")  # spawned workers inherit it: no model to load
    cache = tmp_path / "profiles"
    result = run_scale(data, sizes=(20, 40), batch=10, months=1, workers=1, cache=cache)
    assert [c["articles"] for c in result["checkpoints"]] == [20, 40]
    assert result["quality"]["n"] == 40
    assert len(list(cache.glob("batch-*.pickle"))) == 4
    stamp = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    again = run_scale(data, sizes=(20, 40), batch=10, months=1, workers=1, cache=cache)
    assert {p.name: p.stat().st_mtime_ns for p in cache.iterdir()} == stamp  # phase 1 was not redone
    assert again["quality"] == result["quality"]
