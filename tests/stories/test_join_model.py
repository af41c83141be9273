import json
from pathlib import Path

import numpy as np
import pytest

from crosswire.errors import CrosswireError
from crosswire.stories.features import FEATURES
from crosswire.stories.join_model import (
    TREE_SETTINGS,
    WITHOUT_VECTORS,
    LinearJoinModel,
    TreeJoinModel,
    fit_join_model,
    fit_tree_join_model,
    load_model,
    save_models,
)

PLAIN = tuple(name for name in FEATURES if name not in WITHOUT_VECTORS)


def toy_rows(n: int = 2000, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Candidates that join when the body is close and the names agree: an interaction no single cut sees."""
    rng = np.random.default_rng(seed)
    rows = rng.random((n, len(FEATURES)))
    body, names = FEATURES.index("body_cos"), FEATURES.index("name_cos")
    labels = ((rows[:, body] > 0.5) & (rows[:, names] > 0.3)).astype(np.int8)
    return rows, labels


def test_the_exported_trees_give_the_boosters_own_probabilities() -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier

    rows, labels = toy_rows()
    model = fit_tree_join_model(rows, labels, PLAIN)
    columns = [FEATURES.index(name) for name in PLAIN]
    booster = HistGradientBoostingClassifier(**TREE_SETTINGS, early_stopping=False, random_state=0)
    booster.fit(rows[:, columns], labels)
    fresh, _ = toy_rows(300, seed=1)
    assert np.allclose(model.probabilities(fresh), booster.predict_proba(fresh[:, columns])[:, 1], atol=1e-12)


def test_trees_learn_the_interaction_and_pick_the_best_candidate() -> None:
    rows, labels = toy_rows()
    model = fit_tree_join_model(rows, labels, FEATURES)
    base = np.full((3, len(FEATURES)), 0.1)
    base[1, FEATURES.index("body_cos")] = 0.9  # close body, names apart: no
    base[2, FEATURES.index("body_cos")] = 0.9
    base[2, FEATURES.index("name_cos")] = 0.8  # both: yes
    chances = model.probabilities(base)
    assert chances[2] > 0.9 > 0.1 > max(chances[0], chances[1])
    assert model.most_wanted(base, 0.5) == 2
    assert model.most_wanted(base[:2], 0.5) is None
    assert model.most_wanted(np.zeros((0, len(FEATURES))), 0.5) is None


def test_both_kinds_save_and_load_back(tmp_path: Path) -> None:
    rows, labels = toy_rows()
    models = {"vectors": fit_tree_join_model(rows, labels, FEATURES), "no_vectors": fit_join_model(rows, labels, PLAIN)}
    path = tmp_path / "join.json"
    save_models(models, path, {"streams": ["toy"]})
    trees, linear = load_model(True, path), load_model(False, path)
    assert isinstance(trees, TreeJoinModel) and isinstance(linear, LinearJoinModel)
    fresh, _ = toy_rows(50, seed=2)
    assert np.array_equal(trees.probabilities(fresh), models["vectors"].probabilities(fresh))
    assert np.array_equal(linear.probabilities(fresh), models["no_vectors"].probabilities(fresh))


def test_a_file_without_a_kind_reads_as_the_linear_model(tmp_path: Path) -> None:
    rows, labels = toy_rows()
    linear = fit_join_model(rows, labels, PLAIN).to_dict()
    del linear["kind"]  # files written before the trees
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"card": {}, "models": {"no_vectors": linear}}), encoding="utf-8")
    assert isinstance(load_model(False, path), LinearJoinModel)


def test_a_broken_tree_file_is_one_clear_error(tmp_path: Path) -> None:
    rows, labels = toy_rows()
    broken = fit_tree_join_model(rows, labels, PLAIN).to_dict()
    broken["features"] = broken["features"][:2]  # the trees read columns the list no longer has
    path = tmp_path / "broken.json"
    path.write_text(json.dumps({"card": {}, "models": {"no_vectors": broken}}), encoding="utf-8")
    with pytest.raises(CrosswireError, match="retrain"):
        load_model(False, path)
    path.write_text(json.dumps({"card": {}, "models": {"no_vectors": {**broken, "kind": "forest"}}}), encoding="utf-8")
    with pytest.raises(CrosswireError, match="cannot read"):
        load_model(False, path)


def test_the_shipped_model_has_both_variants_and_reads_all_features() -> None:
    with_vectors, without = load_model(True), load_model(False)
    assert set(with_vectors.features) == set(FEATURES)
    assert not set(without.features) & set(WITHOUT_VECTORS)
