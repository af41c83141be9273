"""Crosswire and its peers on the same clusters, scored and timed in one run.

Every system's sentences go through ``crosswire.evaluate.budget`` and are
scored with ``crosswire.evaluate.rouge``. Timing covers a system's whole work
on a cluster (for crosswire: cleaning, segmentation, embedding, scoring and
selection); crosswire's embedding model is loaded once, before timing, by a
warm-up run on the first cluster.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from statistics import fmean, median
from typing import Any

from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.evaluate.budget import Selection, apply_budget
from crosswire.evaluate.datasets import EvalCluster, load_clusters
from crosswire.evaluate.peers import PEERS, peer_selection
from crosswire.evaluate.rouge import (
    ROUGE_TYPES,
    RougeScore,
    mean_scores,
    percent,
    score_references,
    summary_text,
)
from crosswire.evaluate.stats import RESAMPLES, Interval, bootstrap_interval, paired_interval

CROSSWIRE = "crosswire"
DEFAULT_PEERS: tuple[str, ...] = ("lead", "lexrank", "textrank", "lsa")
TITLES = {"rouge1": "R1", "rouge2": "R2", "rougeLsum": "RLsum"}  # column names in reports

# A system: (cluster) -> its Selection (sentences in pick order).
System = Callable[[EvalCluster], Selection]


def crosswire_system(
    words: int, query: str | None = None, use_query: bool = False, overrun: bool = False
) -> System:
    """Crosswire through ``Pipeline.brief_documents`` (models load once per process, not per cluster).

    ``use_query`` passes each cluster's own query (DUC); ``query`` fixes one.
    ``overrun`` lets the brief end past the budget, for scoring that cuts there.
    """
    from crosswire.pipeline import Pipeline

    def run(cluster: EvalCluster) -> Selection:
        wanted = cluster.query if use_query else query
        pipeline = Pipeline(words=words, query=wanted, analyze=False, cross_budget=overrun)
        with warnings.catch_warnings():  # furniture-only pages are common in Multi-News; no news there
            warnings.simplefilter("ignore", CrosswireWarning)
            brief = pipeline.brief_documents(
                list(cluster.documents), since_documents=list(cluster.since_documents)
            )
        texts = tuple(s.text for s in brief.sentences)
        # Budgeted in the order crosswire picked its sentences, shown in its reading order.
        picked = brief.meta.get("pick_order", range(len(texts)))
        return Selection(sentences=texts, order=tuple(picked), document_order=True)

    return run


def peer_system(name: str) -> System:
    def run(cluster: EvalCluster) -> Selection:
        return peer_selection(name, cluster.documents)

    return run


@dataclass
class SystemRun:
    """Per-cluster scores and seconds of one system."""

    scores: list[dict[str, RougeScore]] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    summaries: dict[str, list[str]] = field(default_factory=dict)

    def report(self, measure: str) -> dict[str, float]:
        means = mean_scores(self.scores)
        values: dict[str, float] = {name: percent(getattr(means[name], measure)) for name in ROUGE_TYPES}
        values["sec_per_cluster"] = round(fmean(self.seconds), 4) if self.seconds else 0.0
        values["median_sec_per_cluster"] = round(median(self.seconds), 4) if self.seconds else 0.0
        values["n"] = len(self.scores)
        return values

    def per_cluster(self, name: str, measure: str = "f1") -> list[float]:
        """One ROUGE type's ``measure`` for each cluster, in percent."""
        return [100.0 * getattr(scores[name], measure) for scores in self.scores]


def _rounded(interval: Interval) -> list[float]:
    return [round(interval.mean, 2), round(interval.low, 2), round(interval.high, 2)]


def sampling_intervals(runs: dict[str, SystemRun], measure: str = "f1") -> dict[str, Any]:
    """Bootstrap intervals over clusters: each system's mean, and crosswire minus each peer (paired).

    Values are ``[mean, low, high]`` in percent, per ROUGE type.
    """
    values = {
        system: {name: run.per_cluster(name, measure) for name in ROUGE_TYPES} for system, run in runs.items()
    }
    intervals = {
        system: {name: _rounded(bootstrap_interval(by_type[name])) for name in ROUGE_TYPES}
        for system, by_type in values.items()
    }
    paired = {
        system: {
            name: _rounded(paired_interval(values[CROSSWIRE][name], by_type[name])) for name in ROUGE_TYPES
        }
        for system, by_type in values.items()
        if CROSSWIRE in values and system != CROSSWIRE
    }
    return {"intervals": intervals, "crosswire_minus_peer": paired}


