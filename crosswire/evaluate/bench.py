"""``python -m crosswire.evaluate.bench --data ../shared/data --out BENCHMARKS.md`` (``make bench``).

Runs each benchmark section and writes them, with the command, data paths and
date, between markers in BENCHMARKS.md (text outside the markers is kept).
Sections live in ``SECTIONS``: adding one is one line. A section whose module
is missing (another helper's) reads "not available".
"""

from __future__ import annotations

import argparse
import importlib
import re
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crosswire.errors import CrosswireError

BEGIN = "<!-- crosswire-bench:begin -->"
END = "<!-- crosswire-bench:end -->"


@dataclass
class BenchContext:
    data: Path
    limit: int | None
    progress: bool
    results: dict[str, Any]
    web_data: Path | None = None


Section = Callable[[BenchContext], str]


def _multinews(context: BenchContext) -> str:
    from crosswire.evaluate.summaries import evaluate_summaries, format_table, interval_text

    path = context.data / "multinews" / "test.jsonl"
    result = evaluate_summaries(path, words=250, limit=context.limit, progress=context.progress)
    context.results["multinews"] = result
    return f"ROUGE F1 (%), 250 words, `{path}`.\n\n{format_table(result)}\n\n{interval_text(result)}"


def _duc2006(context: BenchContext) -> str:
    from crosswire.evaluate.duc import DUC_COLUMNS, agreement_text, evaluate_duc2006, verify_duc2006_scoring
    from crosswire.evaluate.summaries import format_table, interval_text

    result = evaluate_duc2006(context.data, limit=context.limit, progress=context.progress)
    context.results["duc2006"] = result
    text = f"ROUGE recall (%), 250 words, query = topic title + narrative, `{result['data']}`.\n\n"
    text += format_table(result, columns=DUC_COLUMNS)
    text += "\n\n" + interval_text(result, names=("rouge2",))
    if context.limit is None:
        text += "\n\nScoring check: " + agreement_text(verify_duc2006_scoring(context.data))
    return text


def _duc2007(context: BenchContext) -> str:
    from crosswire.evaluate.duc import DUC_COLUMNS, evaluate_duc2007_update
    from crosswire.evaluate.summaries import format_table

    result = evaluate_duc2007_update(context.data, limit=context.limit, progress=context.progress)
    context.results["duc2007"] = result
    text = f"ROUGE recall (%), 100 words; sets B/C briefed with the earlier sets as `since_documents` (peers see only the new set), `{result['data']}`.\n\n"
    text += format_table(result, columns=DUC_COLUMNS)
    names = list(result["systems"])
    rows = [
        f"| {letter} | "
        + " | ".join(f"{by_name[name]['rouge2']:.2f}" for name in names)
        + f" | {by_name[names[0]]['n']} |"
        for letter, by_name in result["by_set"].items()
    ]
    header = "| set | " + " | ".join(f"{name} R2" for name in names) + " | n |"
    text += (
        "\n\nROUGE-2 recall by set:\n\n" + header + "\n|" + "---|" * (len(names) + 2) + "\n" + "\n".join(rows)
    )
    return text


def _duc_generic(context: BenchContext) -> str:
    from crosswire.evaluate.duc import DUC_COLUMNS, evaluate_duc_generic
    from crosswire.evaluate.summaries import format_table, interval_text

    results = evaluate_duc_generic(context.data, limit=context.limit, progress=context.progress)
    context.results["duc_generic"] = results
    parts = [
        "ROUGE recall (%), generic 100-word summaries (queries and earlier sets ignored), cut at 100 words.",
        _newswire_model_note(),
    ]
    for label, result in results.items():
        parts += [
            f"**{label}**",
            format_table(result, columns=DUC_COLUMNS),
            interval_text(result, names=("rouge2",)),
        ]
    return "\n\n".join(parts)


def _newswire_model_note() -> str:
    """Which model crosswire scored with here, and its out-of-fold figure (these clusters are its training data)."""
    import json

    from crosswire.summarize.newswire import NEWSWIRE_MODEL_FILE

    card = NEWSWIRE_MODEL_FILE.with_suffix(".json")
    if not card.is_file():
        return "crosswire scores with the Multi-News model (no newswire model is installed)."
    metrics = json.loads(card.read_text(encoding="utf-8")).get("metrics", {})
    return (
        f"crosswire scores with the newswire model (`{NEWSWIRE_MODEL_FILE.name}`), trained on these very "
        "clusters, so its rows here are in-sample; its 5-fold out-of-fold R2 recall over the same clusters "
        f"(the card's `cv_rouge2_r`, briefs cut at 100 words) is {metrics.get('cv_rouge2_r', float('nan')):.2f}."
    )


