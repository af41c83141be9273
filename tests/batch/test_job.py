"""The batch job on a real Dask LocalCluster with two worker processes, on WARC and JSONL shards."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster

from crosswire.batch import run_batch
from crosswire.batch.models import ModelsPlugin, load_counts, worker_models
from crosswire.batch.tables import SCHEMAS
from crosswire.cli import main
from crosswire.errors import CrosswireError
from crosswire.pipeline import Pipeline
from crosswire.render.json import story_record
from tests.batch.corpus import EVENTS, corpus_articles, write_corpus, write_warc


@pytest.fixture(scope="module")
def fast_embedder() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:  # set before the workers start: they inherit it
        patch.setenv("CROSSWIRE_EMBEDDER", "tfidf")
        yield


@pytest.fixture(scope="module")
def cluster(fast_embedder: None) -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as found:
        yield found


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def clean_run(cluster: LocalCluster, shards: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("runs") / "clean"
    run_batch([str(shards[0].parent / "*")], out, scheduler=cluster.scheduler_address, analysis=False)
    return out


def snapshot(out: Path) -> dict[str, Any]:
    """Every table's rows (sorted) and every JSON record: what two runs must agree on."""
    found: dict[str, Any] = {}
    for table in SCHEMAS:
        rows = pq.read_table(out / table).to_pylist()
        found[table] = sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, default=str))
    found["json"] = {p.name: p.read_text(encoding="utf-8") for p in sorted((out / "json").glob("*.json"))}
    return found


