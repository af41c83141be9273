"""``crosswire eval stories``: story finding of crosswire and its peers on one stream, in one run.

The stream comes from ``crosswire.evaluate.story_data`` (a clustering set, or
pooled and shuffled summarization clusters). crosswire runs its real path:
the articles are cleaned (``crosswire.clean.clean_articles``) and handed to
the online ``StoryTracker``; its seconds cover both. Peers read the raw
texts (``crosswire.evaluate.story_peers``). The embedding model is loaded
before timing starts, so no system pays for the load.
"""

from __future__ import annotations

import hashlib
import time
import warnings
from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from crosswire.errors import CrosswireError, CrosswireWarning
from crosswire.evaluate.story_data import StoryStream, load_story_stream
from crosswire.evaluate.story_metrics import clustering_scores
from crosswire.evaluate.story_peers import DEFAULT_STORY_PEERS, make_peer, peer_text
from crosswire.model import Article

CROSSWIRE = "crosswire"
COLUMNS = (
    ("bcubed_precision", "B3 P"),
    ("bcubed_recall", "B3 R"),
    ("bcubed_f1", "B3 F1"),
    ("nmi", "NMI"),
    ("ari", "ARI"),
)

# A system: articles in arrival order -> one story label per article, in that order.
StorySystem = Callable[[Sequence[Article]], Sequence[Hashable]]


def crosswire_stories(articles: Sequence[Article]) -> list[str]:
    """crosswire's story finding, as the pipeline runs it: stable ids, the language guess, cleaning,
    then the online tracker."""
    from crosswire.clean import clean_articles
    from crosswire.ingest.language import guess_language
    from crosswire.stories import StoryTracker
    with warnings.catch_warnings():  # furniture-only pages are common in Multi-News
        warnings.simplefilter("ignore", CrosswireWarning)
        cleaned = clean_articles([replace(a, id=document_key(a), language=guess_language(a.text).code) for a in articles])
    return [str(label) for label in StoryTracker().fit_predict(cleaned)]


def document_key(article: Article) -> str:
    """Each document of an evaluation stream is one item, even when its text repeats another's.

    The stable id of a URL-less article is its content hash, so two identical
    pages would be one article; in Multi-News those are furniture-only pages
    ("page not found") filed under different stories, which the stable id
    would fold into one story. The stream's position (``source``, after the
    shuffle, so it says nothing of the gold story) keeps them apart, as the
    join model's training streams do.
    """
    from crosswire.stories.ids import ID_LENGTH, article_key

    if article.url or not article.source:
        return article_key(article)
    return "a" + hashlib.sha1(f"document:{article.source}".encode()).hexdigest()[:ID_LENGTH]


def peer_system(name: str, seed: int = 0) -> StorySystem:
    def run(articles: Sequence[Article]) -> Sequence[Hashable]:
        return list(make_peer(name, seed).fit_predict([peer_text(a) for a in articles]))

    return run


def story_systems(
    peers: Sequence[str] = DEFAULT_STORY_PEERS, seed: int = 0, include_crosswire: bool = True
) -> dict[str, StorySystem]:
    """crosswire (unless ``include_crosswire`` is False) and the named peers."""
    systems: dict[str, StorySystem] = {}
    if include_crosswire:
        systems[CROSSWIRE] = crosswire_stories
    for name in peers:
        make_peer(name, seed)  # unknown names fail before anything runs
        systems[name] = peer_system(name, seed)
    return systems


def warm_up() -> None:
    """Load the embedding model once, outside every system's timing."""
    from crosswire.embed import default_embedder

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CrosswireWarning)
        default_embedder().encode(["warm up"])


def run_story_systems(stream: StoryStream, systems: dict[str, StorySystem]) -> dict[str, dict[str, Any]]:
    """Each system's scores and seconds on the whole stream."""
    if not systems:
        raise CrosswireError("no systems to evaluate")
    warm_up()
    results = {}
    for name, system in systems.items():
        started = time.perf_counter()
        labels = list(system(stream.articles))
        seconds = time.perf_counter() - started
        if len(labels) != len(stream.articles):
            raise CrosswireError(f"{name} gave {len(labels)} labels for {len(stream.articles)} articles")
        results[name] = {**clustering_scores(stream.gold, labels), "seconds": round(seconds, 2)}
    return results


def evaluate_stories(
    path: str | Path,
    peers: Sequence[str] = DEFAULT_STORY_PEERS,
    limit: int | None = None,
    seed: int = 0,
    systems: dict[str, StorySystem] | None = None,
) -> dict[str, Any]:
    """Story-finding scores of crosswire and ``peers`` on one file (``systems`` replaces that set)."""
    stream = load_story_stream(path, limit=limit, seed=seed)
    chosen = systems if systems is not None else story_systems(peers, seed=seed)
    return {
        "data": str(path),
        "seed": seed,
        "articles": len(stream.articles),
        "stories": stream.stories,
        "systems": run_story_systems(stream, chosen),
    }


def format_story_table(result: dict[str, Any]) -> str:
    """A markdown table of ``evaluate_stories`` output."""
    header = ["system", *(title for _, title in COLUMNS), "predicted", "gold", "seconds", "n"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for name, values in result["systems"].items():
        cells = [name, *(f"{values[key]:.3f}" for key, _ in COLUMNS)]
        cells += [str(values["predicted"]), str(values["gold"]), f"{values['seconds']:.1f}", str(values["n"])]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
