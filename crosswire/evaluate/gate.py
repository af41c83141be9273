"""A summary-quality gate (after trafilatura's eval gate): crosswire on fixed validation clusters.

The subset is fixed: every ``GATE_STEP``-th line of ``multinews/validation.jsonl``
(lines 1, 7, 13, ...; 42 clusters), so scores move only when crosswire does.
``FLOORS`` are ROUGE F1 percentages crosswire must reach, pinned a little
under what it measured. The subset lies in the split the sentence scorer is
trained on, so its scores run higher than held-out ones: the gate catches
regressions, it does not estimate quality (BENCHMARKS.md does).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from crosswire.errors import CrosswireError
from crosswire.evaluate.datasets import EvalCluster, load_clusters
from crosswire.evaluate.summaries import CROSSWIRE, crosswire_system, run_systems

GATE_FILE = Path("multinews") / "validation.jsonl"
GATE_STEP = 6
GATE_WORDS = 250
# Measured 49.10 / 20.68 / 33.75 on 2026-12-01 with issue 17's reader rules as of h-brief2 (49.60 / 21.26 /
# 34.26 with the first set; 49.91 / 21.89 / 34.83 before any). Re-pinned down, with reason: the second set
# (no unattributed quote, question, fragment or caption; widely reported names; two direct quotes a
# speaker) costs 0.5 R2 on this in-sample subset but 0.05 out of fold on all 250 validation clusters
# (18.77 -> 18.72, BENCHMARKS.md "Issue 17"). A fall of ~0.4 fails CI.
# Retraining on slightly changed data alone moves R2 here by up to 0.6.
# h-brief3 (speaker labels on unattributed quotes): 48.94 / 20.46 / 33.50 on 2026-12-01, floors kept (a
# -0.22 R2 here against +0.11 [-0.04, +0.28] out of fold on all 250 validation clusters).
# h-refs (unintroduced references, leads told once, speaker fixes): 48.62 / 20.16 / 33.36 on 2026-12-02,
# re-pinned down with reason (-0.30 R2 here against -0.19 [-0.38, -0.02] out of fold on all 250 validation
# clusters, where unintroduced references fell from 2.16% to 0.65% of brief sentences; docs/experiments.md).
# S17 (non-news lines, bracket fixes, same_count): 48.42 / 20.04 / 33.34 on 2026-12-04, floors kept (R1 is 0.02
# above its floor; out of fold on all 250 validation clusters the S17 rules cost R2 recall -0.08 [-0.17, -0.01]).
FLOORS: dict[str, float] = {"rouge1": 48.4, "rouge2": 19.9, "rougeLsum": 33.1}


@dataclass(frozen=True)
class GateResult:
    scores: dict[str, float]
    floors: dict[str, float]
    n: int

    @property
    def failures(self) -> list[str]:
        return [
            f"{name} {self.scores[name]:.2f} < floor {floor:.2f}"
            for name, floor in self.floors.items()
            if self.scores[name] < floor
        ]

    @property
    def passed(self) -> bool:
        return not self.failures


def default_data_dir() -> Path:
    """``$CROSSWIRE_DATA``, else ``../shared/data`` beside the repository."""
    configured = os.environ.get("CROSSWIRE_DATA")
    if configured:
        return Path(configured)
    return Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


def gate_clusters(data_dir: Path, step: int = GATE_STEP) -> tuple[EvalCluster, ...]:
    clusters = load_clusters(data_dir / GATE_FILE)
    return clusters[::step]


def run_gate(
    data_dir: Path | None = None, floors: dict[str, float] | None = None, progress: bool = False
) -> GateResult:
    data_dir = data_dir or default_data_dir()
    if not (data_dir / GATE_FILE).is_file():
        raise CrosswireError("gate data not found", source=str(data_dir / GATE_FILE))
    clusters = gate_clusters(data_dir)
    runs = run_systems(clusters, {CROSSWIRE: crosswire_system(GATE_WORDS)}, GATE_WORDS, progress=progress)
    report = runs[CROSSWIRE].report("f1")
    scores = {name: float(report[name]) for name in ("rouge1", "rouge2", "rougeLsum")}
    return GateResult(scores=scores, floors=dict(floors or FLOORS), n=len(clusters))


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m crosswire.evaluate.gate")
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        result = run_gate(args.data, progress=True)
    except CrosswireError as error:
        print(f"error: {error}")
        return 2
    print(
        f"gate on {result.n} validation clusters: "
        + ", ".join(f"{k} {v:.2f}" for k, v in result.scores.items())
    )
    for failure in result.failures:
        print(f"FAIL {failure}")
    return 0 if result.passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
