from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.ingest import MAX_INPUT_BYTES, read_inputs

from .samples import LIGHTHOUSE, MARKET


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


BAD_INPUTS = {
    "empty.txt": b"",
    "blank.txt": b"  \n\n ",
    "image.png": b"\x89PNG\r\n\x1a\n" + bytes(64),
    "table.csv": b"a,b\n1,2\n",
    "broken.rss": b'<?xml version="1.0"?><rss><channel><title>Cut',
    "broken.warc": b"WARC/1.0\r\nnonsense\r\n\r\n",
    "menu.html": b"<html><body><nav>Home</nav></body></html>",
    "bad16.txt": b"\xff\xfeA\x00\x00\xd8",
    "stock.xml": b'<?xml version="1.0"?><inventory><item>bolt</item></inventory>',
    "nothing.jsonl": b'{"headline": "no text"}\n',
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_among_several_is_skipped_with_a_warning(tmp_path: Path, name: str) -> None:
    good = write(tmp_path / "good.txt", LIGHTHOUSE)
    bad = write(tmp_path / name, BAD_INPUTS[name])
    with pytest.warns(CrosswireWarning) as caught:
        articles = read_inputs([good, bad])
    assert [a.source for a in articles] == [str(good)]
    messages = [str(w.message) for w in caught]
    skipped = [m for m in messages if "skipped" in m and not m.startswith("read ")]
    assert len(skipped) == 1
    assert skipped[0].startswith(f"{bad}: skipped: ")
    assert "\n" not in skipped[0]
    assert "read 1 of 2 inputs (1 articles); skipped 1" in messages


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_single_bad_input_is_a_one_line_error(tmp_path: Path, name: str) -> None:
    bad = write(tmp_path / name, BAD_INPUTS[name])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CrosswireWarning)
        with pytest.raises(CrosswireError) as caught:
            read_inputs([bad])
    assert caught.value.source == str(bad)
    assert "\n" not in str(caught.value)


def test_bad_file_in_a_folder_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "pile"
    folder.mkdir()
    write(folder / "a.txt", LIGHTHOUSE)
    write(folder / "b.txt", b"")
    write(folder / "c.txt", MARKET)
    with pytest.warns(CrosswireWarning, match="b.txt: skipped: empty file"):
        articles = read_inputs([folder])
    assert len(articles) == 2


def test_nothing_usable_among_several_is_an_error(tmp_path: Path) -> None:
    paths = [write(tmp_path / "a.txt", b""), write(tmp_path / "b.png", BAD_INPUTS["image.png"])]
    with (
        pytest.warns(CrosswireWarning),
        pytest.raises(CrosswireError, match="no usable articles in 2 inputs"),
    ):
        read_inputs(paths)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(CrosswireError, match="no such file or folder"):
        read_inputs([tmp_path / "nowhere.txt"])
    good = write(tmp_path / "good.txt", LIGHTHOUSE)
    with pytest.warns(CrosswireWarning, match="nowhere.txt: skipped: no such file or folder"):
        assert len(read_inputs([good, tmp_path / "nowhere.txt"])) == 1


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    write(folder / "README.md", "# nothing here\n")
    with pytest.raises(CrosswireError, match="folder holds no input files"):
        read_inputs([folder])


def test_no_inputs_is_an_error() -> None:
    with pytest.raises(CrosswireError, match="no inputs"):
        read_inputs([])


def test_unknown_format_name_fails_up_front(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", LIGHTHOUSE)
    with pytest.raises(CrosswireError, match="unknown input format 'docx'"):
        read_inputs([good, good], input_format="docx")


def test_mixed_formats_in_one_call(tmp_path: Path) -> None:
    text = write(tmp_path / "a.txt", LIGHTHOUSE)
    jsonl = write(tmp_path / "b.jsonl", '{"text": "The Orrin Bay ferry is running late today."}\n')
    articles = read_inputs([text, jsonl])
    assert [Path(a.source).name for a in articles] == ["a.txt", "b.jsonl"]


def test_oversized_file_among_several_is_skipped(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", LIGHTHOUSE)
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)
    with pytest.warns(CrosswireWarning, match=r"big.txt: skipped: .*50 MiB cap"):
        assert len(read_inputs([good, big])) == 1


def test_a_single_path_string_is_one_input(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", LIGHTHOUSE)
    assert len(read_inputs(str(good))) == 1


def test_an_overlong_article_is_skipped_and_the_others_are_kept(tmp_path: Path) -> None:
    import json

    from crosswire.ingest.read import MAX_ARTICLE_CHARS

    sentence = "The Orrin Bay ferry ran late again on Sunday. "
    huge = sentence * (MAX_ARTICLE_CHARS // len(sentence) + 1)
    lines = [{"text": "The Orrin Bay ferry is running late today."}, {"text": huge}]
    jsonl = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    with pytest.warns(CrosswireWarning, match=r"skipped: .*characters, over the 200,000-character limit"):
        articles = read_inputs(jsonl)
    assert [a.text for a in articles] == ["The Orrin Bay ferry is running late today."]

    alone = write(tmp_path / "huge.txt", huge)
    with pytest.raises(CrosswireError, match=r"over the 200,000-character limit for one article"):
        read_inputs(alone)
