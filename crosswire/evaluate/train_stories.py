"""Training the story tracker's join model on development streams.

The development data is the Multi-News validation split and the DUC 2007
update clusters (never their test sets, nor GoogleNews-TS, which are for
reporting). Each is pooled into one stream of articles, shuffled with a
fixed seed, with the cluster (DUC: the topic) as gold. A third stream holds
the same Multi-News articles cut to their first words and lower-cased, so
the model also learns how short, name-less texts (titles and snippets)
behave. The tracker replays each stream with gold decisions and records the
feature rows of every candidate story it retrieves; a logistic regression
fits them. Two variants are written: with and without the embedding
features.
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from crosswire.clean import clean_articles
from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.model import Article
from crosswire.stories.features import FEATURES
from crosswire.stories.ids import article_key
from crosswire.stories.join_model import MODEL_FILE, WITHOUT_VECTORS, JoinModel, fit_join_model, save_models
from crosswire.stories.merge_model import (
    MERGE_FEATURES,
    MERGE_MODEL_FILE,
    MERGE_WITHOUT_VECTORS,
    MergeMemo,
    MergeModel,
)
from crosswire.stories.profile import ArticleProfile
from crosswire.stories.tracker import StoryTracker, TrainingRows, arrival_order
from crosswire.text import content_stems

SHORT_WORDS = 25
# Shuffles of each development stream replayed for the merge model's story pairs.
MERGE_SHUFFLES = (1, 2, 3, 4)


@dataclass(frozen=True)
class GoldStream:
    """Articles in input order and their gold story labels."""

    name: str
    articles: tuple[Article, ...]
    gold: tuple[str, ...]


def pooled_stream(path: Path, name: str, seed: int = 13) -> GoldStream:
    """A development file as ``crosswire eval stories`` reads it, cleaned as its crosswire system cleans it."""
    from crosswire.evaluate.story_data import load_story_stream

    stream = load_story_stream(path, seed=seed)
    with warnings.catch_warnings():  # furniture-only pages are common in Multi-News
        warnings.simplefilter("ignore", CrosswireWarning)
        articles = clean_articles(stream.articles)
    keyed = tuple(replace(a, id=article_key(a) + f"-{i}") for i, a in enumerate(articles))
    return GoldStream(name=name, articles=keyed, gold=stream.gold)


def short_stream(stream: GoldStream, words: int = SHORT_WORDS) -> GoldStream:
    """The stream's articles cut to their first content words, lower-cased, without titles or dates."""
    articles = tuple(
        replace(a, text=" ".join(content_stems_raw(a.text)[:words]), title=None, published=None, id=a.id + "-short")
        for a in stream.articles
    )
    return GoldStream(name=stream.name + "-short", articles=articles, gold=stream.gold)


def content_stems_raw(text: str) -> list[str]:
    """Lower-cased content words (unstemmed), as GoogleNews-style snippets are written."""
    kept = set(content_stems(text))
    from crosswire.text import _stem, words

    return [w for w in words(text) if _stem(w) in kept]


def gold_rows(stream: GoldStream, vectors: np.ndarray | None) -> TrainingRows:
    """Replay ``stream`` with gold decisions; the candidates' feature rows and labels."""
    tracker = StoryTracker(embed=False, merge=False)
    record = TrainingRows()
    profiles = tracker.profiles(stream.articles, vectors)
    gold_of = {a.id: g for a, g in zip(stream.articles, stream.gold, strict=True)}
    for profile in arrival_order(profiles):
        tracker._place(profile, gold=gold_of[profile.key], record=record)
    return record


def train_join_models(
    streams: Sequence[tuple[GoldStream, np.ndarray | None]], c: float = 1.0
) -> tuple[dict[str, JoinModel], dict[str, Any]]:
    collected = [gold_rows(stream, vectors) for stream, vectors in streams]
    rows = np.vstack([r for record in collected for r in record.rows])
    labels = np.concatenate([y for record in collected for y in record.labels])
    with_vectors = fit_join_model(rows, labels, FEATURES, c=c)
    plain = tuple(name for name in FEATURES if name not in WITHOUT_VECTORS)
    without_vectors = fit_join_model(rows, labels, plain, c=c)
    card = {
        "streams": [stream.name for stream, _ in streams],
        "articles": sum(len(stream.articles) for stream, _ in streams),
        "rows": int(rows.shape[0]),
        "positives": int(labels.sum()),
        "c": c,
    }
    return {"vectors": with_vectors, "no_vectors": without_vectors}, card


