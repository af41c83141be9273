"""Tune the peers' one setting on the tuning mixes: ``python -m crosswire.evaluate.story_tuning``.

The TF-IDF agglomerative peer's cosine distance threshold is picked by
B-cubed F1 on the Multi-News validation mix alone and then used on every set
(``story_peers.TUNED_DISTANCE_THRESHOLD``). The DUC 2007 mix, the other
tuning set, is shown beside it for information. The sweep is written as a
markdown table (docs/story-tuning.md); test sets are never read here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from crosswire.evaluate.story_data import load_story_stream
from crosswire.evaluate.story_metrics import clustering_scores
from crosswire.evaluate.story_peers import TfidfAgglomerative, cut_average_link, peer_text

THRESHOLDS = tuple(round(float(t), 3) for t in np.arange(0.50, 0.975, 0.025))
TUNING_SETS = {
    "multinews-validation": "multinews/validation.jsonl",
    "duc2007": "duc2007_update/test.jsonl",
}
PICK_BY = "multinews-validation"


def sweep_thresholds(
    path: str | Path, thresholds: Sequence[float] = THRESHOLDS, seed: int = 0
) -> dict[float, dict[str, Any]]:
    """Scores of the TF-IDF agglomerative peer at each threshold (distances computed once)."""
    stream = load_story_stream(path, seed=seed)
    distance = TfidfAgglomerative().distances([peer_text(a) for a in stream.articles])
    return {t: clustering_scores(stream.gold, cut_average_link(distance, t).tolist()) for t in thresholds}


def best_threshold(sweep: dict[float, dict[str, Any]]) -> float:
    """The threshold of highest B-cubed F1 (the lower one on ties)."""
    return max(sorted(sweep), key=lambda t: sweep[t]["bcubed_f1"])


def sweep_table(sweeps: dict[str, dict[float, dict[str, Any]]]) -> str:
    names = list(sweeps)
    header = "| threshold | " + " | ".join(f"{n} B3 F1 | {n} stories" for n in names) + " |"
    lines = [header, "|" + "---|" * (1 + 2 * len(names))]
    for t in next(iter(sweeps.values())):
        cells = [f"{sweeps[n][t]['bcubed_f1']:.3f} | {sweeps[n][t]['predicted']}" for n in names]
        lines.append(f"| {t:.3f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def tuning_report(data: Path) -> str:
    sweeps = {name: sweep_thresholds(data / relative) for name, relative in TUNING_SETS.items()}
    best = best_threshold(sweeps[PICK_BY])
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    gold = {name: next(iter(sweep.values()))["gold"] for name, sweep in sweeps.items()}
    return (
        "# Story peers: tuning the TF-IDF agglomerative threshold\n\n"
        f"Generated {stamp} by `python -m crosswire.evaluate.story_tuning --data {data}`.\n\n"
        "TF-IDF (sublinear tf, English stop words) of each article's title line and raw text, cosine\n"
        "distance, average-link agglomerative clustering (scikit-learn) cut at one distance threshold.\n"
        f"The threshold is picked by B-cubed F1 on `{PICK_BY}` only (pooled, shuffled with seed 0);\n"
        f"DUC 2007 is shown for information. Gold stories: {gold}.\n\n"
        f"Picked: **{best:.3f}** (B-cubed F1 {sweeps[PICK_BY][best]['bcubed_f1']:.3f} on {PICK_BY}).\n\n"
        + sweep_table(sweeps)
        + "\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crosswire.evaluate.story_tuning", description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("docs/story-tuning.md"))
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"error: data folder not found: {args.data}", file=sys.stderr)
        return 2
    report = tuning_report(args.data)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
