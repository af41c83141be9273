"""Benchmark of the Dask batch job (issue 16): speed-up, end-to-end rate, memory, tolerance.

``python -m crosswire.evaluate.batch_bench --data ../shared/data`` (and the
``batch`` section of ``make bench``).

The corpus is the story-scale stream (``story_scale.scale_stream``: the
shared Multi-News and DUC articles replicated with renamed names, outlets,
URLs and dates over 12 months), written at bench time as shards under a
temporary folder: even shards as gzipped WARC (one HTTP response record per
article, built with warcio), odd shards as JSONL. Nothing is kept.

Figures:
- the per-article stage (read, clean, segment, embed, profile) alone, on
  1 and 2 worker processes (one thread each), after the models loaded:
  articles per second and the speed-up;
- the whole job (``run_batch``) on 2 workers: articles per minute, each
  stage's seconds, and each worker's peak resident memory;
- the stories of the job against single-process ``crosswire stories``
  (``Pipeline.find_stories``) on the same shards: B-cubed F1 of one
  partition against the other (each way; 1.0 is identical), and both
  against the stream's gold stories.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from crosswire.model import Article

SHARD_SIZE = 1000


def write_shards(data: Path, size: int, folder: Path, shard_size: int = SHARD_SIZE, stride: int = 1) -> dict[str, str]:
    """``size`` stream articles as WARC and JSONL shards (the first ones, or every ``stride``-th of the
    first ``size * stride``, which spans as many months with fewer articles); returns url -> gold story."""
    from crosswire.evaluate.story_scale import scale_stream

    gold: dict[str, str] = {}
    batch: list[Article] = []
    number = 0
    span = size * stride
    for position, (article, story) in enumerate(scale_stream(data, size=span, stream_size=max(span, 20_000))):
        if position % stride:
            continue
        gold[article.url or ""] = story
        batch.append(article)
        if len(batch) == shard_size:
            _write_shard(folder, number, batch)
            batch, number = [], number + 1
    if batch:
        _write_shard(folder, number, batch)
    return gold


def _write_shard(folder: Path, number: int, articles: Sequence[Article]) -> None:
    if number % 2:
        lines = [json.dumps({"title": a.title, "text": a.text, "url": a.url, "outlet": a.outlet,
                             "published": a.published}) for a in articles]
        (folder / f"shard-{number:04d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    from html import escape

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with (folder / f"shard-{number:04d}.warc.gz").open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for a in articles:
            body = "".join(f"<p>{escape(p)}</p>" for p in a.text.split("\n") if p.strip())
            page = (f"<html><head><title>{escape(a.title or '')}</title>"
                    f'<meta property="article:published_time" content="{a.published}">'
                    f'<meta property="og:site_name" content="{escape(a.outlet or "")}"></head>'
                    f"<body><article><h1>{escape(a.title or '')}</h1>{body}</article></body></html>")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(a.url, "response", payload=io.BytesIO(page.encode()),
                                                          http_headers=headers))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage_one_rate(shards: Sequence[str], workers: int) -> dict[str, float]:
    """Articles per second of the per-article stage alone on ``workers`` processes (models loaded first)."""
    from distributed import Client, LocalCluster

    from crosswire.batch.articles import article_stage, meta_of
    from crosswire.batch.models import ModelsPlugin
    from crosswire.batch.shards import Shard, shard_kind
    from crosswire.pipeline import Pipeline

    pipeline = Pipeline(analyze=False)
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.register_plugin(ModelsPlugin(analysis=False))  # waits until every worker has its models
        cpu_before = sum(client.run(cpu_seconds).values())
        started = time.perf_counter()
        futures = [client.submit(article_stage, Shard(url, shard_kind(url)), i, pipeline, pure=False)
                   for i, url in enumerate(shards)]
        metas = client.gather([client.submit(meta_of, f) for f in futures])
        seconds = time.perf_counter() - started
        cpu = sum(client.run(cpu_seconds).values()) - cpu_before
    articles = sum(len(m) for m, _, _ in metas)
    return {"workers": workers, "articles": articles, "seconds": seconds, "per_second": articles / seconds,
            "cpu_per_article": cpu / max(1, articles)}


def cpu_seconds() -> float:
    """CPU seconds this process used (user + system): a cost that does not grow with the machine's load."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def end_to_end(shards: str, out: Path, workers: int, analysis: bool) -> dict[str, Any]:
    from crosswire.batch import run_batch

    memory: dict[str, float] = {}
    cpu: dict[str, float] = {}

    def measure(stage: str, client: Any) -> None:
        for address, mb in client.run(peak_rss_mb).items():
            memory[address] = max(memory.get(address, 0.0), mb)
        cpu[stage] = sum(client.run(cpu_seconds).values())  # cumulative, over the workers

    started = time.perf_counter()
    report = run_batch([shards], out, workers=workers, analysis=analysis, on_stage=measure)
    seconds = time.perf_counter() - started
    return {"workers": workers, "analysis": analysis, "articles": report.articles, "stories": report.stories,
            "briefs": report.briefs, "windows": report.windows, "seconds": seconds,
            "per_minute": report.articles / seconds * 60, "stages": report.seconds,
            "peak_worker_mb": sorted(memory.values()), "worker_cpu_seconds": cpu}


