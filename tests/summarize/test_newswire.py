from __future__ import annotations

import json
from pathlib import Path

from crosswire.contracts import check_brief
from crosswire.embed import TfidfEmbedder
from crosswire.model import Story
from crosswire.summarize import Summarizer
from crosswire.summarize.newswire import (
    NEWSWIRE_MAX_WORDS,
    NEWSWIRE_MODEL_FILE,
    model_for_budget,
    newswire_clusters,
    train_newswire_model,
)
from crosswire.summarize.scorers.supervised import MODEL_FILE
from tests.evaluate.duc_toys import duc_folder


def test_short_budgets_use_the_newswire_model_and_long_ones_the_multinews_model() -> None:
    assert NEWSWIRE_MODEL_FILE.is_file()  # shipped
    assert model_for_budget(100) == str(NEWSWIRE_MODEL_FILE)
    assert model_for_budget(NEWSWIRE_MAX_WORDS) == str(NEWSWIRE_MODEL_FILE)
    assert model_for_budget(NEWSWIRE_MAX_WORDS + 1) is None
    assert model_for_budget(100, "/elsewhere/model.txt") == "/elsewhere/model.txt"  # a given model wins
    assert Summarizer(words=100).scorer.model_path == str(NEWSWIRE_MODEL_FILE)
    assert Summarizer(words=250).scorer.model_path == str(MODEL_FILE)
    # The concept model comes with the sentence model.
    assert Summarizer(words=100).concept_weigher.model_path.endswith("newswire_scorer.concepts.txt")


def test_a_short_brief_with_the_newswire_model_is_checked_and_within_budget(
    bridge_story: Story, tfidf: TfidfEmbedder
) -> None:
    brief = check_brief(Summarizer(words=40, embedder=tfidf).summarize(bridge_story))
    assert 0 < brief.word_count <= 40


def test_training_clusters_are_duc2006_and_set_a_without_queries(tmp_path: Path) -> None:
    clusters = newswire_clusters(duc_folder(tmp_path))
    assert [c.id for c in clusters] == ["D0600A", "D0601A", "D0602A", "D0603A", "D0700A-A", "D0701A-A"]
    assert all(c.query is None and not c.since_documents for c in clusters)


def test_newswire_training_writes_a_card_with_its_budget(tmp_path: Path) -> None:
    data = duc_folder(tmp_path / "data")
    out = tmp_path / "model" / "newswire.txt"
    metrics = train_newswire_model(data, out, seed=3)
    assert "cv_rouge2_r" in metrics
    card = json.loads(out.with_suffix(".json").read_text())
    assert card["cv_words"] == 100
    assert card["clusters"] == 6
    assert card["data"] == [str(data / "duc2006" / "test.jsonl"), str(data / "duc2007_update" / "test.jsonl")]
    assert out.with_suffix(".concepts.txt").is_file() and out.with_suffix(".priors.json").is_file()
