"""Cleaning real web pages: must-keep and must-drop snippets, crosswire vs trafilatura.

Data: trafilatura's own evaluation set (https://github.com/adbar/trafilatura,
``tests/evaldata.json`` with the pages in ``tests/eval`` and ``tests/cache``;
code under Apache-2.0, pages collected by its authors for evaluation). Each
page comes with snippets that must be in the extracted text ("with") and
snippets that must not ("without"). Nothing of it is copied into crosswire:
the benchmark reads a clone given by ``--web-data`` (default
``DEFAULT_WEB_DATA``, next to the checkout)::

    git clone https://github.com/adbar/trafilatura ../trafilatura

Only English pages are scored: those whose trafilatura text crosswire's
language guess calls English (the choice is made on the peer's output, so
crosswire's changes cannot move pages in or out). Pages whose file name is a
32-digit hex hash are left out: that is how another benchmark names its
files, and that benchmark is reserved for hidden checks.

Scoring is trafilatura's rule (``tests/eval_common.py``): a snippet counts as
found when its whitespace-normalised text is a substring of the
whitespace-normalised output. crosswire's output is the title and text of
the article it reads, before and after its cleaning stage.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crosswire.errors import CrosswireError

DEFAULT_WEB_DATA = Path("../trafilatura")
KEEP_TARGET = "≥ trafilatura (defaults)"
DROP_TARGET = 0.95
_HASH_NAME = re.compile(r"^[0-9a-f]{32}\.html?$")


@dataclass(frozen=True)
class Page:
    name: str
    html: bytes
    keep: tuple[str, ...]
    drop: tuple[str, ...]


@dataclass
class Score:
    kept: int = 0
    keep_total: int = 0
    dropped: int = 0
    drop_total: int = 0

    def add(self, page: Page, output: str) -> None:
        text = _norm(output)
        self.kept += sum(_norm(snippet) in text for snippet in page.keep)
        self.keep_total += len(page.keep)
        self.dropped += sum(_norm(snippet) not in text for snippet in page.drop)
        self.drop_total += len(page.drop)

    @property
    def keep_share(self) -> float:
        return self.kept / self.keep_total if self.keep_total else 0.0

    @property
    def drop_share(self) -> float:
        return self.dropped / self.drop_total if self.drop_total else 0.0


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def load_pages(folder: Path) -> list[Page]:
    """Every annotated page of a trafilatura clone (or its ``tests`` folder), hashed names left out."""
    tests = folder / "tests" if (folder / "tests" / "evaldata.json").is_file() else folder
    annotations = tests / "evaldata.json"
    if not annotations.is_file():
        raise CrosswireError(
            "trafilatura's evaluation pages not found; get them with "
            f"`git clone https://github.com/adbar/trafilatura {folder}` (or pass --web-data DIR)",
            source=str(annotations),
        )
    pages = []
    for _, item in sorted(json.loads(annotations.read_text(encoding="utf-8")).items()):
        name = item["file"]
        if _HASH_NAME.match(name):
            continue
        path = next((p for p in (tests / "eval" / name, tests / "cache" / name) if p.is_file()), None)
        if path is None:
            continue
        pages.append(Page(name, path.read_bytes(), tuple(item["with"]), tuple(item["without"])))
    return pages


def _trafilatura(include_comments: bool) -> Callable[[bytes], str]:
    import trafilatura

    def extract(html: bytes) -> str:
        try:
            return trafilatura.extract(html, include_comments=include_comments) or ""
        except Exception:  # a crash is a full miss, as in trafilatura's own evaluation
            return ""

    return extract


def _crosswire_texts(page: Page) -> tuple[str, str]:
    """crosswire's title and text of a page, before and after cleaning ("" when it refuses the page)."""
    from crosswire.clean import clean_articles
    from crosswire.ingest.read import read_bytes

    try:
        article = read_bytes(page.html, page.name, "html")[0]
    except CrosswireError:
        return "", ""
    cleaned = clean_articles([article])[0]
    return (
        "\n".join(filter(None, [article.title, article.text])),
        "\n".join(filter(None, [cleaned.title, cleaned.text])),
    )


def score_pages(pages: list[Page]) -> dict[str, Any]:
    """Scores of crosswire (before and after cleaning) and trafilatura on the English pages."""
    from crosswire.ingest.language import guess_language

    default, no_comments = _trafilatura(True), _trafilatura(False)
    scores = {name: Score() for name in ("before", "after", "trafilatura", "trafilatura_no_comments")}
    english = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for page in pages:
            peer = default(page.html)
            if guess_language(peer).code != "en":
                continue
            english += 1
            before, after = _crosswire_texts(page)
            scores["before"].add(page, before)
            scores["after"].add(page, after)
            scores["trafilatura"].add(page, peer)
            scores["trafilatura_no_comments"].add(page, no_comments(page.html))
    return {"pages": english, "all_pages": len(pages), "scores": scores}


def run_web(folder: Path, pages: list[Page] | None = None) -> str:
    """The BENCHMARKS.md section; ``pages`` are ``load_pages(folder)`` when the caller has them."""
    result = score_pages(load_pages(folder) if pages is None else pages)
    scores: dict[str, Score] = result["scores"]
    labels = {
        "before": "crosswire, before its cleaning",
        "after": "crosswire, after its cleaning",
        "trafilatura": "trafilatura, default settings (comments included)",
        "trafilatura_no_comments": "trafilatura, comments excluded (crosswire's extraction setting)",
    }
    lines = ["| system | must-keep found | must-drop absent |", "|---|---|---|"]
    for key, label in labels.items():
        score = scores[key]
        lines.append(f"| {label} | {score.keep_share:.3f} | {score.drop_share:.3f} |")
    after, peer = scores["after"], scores["trafilatura"]
    keep_met = after.keep_share >= peer.keep_share
    drop_met = after.drop_share >= DROP_TARGET
    return (
        f"trafilatura's evaluation pages (`{folder}`), the {result['pages']} English ones of "
        f"{result['all_pages']}; {after.keep_total} must-keep and {after.drop_total} must-drop snippets.\n\n"
        + "\n".join(lines)
        + f"\n\nTargets: must-keep {KEEP_TARGET}: {'met' if keep_met else 'not met'} "
        f"(ratio {after.keep_share / peer.keep_share:.3f}); must-drop ≥ {DROP_TARGET}: "
        f"{'met' if drop_met else 'not met'}."
    )
