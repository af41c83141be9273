"""Out-of-fold briefs of Multi-News validation: the harness for rules that act after scoring.

Earlier sessions kept this in /tmp and lost it. ``build`` runs ``train.build_dataset`` on
Multi-News validation, fits five seed-13 fold models (``train.fit`` / ``train.fold_of``, as
``train.train_model`` cross-validates) and caches each cluster's table with the scores of the
model that never saw it. ``run`` briefs every cached table (``Summarizer.brief_of``, 250 words,
uncut, with optional Summarizer settings) and prints ROUGE F1 and the readability columns;
``paired`` gives the paired R2 recall difference of two runs with a bootstrap interval.
Rules in ``brief_of`` (selection, rewriting) are measured fairly on one cache; a change to
cleaning, segmentation or the tables needs a fresh ``build``.

    python -m crosswire.evaluate.fold_briefs build --data /work/shared/data --cache DIR
    python -m crosswire.evaluate.fold_briefs run --cache DIR --name NAME [--settings JSON] [--limit N]
    python -m crosswire.evaluate.fold_briefs paired --cache DIR A B
"""

from __future__ import annotations

import argparse
import json
import pickle
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.evaluate.stats import Interval, paired_interval

FOLDS = 5
SEED = 13
WORDS = 250
CACHE_FILE = "folds.pkl"


@dataclass(frozen=True)
class Held:
    """One validation cluster as cached: its table, its fold and that fold model's scores."""

    id: str
    references: tuple[str, ...]
    fold: int
    table: Any  # summarize.features.SentenceTable (kept untyped: pickled)
    scores: np.ndarray


@dataclass(frozen=True)
class Paired:
    """A minus B over the clusters both runs briefed, and how many briefs differ."""

    interval: Interval
    clusters: int
    differ: int


def build(data: Path, cache: Path, folds: int = FOLDS, seed: int = SEED) -> int:
    """Fold models and the held-out scores of every validation cluster, written under ``cache``."""
    from crosswire.embed import TfidfEmbedder
    from crosswire.evaluate.datasets import data_file
    from crosswire.summarize import Summarizer, train

    cache.mkdir(parents=True, exist_ok=True)
    embedder = TfidfEmbedder()
    clusters = train.read_clusters(data_file(data, "multinews", "validation.jsonl"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CrosswireWarning)
        dataset = train.build_dataset(clusters, embedder)
    fold = [train.fold_of(c.id, folds) for c in dataset.clusters]
    held: dict[int, Held] = {}
    for k in range(folds):
        path = cache / f"fold{k}.txt"
        train.fit(dataset, seed, [c for c in range(len(fold)) if fold[c] != k], path)
        scorer = Summarizer(embedder=embedder, model_path=str(path), words=WORDS)
        for c in (c for c in range(len(fold)) if fold[c] == k):
            cluster, table = dataset.clusters[c], dataset.tables[c]
            held[c] = Held(cluster.id, cluster.references, k, table, scorer.score(table))
    with (cache / CACHE_FILE).open("wb") as handle:
        pickle.dump([held[c] for c in sorted(held)], handle)
    return len(held)


def load(cache: Path) -> list[Held]:
    path = cache / CACHE_FILE
    if not path.is_file():
        raise CrosswireError("no fold cache; run `build` first", source=str(path))
    with path.open("rb") as handle:
        held: list[Held] = pickle.load(handle)
    return held


def run(cache: Path, name: str, settings: dict[str, Any], limit: int | None = None) -> dict[str, Any]:
    """Brief every cached cluster with its fold's model; the report, also written to ``runs/NAME.json``."""
    from crosswire.embed import TfidfEmbedder
    from crosswire.evaluate.readability import ReadabilityTally, reference_sentences
    from crosswire.evaluate.rouge import mean_scores, percent, score_references
    from crosswire.summarize import Summarizer
    from crosswire.summarize.train import brief_text

    embedder = TfidfEmbedder()
    summarizers = {
        k: Summarizer(embedder=embedder, model_path=str(cache / f"fold{k}.txt"), words=WORDS, **settings)
        for k in range(FOLDS)
    }
    tally, per_cluster, scores, words = ReadabilityTally(), [], [], 0
    for held in load(cache)[:limit]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CrosswireWarning)
            brief = summarizers[held.fold].brief_of(held.table, held.scores)
        text = brief_text(brief)
        found = score_references(held.references, text)
        scores.append(found)
        words += len(text.split())
        tally.add_brief(brief)
        references = [reference_sentences(r) for r in held.references]
        tally.add_references(references)
        tally.add_main_news(brief, references[0])
        per_cluster.append({"id": held.id, "r2_recall": 100.0 * found["rouge2"].recall, "brief": text})
    means = mean_scores(scores)
    report = {
        "name": name,
        "settings": settings,
        "n": len(scores),
        **{f"{t}_f1": percent(means[t].f1) for t in means},
        "words": round(words / max(len(scores), 1), 1),
        **tally.report(),
    }
    out = cache / "runs" / f"{name}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"report": report, "clusters": per_cluster}, indent=1) + "\n", encoding="utf-8")
    return report


