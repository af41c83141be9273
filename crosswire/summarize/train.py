"""Training the sentence scorer, and a quick ROUGE loop to measure the summarizer.

``train_model(data_path, out_path, seed=...)`` reads summarization clusters
(JSON lines with ``documents`` and ``summary``), builds each story the way
the pipeline does, labels every candidate sentence with its ROUGE overlap
with the reference, counts word priors (which source words reach the
reference), fits small LightGBM regressors (one per seed in
``seed .. seed + ENSEMBLE - 1``) on the feature scorers' columns, and writes
the models, the priors and a JSON card (data, seeds, features, metrics).
It also fits the concept model (``concepts.py``: which bigrams the
references use) on the same clusters and writes it beside them.
Same data and seed give the same files.
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
from crosswire.evaluate.budget import truncate
from crosswire.evaluate.datasets import EvalCluster, load_clusters
from crosswire.evaluate.rouge import mean_scores, percent, score_references, summary_text
from crosswire.model import Brief, Story
from crosswire.pipeline import story_of_texts
from crosswire.summarize import concepts
from crosswire.summarize.features import SentenceTable, build_table, scorer_columns
from crosswire.summarize.scorers import FEATURE_SCORERS
from crosswire.summarize.scorers.supervised import Ensemble, priors_path, replace_atomically, save_model
from crosswire.summarize.scorers.word_prior import ClusterStems, WordPriors, WordPriorScorer, cluster_stems
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
ROUNDS = 150  # chosen in cross-validation on the training data: 300 overfit
ENSEMBLE = 5  # boosters averaged, each with its own seed


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
    features: np.ndarray  # the feature scorers' columns; word-prior columns are added per fit
    labels: np.ndarray
    groups: np.ndarray  # cluster number of each row
    names: tuple[str, ...]
    tables: list[SentenceTable]  # one per cluster number
    clusters: list[EvalCluster]  # the clusters the tables were built from (empty ones are skipped)
    stem_sets: list[ClusterStems]  # what word priors count, per cluster number
    concept_features: list[np.ndarray]  # per cluster number: one row per bigram of its candidates
    concept_labels: list[np.ndarray]  # per cluster number: 1 where a reference uses the bigram

    def priors(self, clusters: Sequence[int]) -> WordPriors:
        return WordPriors.count(self.stem_sets[c] for c in clusters)

    def with_priors(self, priors: WordPriors, clusters: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
        """Rows of ``clusters`` with word-prior columns, each cluster left out of its own priors."""
        blocks, labels = [], []
        for c in clusters:
            own = priors.leave_out(self.stem_sets[c])
            rows = self.groups == c
            blocks.append(np.hstack([self.features[rows], WordPriorScorer(own).columns(self.tables[c])]))
            labels.append(self.labels[rows])
        return np.vstack(blocks), np.concatenate(labels)

    @property
    def all_names(self) -> tuple[str, ...]:
        return (*self.names, *WordPriorScorer.names)


def build_dataset(clusters: Sequence[EvalCluster], embedder: Embedder) -> Dataset:
    blocks: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    groups: list[np.ndarray] = []
    tables: list[SentenceTable] = []
    kept: list[EvalCluster] = []
    stem_sets: list[ClusterStems] = []
    concept_features: list[np.ndarray] = []
    concept_labels: list[np.ndarray] = []
    names: tuple[str, ...] = ()
    for cluster in clusters:
        table = build_table(story_of_documents(cluster.documents), embedder)
        if table.size == 0:
            continue
        features, names = scorer_columns(table, FEATURE_SCORERS)
        reference = "\n".join(cluster.references)
        blocks.append(features)
        labels.append(sentence_labels([s.text for s in table.sentences], reference))
        groups.append(np.full(table.size, len(tables)))
        tables.append(table)
        kept.append(cluster)
        stem_sets.append(cluster_stems(table.stems, reference))
        bigrams = concepts.story_concepts(table)
        concept_features.append(bigrams.features)
        concept_labels.append(concepts.concept_labels(bigrams, cluster.references))
    if not tables:
        raise CrosswireError("no cluster has a sentence to train on")
    return Dataset(
        np.vstack(blocks),
        np.concatenate(labels),
        np.concatenate(groups),
        names,
        tables,
        kept,
        stem_sets,
        concept_features,
        concept_labels,
    )


def fit(dataset: Dataset, seed: int, clusters: Sequence[int], out: Path) -> float:
    """Train on ``clusters``; write the models to ``out``, their word priors and the concept model beside it.

    Returns the mean absolute error on the training rows.
    """
    import lightgbm

    priors = dataset.priors(clusters)
    features, labels = dataset.with_priors(priors, clusters)
    train_set = lightgbm.Dataset(features, labels, feature_name=list(dataset.all_names), free_raw_data=False)
    ensemble = Ensemble(
        [
            lightgbm.train({**LGBM_PARAMS, "seed": seed + member}, train_set, num_boost_round=ROUNDS)
            for member in range(ENSEMBLE)
        ]
    )
    save_model(ensemble, priors, out)
    concept_model = concepts.fit_concept_model(
        np.vstack([dataset.concept_features[c] for c in clusters]),
        np.concatenate([dataset.concept_labels[c] for c in clusters]),
        seed,
    )
    replace_atomically(concepts.concept_model_path(out), concept_model.to_text())
    return float(np.mean(np.abs(ensemble.predict(features) - labels)))


def _digest(files: Sequence[Path]) -> str:
    """SHA-1 of one file's bytes, or of the files' bytes one after another."""
    digest = hashlib.sha1()
    for file in files:
        digest.update(file.read_bytes())
    return digest.hexdigest()


def fold_of(cluster_id: str, folds: int) -> int:
    """A cluster's cross-validation fold, stable across runs and machines."""
    return int(hashlib.sha1(cluster_id.encode()).hexdigest(), 16) % folds


