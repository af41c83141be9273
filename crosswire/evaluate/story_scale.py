"""Scale benchmark of the story tracker: a 100,000-article stream, made at bench time.

``python -m crosswire.evaluate.story_scale --data ../shared/data`` (and the
``story-scale`` section of ``make bench``).

The stream replicates the shared evaluation articles (Multi-News validation
and test, DUC 2006, DUC 2007: about 2,900 articles in 560 stories). Replica
``r`` of a story is a new event of the same kind: its names (capitalised
words) are renamed consistently within the replica, about 15% of each
article's paragraphs are dropped, each article gets an invented outlet and
URL, and the replica's articles are dated within three days of a start drawn
over ``months`` months. The stream is in publication order; a size ``n`` is
its first ``n`` articles, so every prefix has the same articles per day.
Everything follows from ``seed``; nothing is written to disk but the plot.

The run is crosswire's real path in two phases, as the batch job splits it.
Phase 1, the per-article stages (cleaning, stable ids, the opening's MiniLM
vector and the tracker's profile), runs on ``workers`` processes and writes
one pickle of profiles per batch of the stream (``--cache DIR`` keeps them
for a rerun). Phase 2 is the stories stage proper, timed alone: the online
tracker's one pass (``partial_fit_profiles``) over the batches, in stream
order, holding one batch at a time. The target (100k articles clustered in
10 minutes) is on phase 2; phase 1's seconds are reported beside it. The
checkpoints (10k, 30k, 100k) record cumulative seconds, the process's
resident memory and the tracker's active window. Memory that stays flat
while the stream grows is memory bounded by the window.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import os
import random
import re
import sys
import time
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.evaluate.datasets import read_jsonl
from crosswire.evaluate.story_data import cluster_articles
from crosswire.model import Article

SCALE_SOURCES = (
    "multinews/validation.jsonl",
    "multinews/test.jsonl",
    "duc2006/test.jsonl",
    "duc2007_update/test.jsonl",
)
SIZES = (10_000, 30_000, 100_000)
START = datetime(2025, 1, 1, tzinfo=UTC)
OUTLETS = tuple(
    f"{a} {b}"
    for a in ("Northern", "Harbour", "Capital", "Valley", "Coast")
    for b in ("Daily", "Wire", "Herald", "Post")
)
NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")
KEEP_NAMES = frozenset(
    [
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "then",
        "when",
        "what",
        "where",
        "which",
        "while",
        "with",
        "from",
        "into",
        "after",
        "before",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
SYLLABLES = ("ka", "lo", "mer", "vin", "tor", "sa", "bel", "dru", "fen", "quo", "ris", "tam", "zel", "nor")


@dataclass(frozen=True)
class BaseStory:
    id: str
    articles: tuple[Article, ...]


def base_stories(data: Path, sources: Sequence[str] = SCALE_SOURCES) -> list[BaseStory]:
    """The stories to replicate: every cluster of the shared sets that exist under ``data``."""
    stories = []
    for relative in sources:
        path = data / relative
        if not path.is_file():
            continue
        for number, record in read_jsonl(path):
            articles = tuple(cluster_articles(record, f"{relative}:{number}"))
            if articles:
                stories.append(BaseStory(id=f"{relative}:{record.get('id') or number}", articles=articles))
    if not stories:
        raise CrosswireError("no articles to replicate (pass --data DIR)", source=str(data))
    return stories


def _stable(*parts: object) -> int:
    return int.from_bytes(hashlib.sha1("\x1f".join(map(str, parts)).encode()).digest()[:8], "big")


@lru_cache(maxsize=65536)
def pseudo_name(word: str, replica_key: str) -> str:
    """A made-up name for ``word`` in one replica (the same everywhere in that replica); 3 in 10 stay."""
    value = _stable(word, replica_key)
    if value % 10 < 3:
        return word
    value //= 10
    count = 2 + value % 3
    letters = "".join(SYLLABLES[(value >> (4 * i)) % len(SYLLABLES)] for i in range(1, count + 1))
    return letters.capitalize()


@lru_cache(maxsize=8192)  # each base article is replicated tens of times
def proper_names(text: str) -> frozenset[str]:
    """Capitalised words seen mid-sentence and never in lower case: the names of the text."""
    lower = set(re.findall(r"\b[a-z]{4,}\b", text))
    names = set()
    for match in NAME.finditer(text):
        before = text[max(0, match.start() - 2) : match.start()]
        word = match.group(0)
        if (
            before.strip()
            and not before.rstrip().endswith((".", "!", "?", '"', "("))
            and word.lower() not in lower
        ):
            names.add(word)
    return frozenset(names - {w.capitalize() for w in KEEP_NAMES})


def perturb(
    text: str, replica_key: str, rng: random.Random | None, names: frozenset[str] | None = None
) -> str:
    """Rename most ``names`` (default: the text's own) consistently for the replica; with ``rng``,
    drop some paragraphs."""
    renamed = {
        name: pseudo_name(name, replica_key) for name in (proper_names(text) if names is None else names)
    }
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if rng is not None:
        paragraphs = [p for p in paragraphs if rng.random() >= 0.15] or paragraphs[:1]
    kept = "\n".join(paragraphs)
    return NAME.sub(lambda match: renamed.get(match.group(0), match.group(0)), kept) if renamed else kept


@dataclass(frozen=True)
class Slot:
    """One article of the stream, before its text is made."""

    when: datetime
    story: int
    replica: int
    article: int


def schedule(
    stories: Sequence[BaseStory], size: int, seed: int = 0, months: int = 12, stream_size: int = SIZES[-1]
) -> list[Slot]:
    """The first ``size`` article slots of the ``stream_size`` stream, in publication order."""
    total = sum(len(s.articles) for s in stories)
    replicas = -(-max(size, stream_size) // total)
    rng = random.Random(seed)
    days = months * 30.4
    slots = []
    for replica in range(replicas):
        for number, story in enumerate(stories):
            start = START + timedelta(days=rng.uniform(0, days))
            for index in range(len(story.articles)):
                slots.append(Slot(start + timedelta(hours=rng.uniform(0, 72)), number, replica, index))
    slots.sort(key=lambda slot: (slot.when, slot.story, slot.replica, slot.article))
    return slots[:size]


def make_article(stories: Sequence[BaseStory], slot: Slot, seed: int = 0) -> tuple[Article, str]:
    """The article of a slot and its gold story (base story and replica)."""
    story = stories[slot.story]
    replica_key = f"{seed}/{story.id}/{slot.replica}"
    rng = random.Random(_stable(replica_key, slot.article))
    base = story.articles[slot.article]
    outlet = OUTLETS[rng.randrange(len(OUTLETS))]
    slug = hashlib.sha1(f"{replica_key}/{slot.article}".encode()).hexdigest()[:16]
    article = Article(
        text=perturb(base.text, replica_key, rng),
        title=perturb(base.title, replica_key, None, proper_names(base.text)) if base.title else None,
        outlet=outlet,
        url=f"https://{outlet.lower().replace(' ', '-')}.example/news/{slug}",
        published=slot.when.strftime("%Y-%m-%dT%H:%M:%S"),
        source=f"scale#{slug}",
    )
    return article, f"{story.id}~{slot.replica}"


def scale_stream(
    data: Path, size: int = SIZES[-1], seed: int = 0, months: int = 12, stream_size: int = SIZES[-1]
) -> Iterator[tuple[Article, str]]:
    """(article, gold story) for the first ``size`` articles of the stream, made one by one."""
    stories = base_stories(data)
    for slot in schedule(stories, size, seed=seed, months=months, stream_size=stream_size):
        yield make_article(stories, slot, seed=seed)


def memory_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB, from /proc (0 where absent)."""
    values = {"VmRSS": 0.0, "VmHWM": 0.0}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in values:
                values[key] = float(rest.split()[0]) / 1024
    except OSError:
        pass
    return values["VmRSS"], values["VmHWM"]


def _batches(items: Iterator[tuple[Article, str]], size: int) -> Iterator[list[tuple[Article, str]]]:
    batch: list[tuple[Article, str]] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _prepare_batch(batch: list[tuple[Article, str]], embed: bool) -> dict[str, Any]:
    """The per-article stages of one batch, in a worker process: cleaning, stable ids, profiles."""
    from crosswire.clean import clean_articles
    from crosswire.stories import StoryTracker
    from crosswire.stories.ids import article_key

    started, cpu = time.perf_counter(), time.process_time()
    with warnings.catch_warnings():  # furniture-only pages are expected; they stay singletons
        warnings.simplefilter("ignore", CrosswireWarning)
        cleaned = clean_articles([article for article, _ in batch])
    clean_seconds = time.perf_counter() - started
    placed = [replace(article, id=article_key(article)) for article in cleaned]
    profiles = StoryTracker(embed=embed).profiles(placed)
    return {
        "profiles": profiles,
        "gold": [label for _, label in batch],
        "clean_seconds": clean_seconds,
        "profile_seconds": time.perf_counter() - started - clean_seconds,
        "cpu_seconds": time.process_time() - cpu,
    }


def _worker_init() -> None:
    import torch

    torch.set_num_threads(1)  # one process per core; threads inside each would fight over the cores


def prepare_profiles(
    data: Path,
    size: int,
    folder: Path,
    seed: int = 0,
    batch: int = 500,
    months: int = 12,
    workers: int = 2,
    embed: bool = True,
) -> list[Path]:
    """Phase 1: the stream's per-article stages on ``workers`` processes, one pickle per batch in ``folder``.

    This is the work the batch job spreads over its workers; the profiles are
    written to disk so that phase 2 holds one batch at a time. A folder that
    already holds the batches of the same stream (``manifest.json``) is reused.
    """
    import json
    import multiprocessing
    import pickle
    from concurrent.futures import Future, ProcessPoolExecutor

    folder.mkdir(parents=True, exist_ok=True)
    manifest = {"size": size, "seed": seed, "batch": batch, "months": months, "embed": embed}
    marker = folder / "manifest.json"
    paths = [folder / f"batch-{n:05d}.pickle" for n in range(-(-size // batch))]
    if marker.is_file() and json.loads(marker.read_text()) == manifest and all(p.is_file() for p in paths):
        return paths
    stream = scale_stream(data, size, seed=seed, months=months, stream_size=max(size, SIZES[-1]))
    context = multiprocessing.get_context("spawn")  # no fork of a process that may hold torch
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_worker_init) as pool:
        pending: list[tuple[Path, Future[dict[str, Any]]]] = []
        for path, chunk in zip(paths, _batches(stream, batch), strict=True):
            pending.append((path, pool.submit(_prepare_batch, chunk, embed)))
            while len(pending) > 2 * workers:
                done, future = pending.pop(0)
                done.write_bytes(pickle.dumps(future.result()))
        for done, future in pending:
            done.write_bytes(pickle.dumps(future.result()))
    marker.write_text(json.dumps(manifest))
    return paths


def run_scale(
    data: Path,
    sizes: Sequence[int] = SIZES,
    seed: int = 0,
    batch: int = 500,
    months: int = 12,
    tracker: Any = None,
    workers: int = 2,
    cache: Path | None = None,
) -> dict[str, Any]:
    """Phase 1 on ``workers`` processes (``prepare_profiles``), then phase 2 timed alone: the tracker's one
    pass over the profiles, batch by batch, with a checkpoint at each size."""
    import pickle
    import tempfile

    from crosswire.evaluate.story_metrics import clustering_scores

    stories_module = importlib.import_module("crosswire.stories")
    if not hasattr(stories_module, "StoryTracker"):
        raise CrosswireError("the story tracker (crosswire.stories.StoryTracker) is not available")
    tracker = tracker if tracker is not None else stories_module.StoryTracker()
    embed = bool(getattr(tracker, "embed", True))
    wanted = sorted(sizes)
    with tempfile.TemporaryDirectory(prefix="crosswire-scale-") as temporary:
        folder = cache if cache is not None else Path(temporary)
        started = time.perf_counter()
        paths = prepare_profiles(
            data, wanted[-1], folder, seed=seed, batch=batch, months=months, workers=workers,
            embed=embed,  # the profiles the given tracker would build
        )
        phase_one = time.perf_counter() - started
        checkpoints, keys, gold = [], [], []
        seconds = {"clean": 0.0, "profile": 0.0, "cpu": 0.0, "track": 0.0, "track_cpu": 0.0}
        for path in paths:
            prepared = pickle.loads(path.read_bytes())
            for name in ("clean", "profile", "cpu"):
                seconds[name] += prepared[f"{name}_seconds"]
            started, track_cpu = time.perf_counter(), time.process_time()
            tracker.partial_fit_profiles(prepared["profiles"])
            seconds["track"] += time.perf_counter() - started
            seconds["track_cpu"] += time.process_time() - track_cpu
            keys += [profile.key for profile in prepared["profiles"]]
            gold += prepared["gold"]
            del prepared
            while wanted and len(keys) >= wanted[0]:
                checkpoints.append(_checkpoint(wanted.pop(0), seconds, tracker))
    scores = clustering_scores(gold, [tracker.story_of(key) for key in keys])
    return {
        "seed": seed,
        "batch": batch,
        "months": months,
        "workers": workers,
        "vectors": embed,
        "phase_one_seconds": round(phase_one, 1),
        "checkpoints": checkpoints,
        "quality": scores,
    }


def _checkpoint(articles: int, seconds: dict[str, float], tracker: Any) -> dict[str, Any]:
    current, peak = memory_mb()
    active = getattr(tracker, "stories_", {})
    return {
        "articles": articles,
        "seconds": round(seconds["track"], 1),
        "clean_seconds": round(seconds["clean"], 1),
        "profile_seconds": round(seconds["profile"], 1),
        "tracker_seconds": round(seconds["track"], 1),
        "tracker_cpu_seconds": round(seconds["track_cpu"], 1),
        "cpu_seconds": round(seconds["cpu"] + seconds["track_cpu"], 1),
        "load_average": round(os.getloadavg()[0], 1),
        "rss_mb": round(current),
        "peak_rss_mb": round(peak),
        "active_stories": len(active),
        # what the window holds: article keys and index entries of the active stories
        "keys_held": sum(len(s.keys) for s in active.values()),
        "index_entries": sum(len(s.indexed) for s in active.values()),
    }


TARGET_SECONDS = 600.0


def plot_scale(checkpoints: Sequence[dict[str, Any]], path: Path) -> Path:
    """Articles against seconds (and resident memory), as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    articles = [c["articles"] for c in checkpoints]
    figure, left = plt.subplots(figsize=(6.4, 4.0), dpi=100)
    left.plot(
        [0, *articles], [0, *(c["clean_seconds"] + c.get("profile_seconds", 0) for c in checkpoints)], "o-",
        label="seconds (per-article stages: clean, vectors, profiles)"
    )
    left.plot(
        [0, *articles], [0, *(c["tracker_seconds"] for c in checkpoints)], "s--", label="seconds (clustering: tracker)"
    )
    left.plot(  # CPU time: what the tracker costs when other jobs share the cores
        [0, *articles], [0, *(c.get("tracker_cpu_seconds", 0) for c in checkpoints)], "d-.",
        label="CPU seconds (clustering: tracker)",
    )
    left.axhline(TARGET_SECONDS, color="grey", linestyle=":", label="target: 100k in 10 min")
    left.set_xlabel("articles in the stream")
    left.set_ylabel("cumulative seconds")
    right = left.twinx()
    right.plot(articles, [c["rss_mb"] for c in checkpoints], "^-", color="tab:red", label="resident MB")
    right.set_ylabel("resident memory (MB)")
    right.set_ylim(bottom=0)
    handles = left.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
    labels = left.get_legend_handles_labels()[1] + right.get_legend_handles_labels()[1]
    left.legend(handles, labels, loc="upper left", fontsize="small")
    left.set_title("crosswire story tracker on the scale stream (2 cores)")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
    return path


def scale_text(result: dict[str, Any], plot: str | None = None) -> str:
    """Markdown: the checkpoints table, linearity, the target and the stream's clustering quality."""
    rows = result["checkpoints"]
    lines = [
        "| articles | clustering s | clustering CPU s | s per 1k | per-article stages: clean s | vectors and "
        "profiles s | resident MB | peak MB | active stories | load average |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for c in rows:
        per_thousand = 1000 * c["seconds"] / c["articles"]
        lines.append(
            f"| {c['articles']:,} | {c['seconds']:.0f} | {c.get('tracker_cpu_seconds', 0):.0f} | {per_thousand:.2f} "
            f"| {c['clean_seconds']:.0f} | {c.get('profile_seconds', 0):.0f} | {c['rss_mb']} | {c['peak_rss_mb']} "
            f"| {c['active_stories']:,} | {c['load_average']} |"
        )
    text = "\n".join(lines)
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        growth = (last["seconds"] / last["articles"]) / max(first["seconds"] / first["articles"], 1e-9)
        text += f"\n\nCost per article at {last['articles']:,} over cost per article at {first['articles']:,}: {growth:.2f} (1.00 is linear)."
        met = "met" if last["seconds"] <= TARGET_SECONDS and last["articles"] >= SIZES[-1] else "not met"
        text += (
            f" Target {SIZES[-1]:,} articles in <= {TARGET_SECONDS:.0f} s: {met} ({last['seconds']:.0f} s)."
        )
    if not result.get("vectors", True):
        text += " Tracked without MiniLM vectors (`--lexical`: the join model's no-vectors variant)."
    quality = result["quality"]
    text += (
        f"\n\nOn the generated stream (gold = base story and replica), for information: B-cubed F1 "
        f"{quality['bcubed_f1']:.3f}, NMI {quality['nmi']:.3f}, {quality['predicted']:,} stories found for "
        f"{quality['gold']:,} gold."
    )
    if plot:
        text += f"\n\n![articles against seconds]({plot})"
    return text


def bench_scale(data: Path, limit: int | None = None, plot: Path = Path("docs/story-scale.png")) -> str:
    """The ``make bench`` section: the run in a fresh process (so its memory is its own), then the plot.

    With ``limit`` (a quick bench run), the sizes shrink a hundredfold and no plot is written.
    """
    import json
    import subprocess
    import tempfile

    sizes = SIZES if limit is None else tuple(max(100, size // 100) for size in SIZES)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "scale.json"
        command = [sys.executable, "-m", "crosswire.evaluate.story_scale", "--data", str(data)]
        command += ["--sizes", ",".join(map(str, sizes)), "--json", str(out), "--no-plot"]
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
        if finished.returncode != 0 or not out.is_file():
            last = (finished.stderr.strip().splitlines() or ["no output"])[-1]
            return f"not available ({last})"
        result = json.loads(out.read_text(encoding="utf-8"))
    link = None
    if limit is None:
        plot_scale(result["checkpoints"], plot)
        link = plot.as_posix()
    intro = (
        f"Stream: the shared Multi-News and DUC articles replicated with renamed names, dropped paragraphs and "
        f"dates over {result['months']} months (seed {result['seed']}), fed in batches of {result['batch']} "
        "through cleaning and the tracker's `partial_fit`, in a fresh process; cumulative seconds at each "
        "checkpoint; CPU s is the process's CPU time over all its threads, load average the machine's "
        "1-minute load at the checkpoint (2 cores). Reproduce: `python -m crosswire.evaluate.story_scale --data ../shared/data`.\n\n"
    )
    return intro + scale_text(result, link)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crosswire.evaluate.story_scale", description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated checkpoints")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--plot", type=Path, default=Path("docs/story-scale.png"))
    parser.add_argument("--no-plot", action="store_true", help="write no PNG")
    parser.add_argument("--json", type=Path, help="also write the result as JSON here")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes of phase 1")
    parser.add_argument("--cache", type=Path, help="keep (and reuse) phase 1's profiles in this folder")
    parser.add_argument("--lexical", action="store_true",
                        help="track without MiniLM vectors (the join model's no-vectors variant): phase 1 is then "
                        "cleaning and term profiles alone, about a fifth of its cost")
    parser.add_argument("--max-active", type=int, default=None,
                        help="the tracker's window of active stories (default: the tracker's own, 5,000); a smaller "
                        "one shows memory flat once the window is full")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    try:
        tracker = None
        if args.lexical or args.max_active is not None:
            from crosswire.stories import StoryTracker

            window = {} if args.max_active is None else {"max_active": args.max_active}
            tracker = StoryTracker(embed=not args.lexical, **window)
        result = run_scale(
            args.data, sizes=sizes, seed=args.seed, batch=args.batch, workers=args.workers, cache=args.cache,
            tracker=tracker,
        )
    except CrosswireError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        import json

        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if not args.no_plot:
        plot_scale(result["checkpoints"], args.plot)
    print(scale_text(result, None if args.no_plot else str(args.plot)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
