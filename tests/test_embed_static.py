from __future__ import annotations

import pickle

import numpy as np
import pytest

from crosswire import embed_static
from crosswire.embed import ANALYSIS_EMBEDDER_ENV, TfidfEmbedder, analysis_embedder
from crosswire.embed_static import StaticModelMissing, WordLlamaEmbedder, available, package_folder

SENTENCES = [
    "The council closed the old bridge on Tuesday after engineers found cracks.",
    "Engineers found cracks, so the council shut the old bridge on Tuesday.",
    "Bananas are a good source of potassium and taste sweet.",
    "“We will reopen it in spring,” the mayor, Ada Quill, told reporters at 9 a.m.",
    "Traffic rose 12% on the ring road; buses ran every 7 minutes. " * 30,  # long: nothing truncated
    "",
]

needs_wordllama = pytest.mark.skipif(not available(), reason="wordllama is not installed")


@needs_wordllama
def test_vectors_have_one_unit_row_per_text_and_zero_for_empty() -> None:
    vectors = WordLlamaEmbedder().encode(SENTENCES)
    assert vectors.shape == (len(SENTENCES), 256)
    assert vectors.dtype == np.float32
    norms = np.linalg.norm(vectors, axis=1)
    assert np.allclose(norms[:-1], 1.0, atol=1e-5)
    assert norms[-1] == 0.0
    assert WordLlamaEmbedder().encode([]).shape == (0, 256)


@needs_wordllama
def test_vectors_do_not_depend_on_the_batch() -> None:
    embedder = WordLlamaEmbedder()
    together = embedder.encode(SENTENCES)
    alone = np.stack([embedder.encode([text])[0] for text in SENTENCES])
    assert np.array_equal(together, alone)
    assert np.array_equal(together, embedder.encode(SENTENCES))


@needs_wordllama
def test_a_paraphrase_is_closer_than_an_unrelated_sentence() -> None:
    bridge, paraphrase, bananas = WordLlamaEmbedder().encode(SENTENCES[:3])
    assert float(bridge @ paraphrase) > float(bridge @ bananas) + 0.3


@needs_wordllama
def test_it_pickles_with_its_settings_and_gives_the_same_vectors() -> None:
    embedder = WordLlamaEmbedder()
    copy = pickle.loads(pickle.dumps(embedder))
    assert (copy.name, copy.config, copy.dim, copy.reuse_key) == (
        embedder.name,
        embedder.config,
        embedder.dim,
        embedder.reuse_key,
    )
    assert np.array_equal(copy.encode(SENTENCES[:2]), embedder.encode(SENTENCES[:2]))


@needs_wordllama
def test_vectors_equal_wordllamas_own_offline_load() -> None:
    wordllama = pytest.importorskip("wordllama")
    folder = package_folder()
    assert folder is not None
    model = wordllama.WordLlama.load(cache_dir=folder, disable_download=True)
    theirs = model.embed(SENTENCES[:5], norm=True)
    ours = WordLlamaEmbedder().encode(SENTENCES[:5])
    assert np.abs(theirs - ours).max() < 1e-5


def test_a_missing_package_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed_static, "package_folder", lambda: None)
    assert not available()
    with pytest.raises(StaticModelMissing, match=r"crosswire\[static\]"):
        WordLlamaEmbedder().encode(["A sentence."])
    monkeypatch.setenv(ANALYSIS_EMBEDDER_ENV, "wordllama")
    brief_embedder = TfidfEmbedder()
    with pytest.warns(UserWarning, match="not installed"):
        assert analysis_embedder(brief_embedder) is brief_embedder


@needs_wordllama
def test_the_analysis_is_static_and_mixed_unless_minilm_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    from crosswire.embed import figure_embedder

    brief_embedder = TfidfEmbedder()
    monkeypatch.delenv(ANALYSIS_EMBEDDER_ENV, raising=False)
    assert isinstance(analysis_embedder(brief_embedder), WordLlamaEmbedder)
    assert figure_embedder(brief_embedder) is brief_embedder
    for choice in ("minilm", "same", "brief"):
        monkeypatch.setenv(ANALYSIS_EMBEDDER_ENV, choice)
        assert analysis_embedder(brief_embedder) is brief_embedder
        assert figure_embedder(brief_embedder) is None
    monkeypatch.setenv(ANALYSIS_EMBEDDER_ENV, "wordllama")
    assert isinstance(analysis_embedder(brief_embedder), WordLlamaEmbedder)


def test_without_wordllama_the_default_is_the_brief_embedder_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    import warnings

    from crosswire.embed import figure_embedder

    monkeypatch.setattr(embed_static, "package_folder", lambda: None)
    monkeypatch.delenv(ANALYSIS_EMBEDDER_ENV, raising=False)
    brief_embedder = TfidfEmbedder()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert analysis_embedder(brief_embedder) is brief_embedder
        assert figure_embedder(brief_embedder) is None


@needs_wordllama
def test_mixed_keeps_the_figures_on_the_brief_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    from crosswire.embed import figure_embedder

    brief_embedder = TfidfEmbedder()
    monkeypatch.setenv(ANALYSIS_EMBEDDER_ENV, "wordllama-mixed")
    assert isinstance(analysis_embedder(brief_embedder), WordLlamaEmbedder)
    assert figure_embedder(brief_embedder) is brief_embedder
    monkeypatch.setenv(ANALYSIS_EMBEDDER_ENV, "wordllama")
    assert figure_embedder(brief_embedder) is None
