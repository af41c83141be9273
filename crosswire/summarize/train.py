"""Training the sentence scorer, and a quick ROUGE loop to measure the summarizer.

``train_model(data_path, out_path, seed=...)`` reads summarization clusters
(JSON lines with ``documents`` and ``summary``), builds each story the way
the pipeline does, labels every candidate sentence with its ROUGE overlap
with the reference, fits a small LightGBM regressor on the feature scorers'
columns, and writes the model plus a JSON card (data, seed, features,
metrics) next to it. Same data and seed give the same model.
"""

from __future__ import annotations

import hashlib
import json
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from crosswire.embed import Embedder, TfidfEmbedder
from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.evaluate.datasets import EvalCluster, load_clusters
from crosswire.evaluate.rouge import mean_scores, percent, score_references, summary_text
from crosswire.model import Brief, Story
from crosswire.pipeline import story_of_texts
from crosswire.summarize.features import build_table, feature_matrix
from crosswire.summarize.text import stems

LGBM_PARAMS: dict[str, Any] = {
    "objective": "regression",
    "learning_rate": 0.05,
    "num_leaves": 15,
    "min_data_in_leaf": 40,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "lambda_l2": 1.0,
    "num_threads": 1,
    "deterministic": True,
    "force_row_wise": True,
    "verbose": -1,
}
ROUNDS = 300


def read_clusters(path: str | Path) -> tuple[EvalCluster, ...]:
    """Clusters of a summarization JSON-lines file, read as the evaluation reads them."""
    if not Path(path).is_file():
        raise CrosswireError("training data not found", source=str(path))
    return load_clusters(path)


def story_of_documents(documents: Sequence[str], source: str = "train") -> Story:
    """A story built exactly as ``Pipeline.brief_documents`` builds it."""
    return story_of_texts(documents, source)


def ngram_counts(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def sentence_labels(sentences: Sequence[str], reference: str) -> np.ndarray:
    """Each sentence's ROUGE-1 and ROUGE-2 precision against the reference, averaged.

    Precision (not F1) rates a sentence by how much of it the reference
    shares, which is what a budgeted selection needs.
    """
    ref_tokens = stems(reference)
    ref1, ref2 = ngram_counts(ref_tokens, 1), ngram_counts(ref_tokens, 2)
    labels = []
    for text in sentences:
        tokens = stems(text)
        own1, own2 = ngram_counts(tokens, 1), ngram_counts(tokens, 2)
        p1 = sum((own1 & ref1).values()) / max(sum(own1.values()), 1)
        p2 = sum((own2 & ref2).values()) / max(sum(own2.values()), 1)
        labels.append((p1 + 2 * p2) / 3)
    return np.asarray(labels, dtype=np.float32)


@dataclass
class Dataset:
    features: np.ndarray
    labels: np.ndarray
    groups: np.ndarray  # cluster number of each row
    names: tuple[str, ...]


def build_dataset(clusters: Sequence[EvalCluster], embedder: Embedder) -> Dataset:
    blocks, labels, groups = [], [], []
    names: tuple[str, ...] = ()
    for number, cluster in enumerate(clusters):
        table = build_table(story_of_documents(cluster.documents), embedder)
        if table.size == 0:
            continue
        features, names = feature_matrix(table)
        blocks.append(features)
        reference = "\n".join(cluster.references)
        labels.append(sentence_labels([s.text for s in table.sentences], reference))
        groups.append(np.full(table.size, number))
    return Dataset(np.vstack(blocks), np.concatenate(labels), np.concatenate(groups), names)


def fit(dataset: Dataset, seed: int, rows: np.ndarray | None = None) -> Any:
    import lightgbm

    rows = np.arange(len(dataset.labels)) if rows is None else rows
    params = {**LGBM_PARAMS, "seed": seed}
    train_set = lightgbm.Dataset(
        dataset.features[rows], dataset.labels[rows], feature_name=list(dataset.names), free_raw_data=False
    )
    return lightgbm.train(params, train_set, num_boost_round=ROUNDS)


def fold_of(cluster_id: str, folds: int) -> int:
    """A cluster's cross-validation fold, stable across runs and machines."""
    return int(hashlib.sha1(cluster_id.encode()).hexdigest(), 16) % folds


def rouge(summaries: Sequence[str], references: Sequence[Sequence[str]]) -> dict[str, float]:
    """Mean ROUGE-1/2/Lsum F1 and recall (x100) over clusters, scored as the evaluation scores them."""
    per_cluster = [score_references(refs, summary) for summary, refs in zip(summaries, references, strict=True)]
    means = mean_scores(per_cluster)
    return {
        f"{name}_{suffix}": percent(getattr(means[name], field))
        for name in sorted(means)
        for suffix, field in (("f", "f1"), ("r", "recall"))
    }


def brief_text(brief: Brief) -> str:
    return summary_text(s.text for s in brief.sentences)


def train_model(
    data_path: str | Path,
    out_path: str | Path,
    seed: int = 13,
    *,
    folds: int = 5,
    embedder: Embedder | None = None,
    cross_validate: bool = True,
) -> dict[str, float]:
    """Train the sentence scorer on ``data_path`` and write it to ``out_path`` (+ ``.json`` card).

    Returns metrics: out-of-fold ROUGE of the full summarizer (``cv_*``) when
    ``cross_validate``, and the training-set mean label error.
    """
    from crosswire.summarize.summarizer import Summarizer

    embedder = embedder or TfidfEmbedder()  # what Summarizer uses by default
    clusters = read_clusters(data_path)
    if not clusters:
        raise CrosswireError("no clusters to train on", source=str(data_path))
    with warnings.catch_warnings():  # furniture-only pages are common in Multi-News
        warnings.simplefilter("ignore", CrosswireWarning)
        dataset = build_dataset(clusters, embedder)
    metrics: dict[str, float] = {}
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if cross_validate:
        fold = np.array([fold_of(clusters[g].id, folds) for g in dataset.groups])
        summaries: list[str] = []
        for k in range(folds):
            scratch = out.with_suffix(f".fold{k}.txt")  # one file per fold: models are cached by path
            model = fit(dataset, seed, np.flatnonzero(fold != k))
            model.save_model(str(scratch))
            summarizer = Summarizer(embedder=embedder, model_path=str(scratch))
            for cluster in clusters:
                if fold_of(cluster.id, folds) == k:
                    summaries.append(brief_text(summarizer.summarize(story_of_documents(cluster.documents))))
            scratch.unlink(missing_ok=True)
        ordered = [c for k in range(folds) for c in clusters if fold_of(c.id, folds) == k]
        metrics.update({f"cv_{k}": v for k, v in rouge(summaries, [c.references for c in ordered]).items()})
    model = fit(dataset, seed)
    model.save_model(str(out))
    predictions = model.predict(dataset.features)
    metrics["train_mae"] = round(float(np.mean(np.abs(predictions - dataset.labels))), 5)
    card = {
        "model": "LightGBM regressor over crosswire.summarize feature scorers",
        "label": "sentence ROUGE precision vs reference: (P1 + 2 * P2) / 3, stemmed",
        "data": str(data_path),
        "data_sha1": hashlib.sha1(Path(data_path).read_bytes()).hexdigest(),
        "clusters": len(clusters),
        "rows": len(dataset.labels),
        "seed": seed,
        "rounds": ROUNDS,
        "params": LGBM_PARAMS,
        "embedder": getattr(embedder, "name", type(embedder).__name__),
        "features": list(dataset.names),
        "metrics": metrics,
    }
    out.with_suffix(".json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return metrics
