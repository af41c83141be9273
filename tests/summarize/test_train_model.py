from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.embed import TfidfEmbedder
from crosswire.errors import CrosswireError
from crosswire.summarize.concepts import FEATURE_NAMES
from crosswire.summarize.scorers.supervised import ENSEMBLE_SEPARATOR
from crosswire.summarize.train import ENSEMBLE, read_clusters, sentence_labels, train_model

TOPICS = [
    ("bridge", "Orvale", "collapsed", "fourteen drivers were injured"),
    ("ferry", "Lanmore", "ran aground", "all passengers were rescued"),
    ("factory", "Dunmere", "caught fire", "two workers were treated for smoke"),
    ("dam", "Perrow", "overflowed", "three villages were evacuated"),
    ("tower", "Kestrel", "swayed in the wind", "the offices were closed"),
    ("market", "Halden", "flooded", "forty stalls were damaged"),
]


def _write_data(path: Path) -> Path:
    lines = []
    for number, (thing, town, event, outcome) in enumerate(TOPICS):
        lead = f"The {thing} in {town} {event} on Monday and {outcome}, officials said."
        filler = f"Local radio in {town} played music all afternoon as usual for the season."
        extra = f"Inspectors will visit the {thing} in {town} next week to find the cause."
        documents = [
            f"{lead}\n\n{filler}\n\n{extra}",
            f"{filler}\n\n{lead}\n\nA spokesperson declined to comment further.",
        ]
        lines.append(json.dumps({"id": str(number), "documents": documents, "summary": f"– {lead} {extra}"}))
    path.write_text("\n".join(lines) + "\n")
    return path


def test_labels_reward_overlap_with_the_reference() -> None:
    labels = sentence_labels(
        ["The bridge collapsed on Monday.", "Music played all day."], "The bridge collapsed on Monday night."
    )
    assert labels[0] > 0.9 and labels[1] == 0


def test_training_reads_clusters_as_the_evaluation_does(tmp_path: Path) -> None:
    clusters = read_clusters(_write_data(tmp_path / "train.jsonl"))
    assert len(clusters) == len(TOPICS)
    assert not clusters[0].references[0].startswith("–")  # Multi-News dash stripped


def test_training_is_reproducible_and_writes_a_card(tmp_path: Path) -> None:
    data = _write_data(tmp_path / "train.jsonl")
    first = train_model(data, tmp_path / "one" / "model.txt", seed=3, folds=2, embedder=TfidfEmbedder())
    second = train_model(data, tmp_path / "two" / "model.txt", seed=3, folds=2, embedder=TfidfEmbedder())
    assert first == second
    assert "cv_rouge1_f" in first
    for name in ("model.txt", "model.priors.json", "model.concepts.txt"):
        assert (tmp_path / "one" / name).read_text() == (tmp_path / "two" / name).read_text()
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == [
        "model.concepts.txt",
        "model.json",
        "model.priors.json",
        "model.txt",
    ]  # no fold files left behind
    assert (tmp_path / "one" / "model.txt").read_text().count(ENSEMBLE_SEPARATOR) == ENSEMBLE - 1
    card = json.loads((tmp_path / "one" / "model.json").read_text())
    assert card["seed"] == 3 and card["data"] == str(data) and card["clusters"] == len(TOPICS)
    assert card["concept_model"]["file"] == "model.concepts.txt"
    assert card["concept_model"]["features"] == list(FEATURE_NAMES)
    assert card["concept_model"]["rows"] > 0


def test_bad_training_data_is_a_crosswire_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"no": "documents"}\n')
    with pytest.raises(CrosswireError):
        read_clusters(bad)
    with pytest.raises(CrosswireError):
        read_clusters(tmp_path / "absent.jsonl")
