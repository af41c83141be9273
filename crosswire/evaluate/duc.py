"""DUC 2006 (query-focused) and DUC 2007 update runs, and a check of our ROUGE against NIST's.

DUC reports ROUGE-2 *recall*, with jackknifing over the four references and
summaries cut at the word limit (ROUGE-1.5.5 ``-n 2 -m -l 250 -f A``).
Jackknifing averages the scores against each three-reference subset; with the
mean over references we use, that average equals the plain mean over all four,
so peers need no jackknife here. A human summary is scored against the other
humans' references only (``verify_duc2006_scoring`` compares both against
``official_rouge2.jk.m.avg``). rouge-score has no ROUGE-SU4, so it is skipped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from statistics import fmean
from typing import Any

from rouge_score import rouge_scorer

from crosswire.errors import CrosswireError
from crosswire.evaluate.budget import truncate
from crosswire.evaluate.datasets import EvalCluster, data_file, load_duc2006, load_duc2007_update, read_jsonl
from crosswire.evaluate.summaries import (
    CROSSWIRE,
    System,
    SystemRun,
    default_systems,
    run_systems,
    sampling_intervals,
)

DUC2006_WORDS = 250
DUC2007_WORDS = 100
# sumy's own LexRank takes about a minute per 25-article cluster; the numpy
# variant gives the same rankings (tests/evaluate/test_fast_lexrank.py).
DUC_PEERS: tuple[str, ...] = ("lead", "lexrank-fast")
# The README's ROUGE columns for DUC: recall is the official measure.
DUC_COLUMNS: tuple[str, ...] = ("rouge2", "rouge1")


def _evaluate(
    clusters: Sequence[EvalCluster],
    words: int,
    peers: Sequence[str],
    progress: bool,
    label: str,
    data: Path,
    use_query: bool = True,
    extra: dict[str, System] | None = None,
) -> tuple[dict[str, Any], dict[str, SystemRun]]:
    # DUC cuts every summary at the limit: crosswire fills up to it, as the peers do.
    systems = default_systems(peers, words, use_query=use_query, overrun=True)
    if extra:  # right after crosswire, before the peers
        systems = {CROSSWIRE: systems.pop(CROSSWIRE), **extra, **systems}
    runs = run_systems(clusters, systems, words, progress=progress, label=label, cut=True)
    result = {
        "data": str(data),
        "words": words,
        "measure": "recall",
        "systems": {name: run.report("recall") for name, run in runs.items()},
        **sampling_intervals(runs, "recall"),
    }
    return result, runs


def evaluate_duc2006(
    data_dir: str | Path,
    words: int = DUC2006_WORDS,
    peers: Sequence[str] = DUC_PEERS,
    limit: int | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Query-focused: crosswire gets ``Pipeline(words=250, query=topic)``; ROUGE recall in percent."""
    path = data_file(data_dir, "duc2006", "test.jsonl")
    return _evaluate(load_duc2006(path, limit=limit), words, peers, progress, "DUC 2006", path)[0]


UPDATE_PEERS: tuple[str, ...] = (*DUC_PEERS, "ilp")  # the concept ILP picks for 100 words, DUC 2007's budget