def compare_stories(folder: Path, out: Path, gold_of: dict[str, str]) -> dict[str, Any]:
    """B-cubed of the batch partition against single-process ``crosswire stories`` on the same shards."""
    import pyarrow.parquet as pq

    from crosswire.evaluate.story_metrics import bcubed
    from crosswire.pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline(analyze=False)
    found = pipeline.find_stories(pipeline.read(sorted(str(p) for p in folder.iterdir())))
    single = {a.id: s.id for s in found.stories for a in s.articles} | {a.id: a.id for a in found.singletons}
    single_seconds = time.perf_counter() - started
    rows = pq.read_table(out / "articles", columns=["id", "story_id", "url"]).to_pylist()
    keys = [r["id"] for r in rows if r["id"] in single]
    batch = {r["id"]: r["story_id"] for r in rows}
    gold = {r["id"]: gold_of.get(r["url"] or "", r["id"]) for r in rows}
    vs_single = bcubed([single[k] for k in keys], [batch[k] for k in keys])
    batch_gold = bcubed([gold[k] for k in keys], [batch[k] for k in keys])
    single_gold = bcubed([gold[k] for k in keys], [single[k] for k in keys])
    return {"articles": len(keys), "only_batch": len(set(batch) - set(single)),
            "only_single": len(set(single) - set(batch)), "bcubed_vs_single": vs_single,
            "batch_vs_gold": batch_gold, "single_vs_gold": single_gold, "single_seconds": single_seconds}