def _speed(context: BenchContext) -> str:
    result = context.results.get("multinews")
    if result is None:
        return "not available (needs the multinews section)"
    systems = result["systems"]
    lines = ["| system | median sec/cluster | mean sec/cluster |", "|---|---|---|"]
    for name, values in systems.items():
        lines.append(f"| {name} | {values['median_sec_per_cluster']:.3f} | {values['sec_per_cluster']:.3f} |")
    text = (
        "Multi-News test, same clusters, one process (crosswire's model loaded before timing).\n\n"
        + "\n".join(lines)
    )
    if "crosswire" in systems and "lexrank" in systems and systems["lexrank"]["median_sec_per_cluster"] > 0:
        ratio = systems["crosswire"]["median_sec_per_cluster"] / systems["lexrank"]["median_sec_per_cluster"]
        text += f"\n\nMedian time ratio crosswire / LexRank: {ratio:.2f}"
    return text


def peak_memory_mb() -> float:
    """High-water mark of this process's resident memory (Linux reports KiB)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


def _memory(context: BenchContext) -> str:
    return f"Peak RSS of the benchmark process (all sections above): {peak_memory_mb():.0f} MB"


def _plugged(module: str, function: str, *arguments: str) -> Section:
    """A section provided by another module, or "not available" when it is missing."""

    def run(context: BenchContext) -> str:
        try:
            provider = getattr(importlib.import_module(module), function)
        except (ImportError, AttributeError) as error:
            return f"not available ({module}.{function}: {error})"
        return str(provider(*(context.data for _ in arguments)))

    return run


def _attribution(context: BenchContext) -> str:
    from crosswire.evaluate.attribution import run_polnear

    return str(run_polnear(context.data / "polnear", "test"))


def _web(context: BenchContext) -> str:
    from crosswire.evaluate.web import DEFAULT_WEB_DATA, load_pages, run_web

    folder = context.web_data or DEFAULT_WEB_DATA
    if not folder.exists():
        return (
            f"skipped: trafilatura's evaluation pages are not at `{folder}`; get them with "
            f"`git clone https://github.com/adbar/trafilatura {folder}` or pass `--web-data DIR`"
        )
    from crosswire.evaluate.web_stories import run_web_stories

    pages = load_pages(folder)
    return run_web(folder, pages) + "\n\n" + run_web_stories(folder, pages)


def _readability(context: BenchContext) -> str:
    from crosswire.evaluate.readability import run_readability

    return run_readability(context.data, limit=context.limit)


def _claims(context: BenchContext) -> str:
    from crosswire.evaluate.attribution import run_claim_fixture

    return str(run_claim_fixture())


def _stories(context: BenchContext) -> str:
    from crosswire.evaluate.story_bench import run_story_bench

    text, context.results["stories"] = run_story_bench(context.data, limit=context.limit)
    return text


def _story_scale(context: BenchContext) -> str:
    from crosswire.evaluate.story_scale import bench_scale

    return bench_scale(context.data, limit=context.limit)


def _batch(context: BenchContext) -> str:
    from crosswire.evaluate.batch_bench import bench_batch

    return bench_batch(context.data, limit=context.limit)


SECTIONS: dict[str, tuple[str, Section]] = {
    "multinews": ("Multi-News test: crosswire and peers", _multinews),
    "duc2006": ("DUC 2006 query-focused", _duc2006),
    "duc2007": ("DUC 2007 update", _duc2007),
    "duc_generic": ("Classic newswire, generic 100 words", _duc_generic),
    "speed": ("Speed", _speed),
    "readability": ("Readability of the Multi-News test briefs", _readability),
    "attribution": ("PolNeAR attribution", _attribution),
    "dates": ("Date resolution", _plugged("crosswire.evaluate.dates", "run_dates", "data")),
    "fixtures": ("Figures (fixtures)", _plugged("crosswire.evaluate.analysis_fixtures", "run_fixtures")),
    "claims": ("Claims and denials (fixtures)", _claims),
    "analysis": (
        "Analysis (labelled Multi-News validation)",
        _plugged("crosswire.evaluate.analysis_bench", "run_analysis_bench", "data"),
    ),
    "analysis_speed": (
        "Analysis speed",
        _plugged("crosswire.evaluate.analysis_speed", "run_analysis_speed", "data"),
    ),
    "web": ("Cleaning real web pages", _web),
    "stories": ("Story finding (issue 14)", _stories),
    "story-scale": ("Story tracker at scale", _story_scale),
    "batch": ("Batch on Dask (issue 16)", _batch),
    "service": ("Service load (issue 15)", _plugged("crosswire.evaluate.serve_load", "run_service_load")),
    "memory": ("Peak memory", _memory),
}


def run_sections(context: BenchContext, skip: Sequence[str] = ()) -> list[tuple[str, str, float]]:
    unknown = [name for name in skip if name not in SECTIONS]
    if unknown:
        raise CrosswireError(f"unknown section(s) {', '.join(unknown)}; sections: {', '.join(SECTIONS)}")
    done = []
    for name, (title, section) in SECTIONS.items():
        if name in skip:
            continue
        started = time.perf_counter()
        try:
            body = section(context)
        except CrosswireError as error:
            body = f"not available ({error})"
        done.append((title, body, time.perf_counter() - started))
    return done


def sections_outside(only: Sequence[str]) -> list[str]:
    """The sections ``--only`` leaves out (none when ``only`` is empty); an unknown name is an error."""
    if not only:
        return []
    unknown = [name for name in only if name not in SECTIONS]
    if unknown:
        raise CrosswireError(f"unknown section(s) {', '.join(unknown)}; sections: {', '.join(SECTIONS)}")
    return [name for name in SECTIONS if name not in only]


def render(sections: Sequence[tuple[str, str, float]], command: str, data: Path) -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts = [
        BEGIN,
        "## Current results",
        "",
        f"Generated {stamp} by `{command}`; data: `{data}`.",
        "",
    ]
    for title, body, seconds in sections:
        parts += [f"### {title}", "", nested_headings(body), "", f"_section time: {seconds:.0f} s_", ""]
    parts.append(END)
    return "\n".join(parts) + "\n"


def nested_headings(body: str, level: int = 4) -> str:
    """``body`` with its Markdown headings demoted to at least ``level``, so they stay inside the section."""
    lines = []
    for line in body.split("\n"):
        match = re.match(r"^(#{1,6})\s", line)
        if match and len(match.group(1)) < level:
            line = "#" * level + line[len(match.group(1)) :]
        lines.append(line)
    return "\n".join(lines)


def update_file(path: Path, block: str) -> None:
    """Replace the marked block of ``path`` (or append it), keeping everything else."""
    old = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    if BEGIN in old and END in old:
        head, _, rest = old.partition(BEGIN)
        _, _, tail = rest.partition(END)
        new = head + block.rstrip("\n") + tail
    else:
        new = old.rstrip("\n") + "\n\n" + block
    path.write_text(new, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crosswire.evaluate.bench", description=__doc__)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("BENCHMARKS.md"))
    parser.add_argument(
        "--web-data",
        type=Path,
        default=None,
        help="a clone of github.com/adbar/trafilatura for the web-page section (default ../trafilatura)",
    )
    parser.add_argument("--limit", type=int, default=None, help="first N clusters of each set")
    parser.add_argument("--skip", default="", help=f"comma-separated sections to skip: {','.join(SECTIONS)}")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated sections to run, every other one skipped (with --skip: both apply)",
    )
    parser.add_argument("--progress", action="store_true", help="show progress bars")
    args = parser.parse_args(argv)
    skip = [s.strip() for s in args.skip.split(",") if s.strip()]
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    command = "python -m crosswire.evaluate.bench " + " ".join(argv if argv is not None else sys.argv[1:])
    try:
        if not args.data.is_dir():
            raise CrosswireError(
                "data folder not found; the evaluation sets are not bundled: see docs/data.md for "
                "where to get them, or pass --data DIR (DATA=DIR with make)",
                source=str(args.data),
            )
        skip += sections_outside(only)
        context = BenchContext(
            data=args.data, limit=args.limit, progress=args.progress, results={}, web_data=args.web_data
        )
        sections = run_sections(context, skip)
    except CrosswireError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    update_file(args.out, render(sections, command.strip(), args.data))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
