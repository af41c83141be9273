"""The trained scorer: a LightGBM model over every feature scorer's columns.

The model file ships in ``crosswire/summarize/models/`` with a JSON card
naming its features, training data and seed (``crosswire train`` rebuilds it).
When the file is missing, a fixed hand-weighted mix of the same features
stands in, with a warning.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from crosswire.errors import warn
from crosswire.summarize.features import SentenceTable, feature_matrix

MODEL_DIR = Path(__file__).resolve().parent.parent / "models"
MODEL_FILE = MODEL_DIR / "sentence_scorer.txt"
CARD_FILE = MODEL_DIR / "sentence_scorer.json"


def load_model(path: str = str(MODEL_FILE)) -> Any | None:
    """The LightGBM booster, once per process and file version; None when unavailable."""
    try:
        modified = Path(path).stat().st_mtime_ns
    except OSError:
        warn(f"sentence scorer model {path} is missing; run `crosswire train`")
        return None
    return _load_booster(path, modified)


@lru_cache(maxsize=4)
def _load_booster(path: str, modified: int) -> Any | None:
    try:
        import lightgbm
    except ImportError:
        warn("lightgbm is not installed; using unweighted sentence features")
        return None
    return lightgbm.Booster(model_file=path)


def expected_features(card: Path = CARD_FILE) -> tuple[str, ...] | None:
    try:
        return tuple(json.loads(card.read_text())["features"])
    except (OSError, ValueError, KeyError):
        return None


class SupervisedScorer:
    names = ("supervised",)

    def __init__(self, model_path: str | None = None) -> None:
        self.model_path = model_path or str(MODEL_FILE)

    def columns(self, table: SentenceTable) -> np.ndarray:
        if table.size == 0:
            return np.zeros((0, 1), dtype=np.float32)
        features, names = feature_matrix(table)
        model = load_model(self.model_path)
        if model is not None and model.num_feature() == features.shape[1]:
            return np.asarray(model.predict(features), dtype=np.float32).reshape(-1, 1)
        if model is not None:
            warn("sentence scorer model does not match the features; using unweighted features")
        return fallback_score(features, names).reshape(-1, 1)


def fallback_score(features: np.ndarray, names: tuple[str, ...]) -> np.ndarray:
    """Lead, centrality and corroboration, mixed by rank when no model is available."""
    from crosswire.summarize.scorers.base import rank_normalise

    column = {name: features[:, i] for i, name in enumerate(names)}
    score = (
        0.4 * rank_normalise(-column["position"])
        + 0.3 * rank_normalise(column["mean_similarity"])
        + 0.3 * rank_normalise(column["corroborating_share"] + column["shared_word_articles"])
    )
    return score.astype(np.float32)