def evaluate_duc2007_update(
    data_dir: str | Path,
    words: int = DUC2007_WORDS,
    peers: Sequence[str] = UPDATE_PEERS,
    limit: int | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Update task: set A as is, sets B and C with the earlier sets as ``since_documents``.

    Peers see only the new set (they have no update mode). ``by_set`` has
    every system's scores per set, since B and C are the update part.
    """
    path = data_file(data_dir, "duc2007_update", "test.jsonl")
    clusters = load_duc2007_update(path, limit=limit)
    result, runs = _evaluate(clusters, words, peers, progress, "DUC 2007 update", path)
    by_set: dict[str, Any] = {}
    for letter in sorted({c.update_set for c in clusters if c.update_set}):
        keep = [i for i, c in enumerate(clusters) if c.update_set == letter]
        by_set[letter] = {
            name: SystemRun(
                scores=[run.scores[i] for i in keep], seconds=[run.seconds[i] for i in keep]
            ).report("recall")
            for name, run in runs.items()
        }
    result["by_set"] = by_set
    return result


GENERIC_WORDS = 100
# LexRank takes ~30 s a DUC 2006 cluster here; the concept ILP is the classic systems' method (ICSISumm).
GENERIC_PEERS: tuple[str, ...] = ("klsum", "ilp", "lead")


OUT_OF_FOLD = "crosswire-oof"  # the newswire model trained without the cluster's fold (newswire_cv.py)


def evaluate_duc_generic(
    data_dir: str | Path,
    words: int = GENERIC_WORDS,
    peers: Sequence[str] = GENERIC_PEERS,
    limit: int | None = None,
    progress: bool = False,
    out_of_fold: bool = True,
) -> dict[str, dict[str, Any]]:
    """Generic summaries of classic newswire: DUC 2006 topics and DUC 2007 update set A, queries ignored.

    Every system gets the documents alone (no query, no earlier sets) and is
    cut at ``words``, scored against the topic's human references (recall).
    These clusters are the newswire model's training data, so with
    ``out_of_fold`` a ``crosswire-oof`` row briefs each cluster with a model
    trained on the other folds (5 folds over all the clusters run).
    """
    paths = {
        "DUC 2006": data_file(data_dir, "duc2006", "test.jsonl"),
        "DUC 2007 set A": data_file(data_dir, "duc2007_update", "test.jsonl"),
    }
    sets = {
        "DUC 2006": load_duc2006(paths["DUC 2006"], limit=limit),
        "DUC 2007 set A": tuple(
            c for c in load_duc2007_update(paths["DUC 2007 set A"]) if c.update_set == "A"
        )[:limit],
    }
    generic = {
        label: [replace(c, query=None, since_documents=()) for c in clusters]
        for label, clusters in sets.items()
    }
    results: dict[str, dict[str, Any]] = {}
    with ExitStack() as stack:
        extra: dict[str, System] = {}
        if out_of_fold:
            from crosswire.evaluate.newswire_cv import out_of_fold_system, scratch_folder, train_fold_models

            folder = Path(stack.enter_context(scratch_folder()))
            models = train_fold_models([c for clusters in generic.values() for c in clusters], folder)
            extra[OUT_OF_FOLD] = out_of_fold_system(models, words)
        for label, clusters in generic.items():
            results[label] = _evaluate(
                clusters, words, peers, progress, label, paths[label], use_query=False, extra=extra
            )[0]
    return results


# --- agreement with NIST's official scores -------------------------------------------------


@lru_cache(maxsize=1)
def _rouge2() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(["rouge2"], use_stemmer=True)


def rouge2_recall(references: Sequence[str], summary: str, words: int) -> float:
    """Mean over references of ROUGE-2 recall, the summary cut at ``words`` words."""
    text = "\n".join(truncate(summary.splitlines(), words))
    return fmean(_rouge2().score(reference, text)["rouge2"].recall for reference in references)


def read_official(path: Path) -> dict[str, float]:
    """``official_*.jk.m.avg`` lines: ``<peer> <score> (95%-conf.int. lo - hi)``."""
    scores = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            scores[parts[0]] = float(parts[1])
    return scores


@dataclass(frozen=True)
class Agreement:
    peers: int
    max_abs_difference: float
    mean_abs_difference: float
    worst_peer: str
    spearman: float
    systems: int
    systems_mean_abs_difference: float
    systems_max_abs_difference: float


def verify_duc2006_scoring(data_dir: str | Path, words: int = DUC2006_WORDS) -> Agreement:
    """Score NIST's 35 systems and the human summarizers; compare with official ROUGE-2 recall."""
    import numpy as np

    test = {r["id"]: r for _, r in read_jsonl(data_file(data_dir, "duc2006", "test.jsonl"))}
    official = read_official(data_file(data_dir, "duc2006", "official_rouge2.jk.m.avg"))
    per_peer: dict[str, list[float]] = {}
    for _, record in read_jsonl(data_file(data_dir, "duc2006", "peers.jsonl")):
        topic = test[record["id"]]
        annotators = topic["meta"]["annotators"]
        for peer, summary in record["peers"].items():
            if peer in annotators:  # a human: jackknife leaves their own reference out
                references = [s for a, s in zip(annotators, topic["summaries"], strict=True) if a != peer]
            else:
                references = topic["summaries"]
            per_peer.setdefault(peer, []).append(rouge2_recall(references, summary, words))
    ours = {peer: fmean(values) for peer, values in per_peer.items() if peer in official}
    if not ours:
        raise CrosswireError("no peer of peers.jsonl has an official score", source=str(data_dir))
    differences = {peer: abs(ours[peer] - official[peer]) for peer in ours}
    worst = max(differences, key=lambda p: differences[p])
    automatic = [difference for peer, difference in differences.items() if peer.isdigit()]
    names = sorted(ours)
    ranks_ours = np.argsort(np.argsort([ours[p] for p in names]))
    ranks_official = np.argsort(np.argsort([official[p] for p in names]))
    spearman = float(np.corrcoef(ranks_ours, ranks_official)[0, 1])
    return Agreement(
        peers=len(ours),
        max_abs_difference=round(differences[worst], 5),
        mean_abs_difference=round(fmean(differences.values()), 5),
        worst_peer=worst,
        spearman=round(spearman, 4),
        systems=len(automatic),
        systems_mean_abs_difference=round(fmean(automatic), 5) if automatic else 0.0,
        systems_max_abs_difference=round(max(automatic), 5) if automatic else 0.0,
    )


def agreement_text(agreement: Agreement) -> str:
    return (
        f"rouge-score vs NIST official ROUGE-2 recall (jackknifed) on DUC 2006, {agreement.peers} peers: "
        f"mean |diff| {agreement.mean_abs_difference:.5f}, max |diff| {agreement.max_abs_difference:.5f} "
        f"(peer {agreement.worst_peer}); the {agreement.systems} "
        f"automatic systems alone: mean |diff| {agreement.systems_mean_abs_difference:.5f}, "
        f"max {agreement.systems_max_abs_difference:.5f}; Spearman {agreement.spearman:.4f}"
    )


def dump(result: dict[str, Any]) -> str:
    return json.dumps(result, indent=2)
