"""Command line: a thin layer that builds the pipeline from options.

Every user-facing failure is one line on stderr (``crosswire: error: ...``)
and exit status 2; warnings are one line each. ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import json
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

import click

from crosswire import __version__
from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.ingest import FORMATS as INPUT_FORMATS
from crosswire.model import Brief

OUTPUT_FORMATS = ("markdown", "json", "html")

DEFAULT_PEERS = "lead,lexrank,textrank,lsa"
DEFAULT_DATA = "../shared/data"
EXIT_USER_ERROR = 2


def _print_warning(message: Warning | str, category: type[Warning], *_: Any, **__: Any) -> None:
    if issubclass(category, CrosswireWarning):
        click.echo(f"crosswire: warning: {message}", err=True)


def _quiet_libraries() -> None:
    """Route crosswire's warnings to one line each; silence libraries' chatter."""
    warnings.showwarning = _print_warning
    warnings.simplefilter("default", CrosswireWarning)
    for noisy in (FutureWarning, DeprecationWarning, UserWarning, RuntimeWarning):
        warnings.filterwarnings("ignore", category=noisy)
    warnings.filterwarnings("always", category=CrosswireWarning)


def _run_safely(debug: bool, action: Callable[[], None]) -> None:
    try:
        action()
    except CrosswireError as error:
        if debug:
            raise
        click.echo(f"crosswire: error: {error}", err=True)
        sys.exit(EXIT_USER_ERROR)
    except KeyboardInterrupt:
        click.echo("crosswire: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # a bug in crosswire: still one line unless --debug
        if debug:
            raise
        click.echo(
            f"crosswire: internal error: {type(error).__name__}: {error} (rerun with --debug)", err=True
        )
        sys.exit(1)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CrosswireError(f"cannot write output: {error.strerror}", source=str(output)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crosswire")
def main() -> None:
    """crosswire: many news articles in, sourced and cross-checked briefs out."""
    _quiet_libraries()


def _check_words(words: int) -> None:
    from crosswire.pipeline import MIN_WORDS

    if words < MIN_WORDS:
        raise CrosswireError(f"--words must be at least {MIN_WORDS}, got {words}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--words", default=250, show_default=True, help="Word budget of the brief.")
@click.option(
    "--overrun",
    is_flag=True,
    help="After filling --words, add one more sentence that runs past it (for scoring that cuts at the budget).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    default="markdown",
    show_default=True,
    help="Output format.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
@click.option("--query", help="Focus the brief on this question (query-focused mode).")
@click.option(
    "--since",
    "since",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Articles the reader has already seen: the brief covers only what PATHS add (update mode). Repeatable.",
)
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    help="Read every input as this format instead of detecting it.",
)
@click.option("--one-story", is_flag=True, help="Take all ungrouped articles as one story (no story finding).")
@click.option(
    "--db",
    type=click.Path(path_type=Path),
    help="Story store (SQLite): add PATHS to it and brief the stories they joined, with their stored articles.",
)
@click.option("--no-analysis", is_flag=True, help="Skip the cross-source analysis (faster).")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def brief(
    paths: Sequence[Path],
    words: int,
    overrun: bool,
    output_format: str,
    output: Path | None,
    query: str | None,
    since: Sequence[Path],
    input_format: str | None,
    one_story: bool,
    db: Path | None,
    no_analysis: bool,
    debug: bool,
) -> None:
    """Write a cited brief of each story in PATHS (files, folders, or - for standard input)."""

    def action() -> None:
        from crosswire.pipeline import Pipeline
        from crosswire.render import render

        _check_words(words)
        pipeline = Pipeline(
            words=words,
            query=query,
            input_format=input_format,
            analyze=not no_analysis,
            cross_budget=overrun,
            one_story=one_story,
        )
        if db is not None:
            briefs, singletons = _briefs_from_store(pipeline, db, paths, since)
        else:
            with _progress() as progress:
                result = pipeline.run(list(paths), since=list(since), progress=progress)
            briefs, singletons = list(result.briefs), list(result.singletons)
        _write(render(briefs, output_format, singletons), output)

    _run_safely(debug, action)


def _briefs_from_store(
    pipeline: Any, db: Path, paths: Sequence[Path], since: Sequence[Path]
) -> tuple[list[Brief], list[Any]]:
    from crosswire.pipeline import with_one_brief
    from crosswire.store import Store, ingest
    from crosswire.store.ingest import stored_story

    with Store(db) as store:
        report = ingest(pipeline, store, pipeline.read(list(paths)))
        seen = pipeline.seen_story(list(since))
        stories = [s for s in (stored_story(pipeline, store, sid) for sid in report.stories) if s is not None]
    singles = [s for s in stories if len(s.articles) == 1]
    multi = sorted((s for s in stories if len(s.articles) > 1), key=lambda s: -len(s.articles))
    multi, singles = with_one_brief(multi, singles, lambda story: story)
    with _progress() as progress:
        briefs = []
        for done, story in enumerate(multi, start=1):
            briefs.append(pipeline.brief_story(story, since=seen))
            progress("briefing stories", done)
    return briefs, [a for s in singles for a in s.articles]


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--db", type=click.Path(path_type=Path), help="Story store (SQLite): add PATHS to it and list all its stories.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(("table", "json")),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    help="Read every input as this format instead of detecting it.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of stdout.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def stories(
    paths: Sequence[Path],
    db: Path | None,
    output_format: str,
    input_format: str | None,
    output: Path | None,
    debug: bool,
) -> None:
    """List the stories in PATHS (and in --db): id, headline, articles, outlets, time span, developments."""

    def action() -> None:
        from crosswire.pipeline import Pipeline
        from crosswire.stories.listing import listing_json, listing_table, summaries_of

        if not paths and db is None:
            raise CrosswireError("give input PATHS, a --db, or both")
        pipeline = Pipeline(input_format=input_format, analyze=False)
        if db is not None:
            from crosswire.store import Store, ingest

            with Store(db) as store:
                if paths:
                    ingest(pipeline, store, pipeline.read(list(paths)))
                summaries = store.summaries()
        else:
            summaries = summaries_of(pipeline.find_stories(pipeline.read(list(paths))))
        text = listing_json(summaries) if output_format == "json" else listing_table(summaries)
        _write(text, output)

    _run_safely(debug, action)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Output folder (must not exist or be empty); written atomically at the end.")
@click.option("--workers", type=int, help="Worker processes of the local Dask cluster [default: one per core].")
@click.option("--scheduler", help="Attach to this Dask scheduler (tcp://HOST:8786) instead of starting a local cluster.")
@click.option("--since", "since_date", help="Only articles published on or after this date (YYYY-MM-DD).")
@click.option("--until", "until_date", help="Only articles published on or before this date (YYYY-MM-DD).")
@click.option("--words", default=250, show_default=True, help="Word budget of each brief.")
@click.option("--no-analysis", is_flag=True, help="Skip the cross-source analysis (faster).")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def batch(
    inputs: Sequence[str],
    out_dir: Path,
    workers: int | None,
    scheduler: str | None,
    since_date: str | None,
    until_date: str | None,
    words: int,
    no_analysis: bool,
    debug: bool,
) -> None:
    """Stories and briefs of INPUTS (globs of WARC, JSONL, HTML files; local or fsspec URLs) on Dask."""

    def action() -> None:
        from crosswire.batch import run_batch
        from crosswire.ingest.fields import iso_date

        _check_words(words)
        if workers is not None and scheduler is not None:
            raise CrosswireError("give --workers or --scheduler, not both")
        if workers is not None and workers < 1:
            raise CrosswireError(f"--workers must be at least 1, got {workers}")
        for name, value in (("--since", since_date), ("--until", until_date)):
            if value is not None and iso_date(value) is None:
                raise CrosswireError(f"{name} must be a date (YYYY-MM-DD), got {value!r}")

        def started(link: str | None) -> None:
            click.echo(f"crosswire: dashboard: {link or 'not available (install bokeh)'}", err=True)

        with _progress() as progress:
            report = run_batch(list(inputs), out_dir, workers=workers, scheduler=scheduler,
                               since=since_date and iso_date(since_date), until=until_date and iso_date(until_date),
                               words=words, analysis=not no_analysis, progress=progress, on_start=started)
        for shard in report.shards:
            if shard.skipped or shard.error:
                click.echo(f"crosswire: warning: {shard.line()}", err=True)
        for message in report.warnings:
            click.echo(f"crosswire: warning: {message}", err=True)
        click.echo(f"{report.articles} articles from {len(report.shards)} files, {report.stories} stories, "
                   f"{report.briefs} briefs, on {report.workers} workers -> {report.out}")

    _run_safely(debug, action)


@main.command()
@click.option("--db", default="crosswire.db", show_default=True, type=click.Path(path_type=Path), help="Story store (SQLite).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback unless told otherwise).")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--token", envvar="CROSSWIRE_TOKEN", help="Require Authorization: Bearer TOKEN on writes (or set CROSSWIRE_TOKEN).")
@click.option("--max-body", default=16 * 1024 * 1024, show_default=True, type=int, help="Request size cap in bytes (413 over it).")
@click.option("--allow-private", is_flag=True, help="Let URL fetching reach loopback and private addresses.")
@click.option("--words", default=250, show_default=True, help="Word budget of the briefs.")
@click.option("--no-analysis", is_flag=True, help="Briefs without the cross-source analysis (faster).")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def serve(
    db: Path, host: str, port: int, token: str | None, max_body: int, allow_private: bool, words: int,
    no_analysis: bool, debug: bool,
) -> None:
    """Serve the story store: the REST API (/api, docs at /docs) and the web UI (/)."""

    def action() -> None:
        from crosswire.serve.run import run_server

        _check_words(words)
        run_server(db=db, host=host, port=port, token=token, max_body=max_body, allow_private=allow_private,
                   words=words, analyze=not no_analysis)

    _run_safely(debug, action)


@main.command()
@click.argument("feeds", nargs=-1)
@click.option("--db", default="crosswire.db", show_default=True, type=click.Path(path_type=Path), help="Story store (SQLite).")
@click.option("--config", "config", type=click.Path(path_type=Path), help="A file listing feed URLs, one a line (# comments).")
@click.option("--every", default="10m", show_default=True, help="Poll interval: seconds, or with s, m or h.")
@click.option("--once", is_flag=True, help="Poll each feed once and stop.")
@click.option("--allow-private", is_flag=True, help="Let fetching reach loopback and private addresses.")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def watch(
    feeds: Sequence[str], db: Path, config: Path | None, every: str, once: bool, allow_private: bool, debug: bool
) -> None:
    """Poll RSS/Atom FEEDS, fetch each new article page once, and add it to the store."""

    def action() -> None:
        from crosswire.serve.watch import feeds_of, parse_interval, watch_forever

        urls = feeds_of(feeds, config)
        watch_forever(urls, db, interval=parse_interval(every), once=once, allow_private=allow_private)

    _run_safely(debug, action)


class _progress:
    """A rich progress bar on stderr, only when stderr is a terminal; yields a (stage, done) hook."""

    def __enter__(self) -> Callable[[str, int], None]:
        self._bar: Any = None
        if not sys.stderr.isatty():
            return lambda stage, done: None
        from rich.progress import Progress

        self._bar = Progress(transient=True, console=_stderr_console())
        self._bar.start()
        tasks: dict[str, Any] = {}

        def advance(stage: str, done: int) -> None:
            if stage not in tasks:
                tasks[stage] = self._bar.add_task(stage, total=None)
            self._bar.update(tasks[stage], completed=done)

        return advance

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def _stderr_console() -> Any:
    from rich.console import Console

    stream: TextIO = sys.stderr
    return Console(file=stream)


@main.group(name="eval")
def evaluate() -> None:
    """Evaluate crosswire against peers on benchmark data."""


@evaluate.command()
@click.argument("data", type=click.Path(path_type=Path))
@click.option("--words", default=250, show_default=True, help="Word budget for every system.")
@click.option(
    "--peers", default=DEFAULT_PEERS, show_default=True, help="Comma-separated peers to run alongside."
)
@click.option("--limit", type=int, help="Only the first N clusters.")
@click.option(
    "--json", "json_path", type=click.Path(path_type=Path), help="Also write the scores as JSON here."
)
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def summaries(
    data: Path, words: int, peers: str, limit: int | None, json_path: Path | None, debug: bool
) -> None:
    """ROUGE of crosswire and peers on a Multi-News style JSONL file."""

    def action() -> None:
        from crosswire.evaluate.summaries import evaluate_summaries, format_table

        if not data.is_file():
            from crosswire.evaluate.data_help import missing_data

            raise CrosswireError(
                missing_data("evaluation data", "give the path of a Multi-News JSONL file"), source=str(data)
            )
        peer_names = tuple(p.strip() for p in peers.split(",") if p.strip())
        result = evaluate_summaries(data, words=words, peers=peer_names, limit=limit, progress=True)
        click.echo(format_table(result))
        if json_path is not None:
            _write(json.dumps(result, indent=2) + "\n", json_path)

    _run_safely(debug, action)


@evaluate.command(name="stories")
@click.argument("data", type=click.Path(path_type=Path))
@click.option(
    "--peers",
    default="tfidf-agglomerative,minilm-hdbscan,gsdmm",
    show_default=True,
    help="Comma-separated story peers to run alongside (empty for none).",
)
@click.option("--limit", type=int, help="Only the first N lines (items, or clusters to pool).")
@click.option("--seed", default=0, show_default=True, help="Seed of the pooled-stream shuffle and the peers.")
@click.option(
    "--json", "json_path", type=click.Path(path_type=Path), help="Also write the scores as JSON here."
)
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def eval_stories(
    data: Path, peers: str, limit: int | None, seed: int, json_path: Path | None, debug: bool
) -> None:
    """Story finding (B-cubed, NMI, ARI) of crosswire and peers on a clustering or cluster file."""

    def action() -> None:
        from crosswire.evaluate.stories import evaluate_stories, format_story_table

        peer_names = tuple(p.strip() for p in peers.split(",") if p.strip())
        result = evaluate_stories(data, peers=peer_names, limit=limit, seed=seed)
        click.echo(format_story_table(result))
        if json_path is not None:
            _write(json.dumps(result, indent=2) + "\n", json_path)

    _run_safely(debug, action)


@main.command()
@click.option(
    "--data",
    "data_dir",
    default=DEFAULT_DATA,
    show_default=True,
    type=click.Path(path_type=Path),
    help="Folder holding multinews/validation.jsonl.",
)
@click.option("--out", "out_path", type=click.Path(path_type=Path), help="Where to write the model file.")
@click.option("--seed", default=13, show_default=True, help="Random seed of the training run.")
@click.option(
    "--model",
    "which",
    type=click.Choice(("sentences", "stories", "newswire")),
    default="sentences",
    show_default=True,
    help="sentences: the summarizer's sentence scorer; stories: the story tracker's join model; "
    "newswire: the sentence scorer of briefs up to 150 words (DUC 2006 + DUC 2007 set A).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks.")
def train(data_dir: Path, out_path: Path | None, seed: int, which: str, debug: bool) -> None:
    """Train a shipped model on the development data (Multi-News validation; DUC 2007 for stories; DUC for newswire)."""

    def action() -> None:
        if which == "stories":
            from crosswire.evaluate.train_stories import train_story_model
            from crosswire.stories.join_model import MODEL_FILE as JOIN_MODEL_FILE

            click.echo(json.dumps(train_story_model(data_dir, out_path or JOIN_MODEL_FILE, seed=seed), indent=2))
            return
        if which == "newswire":
            from crosswire.summarize.newswire import NEWSWIRE_MODEL_FILE, train_newswire_model

            metrics = train_newswire_model(data_dir, out_path or NEWSWIRE_MODEL_FILE, seed=seed)
            click.echo(json.dumps(metrics, indent=2))
            return
        from crosswire.summarize.scorers.supervised import MODEL_FILE
        from crosswire.summarize.train import train_model

        data = data_dir / "multinews" / "validation.jsonl"
        if not data.is_file():
            from crosswire.evaluate.data_help import missing_data

            raise CrosswireError(missing_data("training data", "pass --data DIR"), source=str(data))
        metrics = train_model(data, out_path or MODEL_FILE, seed=seed)
        click.echo(json.dumps(metrics, indent=2))

    _run_safely(debug, action)


if __name__ == "__main__":
    main()
