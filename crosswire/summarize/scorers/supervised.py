"""The trained scorer: LightGBM models over every feature scorer's columns.

The model file ships in ``crosswire/summarize/models/`` with a JSON card
naming its features, training data and seeds (``crosswire train`` rebuilds
it), and the learned word priors beside it (``*.priors.json``). The file
holds several boosters trained with different seeds, separated by
``ENSEMBLE_SEPARATOR``; their predictions are averaged, which cut the
variance of a model trained on 250 clusters (see BENCHMARKS.md). When a file
is missing, a fixed hand-weighted mix of the features stands in, with a warning.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from crosswire.errors import warn
from crosswire.summarize.features import SentenceTable, feature_matrix
from crosswire.summarize.scorers.word_prior import WordPriors

MODEL_DIR = Path(__file__).resolve().parent.parent / "models"
MODEL_FILE = MODEL_DIR / "sentence_scorer.txt"
CARD_FILE = MODEL_DIR / "sentence_scorer.json"
ENSEMBLE_SEPARATOR = "\n### crosswire: next ensemble member ###\n"
NO_PRIORS = WordPriors(sources={}, hits={}, base_rate=0.0)  # every word gets the same prior


def priors_path(model_path: str | Path) -> Path:
    """Where the word priors trained with a model live: beside it."""
    return Path(model_path).with_suffix(".priors.json")


class Ensemble:
    """Boosters whose predictions are averaged."""

    def __init__(self, boosters: Sequence[Any]) -> None:
        self.boosters = tuple(boosters)

    def num_feature(self) -> int:
        return int(self.boosters[0].num_feature())

    def predict(self, features: np.ndarray) -> np.ndarray:
        return np.mean([booster.predict(features) for booster in self.boosters], axis=0)

    def save(self, path: str | Path) -> None:
        Path(path).write_text(
            ENSEMBLE_SEPARATOR.join(b.model_to_string() for b in self.boosters), encoding="utf-8"
        )


def load_model(path: str = str(MODEL_FILE)) -> Ensemble | None:
    """The model, once per process and file version; None when unavailable."""
    try:
        modified = Path(path).stat().st_mtime_ns
    except OSError:
        warn(f"sentence scorer model {path} is missing; run `crosswire train`")
        return None
    return _load_ensemble(path, modified)


@lru_cache(maxsize=4)
def _load_ensemble(path: str, modified: int) -> Ensemble | None:
    try:
        import lightgbm
    except ImportError:
        warn("lightgbm is not installed; using unweighted sentence features")
        return None
    members = Path(path).read_text(encoding="utf-8").split(ENSEMBLE_SEPARATOR)
    return Ensemble([lightgbm.Booster(model_str=member) for member in members])


def load_priors(model_path: str | Path) -> WordPriors:
    """The word priors trained with the model; the base rate alone when they are missing."""
    path = priors_path(model_path)
    try:
        return WordPriors.load(path)
    except (OSError, ValueError, KeyError):
        warn(f"word priors {path} are missing or unreadable; run `crosswire train`")
        return NO_PRIORS


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
        model = load_model(self.model_path)
        features, names = feature_matrix(
            table, load_priors(self.model_path) if model is not None else NO_PRIORS
        )
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
