"""The batch job: shards to stories and briefs on a Dask cluster.

    shards --(1 per shard: read, clean, segment, embed, profile)--> profiles
           --(2 per time window: track; edge merge on the client)--> story of every article
           --(per shard: articles/sentences parts, shuffle by story batch)
           --(3 per story batch: summarize, analyze; stories/briefs parts, JSON)--> DIR

Every task is pure given its inputs and rewrites its own part file whole,
so a task Dask runs again (a worker was lost, ``retries``) changes nothing.
The order of every result is fixed by sorting (shards by URL, articles by
the tracker's arrival order and stable ids, stories by id), never by which
worker finished first, so 1 or N workers and any shard order give the same
output.
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosswire.batch.articles import ArticleMeta, article_stage, meta_of, profiles_of
from crosswire.batch.briefs import piece, plan_batches, shard_pieces, story_stage
from crosswire.batch.edges import merge_windows
from crosswire.batch.models import ModelsPlugin
from crosswire.batch.shards import ShardReport, find_shards
from crosswire.batch.tables import AtomicOutput
from crosswire.batch.windows import (
    OVERLAP_DAYS,
    WINDOW_DAYS,
    arrival_keys,
    grouped_labels,
    plan_windows,
    track_window,
)
from crosswire.errors import CrosswireError
from crosswire.pipeline import Pipeline

RETRIES = 3  # per task, on top of Dask's own rescheduling of tasks lost with a worker
ARTICLES_PER_STORY_TASK = 200
Progress = Callable[[str, int], None]
StageHook = Callable[[str, Any], None]  # (stage just finished, client): a test hook


@dataclass
class BatchReport:
    """What a run did: per shard what it kept and skipped, the counts, and each stage's seconds."""

    out: str
    shards: list[ShardReport]
    articles: int = 0
    stories: int = 0
    briefs: int = 0
    windows: int = 0
    workers: int = 0
    dashboard: str | None = None
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


