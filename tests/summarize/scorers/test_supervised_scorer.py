from __future__ import annotations

from pathlib import Path

import numpy as np

from crosswire.embed import TfidfEmbedder
from crosswire.model import Story
from crosswire.summarize.features import build_table, feature_matrix
from crosswire.summarize.scorers import SupervisedScorer
from crosswire.summarize.scorers.supervised import (
    CARD_FILE,
    MODEL_FILE,
    expected_features,
    load_priors,
    priors_path,
)


def test_the_shipped_model_matches_the_features(bridge_story: Story, tfidf: TfidfEmbedder) -> None:
    assert MODEL_FILE.exists() and CARD_FILE.exists() and priors_path(MODEL_FILE).exists()
    table = build_table(bridge_story, tfidf)
    _, names = feature_matrix(table, load_priors(MODEL_FILE))
    assert expected_features() == names
    scores = SupervisedScorer().columns(table)[:, 0]
    assert scores.shape == (table.size,)
    assert np.isfinite(scores).all()
    # Repeated wire leads outrank the off-topic aside.
    texts = [s.text for s in table.sentences]
    assert (
        scores[texts.index("Mayor Dalia Rosk declared a local emergency and closed two nearby roads.")]
        > scores[next(i for i, t in enumerate(texts) if "memorial concert" in t)]
    )


def test_a_missing_model_falls_back_to_a_fixed_mix(
    bridge_story: Story, tfidf: TfidfEmbedder, tmp_path: Path
) -> None:
    import warnings

    table = build_table(bridge_story, tfidf)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        scores = SupervisedScorer(str(tmp_path / "absent.txt")).columns(table)[:, 0]
    assert any("missing" in str(w.message) for w in caught)
    assert scores.shape == (table.size,) and np.isfinite(scores).all()


def test_missing_word_priors_warn_and_still_score(
    bridge_story: Story, tfidf: TfidfEmbedder, tmp_path: Path
) -> None:
    import shutil
    import warnings

    model = tmp_path / "scorer.txt"
    shutil.copy(MODEL_FILE, model)  # without its priors file beside it
    table = build_table(bridge_story, tfidf)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        scores = SupervisedScorer(str(model)).columns(table)[:, 0]
    assert any("word priors" in str(w.message) for w in caught)
    assert scores.shape == (table.size,) and np.isfinite(scores).all()


def test_priors_from_another_training_run_are_reported(
    bridge_story: Story, tfidf: TfidfEmbedder, tmp_path: Path
) -> None:
    import shutil
    import warnings

    from crosswire.summarize.scorers.supervised import load_model, save_model
    from crosswire.summarize.scorers.word_prior import WordPriors

    model = tmp_path / "scorer.txt"
    ensemble = load_model(str(MODEL_FILE))
    assert ensemble is not None and ensemble.priors_sha1  # the shipped pair records its digest
    save_model(ensemble, load_priors(MODEL_FILE), model)
    assert not list(tmp_path.glob("*.partial"))
    table = build_table(bridge_story, tfidf)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        paired = SupervisedScorer(str(model)).columns(table)[:, 0]
    assert not any("word priors" in str(w.message) for w in caught)
    assert np.allclose(paired, SupervisedScorer().columns(table)[:, 0])

    other = WordPriors(sources={"bridge": 9}, hits={"bridge": 1}, base_rate=0.2)
    shutil.copy(priors_path(model), tmp_path / "kept.json")
    priors_path(model).write_text(
        other.to_text(), encoding="utf-8"
    )  # as if a training run stopped between its two writes
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        SupervisedScorer(str(model)).columns(table)
    assert any("not trained with the model" in str(w.message) for w in caught)
