"""Crosswire out of fold on its own training clusters: the fair row of the generic DUC benchmark.

The newswire model (``crosswire/summarize/newswire.py``) is trained on DUC
2006 and DUC 2007 update set A, the very clusters the ``duc_generic``
benchmark scores. ``out_of_fold_system`` trains one model per fold (folds
by cluster id, as ``crosswire train`` cross-validates) on the other folds'
clusters and briefs each cluster with the model that never saw it, so the
benchmark can show an unseen-data figure beside the peers, in the same run.
"""

from __future__ import annotations

import tempfile
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from crosswire.contracts import check_brief
from crosswire.errors import CrosswireWarning
from crosswire.evaluate.budget import Selection
from crosswire.evaluate.datasets import EvalCluster
from crosswire.evaluate.summaries import System

FOLDS = 5
SEED = 13


@dataclass(frozen=True)
class FoldModels:
    """Each training cluster's fold, and the model file of each fold (trained without it)."""

    fold_of: dict[str, int]
    model_paths: tuple[str, ...]


def train_fold_models(
    clusters: Sequence[EvalCluster], folder: Path, folds: int = FOLDS, seed: int = SEED
) -> FoldModels:
    """One newswire model per fold, written under ``folder``."""
    from crosswire.embed import TfidfEmbedder
    from crosswire.summarize import train

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CrosswireWarning)
        dataset = train.build_dataset(clusters, TfidfEmbedder())
    fold = [train.fold_of(c.id, folds) for c in dataset.clusters]
    paths = []
    for k in range(folds):
        path = folder / f"fold{k}.txt"
        train.fit(dataset, seed, [c for c in range(len(fold)) if fold[c] != k], path)
        paths.append(str(path))
    return FoldModels({c.id: train.fold_of(c.id, folds) for c in clusters}, tuple(paths))


def out_of_fold_system(models: FoldModels, words: int) -> System:
    """Crosswire (the pipeline's story and checks) scoring each cluster with the model of its own fold."""
    from crosswire.pipeline import story_of_texts
    from crosswire.summarize import Summarizer

    def run(cluster: EvalCluster) -> Selection:
        model = models.model_paths[models.fold_of[cluster.id]]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CrosswireWarning)
            story = story_of_texts(list(cluster.documents), "eval")
            brief = check_brief(Summarizer(words=words, cross_budget=True, model_path=model).summarize(story))
        texts = tuple(s.text for s in brief.sentences)
        picked = brief.meta.get("pick_order", range(len(texts)))
        return Selection(sentences=texts, order=tuple(picked), document_order=True)

    return run


def scratch_folder() -> tempfile.TemporaryDirectory[str]:
    return tempfile.TemporaryDirectory(prefix="crosswire-newswire-cv-")