def development_streams(data_dir: Path, seed: int = 13) -> list[GoldStream]:
    multinews = data_dir / "multinews" / "validation.jsonl"
    duc2007 = data_dir / "duc2007_update" / "test.jsonl"
    for path in (multinews, duc2007):
        if not path.is_file():
            raise CrosswireError(
                "development data not found: get the evaluation data into ../shared/data "
                "(see ../shared/data/README.md) or pass --data DIR",
                source=str(path),
            )
    mixed = pooled_stream(multinews, "multinews-validation", seed)
    return [mixed, pooled_stream(duc2007, "duc2007", seed), short_stream(mixed)]


def merge_pairs(profiles: Sequence[ArticleProfile], gold: Sequence[str], join: JoinModel) -> TrainingRows:
    """Track ``profiles`` without the merge step; the merge features of every story pair its index offers.

    A pair is positive when the two stories' majority gold stories are the same.
    """
    tracker = StoryTracker(embed=False, merge=False, model=join)
    tracker.partial_fit_profiles(profiles)
    votes: dict[str, Counter[str]] = {}
    for profile, label in zip(profiles, gold, strict=True):
        votes.setdefault(tracker.story_of(profile.key), Counter())[label] += 1
    majority = {sid: count.most_common(1)[0][0] for sid, count in votes.items()}
    record = TrainingRows()
    memo = MergeMemo()
    done: set[frozenset[str]] = set()
    for sid in sorted(tracker.stories_):
        story = tracker.stories_[sid]
        others = [o for o in tracker.merge_candidates(story, memo) if frozenset((sid, o.id)) not in done]
        if not story.indexed or not others:
            continue
        done.update(frozenset((sid, o.id)) for o in others)
        record.rows.append(tracker.merge_rows(story, others, memo))
        record.labels.append(np.array([majority[o.id] == majority[sid] for o in others], dtype=np.int8))
    return record


def shuffled(profiles: Sequence[ArticleProfile], gold: Sequence[str], seed: int) -> tuple[list[ArticleProfile], list[str]]:
    order = np.random.default_rng(seed).permutation(len(profiles))
    return [profiles[i] for i in order], [gold[i] for i in order]


def train_merge_models(
    streams: Sequence[tuple[Sequence[ArticleProfile], Sequence[str]]],
    joins: dict[str, JoinModel],
    shuffles: Sequence[int] = MERGE_SHUFFLES,
    c: float = 1.0,
) -> tuple[dict[str, JoinModel], dict[str, Any]]:
    """Both merge-model variants, fitted on the story pairs of every stream replayed in each shuffle."""
    models: dict[str, JoinModel] = {}
    card: dict[str, Any] = {"shuffles": list(shuffles), "c": c}
    for variant, plain in (("vectors", False), ("no_vectors", True)):
        collected = []
        for profiles, gold in streams:
            if plain:
                profiles = [replace(p, vector=None) for p in profiles]
            for seed in shuffles:
                collected.append(merge_pairs(*shuffled(profiles, gold, seed), join=joins[variant]))
        rows = np.vstack([r for record in collected for r in record.rows])
        labels = np.concatenate([y for record in collected for y in record.labels])
        features = tuple(n for n in MERGE_FEATURES if not plain or n not in MERGE_WITHOUT_VECTORS)
        models[variant] = fit_join_model(rows, labels, features, c=c, kind=MergeModel)
        card[f"{variant}_rows"], card[f"{variant}_positives"] = int(rows.shape[0]), int(labels.sum())
    return models, card


def train_story_model(data_dir: Path, out: Path = MODEL_FILE, seed: int = 13, keep_join: bool = False) -> dict[str, Any]:
    """``crosswire train --model stories``: fit and write both join-model variants (unless
    ``keep_join``: read the ones in ``out``), then the merge model's, beside them (``merge_model.json``)."""
    from crosswire.stories.join_model import load_model
    from crosswire.stories.tracker import article_vectors

    streams = development_streams(data_dir, seed)
    with_vectors = [(s, article_vectors(s.articles)) for s in streams]
    if keep_join:
        models = {"vectors": load_model(True, out), "no_vectors": load_model(False, out)}
        card: dict[str, Any] = {"streams": [s.name for s in streams], "join": f"kept ({out.name})"}
    else:
        models, card = train_join_models(with_vectors)
        card["seed"] = seed
        save_models(models, out, card)
    tracker = StoryTracker(embed=False)
    profiled = [(tracker.profiles(s.articles, v), s.gold) for s, v in with_vectors]
    merges, merge_card = train_merge_models(profiled, models)
    merge_card["streams"] = card["streams"]
    save_models(merges, out.with_name(MERGE_MODEL_FILE.name), merge_card)
    return {**card, "merge": merge_card}
