"""The trained scorer: LightGBM models over every feature scorer's columns.

The model file ships in ``crosswire/summarize/models/`` with a JSON card
naming its features, training data and seeds (``crosswire train`` rebuilds
it), and the learned word priors beside it (``*.priors.json``). The file
holds several boosters trained with different seeds, separated by
``ENSEMBLE_SEPARATOR``; their predictions are averaged, which cut the
variance of a model trained on 250 clusters (see BENCHMARKS.md). The model
file opens with the SHA-1 of the priors file it was trained with, so priors
from another training run are noticed. When a file is missing, a fixed
hand-weighted mix of the features stands in, with a warning.
"""

from __future__ import annotations

import hashlib
import json
import os
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
PRIORS_HEADER = "### crosswire: word priors sha1 "


def priors_path(model_path: str | Path) -> Path:
    """Where the word priors trained with a model live: beside it."""
    return Path(model_path).with_suffix(".priors.json")


class Ensemble:
    """Boosters whose predictions are averaged, and the digest of the word priors they were trained with."""

    def __init__(self, boosters: Sequence[Any], priors_sha1: str | None = None) -> None:
        self.boosters = tuple(boosters)
        self.priors_sha1 = priors_sha1

    def num_feature(self) -> int:
        return int(self.boosters[0].num_feature())

    def predict(self, features: np.ndarray) -> np.ndarray:
        return np.mean([booster.predict(features) for booster in self.boosters], axis=0)

    def to_text(self) -> str:
        header = f"{PRIORS_HEADER}{self.priors_sha1} ###\n" if self.priors_sha1 else ""
        return header + ENSEMBLE_SEPARATOR.join(b.model_to_string() for b in self.boosters)

    @classmethod
    def from_text(cls, text: str) -> Ensemble:
        import lightgbm

        priors_sha1 = None
        if text.startswith(PRIORS_HEADER):
            header, text = text.split("\n", 1)
            priors_sha1 = header[len(PRIORS_HEADER) :].split()[0]
        members = text.split(ENSEMBLE_SEPARATOR)
        return cls([lightgbm.Booster(model_str=member) for member in members], priors_sha1)


def save_model(ensemble: Ensemble, priors: WordPriors, path: str | Path) -> None:
    """Write the model and its priors as a pair.

    Each file is written beside its target and then renamed over it, priors
    first; the model records the priors' digest, so a run that stops between
    the two renames leaves a mismatch that loading reports.
    """
    priors_text = priors.to_text()
    replace_atomically(priors_path(path), priors_text)
    replace_atomically(Path(path), Ensemble(ensemble.boosters, _sha1(priors_text)).to_text())


def replace_atomically(path: Path, text: str) -> None:
    scratch = path.with_name(path.name + ".partial")
    scratch.write_text(text, encoding="utf-8")
    os.replace(scratch, path)


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def load_model(path: str = str(MODEL_FILE)) -> Ensemble | None:
    """The model, once per process and file version; None when unavailable."""
    return load_ensemble(
        path,
        missing=f"sentence scorer model {path} is missing; run `crosswire train`",
        without_lightgbm="lightgbm is not installed; using unweighted sentence features",
    )


def load_ensemble(path: str, *, missing: str, without_lightgbm: str) -> Ensemble | None:
    """An ensemble file, read once per process and file version; None, after a warning, when unavailable."""
    try:
        modified = Path(path).stat().st_mtime_ns
    except OSError:
        warn(missing)
        return None
    return _load_ensemble(path, modified, without_lightgbm)


@lru_cache(maxsize=8)
def _load_ensemble(path: str, modified: int, without_lightgbm: str) -> Ensemble | None:
    try:
        import lightgbm  # noqa: F401  (checked here so a missing install warns once)
    except ImportError:
        warn(without_lightgbm)
        return None
    return Ensemble.from_text(Path(path).read_text(encoding="utf-8"))


def load_priors(model_path: str | Path, expected_sha1: str | None = None) -> WordPriors:
    """The word priors trained with the model; the base rate alone when they are missing.

    ``expected_sha1`` is the digest the model recorded; other priors are
    used, with a warning (they come from another training run).
    """
    path = priors_path(model_path)
    try:
        priors, digest = _read_priors(str(path), path.stat().st_mtime_ns)
    except (OSError, ValueError, KeyError):
        warn(f"word priors {path} are missing or unreadable; run `crosswire train`")
        return NO_PRIORS
    if expected_sha1 and digest != expected_sha1:
        warn(f"word priors {path} were not trained with the model beside them; run `crosswire train`")
    return priors


@lru_cache(maxsize=8)
def _read_priors(path: str, modified: int) -> tuple[WordPriors, str]:
    """The priors file parsed, and its digest: read once per file version."""
    text = Path(path).read_text(encoding="utf-8")
    return WordPriors.from_text(text), _sha1(text)


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
            table, load_priors(self.model_path, model.priors_sha1) if model is not None else NO_PRIORS
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
