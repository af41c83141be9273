"""Shards: globs, streamed WARC and JSONL reading, damaged files reported with counts."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.batch.shards import Shard, find_shards, read_shard
from crosswire.errors import CrosswireError
from tests.batch.corpus import corpus_articles, write_jsonl, write_warc


def test_globs_find_every_shard_sorted(tmp_path: Path) -> None:
    write_warc(tmp_path / "b.warc.gz", corpus_articles()[:2])
    write_jsonl(tmp_path / "a.jsonl", corpus_articles()[2:4])
    (tmp_path / ".hidden.jsonl").write_text("{}", encoding="utf-8")
    shards = find_shards([str(tmp_path / "*.jsonl"), str(tmp_path / "*.warc.gz")])
    assert [(Path(s.url).name, s.kind) for s in shards] == [("a.jsonl", "jsonl"), ("b.warc.gz", "warc")]
    assert find_shards([f"file://{tmp_path}/*.jsonl"])[0].url.endswith("a.jsonl")  # an fsspec URL


def test_a_glob_matching_nothing_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(CrosswireError, match="no input files match"):
        find_shards([str(tmp_path / "*.warc")])


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_records_become_articles_with_their_urls(tmp_path: Path, name: str) -> None:
    articles, report = read_shard(Shard(str(write_warc(tmp_path / name, corpus_articles()[:3])), "warc"))
    assert [a.url for a in articles] == [a["url"] for a in corpus_articles()[:3]]
    assert "Bluefin Lines" in articles[0].text and "Home | World" not in articles[0].text
    assert (report.kept, report.skipped, report.error) == (3, 0, None)


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_a_truncated_warc_keeps_its_whole_records_and_says_so(tmp_path: Path, name: str) -> None:
    whole = write_warc(tmp_path / f"whole-{name}", corpus_articles()[:4]).read_bytes()
    cut = tmp_path / name
    cut.write_bytes(whole[: int(len(whole) * 0.6)])
    articles, report = read_shard(Shard(str(cut), "warc"))
    assert 1 <= len(articles) < 4 and report.kept == len(articles)
    assert report.skipped >= 1 and "cut off" in report.line()


def test_a_garbage_shard_is_reported_not_raised(tmp_path: Path) -> None:
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(b"\x1f\x8b" + bytes(range(256)) * 4)
    articles, report = read_shard(Shard(str(junk), "warc"))
    assert articles == [] and report.error is not None and "malformed WARC" in report.line()


def test_jsonl_bad_lines_are_counted(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "feed.jsonl", corpus_articles()[:2])
    path.write_text(path.read_text(encoding="utf-8") + "{not json\n" + '{"title": "no text"}\n', encoding="utf-8")
    articles, report = read_shard(Shard(str(path), "jsonl"))
    assert len(articles) == 2 and (report.kept, report.skipped) == (2, 2)
    assert "line 3" in report.line()
