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
from crosswire.stories.tracker import StoryTracker, TrainingRows, arrival_order
from crosswire.text import content_stems

SHORT_WORDS = 25


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


def train_story_model(data_dir: Path, out: Path = MODEL_FILE, seed: int = 13) -> dict[str, Any]:
    """``crosswire train --model stories``: fit and write both join-model variants."""
    from crosswire.stories.tracker import article_vectors

    streams = development_streams(data_dir, seed)
    with_vectors = [(s, article_vectors(s.articles)) for s in streams]
    models, card = train_join_models(with_vectors)
    card["seed"] = seed
    save_models(models, out, card)
    return card
