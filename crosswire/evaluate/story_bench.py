"""The story-finding section of ``make bench``: crosswire and the peers on the issue's sets.

Test sets (report only): the Multi-News test mix, the DUC 2006 mix and
GoogleNews-TS, each with its target. The tuning sets (Multi-News validation,
DUC 2007) are shown after them, marked as such. One configuration everywhere:
nothing is tuned per set and no system is told the number of stories.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosswire.errors import CrosswireError
from crosswire.evaluate.stories import CROSSWIRE, evaluate_stories, format_story_table
from crosswire.evaluate.story_peers import DEFAULT_STORY_PEERS

TITLES = {"bcubed_f1": "B-cubed F1", "nmi": "NMI"}


@dataclass(frozen=True)
class BenchSet:
    title: str
    path: str
    measure: str
    target: float | None = None
    tuning: bool = False


BENCH_SETS = (
    BenchSet("Multi-News test mix", "multinews/test.jsonl", "bcubed_f1", 0.92),
    BenchSet("DUC 2006 mix", "duc2006/test.jsonl", "bcubed_f1", 0.92),
    BenchSet("GoogleNews-TS", "googlenews_ts/TS.jsonl", "nmi", 0.93),
    BenchSet(
        "Multi-News validation mix (tuning set)", "multinews/validation.jsonl", "bcubed_f1", tuning=True
    ),
    BenchSet("DUC 2007 update mix (tuning set)", "duc2007_update/test.jsonl", "bcubed_f1", tuning=True),
)


def verdict(result: dict[str, Any], bench_set: BenchSet) -> str:
    """One line: the target, crosswire's figure against it, and against the best peer."""
    systems = result["systems"]
    measure = bench_set.measure
    peers = {name: values[measure] for name, values in systems.items() if name != CROSSWIRE}
    parts = []
    if bench_set.target is not None:
        parts.append(f"target {TITLES[measure]} >= {bench_set.target:.2f}")
    if CROSSWIRE in systems:
        ours = systems[CROSSWIRE][measure]
        met = "" if bench_set.target is None else (" (met)" if ours >= bench_set.target else " (not met)")
        parts.append(f"crosswire {ours:.3f}{met}")
        if peers:
            best = max(peers, key=lambda name: peers[name])
            ratio = ours / peers[best] if peers[best] else float("inf")
            parts.append(f"best peer {best} {peers[best]:.3f}, crosswire / best peer {ratio:.2f}")
    else:
        parts.append("crosswire's tracker not available in this checkout")
    return "; ".join(parts) + "."


def run_story_bench(
    data: Path, limit: int | None = None, peers: Sequence[str] = DEFAULT_STORY_PEERS, seed: int = 0
) -> tuple[str, dict[str, Any]]:
    """The markdown section and the raw results (by set path)."""
    blocks, results = [], {}
    for bench_set in BENCH_SETS:
        path = data / bench_set.path
        try:
            result = evaluate_stories(path, peers=peers, limit=limit, seed=seed)
        except CrosswireError as error:
            blocks.append(f"#### {bench_set.title}\n\nnot available ({error})")
            continue
        results[bench_set.path] = result
        blocks.append(
            f"#### {bench_set.title}\n\n`{path}`: {result['articles']} articles, {result['stories']} gold stories"
            f" (seed {seed}).\n\n{format_story_table(result)}\n\n{verdict(result, bench_set)}"
        )
    intro = (
        "B-cubed precision/recall/F1, NMI (arithmetic) and ARI; summarization sets pooled into one stream and "
        "shuffled; crosswire = cleaning + the online tracker; peers read raw text. "
        "Reproduce one set: `crosswire eval stories DATA.jsonl --json out.json`."
    )
    return intro + "\n\n" + "\n\n".join(blocks), results
