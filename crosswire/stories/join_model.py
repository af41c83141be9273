"""The learned decision: does an article join its best candidate story?

A logistic regression over ``features.FEATURES``, fitted on development
streams (``crosswire train --model stories``) and shipped as JSON. Two
variants are shipped: one reads the embedding similarity, one does without
(when the neural embedder is not installed), so neither sees a feature it
was not trained on.
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
class JoinModel:
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
        if rows.shape[0] == 0:
            return None
        chances = self.probabilities(rows)
        best = int(np.argmax(chances))
        return best if chances[best] >= probability else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JoinModel:
        unknown = [name for name in data["features"] if name not in FEATURES]
        if unknown:
            raise CrosswireError(f"story join model reads unknown features {unknown}; retrain it")
        return cls(
            features=tuple(data["features"]),
            mean=tuple(float(v) for v in data["mean"]),
            scale=tuple(float(v) if v else 1.0 for v in data["scale"]),
            coef=tuple(float(v) for v in data["coef"]),
            intercept=float(data["intercept"]),
        )


def fit_join_model(rows: np.ndarray, labels: np.ndarray, features: tuple[str, ...], c: float = 1.0) -> JoinModel:
    from sklearn.linear_model import LogisticRegression

    columns = [FEATURES.index(name) for name in features]
    x = rows[:, columns]
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit((x - mean) / scale, labels)
    return JoinModel(
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
    return {name: JoinModel.from_dict(m) for name, m in data["models"].items()}


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
