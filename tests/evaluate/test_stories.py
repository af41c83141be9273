from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosswire.cli import main
from crosswire.errors import CrosswireError
from crosswire.evaluate.stories import (
    CROSSWIRE,
    evaluate_stories,
    format_story_table,
    story_systems,
)
from tests.evaluate.story_toys import EVENTS, interleaved

KEYS = {"bcubed_precision", "bcubed_recall", "bcubed_f1", "nmi", "ari", "predicted", "gold", "seconds", "n"}


@pytest.fixture(autouse=True)
def fast_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSWIRE_EMBEDDER", "tfidf")


@pytest.fixture
def clustering_file(tmp_path: Path) -> Path:
    texts, gold = interleaved()
    path = tmp_path / "toy.jsonl"
    path.write_text(
        "".join(json.dumps({"text": t, "cluster": g}) + "\n" for t, g in zip(texts, gold, strict=True))
    )
    return path


@pytest.fixture
def cluster_file(tmp_path: Path) -> Path:
    path = tmp_path / "clusters.jsonl"
    lines = [{"id": name, "documents": articles, "summary": "– s"} for name, articles in EVENTS.items()]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def test_evaluate_stories_scores_every_system(cluster_file: Path) -> None:
    result = evaluate_stories(
        cluster_file, peers=(), systems={"one-story": lambda articles: ["x"] * len(articles)}
    )
    assert (result["articles"], result["stories"]) == (12, 3)
    scores = result["systems"]["one-story"]
    assert set(scores) == KEYS
    assert scores["predicted"] == 1 and scores["gold"] == 3 and scores["n"] == 12
    assert scores["bcubed_recall"] == 1.0 and scores["bcubed_precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert scores["nmi"] == 0.0


def test_a_system_giving_the_wrong_number_of_labels_is_an_error(cluster_file: Path) -> None:
    with pytest.raises(CrosswireError, match="gave 1 labels for 12 articles"):
        evaluate_stories(cluster_file, systems={"short": lambda articles: ["x"]})


def test_peers_run_side_by_side_and_table(clustering_file: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = evaluate_stories(clustering_file, peers=("tfidf-agglomerative", "gsdmm"))
    assert {"tfidf-agglomerative", "gsdmm"} <= set(result["systems"])
    assert result["systems"]["tfidf-agglomerative"]["bcubed_f1"] == 1.0
    table = format_story_table(result).splitlines()
    assert table[0].startswith(
        "| system | B3 P | B3 R | B3 F1 | NMI | ARI | predicted | gold | seconds | n |"
    )
    assert any(line.startswith("| gsdmm |") for line in table)


def test_crosswire_is_scored_when_the_tracker_is_there(cluster_file: Path) -> None:
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        systems = story_systems(peers=())
    assert CROSSWIRE in systems
    scores = evaluate_stories(cluster_file, peers=())["systems"][CROSSWIRE]
    assert set(scores) == KEYS and scores["n"] == 12
    assert scores["bcubed_f1"] > 0.8  # three unrelated events


def test_unknown_peer_fails_before_running(cluster_file: Path) -> None:
    with pytest.raises(CrosswireError, match="unknown story peer"):
        story_systems(peers=("kmeans",), include_crosswire=False)


def test_cli_eval_stories_writes_table_and_json(clustering_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(
        main,
        [
            "eval",
            "stories",
            str(clustering_file),
            "--peers",
            "tfidf-agglomerative",
            "--json",
            str(out),
            "--limit",
            "9",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "| tfidf-agglomerative |" in result.output
    document = json.loads(out.read_text())
    assert set(document["systems"]["tfidf-agglomerative"]) == KEYS
    assert document["systems"]["tfidf-agglomerative"]["n"] == 9


def test_cli_eval_stories_bad_input_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    result = CliRunner().invoke(main, ["eval", "stories", str(bad), "--peers", ""])
    assert result.exit_code == 2
    assert "crosswire: error:" in result.output and "not JSON" in result.output
    assert "Traceback" not in result.output


def test_identical_pages_of_a_stream_stay_separate_documents() -> None:
    from crosswire.evaluate.stories import crosswire_stories, document_key
    from crosswire.model import Article
    from crosswire.stories.ids import article_key

    junk = "Skip to main content\n\nSubscribe now\n\nAll rights reserved."  # furniture only
    first, second = Article(text=junk, source="mix#1"), Article(text=junk, source="mix#2")
    assert article_key(first) == article_key(second)  # the stable id folds a repeated page
    assert document_key(first) != document_key(second)  # the evaluation counts each document
    with_url = Article(text=junk, url="https://example.org/a", source="mix#3")
    assert document_key(with_url) == article_key(with_url)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "every line looked like page furniture"
        labels = crosswire_stories([first, second])
    assert labels[0] != labels[1]  # two furniture pages are two singletons, not one story
