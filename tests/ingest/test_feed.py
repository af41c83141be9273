from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.ingest import read_bytes, read_inputs

from .samples import ATOM_FEED, RSS_FEED


def test_rss_feed_entries_become_articles(tmp_path: Path) -> None:
    path = tmp_path / "velmora.rss"
    path.write_text(RSS_FEED, encoding="utf-8")
    bridge, library = read_inputs([path])
    assert bridge.title == "Velmora bridge reopens after repairs"
    assert bridge.outlet == "Velmora Daily"
    assert bridge.url == "https://velmora.example/bridge"
    assert bridge.published == "2024-03-05T09:15:00+00:00"
    # Full content wins over the summary; paragraphs and line breaks survive.
    assert bridge.text == (
        "The old stone bridge over the Vel river reopened on Tuesday after eight months of repairs, "
        "the town council said.\n\nMayor Petra Lind cut a ribbon at the east end.\nTraffic resumed at noon."
    )
    assert library.text.startswith("The town library will open until nine")
    assert "<p>" not in library.text
    assert library.published == "2024-03-06T08:00:00+00:00"


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "post.xml"
    path.write_text(ATOM_FEED, encoding="utf-8")
    (article,) = read_inputs([path])
    assert article.title == "Castel Brin lighthouse gets a new lamp"
    assert article.outlet == "Castel Brin Post"
    assert article.url == "https://castelbrin.example/lamp"
    assert article.published == "2024-01-31T08:00:00+00:00"
    assert article.text.split("\n\n") == [
        "The lighthouse on Castel Brin was fitted with a new lamp on Wednesday.",
        "Keeper Anselm Roe said it can be seen from forty kilometres away.",
    ]


def test_malformed_feed_without_entries_is_an_error() -> None:
    with pytest.raises(CrosswireError, match="malformed feed"):
        read_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken', "broken.rss")


def test_truncated_feed_keeps_recovered_entries_with_a_warning() -> None:
    cut = RSS_FEED[: RSS_FEED.index("<item>", RSS_FEED.index("</item>"))] + "<item><title>Cut"
    with pytest.warns(CrosswireWarning) as caught:
        articles = read_bytes(cut.encode(), "cut.rss")
    assert [a.title for a in articles] == ["Velmora bridge reopens after repairs"]
    messages = [str(w.message) for w in caught]
    assert "cut.rss: entry 2 (untitled) skipped: no text" in messages
    assert "cut.rss: kept 1 of 2 feed entries; skipped 1" in messages
    assert any("feed is not well-formed" in m for m in messages)


def test_feed_without_entries_is_an_error() -> None:
    empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
    with pytest.raises(CrosswireError, match="no entries"):
        read_bytes(empty.encode(), "quiet.rss")