def run(data: Path, size: int, speed_size: int, analysis: bool, compare: bool, stride: int = 1) -> dict[str, Any]:
    result: dict[str, Any] = {"size": size, "stride": stride, "cores": os.cpu_count(), "load": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="crosswire-batch-") as temporary:
        folder = Path(temporary, "shards")
        folder.mkdir()
        gold = write_shards(data, size, folder, shard_size=min(SHARD_SIZE, max(50, size // 8)), stride=stride)
        if speed_size:
            speed_folder = Path(temporary, "speed")
            speed_folder.mkdir()
            write_shards(data, speed_size, speed_folder, shard_size=max(50, speed_size // 8))
            speed_shards = sorted(str(p) for p in speed_folder.iterdir())
            result["stage_one"] = [stage_one_rate(speed_shards, n) for n in (1, 2)]
            one, two = result["stage_one"]
            result["speed_up"] = two["per_second"] / one["per_second"]
        result["end_to_end"] = end_to_end(str(folder / "*"), Path(temporary, "out"), 2, analysis)
        if compare:
            result["stories"] = compare_stories(folder, Path(temporary, "out"), gold)
    result["load_after"] = os.getloadavg()[0]
    return result


def bench_text(result: dict[str, Any]) -> str:
    e2e = result["end_to_end"]
    lines = [
        f"Corpus: the story-scale stream (Multi-News and DUC articles replicated), written at bench time as "
        f"shards of up to {SHARD_SIZE} articles (at least 8 shards), half gzipped WARC, half JSONL; {result['cores']} cores, load average "
        f"{result['load']:.1f} at the start and {result['load_after']:.1f} at the end (a shared machine)"
        + (f"; every {result['stride']}th article of the stream's first {result['size'] * result['stride']:,}"
           if result.get("stride", 1) > 1 else "")
        + ". Reproduce: `python -m crosswire.evaluate.batch_bench --data ../shared/data`.",
        "",
        "| measure | value |",
        "|---|---|",
    ]
    if "stage_one" in result:
        one, two = result["stage_one"]
        lines += [
            f"| per-article stage, 1 worker ({one['articles']:,} articles) | {one['per_second']:.1f} articles/s |",
            f"| per-article stage, 2 workers | {two['per_second']:.1f} articles/s |",
            f"| speed-up, 2 workers vs 1 (target >= 1.7) | {result['speed_up']:.2f}x |",
            f"| CPU seconds per article, per-article stage (1 / 2 workers) | {one['cpu_per_article']:.3f} / "
            f"{two['cpu_per_article']:.3f} |",
        ]
    lines += [
        f"| end to end, {e2e['articles']:,} articles, 2 workers{'' if e2e['analysis'] else ', --no-analysis'} "
        f"| {e2e['per_minute']:,.0f} articles/min ({e2e['seconds']:.0f} s) |",
        f"| stages (s): articles / stories / briefs | {e2e['stages']['articles']:.0f} / "
        f"{e2e['stages']['stories']:.0f} / {e2e['stages']['briefs']:.0f} |",
        f"| stories / briefs / time windows | {e2e['stories']:,} / {e2e['briefs']:,} / {e2e['windows']} |",
        f"| peak memory per worker | {', '.join(f'{mb:,.0f} MB' for mb in e2e['peak_worker_mb'])} |",
    ]
    if "stories" in result:
        s = result["stories"]
        lines += [
            f"| stories: B-cubed F1 batch vs single-process `crosswire stories` ({s['articles']:,} articles) "
            f"| {s['bcubed_vs_single'][2]:.4f} (P {s['bcubed_vs_single'][0]:.4f}, R {s['bcubed_vs_single'][1]:.4f}) |",
            f"| B-cubed F1 vs gold: batch / single process | {s['batch_vs_gold'][2]:.4f} / "
            f"{s['single_vs_gold'][2]:.4f} |",
            f"| single-process `crosswire stories` time | {s['single_seconds']:.0f} s |",
        ]
    return "\n".join(lines)


def bench_batch(data: Path, limit: int | None = None) -> str:
    """The ``make bench`` section, in a fresh process (its own memory)."""
    import subprocess

    size, speed = (20_000, 2_000) if limit is None else (400, 200)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "batch.json"
        command = [sys.executable, "-m", "crosswire.evaluate.batch_bench", "--data", str(data), "--size", str(size),
                   "--speed-size", str(speed), "--json", str(out)]
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
        if finished.returncode != 0 or not out.is_file():
            last = (finished.stderr.strip().splitlines() or ["no output"])[-1]
            return f"not available ({last})"
        return bench_text(json.loads(out.read_text(encoding="utf-8")))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--size", type=int, default=20_000, help="articles in the end-to-end corpus")
    parser.add_argument("--speed-size", type=int, default=2_000, help="articles of the 1-vs-2-worker runs (0: none)")
    parser.add_argument("--stride", type=int, default=1,
                        help="take every N-th article of the first size x N (as many months, fewer articles)")
    parser.add_argument("--analysis", action="store_true", help="run the analysis in the end-to-end job")
    parser.add_argument("--no-compare", action="store_true", help="skip the single-process comparison")
    parser.add_argument("--json", type=Path, help="write the figures here")
    arguments = parser.parse_args(argv)
    result = run(arguments.data, arguments.size, arguments.speed_size, arguments.analysis, not arguments.no_compare,
                 max(1, arguments.stride))
    if arguments.json:
        arguments.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(bench_text(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
