"""Static sentence vectors from the ``wordllama`` package: a token table, no network, no model run.

WordLlama's ``l2_supercat`` table (32,000 Llama-2 tokens x 256 dimensions, 16 MB) ships inside the
PyPI wheel (``wordllama/weights``) with its tokenizer (``wordllama/tokenizers``). A sentence's vector
is the mean of its tokens' rows, L2-normalised: a table lookup, so encoding a story's sentences
costs milliseconds where MiniLM costs seconds (docs/static-encoding.md has the measurements).

The files are read straight from the installed package rather than through ``WordLlama.load``:
``import wordllama`` calls ``logging.basicConfig(level=INFO)`` on the root logger, and
``WordLlama.load()`` with its defaults looks for the tokenizer under ``wordllama/tokenizer/`` (the
wheel has ``tokenizers/``) and so downloads it from Hugging Face. ``WordLlama.load(cache_dir=<the
package folder>, disable_download=True)`` is the offline call that gives the same vectors
(tests/test_embed_static.py compares the two).

Optional: install ``crosswire[static]``; without it ``available()`` is false and ``encode`` raises
``StaticModelMissing`` with what to install.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

CONFIG = "l2_supercat"
DIMENSIONS = 256

_LOCK = threading.Lock()
_TABLES: dict[str, tuple[np.ndarray, Any]] = {}  # weights path -> (token table, tokenizer)


class StaticModelMissing(RuntimeError):
    """The ``wordllama`` package (or its packaged files) is not installed."""


def package_folder() -> Path | None:
    """The installed ``wordllama`` package's folder, found without importing it."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def packaged_files(config: str = CONFIG, dim: int = DIMENSIONS) -> tuple[Path, Path] | None:
    """(weights, tokenizer) files of ``config`` inside the package, if both are there."""
    folder = package_folder()
    if folder is None:
        return None
    weights = folder / "weights" / f"{config}_{dim}.safetensors"
    tokenizer = folder / "tokenizers" / f"{config}_tokenizer_config.json"
    return (weights, tokenizer) if weights.exists() and tokenizer.exists() else None


def available(config: str = CONFIG, dim: int = DIMENSIONS) -> bool:
    return packaged_files(config, dim) is not None


def _load(weights: Path, tokenizer_file: Path) -> tuple[np.ndarray, Any]:
    with _LOCK:
        loaded = _TABLES.get(str(weights))
        if loaded is None:
            from safetensors import safe_open
            from tokenizers import Tokenizer

            with safe_open(str(weights), framework="np", device="cpu") as handle:
                table = np.ascontiguousarray(handle.get_tensor("embedding.weight"), dtype=np.float32)
            tokenizer = Tokenizer.from_file(str(tokenizer_file))
            tokenizer.no_padding()
            tokenizer.no_truncation()  # as WordLlamaInference: a long sentence keeps every token
            loaded = _TABLES[str(weights)] = (table, tokenizer)
        return loaded


# MiniLM cosine -> this table's cosine at the same share of pairs (crosswire.analyze.cosine_scale), on
# unlabelled Multi-News validation stories, lines 150-209 (the labelled ones are lines 0-61):
# "sentence": 245,674 pairs of sentences from two articles of one story; "centroid": 521 pairs of
# article mean vectors, of one story and of two; "label": 8,812 pairs of figure labels of one story.
COSINE_SCALE: dict[str, tuple[tuple[float, float], ...]] = {
    "sentence": (
        (0.30, 0.196), (0.40, 0.296), (0.45, 0.349), (0.50, 0.404), (0.55, 0.461), (0.60, 0.517),
        (0.65, 0.586), (0.70, 0.652), (0.75, 0.704), (0.80, 0.767), (0.85, 0.824), (0.90, 0.887),
        (1.0, 1.0),
    ),
    "label": ((0.6, 0.525), (0.75, 0.737), (0.8, 0.805), (1.0, 1.0)),
    "centroid": ((0.193, 0.048), (0.5, 0.297), (0.6, 0.448), (0.8, 0.711), (0.892, 0.831), (1.0, 1.0)),
}


class WordLlamaEmbedder:
    """Mean of WordLlama token vectors, unit length (zero for a text with no tokens).

    Holds only its settings, so it pickles; the table loads once per process on first use.
    ``cosine_scale`` places the analysis's MiniLM thresholds on its scale."""

    cosine_scale = COSINE_SCALE

    def __init__(self, config: str = CONFIG, dim: int = DIMENSIONS) -> None:
        self.config = config
        self.dim = dim
        self.name = f"wordllama-{config}-{dim}"

    @property
    def reuse_key(self) -> tuple[str, str]:
        """What identifies its vectors (crosswire.analyze.reuse): one table gives one vector per text."""
        return (self.name, self.config)

    def load(self) -> tuple[np.ndarray, Any]:
        files = packaged_files(self.config, self.dim)
        if files is None:
            raise StaticModelMissing(
                f"wordllama ({self.config}, {self.dim} dimensions) is not installed: "
                "install crosswire[static] (wordllama==0.4.0.post1)"
            )
        return _load(*files)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        table, tokenizer = self.load()
        encodings = tokenizer.encode_batch(list(texts), add_special_tokens=False)
        lengths = np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=len(encodings))
        out = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
        filled = np.flatnonzero(lengths)
        if filled.size:
            ids = np.concatenate([np.asarray(encodings[i].ids, dtype=np.int64) for i in filled])
            np.clip(ids, 0, table.shape[0] - 1, out=ids)
            starts = np.concatenate(([0], np.cumsum(lengths[filled])[:-1]))
            sums = np.add.reduceat(table[ids], starts, axis=0)
            means = sums / lengths[filled, None].astype(np.float32)
            norms = np.linalg.norm(means, axis=1, keepdims=True)
            out[filled] = means / np.where(norms == 0, 1.0, norms)
        return out