@contextlib.contextmanager
def dask_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, else of a LocalCluster sized to the machine."""
    import logging

    from distributed import Client, LocalCluster

    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as error:
            raise CrosswireError(f"cannot reach the Dask scheduler ({error})", source=scheduler) from None
        with client:
            yield client
        return
    count = workers or os.cpu_count() or 1
    if count < 1:
        raise CrosswireError(f"--workers must be at least 1, got {count}")
    dashboard = ":0" if _has_bokeh() else None
    with LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=dashboard,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def _has_bokeh() -> bool:
    try:
        import bokeh  # noqa: F401
    except ImportError:
        return False
    return True


def run_batch(
    inputs: Sequence[str],
    out: str | Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    since: str | None = None,
    until: str | None = None,
    words: int = 250,
    analysis: bool = True,
    window_days: float = WINDOW_DAYS,
    overlap_days: float = OVERLAP_DAYS,
    progress: Progress | None = None,
    on_stage: StageHook | None = None,
    on_start: Callable[[str | None], None] | None = None,
) -> BatchReport:
    """Run the job; the outputs appear in ``out`` only when every stage has finished."""
    shards = find_shards(list(inputs))
    pipeline = Pipeline(words=words, analyze=analysis)
    with dask_client(workers, scheduler) as client, AtomicOutput(Path(out)) as output:
        dashboard = client.dashboard_link if _has_bokeh() or scheduler else None
        if on_start is not None:
            on_start(dashboard)
        client.register_plugin(ModelsPlugin(analysis))
        job = _Job(client, pipeline, str(output.root), uuid.uuid4().hex[:8], progress, on_stage)
        report = job.run(shards, since, until, window_days, overlap_days)
        report.out, report.dashboard = str(out), dashboard
        report.workers = len(client.scheduler_info().get("workers", {}))
        output.commit()
    return report


class _Job:
    def __init__(self, client: Any, pipeline: Pipeline, root: str, run: str,
                 progress: Progress | None, on_stage: StageHook | None) -> None:
        self.client, self.pipeline, self.root, self.run_id = client, pipeline, root, run
        self.progress, self.on_stage = progress, on_stage

    def submit(self, name: str, function: Callable[..., Any], *arguments: Any) -> Any:
        return self.client.submit(function, *arguments, key=f"{name}-{self.run_id}", retries=RETRIES)

    def wait(self, stage: str, futures: Sequence[Any]) -> list[Any]:
        from distributed import as_completed

        if self.progress is not None:
            for done, _ in enumerate(as_completed(futures), start=1):
                self.progress(stage, done)
        results = self.client.gather(list(futures))
        if self.on_stage is not None:
            self.on_stage(stage, self.client)
        return list(results)

    def run(self, shards: Sequence[Any], since: str | None, until: str | None,
            window_days: float, overlap_days: float) -> BatchReport:
        started = time.perf_counter()
        results = [self.submit(f"articles-{i}", article_stage, s, i, self.pipeline, since, until)
                   for i, s in enumerate(shards)]
        found = self.wait("reading and embedding articles", [self.submit(f"meta-{i}", meta_of, r)
                                                             for i, r in enumerate(results)])
        report = BatchReport(out="", shards=[r for _, r, _ in found])
        report.warnings = [w for _, _, notes in found for w in notes]
        metas = _owned(found, report)
        if not metas:
            raise CrosswireError(f"no usable articles in {len(shards)} input files (see the shard report)")
        report.seconds["articles"] = time.perf_counter() - started

        started = time.perf_counter()
        labels, order, report.windows = self.stories(metas, results, window_days, overlap_days)
        report.seconds["stories"] = time.perf_counter() - started

        started = time.perf_counter()
        batches = plan_batches(labels, order, ARTICLES_PER_STORY_TASK)
        batch_of = {sid: b.number for b in batches for sid, _, _ in b.stories}
        shard_of = {m.key: m.shard for m in metas}
        pieces = []
        for number, result in enumerate(results):
            own = {k: v for k, v in labels.items() if shard_of[k] == number}
            own_batches = {sid: batch_of[sid] for sid in set(own.values())}
            pieces.append(self.submit(f"pieces-{number}", shard_pieces, result, own, own_batches, self.root,
                                      shards[number].url))
        tasks = []
        for batch in batches:
            holders = sorted({shard_of[k] for _, keys, _ in batch.stories for k in keys})
            parts = [self.submit(f"piece-{h}-{batch.number}", piece, pieces[h], batch.number) for h in holders]
            tasks.append(self.submit(f"stories-{batch.number}", story_stage, batch, self.pipeline, self.root, *parts))
        notes = self.wait("briefing stories", tasks)
        self.wait("writing tables", pieces)
        report.warnings.extend(w for group in notes for w in group)
        report.seconds["briefs"] = time.perf_counter() - started
        report.articles = len(labels)
        report.stories = len(batch_of)
        report.briefs = sum(brief for b in batches for _, _, brief in b.stories)
        return report

    def stories(self, metas: list[ArticleMeta], results: Sequence[Any], window_days: float,
                overlap_days: float) -> tuple[dict[str, str], list[str], int]:
        """Stage 2: the story of every article, and the arrival order."""
        windows = plan_windows(metas, window_days, overlap_days)
        shard_of = {m.key: m.shard for m in metas}
        profiles = {}
        tasks = []
        for window in windows:
            holders = sorted({shard_of[k] for k in (*window.context, *window.owned)})
            for h in holders:
                if h not in profiles:
                    profiles[h] = self.submit(f"profiles-{h}", profiles_of, results[h])
            tasks.append(self.submit(f"track-{window.number}", track_window, window,
                                     *[profiles[h] for h in holders]))
        found = self.wait("tracking stories", tasks)
        order = arrival_keys(metas)
        ungrouped = {m.key for m in metas if m.cluster is None}
        loose = [k for k in order if k in ungrouped]
        owned = {key: window.number for window in windows for key in window.owned}
        labels = {**merge_windows(found, loose, owned), **grouped_labels(metas)}
        return labels, order, len(windows)


def _owned(found: Sequence[tuple[list[ArticleMeta], ShardReport, tuple[str, ...]]],
           report: BatchReport) -> list[ArticleMeta]:
    """Every article once: a page in several shards belongs to the first (shards sorted by URL)."""
    owner: dict[str, ArticleMeta] = {}
    copies = 0
    for metas, _, _ in found:
        for meta in metas:
            if meta.key in owner:
                copies += 1
            else:
                owner[meta.key] = meta
    if copies:
        report.warnings.append(f"skipped {copies} articles found again in a later shard (same stable id)")
    return list(owner.values())