def paired(first: Sequence[dict[str, Any]], second: Sequence[dict[str, Any]]) -> Paired:
    """Per-cluster R2 recall of ``first`` minus ``second``, on the cluster ids both have."""
    other = {c["id"]: c for c in second}
    both = [(c, other[c["id"]]) for c in first if c["id"] in other]
    if not both:
        raise CrosswireError("the two runs share no cluster")
    interval = paired_interval([a["r2_recall"] for a, _ in both], [b["r2_recall"] for _, b in both])
    differ = sum(a.get("brief") != b.get("brief") for a, b in both)
    return Paired(interval, len(both), differ)


def report_line(report: dict[str, Any]) -> str:
    return (
        f"{report['name']}: R1 / R2 / RLsum {report['rouge1_f1']:.2f} / {report['rouge2_f1']:.2f} / "
        f"{report['rougeLsum_f1']:.2f} | words {report['words']} | restated {report['restated_pct']:.2f}% "
        f"| same count {report.get('same_count_pct', 0.0):.2f}% "
        f"| unintro {report['unintroduced_pct']:.2f}% | dangling {report['dangling_pct']:.2f}% "
        f"| lead-first {report['lead_first_pct']:.1f}% | jump {report['jump_pct']:.2f}% "
        f"| quote-end {report['quote_ending_pct']:.1f}% | n {report['n']}"
    )


def _run_clusters(cache: Path, name: str) -> list[dict[str, Any]]:
    path = cache / "runs" / f"{name}.json"
    if not path.is_file():
        raise CrosswireError("no such run", source=str(path))
    clusters: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["clusters"]
    return clusters


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m crosswire.evaluate.fold_briefs")
    commands = parser.add_subparsers(dest="command", required=True)
    made = commands.add_parser("build")
    made.add_argument("--data", type=Path, required=True)
    made.add_argument("--cache", type=Path, required=True)
    ran = commands.add_parser("run")
    ran.add_argument("--cache", type=Path, required=True)
    ran.add_argument("--name", required=True)
    ran.add_argument("--settings", default="{}", help="Summarizer keywords as JSON")
    ran.add_argument("--limit", type=int)
    pair = commands.add_parser("paired")
    pair.add_argument("--cache", type=Path, required=True)
    pair.add_argument("first")
    pair.add_argument("second")
    args = parser.parse_args(argv)
    if args.command == "build":
        print(f"{build(args.data, args.cache)} clusters cached in {args.cache}")
    elif args.command == "run":
        print(report_line(run(args.cache, args.name, json.loads(args.settings), args.limit)))
    else:
        found = paired(_run_clusters(args.cache, args.first), _run_clusters(args.cache, args.second))
        i = found.interval
        print(
            f"{args.first} - {args.second}: R2 recall {i.mean:+.2f} [{i.low:+.2f}, {i.high:+.2f}] "
            f"over {found.clusters} clusters; {found.differ} briefs differ"
        )


if __name__ == "__main__":
    # The imported module's main: the cache then pickles fold_briefs.Held, which any script can load,
    # not __main__.Held.
    from crosswire.evaluate import fold_briefs

    fold_briefs.main()
