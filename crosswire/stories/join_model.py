"""The learned decision: does an article join its best candidate story?

Boosted decision trees (``TreeJoinModel``, scikit-learn's histogram gradient
boosting, exported to plain arrays) over ``features.FEATURES``, fitted on
development streams (``crosswire train --model stories``) and shipped as
JSON; a logistic regression (``LinearJoinModel``) is the earlier form, still
read. Trees were kept because they carry over between the two development
sets where the linear model does not (docs/story-errors.md). Two variants
are shipped: one reads the embedding similarity, one does without (when the
neural embedder is not installed), so neither sees a feature it was not
trained on.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from crosswire.errors import CrosswireError
from crosswire.stories.features import FEATURES

MODEL_FILE = Path(__file__).parent / "models" / "join_model.json"
WITHOUT_VECTORS = ("vector_cos", "has_vectors", "vector_share", "vector_max")


@dataclass(frozen=True)
class LinearJoinModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """P(join) for each row of all ``FEATURES`` columns."""
        if rows.shape[0] == 0:
            return np.zeros(0)
        columns = [FEATURES.index(name) for name in self.features]
        x = (rows[:, columns] - np.asarray(self.mean)) / np.asarray(self.scale)
        logits = x @ np.asarray(self.coef) + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))

    def most_wanted(self, rows: np.ndarray, probability: float) -> int | None:
        """The row of the candidate with the highest P(join), when it reaches ``probability``."""
        return _most_wanted(self.probabilities(rows), probability)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "linear",
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinearJoinModel:
        _check_features(data)
        return cls(
            features=tuple(data["features"]),
            mean=tuple(float(v) for v in data["mean"]),
            scale=tuple(float(v) if v else 1.0 for v in data["scale"]),
            coef=tuple(float(v) for v in data["coef"]),
            intercept=float(data["intercept"]),
        )


def _check_features(data: dict[str, Any]) -> None:
    unknown = [name for name in data["features"] if name not in FEATURES]
    if unknown:
        raise CrosswireError(f"story join model reads unknown features {unknown}; retrain it")


def _most_wanted(chances: np.ndarray, probability: float) -> int | None:
    if chances.shape[0] == 0:
        return None
    best = int(np.argmax(chances))
    return best if chances[best] >= probability else None


@dataclass(frozen=True, eq=False)
class TreeJoinModel:
    """Boosted regression trees on the log-odds, as plain arrays (one row per tree, one column per node).

    A node goes left when its feature is at most its threshold; a leaf points at
    itself, so ``depth`` steps from the root reach a leaf on every path.
    """

    features: tuple[str, ...]
    baseline: float
    feature: np.ndarray  # int, (trees, nodes)
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray  # a leaf's share of the log-odds (0 at inner nodes)
    depth: int

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        """P(join) for each row of all ``FEATURES`` columns."""
        if rows.shape[0] == 0:
            return np.zeros(0)
        x = rows[:, [FEATURES.index(name) for name in self.features]]
        trees = np.arange(self.feature.shape[0])[None, :]
        node = np.zeros((x.shape[0], self.feature.shape[0]), dtype=np.int64)
        samples = np.arange(x.shape[0])[:, None]
        for _ in range(self.depth):
            goes_left = x[samples, self.feature[trees, node]] <= self.threshold[trees, node]
            node = np.where(goes_left, self.left[trees, node], self.right[trees, node])
        logits = self.baseline + self.value[trees, node].sum(axis=1)
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))

    def most_wanted(self, rows: np.ndarray, probability: float) -> int | None:
        """The row of the candidate with the highest P(join), when it reaches ``probability``."""
        return _most_wanted(self.probabilities(rows), probability)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "trees",
            "features": list(self.features),
            "baseline": self.baseline,
            "depth": self.depth,
            **{name: getattr(self, name).tolist() for name in ("feature", "threshold", "left", "right", "value")},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TreeJoinModel:
        _check_features(data)
        ints = {name: np.asarray(data[name], dtype=np.int64) for name in ("feature", "left", "right")}
        floats = {name: np.asarray(data[name], dtype=np.float64) for name in ("threshold", "value")}
        if int(ints["feature"].max(initial=0)) >= len(data["features"]):
            raise CrosswireError("story join model: a tree reads a feature it does not list; retrain it")
        return cls(features=tuple(data["features"]), baseline=float(data["baseline"]), depth=int(data["depth"]),
                   **ints, **floats)


JoinModel = LinearJoinModel | TreeJoinModel
# The boosting settings of the shipped trees (docs/story-errors.md, 2026-12-02).
TREE_SETTINGS = {"max_depth": 3, "max_iter": 200, "learning_rate": 0.05}


def fit_tree_join_model(rows: np.ndarray, labels: np.ndarray, features: tuple[str, ...], seed: int = 0) -> TreeJoinModel:
    from sklearn.ensemble import HistGradientBoostingClassifier

    x = rows[:, [FEATURES.index(name) for name in features]]
    booster = HistGradientBoostingClassifier(**TREE_SETTINGS, early_stopping=False, random_state=seed).fit(x, labels)
    trees = [predictors[0].nodes for predictors in booster._predictors]
    width = max(len(nodes) for nodes in trees)
    own = np.arange(width)
    arrays = {name: np.zeros((len(trees), width)) for name in ("threshold", "value")}
    links = {name: np.tile(own, (len(trees), 1)) for name in ("left", "right")}  # padding: leaves on themselves
    feature = np.zeros((len(trees), width), dtype=np.int64)
    for t, nodes in enumerate(trees):
        n = len(nodes)
        leaf = nodes["is_leaf"].astype(bool)
        feature[t, :n] = np.where(leaf, 0, nodes["feature_idx"])
        arrays["threshold"][t, :n] = np.where(leaf, np.inf, nodes["num_threshold"])
        arrays["value"][t, :n] = np.where(leaf, nodes["value"], 0.0)
        links["left"][t, :n] = np.where(leaf, own[:n], nodes["left"])
        links["right"][t, :n] = np.where(leaf, own[:n], nodes["right"])
    depth = int(max(nodes["depth"].max() for nodes in trees))
    return TreeJoinModel(features=features, baseline=float(np.ravel(booster._baseline_prediction)[0]),
                         feature=feature, depth=depth, **links, **arrays)


def fit_join_model(rows: np.ndarray, labels: np.ndarray, features: tuple[str, ...], c: float = 1.0) -> LinearJoinModel:
    from sklearn.linear_model import LogisticRegression

    columns = [FEATURES.index(name) for name in features]
    x = rows[:, columns]
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit((x - mean) / scale, labels)
    return LinearJoinModel(
        features=features,
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        coef=tuple(float(v) for v in model.coef_[0]),
        intercept=float(model.intercept_[0]),
    )


def save_models(models: dict[str, JoinModel], path: Path, card: dict[str, Any]) -> None:
    document = {"card": card, "models": {name: m.to_dict() for name, m in models.items()}}
    path.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> dict[str, JoinModel]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    kinds = {"trees": TreeJoinModel.from_dict, "linear": LinearJoinModel.from_dict}
    return {name: kinds[m.get("kind", "linear")](m) for name, m in data["models"].items()}


def load_model(with_vectors: bool, path: Path = MODEL_FILE) -> JoinModel:
    """The shipped model for the case at hand ("vectors" or "no_vectors")."""
    try:
        models = _load(str(path), path.stat().st_mtime)
    except (OSError, ValueError, KeyError) as error:
        raise CrosswireError(f"cannot read the story join model ({error}); run `crosswire train --model stories`",
                             source=str(path)) from None
    name = "vectors" if with_vectors else "no_vectors"
    if name not in models:
        raise CrosswireError(f"the story join model has no {name!r} variant; retrain it", source=str(path))
    return models[name]


def logit(p: float) -> float:
    return math.log(p / (1 - p))
