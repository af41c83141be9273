"""How much the analysis costs: cold CLI runs, a warm five-article story, and story size from 25 to 400.

- cold: ``crosswire brief`` on the shared sample in fresh processes, with and
  without ``--no-analysis`` (median of ``repeats``);
- warm: the analysis of the shared sample's brief once the models are loaded
  (after a warm-up on a different story, so nothing is reused from it);
- scale: DUC 2006 articles pooled into one story of 25, 100, 200 and 400
  articles, warm; brief alone and brief with analysis; seconds per article.

Writes a plot of seconds against articles (``docs/analysis-speed.png``); ``--replot REPORT...``
draws it again from saved reports (the 400-article run is made alone, beside the others).
Timings on a shared machine vary: compare the columns of one run, as ratios.
"""

from __future__ import annotations

import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SIZES = (25, 100, 200, 400)
PLOT = Path(__file__).resolve().parents[2] / "docs" / "analysis-speed.png"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cold(sample: Path, repeats: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """(wall, CPU) medians of fresh ``crosswire brief`` processes, without and with the analysis."""

    def run(*extra: str) -> tuple[float, float]:
        walls, cpus = [], []
        for _ in range(repeats):
            start, cpu = time.perf_counter(), _children_cpu()
            subprocess.run(
                [sys.executable, "-m", "crosswire.cli", "brief", str(sample), *extra],
                check=True,
                capture_output=True,
            )
            walls.append(time.perf_counter() - start)
            cpus.append(_children_cpu() - cpu)
        return statistics.median(walls), statistics.median(cpus)

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
    """Per size: the brief alone, then the brief with its analysis as a user runs it (one
    ``Pipeline`` call: spaCy starts on the articles while the brief is made), each from scratch."""
    from crosswire.pipeline import Pipeline

    alone_pipeline, full_pipeline = Pipeline(analyze=False), Pipeline(analyze=True)
    full_pipeline.brief_documents(duc_articles(data, 3))  # load the models
    rows = []
    for size in sizes:
        documents = duc_articles(data, size)
        forget_analyses()  # each run from scratch: nothing kept from the warm-up or a smaller story
        start, cpu = time.perf_counter(), time.process_time()
        brief = alone_pipeline.brief_documents(documents)
        alone, alone_cpu = time.perf_counter() - start, time.process_time() - cpu
        forget_analyses()
        start, cpu = time.perf_counter(), time.process_time()
        full_pipeline.brief_documents(documents)
        both, both_cpu = time.perf_counter() - start, time.process_time() - cpu
        rows.append(
            {
                "articles": float(size),
                "sentences": float(len(brief.story.sentences)),
                "brief": alone,
                "brief_and_analysis": both,
                "brief_cpu": alone_cpu,
                "analysis_cpu": both_cpu - alone_cpu,
            }
        )
    return rows


def _analysis_embedder() -> tuple[Any, Any]:
    """The analysis's embedder and the figures' own (or None), as a run picks them
    (``CROSSWIRE_ANALYSIS_EMBEDDER``, crosswire.embed)."""
    from crosswire.embed import analysis_embedders, default_embedder

    return analysis_embedders(default_embedder())


def _embedder_names() -> str:
    embedder, figures = _analysis_embedder()
    return embedder.name + (f", figures on {figures.name}" if figures is not None else "")


def forget_analyses() -> None:
    """Empty the process's kept vectors and parsed articles (crosswire.analyze.reuse)."""
    from crosswire.analyze import reuse

    reuse.VECTORS.clear()
    reuse.DOCS.clear()


def _grown(data: Path, size: int = 25) -> tuple[float, float]:
    """(wall, CPU) seconds to analyse a story of ``size`` DUC articles again once one more arrived:
    the service and stream case, where the vectors and parses of the first ``size`` are kept."""
    from crosswire.analyze import analyze_brief
    from crosswire.pipeline import Pipeline

    embedder = _analysis_embedder()
    pipeline = Pipeline(analyze=False)
    forget_analyses()
    analyze_brief(pipeline.brief_documents(duc_articles(data, size)), *embedder)
    brief = pipeline.brief_documents(duc_articles(data, size + 1))
    start, cpu = time.perf_counter(), time.process_time()
    analyze_brief(brief, *embedder)
    return time.perf_counter() - start, time.process_time() - cpu


def _warm_sample(sample: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of the analysis of the shared sample's brief, models loaded."""
    from crosswire.analyze import analyze_brief
    from crosswire.pipeline import Pipeline

    embedder = _analysis_embedder()
    pipeline = Pipeline(analyze=False)
    analyze_brief(pipeline.brief_documents(["A warm-up story. Officials said it was small."] * 3), *embedder)
    brief = pipeline.run([sample]).briefs[0]
    forget_analyses()
    start, cpu = time.perf_counter(), time.process_time()
    analyze_brief(brief, *embedder)
    return time.perf_counter() - start, time.process_time() - cpu


STAGED = 25  # articles of the DUC story whose stages are timed


def _sample_stages(sample: Path) -> dict[str, float]:
    from crosswire.pipeline import Pipeline

    return stage_seconds(Pipeline(analyze=False).run([sample]).briefs[0], *_analysis_embedder())


def _duc_stages(data: Path) -> dict[str, float]:
    from crosswire.pipeline import Pipeline

    brief = Pipeline(analyze=False).brief_documents(duc_articles(data, STAGED))
    return stage_seconds(brief, *_analysis_embedder())


def stage_seconds(brief: Any, embedder: Any, figure_embedder: Any = None) -> dict[str, float]:
    """CPU seconds of each stage of one analysis, run one after another in this thread (no overlap,
    nothing kept from before): the sentence vectors, each spaCy component, each section."""
    from crosswire.analyze import claims, coverage, entities, facts, figures, quotes, salience, timeline
    from crosswire.analyze.context import AnalysisContext, encode_unique, load_nlp, offtopic_articles
    from crosswire.model import StoryAnalysis

    forget_analyses()
    story = brief.story
    seconds: dict[str, float] = {}

    def timed(name: str, work: Any) -> Any:
        start = time.thread_time()
        result = work()
        seconds[name] = seconds.get(name, 0.0) + time.thread_time() - start
        return result

    texts = [s.text for s in story.sentences]
    vectors = timed("encode", lambda: encode_unique(embedder, texts))
    nlp = load_nlp()
    docs = {}
    for article in story.articles:
        doc = timed("spacy tokenizer", lambda a=article: nlp.make_doc(a.text))
        for name, component in nlp.pipeline:
            doc = timed(f"spacy {name.removeprefix('crosswire_')}", lambda c=component, d=doc: c(d))
        docs[article.id] = doc
    ctx = AnalysisContext(story, docs, vectors, embedder, memo=dict(zip(texts, vectors, strict=True)))
    ctx.figure_embedder = figure_embedder
    ctx.offtopic = timed("offtopic", lambda: offtopic_articles(story, vectors, embedder))
    timed("support", lambda: [facts.support_for(ctx, s.text) for s in brief.sentences])
    found = timed("entities", lambda: entities.extract_entities(ctx))
    said = timed("quotes", lambda: quotes.extract_quotes(ctx, found))
    stated = timed("facts", lambda: facts.extract_facts(ctx))
    analysis = StoryAnalysis(
        facts=stated,
        figures=timed("figures", lambda: figures.extract_figures(ctx, found)),
        claims=timed("claims", lambda: claims.extract_claims(ctx, found, said)),
        quotes=said,
        timeline=timed("timeline", lambda: timeline.extract_timeline(ctx)),
        entities=found,
        coverage=timed("coverage", lambda: coverage.compare_coverage(ctx, stated)),
    )
    timed("salience", lambda: salience.rank(ctx, analysis))
    return seconds


def format_stages(seconds: dict[str, float]) -> str:
    spacy = sum(v for k, v in seconds.items() if k.startswith("spacy "))
    sections = sum(v for k, v in seconds.items() if k != "encode" and not k.startswith("spacy "))
    parts = ", ".join(
        f"{k.removeprefix('spacy ')} {v:.2f}" for k, v in seconds.items() if k.startswith("spacy ")
    )
    rest = ", ".join(
        f"{k} {v:.2f}" for k, v in seconds.items() if k != "encode" and not k.startswith("spacy ")
    )
    return (
        f"encode {seconds.get('encode', 0.0):.2f} s; spaCy {spacy:.2f} s ({parts}); "
        f"sections {sections:.2f} s ({rest})"
    )


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
    if all("analysis_cpu" in r for r in rows):
        cpu = [r["brief_cpu"] + r["analysis_cpu"] for r in rows]
        axis.plot(articles, cpu, marker="x", linestyle="--", label="brief and analysis, CPU seconds")
    axis.set_xlabel("articles in the story (DUC 2006)")
    axis.set_ylabel("seconds (models loaded)")
    axis.set_title("crosswire: seconds against story size")
    axis.grid(True, alpha=0.3)
    axis.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return path


def run_analysis_speed(
    data: Path, sample: Path | None = None, sizes: Sequence[int] = SIZES, repeats: int = 2
) -> str:
    sample = sample or data.parent / "samples" / "syria-airstrikes"
    lines = [
        f"Load average at the start: {_load()}. CPU = process time (both analysis threads). "
        f"Analysis embedder: {_embedder_names()}.",
        "",
    ]
    results: dict[str, Any] = {}
    if sample.exists():
        (without, without_cpu), (with_analysis, with_cpu) = _cold(sample, repeats)
        results["cold"] = (without, with_analysis)
        warm, warm_cpu = _warm_sample(sample)
        lines += [
            f"Cold `crosswire brief` on the shared sample (median of {repeats} fresh processes): "
            f"{without:.1f} s without the analysis, {with_analysis:.1f} s with it, "
            f"ratio {with_analysis / without:.2f} (target <= 2); CPU {without_cpu:.1f} s and "
            f"{with_cpu:.1f} s, ratio {with_cpu / without_cpu:.2f}.",
            "",
            f"Warm analysis of the shared sample (five articles, models loaded): {warm:.2f} s, "
            f"CPU {warm_cpu:.2f} s (target <= 0.5 s).",
            "",
            "Where its CPU seconds go, each stage alone in one thread: "
            + format_stages(_sample_stages(sample)),
            "",
        ]
    if (data / "duc2006" / "test.jsonl").exists():
        rows = _scale(data, sizes)
        lines += [
            "DUC 2006 articles pooled into one story, models loaded:",
            "",
            "| articles | sentences | brief alone (s) | brief and analysis (s) | analysis s/article "
            "| CPU: brief (s) | CPU: analysis (s) | CPU: analysis s/article |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for row in rows:
            per = (row["brief_and_analysis"] - row["brief"]) / row["articles"]
            lines.append(
                f"| {row['articles']:.0f} | {row['sentences']:.0f} | {row['brief']:.1f} "
                f"| {row['brief_and_analysis']:.1f} | {per:.3f} | {row['brief_cpu']:.1f} "
                f"| {row['analysis_cpu']:.1f} | {row['analysis_cpu'] / row['articles']:.3f} |"
            )
        lines += [
            "",
            f"Where the CPU seconds of {STAGED} articles go, each stage alone in one thread: "
            + format_stages(_duc_stages(data)),
        ]
        grown, grown_cpu = _grown(data)
        lines += [
            "",
            f"The 25-article story analysed again after a 26th article arrived (vectors and parses of the "
            f"first 25 kept, the service and stream case): {grown:.1f} s, CPU {grown_cpu:.1f} s.",
        ]
        drawn = plot(rows)
        if drawn is not None:
            lines += ["", f"Plot: {drawn.relative_to(drawn.parents[1])}"]
    if len(lines) == 2:
        return "not available (no sample and no DUC 2006 data)"
    lines += ["", f"Load average at the end: {_load()}."]
    return "\n".join(lines)


def _load() -> str:
    return " / ".join(f"{value:.1f}" for value in os.getloadavg())


_ROW = re.compile(r"^\| (\d+) \| (\d+) \| ([\d.]+) \| ([\d.]+) \| [\d.]+ \| ([\d.]+) \| ([\d.]+) \|")


def rows_from_reports(texts: Sequence[str]) -> list[dict[str, float]]:
    """The scale rows of earlier reports of this module, by story size: the 400-article run goes
    alone beside the others, and one plot shows them all (``--replot REPORT...``)."""
    rows = {}
    for text in texts:
        for line in text.splitlines():
            found = _ROW.match(line)
            if found:
                articles, sentences, brief, both, brief_cpu, analysis_cpu = map(float, found.groups())
                rows[articles] = {
                    "articles": articles,
                    "sentences": sentences,
                    "brief": brief,
                    "brief_and_analysis": both,
                    "brief_cpu": brief_cpu,
                    "analysis_cpu": analysis_cpu,
                }
    return [rows[k] for k in sorted(rows)]


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[:1] == ["--replot"]:
        print(plot(rows_from_reports([Path(a).read_text(encoding="utf-8") for a in arguments[1:]])))
        sys.exit(0)
    sizes = tuple(int(a) for a in arguments[1:]) or SIZES
    print(run_analysis_speed(Path(arguments[0] if arguments else "../shared/data"), sizes=sizes))
