"""Every bundled example reads and briefs, in each input format (examples/README.md)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from crosswire.errors import CrosswireWarning
from crosswire.ingest import detect_format, read_inputs
from crosswire.pipeline import Pipeline

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize(
    ("path", "input_format", "articles", "stories"),
    [
        ("harbour-fire/01-veldmark-courier.txt", "text", 5, 1),
        ("web/ferry-strike-gazette.html", "html", 2, 1),
        ("feed/harbour-news.rss", "feed", 2, 1),
        ("warc/harbour-crawl.warc.gz", "warc", 2, 1),
        ("clusters/two-stories.jsonl", "clusters", 4, 2),
        ("mixed/quake-1.txt", "text", 7, 3),
    ],
)
def test_each_example_briefs(path: str, input_format: str, articles: int, stories: int) -> None:
    file = EXAMPLES / path
    assert detect_format(file.read_bytes(), str(file)) == input_format
    target = file.parent if input_format in {"text", "html"} else file
    with warnings.catch_warnings():
        warnings.simplefilter("error", CrosswireWarning)  # the examples are clean input
        read = read_inputs([target])
    assert len(read) == articles
    briefs = Pipeline(words=60, analyze=False).run([target]).briefs
    assert len(briefs) == stories
    for brief in briefs:
        assert brief.sentences and 0 < brief.word_count <= 90
        assert brief.to_markdown().startswith("# ")


def test_the_example_pages_lose_their_furniture() -> None:
    pipeline = Pipeline(words=60, analyze=False)
    texts = " ".join(a.text for a in pipeline.clean(pipeline.read([EXAMPLES / "web"])))
    for junk in ("Sign up for our morning newsletter", "Share this story", "All rights reserved", "Home"):
        assert junk not in texts
    assert "412 votes to 96" in texts
