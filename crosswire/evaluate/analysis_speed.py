"""How much the analysis costs: cold CLI runs, a warm five-article story, and story size from 25 to 400.

- cold: ``crosswire brief`` on the shared sample in fresh processes, with and
  without ``--no-analysis`` (median of ``repeats``);
- warm: the analysis of the shared sample's brief once the models are loaded
  (after a warm-up on a different story, so nothing is reused from it);
- scale: DUC 2006 articles pooled into one story of 25, 100, 200 and 400
  articles, warm; brief alone and brief with analysis; seconds per article.

Writes a plot of seconds against articles (``docs/analysis-speed.png``).
Timings on a shared machine vary: compare the columns of one run, as ratios.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SIZES = (25, 100, 200, 400)
PLOT = Path(__file__).resolve().parents[2] / "docs" / "analysis-speed.png"


def _cold(sample: Path, repeats: int) -> tuple[float, float]:
    def run(*extra: str) -> float:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "crosswire.cli", "brief", str(sample), *extra],
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    return run("--no-analysis"), run()


def duc_articles(data: Path, count: int) -> list[str]:
    """The first ``count`` DUC 2006 documents, topic by topic."""
    documents: list[str] = []
    with (data / "duc2006" / "test.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            documents.extend(d for d in json.loads(line)["documents"] if d.strip())
            if len(documents) >= count:
                break
    return documents[:count]


def _scale(data: Path, sizes: Sequence[int]) -> list[dict[str, float]]:
    from crosswire.analyze import analyze_brief
    from crosswire.embed import default_embedder
    from crosswire.pipeline import Pipeline

    embedder = default_embedder()
    pipeline = Pipeline(analyze=False)
    warm = pipeline.brief_documents(duc_articles(data, 3))
    analyze_brief(warm, embedder)  # load the models
    rows = []
    for size in sizes:
        documents = duc_articles(data, size)
        start = time.perf_counter()
        brief = pipeline.brief_documents(documents)
        alone = time.perf_counter() - start
        start = time.perf_counter()
        analyze_brief(brief, embedder)
        analysis = time.perf_counter() - start
        rows.append(
            {
                "articles": float(size),
                "sentences": float(len(brief.story.sentences)),
                "brief": alone,
                "brief_and_analysis": alone + analysis,
            }
        )
    return rows


def _warm_sample(sample: Path) -> float:
    from crosswire.analyze import analyze_brief
    from crosswire.embed import default_embedder
    from crosswire.pipeline import Pipeline

    embedder = default_embedder()
    pipeline = Pipeline(analyze=False)
    analyze_brief(pipeline.brief_documents(["A warm-up story. Officials said it was small."] * 3), embedder)
    brief = pipeline.run([sample]).briefs[0]
    start = time.perf_counter()
    analyze_brief(brief, embedder)
    return time.perf_counter() - start


def plot(rows: Sequence[dict[str, float]], path: Path = PLOT) -> Path | None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    figure, axis = plt.subplots(figsize=(6, 4))
    articles = [r["articles"] for r in rows]
    axis.plot(articles, [r["brief"] for r in rows], marker="o", label="brief alone")
    axis.plot(articles, [r["brief_and_analysis"] for r in rows], marker="o", label="brief and analysis")
    axis.set_xlabel("articles in the story (DUC 2006)")
    axis.set_ylabel("seconds (models loaded)")
    axis.set_title("crosswire: seconds against story size")
    axis.grid(True, alpha=0.3)
    axis.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return path


def run_analysis_speed(data: Path, sample: Path | None = None, sizes: Sequence[int] = SIZES, repeats: int = 2) -> str:
    sample = sample or data.parent / "samples" / "syria-airstrikes"
    lines = []
    results: dict[str, Any] = {}
    if sample.exists():
        without, with_analysis = _cold(sample, repeats)
        results["cold"] = (without, with_analysis)
        lines += [
            f"Cold `crosswire brief` on the shared sample (median of {repeats} fresh processes): "
            f"{without:.1f} s without the analysis, {with_analysis:.1f} s with it, "
            f"ratio {with_analysis / without:.2f} (target <= 2).",
            "",
            f"Warm analysis of the shared sample (five articles, models loaded): {_warm_sample(sample):.2f} s "
            "(target <= 0.5 s).",
            "",
        ]
    if (data / "duc2006" / "test.jsonl").exists():
        rows = _scale(data, sizes)
        lines += [
            "DUC 2006 articles pooled into one story, models loaded:",
            "",
            "| articles | sentences | brief alone (s) | brief and analysis (s) | analysis s/article |",
            "|---|---|---|---|---|",
        ]
        for row in rows:
            per = (row["brief_and_analysis"] - row["brief"]) / row["articles"]
            lines.append(
                f"| {row['articles']:.0f} | {row['sentences']:.0f} | {row['brief']:.1f} "
                f"| {row['brief_and_analysis']:.1f} | {per:.3f} |"
            )
        drawn = plot(rows)
        if drawn is not None:
            lines += ["", f"Plot: {drawn.relative_to(drawn.parents[1])}"]
    return "\n".join(lines) if lines else "not available (no sample and no DUC 2006 data)"


if __name__ == "__main__":
    arguments = sys.argv[1:]
    sizes = tuple(int(a) for a in arguments[1:]) or SIZES
    print(run_analysis_speed(Path(arguments[0] if arguments else "../shared/data"), sizes=sizes))