@contextmanager
def _progress(enabled: bool, total: int, label: str) -> Iterator[Callable[[], None]]:
    if not enabled:
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)


def run_systems(
    clusters: Sequence[EvalCluster],
    systems: dict[str, System],
    words: int,
    progress: bool = False,
    label: str = "evaluating",
    keep_summaries: bool = False,
    cut: bool = False,
) -> dict[str, SystemRun]:
    """Run every system on every cluster (cluster by cluster, so they share the machine's state).

    ``cut`` truncates every summary at ``words`` after the budget rule (DUC's scoring).
    """
    if not clusters:
        raise CrosswireError("no clusters to evaluate")
    if CROSSWIRE in systems:  # warm-up: model loading is not part of the timed work
        systems[CROSSWIRE](clusters[0])
    runs = {name: SystemRun() for name in systems}
    with _progress(progress, len(clusters), label) as advance:
        for cluster in clusters:
            for name, system in systems.items():
                started = time.perf_counter()
                selection = system(cluster)
                runs[name].seconds.append(time.perf_counter() - started)
                summary = apply_budget(selection, words, cut=cut)
                runs[name].scores.append(score_references(cluster.references, summary_text(summary)))
                if keep_summaries:
                    runs[name].summaries[cluster.id] = summary
            advance()
    return runs


def default_systems(
    peers: Iterable[str],
    words: int,
    include_crosswire: bool = True,
    use_query: bool = False,
    overrun: bool = False,
) -> dict[str, System]:
    systems: dict[str, System] = {}
    if include_crosswire:
        systems[CROSSWIRE] = crosswire_system(words, use_query=use_query, overrun=overrun)
    for name in peers:
        if name not in PEERS:
            raise CrosswireError(f"unknown peer {name!r}; choose from {', '.join(PEERS)}")
        systems[name] = peer_system(name)
    return systems


def evaluate_summaries(
    path: str | Path,
    words: int = 250,
    peers: Sequence[str] = DEFAULT_PEERS,
    limit: int | None = None,
    systems: dict[str, System] | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """ROUGE F1 (percent) and seconds per cluster of crosswire and the peers on a Multi-News-style file.

    ``systems`` replaces the default set (crosswire + ``peers``) when given.
    """
    clusters = load_clusters(path, limit=limit)
    chosen = systems if systems is not None else default_systems(peers, words)
    runs = run_systems(clusters, chosen, words, progress=progress, label=Path(path).name)
    return {
        "data": str(path),
        "words": words,
        "measure": "f1",
        "systems": {name: run.report("f1") for name, run in runs.items()},
        **sampling_intervals(runs, "f1"),
    }


def interval_text(result: dict[str, Any], names: Sequence[str] = ("rouge1", "rouge2")) -> str:
    """Markdown lines on how much a result's means could move with the sample of clusters."""
    intervals = result.get("intervals", {})
    if CROSSWIRE not in intervals:
        return ""
    n = result["systems"][CROSSWIRE]["n"]

    def span(values: list[float], signed: bool = False) -> str:
        mean, low, high = values
        sign = "+" if signed else ""
        return f"{mean:{sign}.2f} [{low:{sign}.2f}, {high:{sign}.2f}]"

    ours = "; ".join(f"{TITLES[name]} {span(intervals[CROSSWIRE][name])}" for name in names)
    lines = [
        f"95% bootstrap intervals over the {n} clusters (resampled with replacement, {RESAMPLES:,} times, seed 0):"
    ]
    lines.append(f"- crosswire: {ours}")
    for peer, values in result.get("crosswire_minus_peer", {}).items():
        diffs = "; ".join(f"{TITLES[name]} {span(values[name], signed=True)}" for name in names)
        lines.append(f"- crosswire minus {peer}, paired by cluster: {diffs}")
    return "\n".join(lines)


def format_table(result: dict[str, Any], columns: Sequence[str] = ROUGE_TYPES) -> str:
    """A markdown table of a result from ``evaluate_summaries`` (or the DUC runs)."""
    measure = result.get("measure", "f1")
    header = ["system", *(f"{TITLES.get(c, c)} {measure}" for c in columns), "sec/cluster", "median sec", "n"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, values in result["systems"].items():
        cells = [name, *(f"{values[c]:.2f}" for c in columns)]
        cells += [
            f"{values['sec_per_cluster']:.3f}",
            f"{values['median_sec_per_cluster']:.3f}",
            str(values["n"]),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
