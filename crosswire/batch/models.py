"""Models on workers: the embedder and the spaCy pipeline load once per worker process.

``ModelsPlugin`` (a Dask worker plugin) loads them when a worker starts, and
every task asks ``worker_models`` for them, which returns the same objects
for the life of the process (``LOADS`` counts real loads, for the tests).
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from crosswire.embed import Embedder, SentenceTransformerEmbedder, shared_embedder

LOADS: Counter[str] = Counter()  # model name -> loads in this process


def worker_models(analysis: bool) -> tuple[Embedder, Any]:
    """The process's embedder (weights loaded) and, with ``analysis``, its spaCy pipeline."""
    return _embedder(), _nlp() if analysis else None


@functools.lru_cache(maxsize=1)
def _embedder() -> Embedder:
    embedder = shared_embedder()
    if isinstance(embedder, SentenceTransformerEmbedder):
        embedder.encode(["warm up"])  # loads the weights now, not inside the first task
    LOADS["embedder"] += 1
    return embedder


@functools.lru_cache(maxsize=1)
def _nlp() -> Any:
    try:
        from crosswire.analyze.context import load_nlp
    except ImportError:  # the [analysis] extra is missing; the pipeline says so per brief
        return None
    LOADS["spacy"] += 1
    return load_nlp()


def load_counts() -> dict[str, int]:
    """This process's model loads (run on each worker with ``Client.run``)."""
    return dict(LOADS)


class ModelsPlugin(WorkerPlugin):
    """Load the models when a worker starts, so no task pays for it."""

    name = "crosswire-models"

    def __init__(self, analysis: bool) -> None:
        self.analysis = analysis

    def setup(self, worker: Any) -> None:
        worker_models(self.analysis)