def partition(labels: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for key, story in labels.items():
        groups.setdefault(story, set()).add(key)
    return {frozenset(g) for g in groups.values()}


def test_outputs_hold_every_article_sentence_story_and_brief(clean_run: Path) -> None:
    tables = snapshot(clean_run)
    assert len(tables["articles"]) == len(corpus_articles())
    assert len(tables["stories"]) == len(EVENTS) and all(row["briefed"] for row in tables["stories"])
    assert len(tables["briefs"]) == len(EVENTS) == len(tables["json"])
    texts = {row["id"]: row["text"] for row in tables["articles"]}
    for row in tables["sentences"]:
        assert texts[row["article_id"]][row["start"] : row["end"]] == row["text"]
    record = json.loads(next(iter(tables["json"].values())))
    assert {"id", "headline", "articles", "brief", "warnings"} <= set(record)
    assert not list(clean_run.parent.glob(".clean.tmp-*"))  # the temporary folder became the output


def test_stories_equal_the_single_process_tracker(clean_run: Path, shards: list[Path], fast_embedder: None) -> None:
    pipeline = Pipeline(analyze=False)
    found = pipeline.find_stories(pipeline.read(shards))
    single = {a.id: s.id for s in found.stories for a in s.articles} | {a.id: a.id for a in found.singletons}
    batch = {row["id"]: row["story_id"] for row in pq.read_table(clean_run / "articles").to_pylist()}
    assert partition(batch) == partition(single)
    assert {s.id for s in found.stories} == {row["id"] for row in pq.read_table(clean_run / "stories").to_pylist()}
    for story in found.stories:  # and each brief is the one `crosswire brief --format json` writes
        record = story_record(pipeline.brief_story(story))
        assert json.loads((clean_run / "json" / f"{story.id}.json").read_text(encoding="utf-8")) == record


def test_one_or_two_workers_and_any_shard_order_give_the_same_output(
    cluster: LocalCluster, shards: list[Path], clean_run: Path, tmp_path: Path
) -> None:
    one = run_batch([str(p) for p in reversed(shards)], tmp_path / "one", workers=1, analysis=False)
    assert one.workers == 1
    assert snapshot(tmp_path / "one") == snapshot(clean_run)


def test_models_load_once_per_worker_not_per_task(cluster: LocalCluster) -> None:
    with Client(cluster) as client:
        client.register_plugin(ModelsPlugin(analysis=True))
        client.gather(client.map(_uses_models, range(12), pure=False))
        counts = client.run(load_counts)
    assert list(counts.values()) == [{"embedder": 1, "spacy": 1}] * 2


def _uses_models(number: int) -> int:
    embedder, nlp = worker_models(analysis=True)
    return len(nlp("A short sentence.")) + len(embedder.encode(["text"])) + number


def test_a_worker_killed_mid_run_changes_nothing(
    fast_embedder: None, shards: list[Path], clean_run: Path, tmp_path: Path
) -> None:
    killed: list[int] = []

    def kill_a_worker(stage: str, client: Any) -> None:
        if stage != "reading and embedding articles" or killed:
            return
        holdings = client.has_what()  # the worker holding the most results loses them all
        address = max(sorted(holdings), key=lambda a: len(holdings[a]))
        pid = client.run(os.getpid, workers=[address])[address]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as own:
        run_batch([str(shards[0].parent / "*")], tmp_path / "out", scheduler=own.scheduler_address,
                  analysis=False, on_stage=kill_a_worker)
        with Client(own) as client:
            survivors = set(client.run(os.getpid).values())
    assert killed and killed[0] not in survivors
    assert snapshot(tmp_path / "out") == snapshot(clean_run)


def test_damaged_shards_are_reported_and_the_rest_completes(
    cluster: LocalCluster, shards: list[Path], clean_run: Path, tmp_path: Path
) -> None:
    extra = [dict(a, url=a["url"].replace("/news/", "/late/"), published="2024-08-30T10:00:00")
             for a in corpus_articles()[:4]]
    whole = write_warc(tmp_path / "whole.warc.gz", extra).read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(whole[: int(len(whole) * 0.6)])
    (tmp_path / "junk.warc.gz").write_bytes(b"\x1f\x8b" + bytes(range(256)) * 4)
    inputs = [str(p) for p in shards] + [str(tmp_path / "cut.warc.gz"), str(tmp_path / "junk.warc.gz")]
    report = run_batch(inputs, tmp_path / "out", scheduler=cluster.scheduler_address, analysis=False)
    lines = {Path(s.url).name: s.line() for s in report.shards}
    assert "kept" in lines["cut.warc.gz"] and "skipped 1" in lines["cut.warc.gz"] and "cut off" in lines["cut.warc.gz"]
    assert "skipped: malformed WARC" in lines["junk.warc.gz"]
    cut_kept = next(s.kept for s in report.shards if s.url.endswith("cut.warc.gz"))
    assert 1 <= cut_kept < 4 and report.articles == len(corpus_articles()) + cut_kept
    stories = {row["id"] for row in pq.read_table(tmp_path / "out" / "stories").to_pylist()}
    assert {row["id"] for row in pq.read_table(clean_run / "stories").to_pylist()} <= stories


def test_a_failed_run_leaves_no_output(cluster: LocalCluster, tmp_path: Path) -> None:
    (tmp_path / "junk.warc.gz").write_bytes(b"\x1f\x8b" + bytes(range(256)) * 4)
    with pytest.raises(CrosswireError, match="no usable articles"):
        run_batch([str(tmp_path / "junk.warc.gz")], tmp_path / "out", scheduler=cluster.scheduler_address)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.warc.gz"]


def test_the_command_runs_on_an_existing_cluster(cluster: LocalCluster, shards: list[Path], tmp_path: Path) -> None:
    arguments = ["batch", str(shards[0].parent / "*.jsonl"), "--out", str(tmp_path / "out"),
                 "--scheduler", cluster.scheduler_address, "--no-analysis", "--since", "2024-05-01",
                 "--until", "2024-06-30"]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    assert "6 articles from 2 files" in result.output  # the July event is after --until
    assert "dashboard: http" in result.output
    bad = CliRunner().invoke(main, ["batch", "x.warc", "--out", str(tmp_path / "o"), "--workers", "0"])
    assert bad.exit_code == 2 and "--workers must be at least 1" in bad.output