def rouge(summaries: Sequence[str], references: Sequence[Sequence[str]]) -> dict[str, float]:
    """Mean ROUGE-1/2/Lsum F1 and recall (x100) over clusters, scored as the evaluation scores them."""
    per_cluster = [
        score_references(refs, summary) for summary, refs in zip(summaries, references, strict=True)
    ]
    means = mean_scores(per_cluster)
    return {
        f"{name}_{suffix}": percent(getattr(means[name], field))
        for name in sorted(means)
        for suffix, field in (("f", "f1"), ("r", "recall"))
    }


def brief_text(brief: Brief, words: int | None = None) -> str:
    """The brief's sentences, cut at ``words`` words when given."""
    texts = [s.text for s in brief.sentences]
    return summary_text(truncate(texts, words) if words is not None else texts)


def train_model(
    data_path: str | Path | Sequence[Path],
    out_path: str | Path,
    seed: int = 13,
    *,
    folds: int = 5,
    embedder: Embedder | None = None,
    cross_validate: bool = True,
    clusters: Sequence[EvalCluster] | None = None,
    words: int | None = None,
) -> dict[str, float]:
    """Train the sentence scorer on ``data_path`` and write it to ``out_path`` (+ ``.json`` card).

    Returns metrics: out-of-fold ROUGE of the full summarizer (``cv_*``) when
    ``cross_validate``, and the training-set mean label error. ``clusters``,
    when given, are the training clusters (read from the files ``data_path``
    names); ``words`` sets the cross-validation's budget, each brief then cut
    there as DUC scores it (the default: 250-word briefs, uncut).
    """
    from crosswire.summarize.summarizer import Summarizer

    embedder = embedder or TfidfEmbedder()  # what Summarizer uses by default
    files = [Path(data_path)] if isinstance(data_path, str | Path) else [Path(p) for p in data_path]
    clusters = read_clusters(files[0]) if clusters is None else tuple(clusters)
    if not clusters:
        raise CrosswireError("no clusters to train on", source=str(data_path))
    with warnings.catch_warnings():  # furniture-only pages are common in Multi-News
        warnings.simplefilter("ignore", CrosswireWarning)
        dataset = build_dataset(clusters, embedder)
    metrics: dict[str, float] = {}
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    numbers = range(len(dataset.tables))
    if cross_validate:
        fold = [fold_of(dataset.clusters[c].id, folds) for c in numbers]
        summaries: list[str] = []
        references: list[tuple[str, ...]] = []
        for k in range(folds):
            scratch = out.with_suffix(f".fold{k}.txt")  # one file per fold: models are cached by path
            fit(dataset, seed, [c for c in numbers if fold[c] != k], scratch)
            summarizer = Summarizer(
                embedder=embedder, model_path=str(scratch), words=words or 250, cross_budget=words is not None
            )
            for c in numbers:
                if fold[c] == k:
                    summaries.append(brief_text(summarizer.summarize(dataset.tables[c].story), words))
                    references.append(dataset.clusters[c].references)
            for path in (scratch, priors_path(scratch), concepts.concept_model_path(scratch)):
                path.unlink(missing_ok=True)
        metrics.update({f"cv_{k}": v for k, v in rouge(summaries, references).items()})
    metrics["train_mae"] = round(fit(dataset, seed, list(numbers), out), 5)
    card = {
        "model": f"{ENSEMBLE} LightGBM regressors (seeds {seed}..{seed + ENSEMBLE - 1}) averaged, over crosswire.summarize feature scorers",
        "label": "sentence ROUGE precision vs reference: (P1 + 2 * P2) / 3, stemmed",
        "data": str(files[0]) if len(files) == 1 else [str(f) for f in files],
        "data_sha1": _digest(files),
        "clusters": len(clusters),
        "rows": len(dataset.labels),
        "seed": seed,
        "rounds": ROUNDS,
        "params": LGBM_PARAMS,
        "embedder": getattr(embedder, "name", type(embedder).__name__),
        "features": list(dataset.all_names),
        "word_priors": priors_path(out).name,
        "concept_model": {
            "file": concepts.concept_model_path(out).name,
            "model": f"{concepts.CONCEPT_ENSEMBLE} LightGBM classifiers (seeds {seed}..{seed + concepts.CONCEPT_ENSEMBLE - 1}) averaged",
            "label": "stemmed bigram of the candidate sentences used by a reference",
            "rows": int(sum(len(labels) for labels in dataset.concept_labels)),
            "rounds": concepts.CONCEPT_ROUNDS,
            "params": concepts.CONCEPT_PARAMS,
            "features": list(concepts.FEATURE_NAMES),
        },
        "metrics": metrics,
    }
    if words is not None:
        card["cv_words"] = words  # cross-validated briefs of this budget, cut there
    out.with_suffix(".json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    return metrics
