"""Stories on real web pages about unrelated subjects: trafilatura's evaluation pages, read as one pile.

Nearly every page is about its own subject (a recipe, a court case, a software release), in many
languages, so a page that shares a story with others is, with few exceptions, a false join. The
figure to watch is how many pages end up in stories of two or more; the largest of them are listed so
a reader can judge them.
"""

from __future__ import annotations

import tempfile
import warnings
from collections import Counter
from pathlib import Path

from crosswire.errors import CrosswireWarning
from crosswire.evaluate.web import Page, load_pages

SHOWN = 8


def run_web_stories(folder: Path, pages: list[Page] | None = None) -> str:
    """The BENCHMARKS.md paragraph: pages in multi-page stories, and the largest such stories.

    ``pages`` are ``load_pages(folder)`` when the caller has them (the bench reads them once).
    """
    from crosswire.pipeline import Pipeline

    if pages is None:
        pages = load_pages(folder)
    pipeline = Pipeline(analyze=False)
    with tempfile.TemporaryDirectory(prefix="crosswire-web-stories-") as scratch:
        for number, page in enumerate(pages):
            (Path(scratch) / f"page-{number:04d}.html").write_bytes(page.html)
        with warnings.catch_warnings():  # copies, empty pages and other languages each warn
            warnings.simplefilter("ignore", CrosswireWarning)
            found = pipeline.find_stories(pipeline.read([Path(scratch)]))
    shared = sorted((s for s in found.stories if len(s.articles) > 1), key=lambda s: -len(s.articles))
    pages_shared = sum(len(s.articles) for s in shared)
    lines = [
        f"trafilatura's evaluation pages (`{folder}`), {len(pages)} pages read as one pile: "
        f"**{pages_shared} pages in {len(shared)} stories of two or more** (every other page alone).",
        "",
        "| pages | languages | headline |",
        "|---|---|---|",
    ]
    for story in shared[:SHOWN]:
        languages = Counter(a.language or "?" for a in story.articles)
        mix = ", ".join(f"{code} {n}" for code, n in languages.most_common())
        lines.append(f"| {len(story.articles)} | {mix} | {story.headline[:80].replace('|', '/')} |")
    return "\n".join(lines)
