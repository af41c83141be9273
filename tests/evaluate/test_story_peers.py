from __future__ import annotations

import pickle

import numpy as np
import pytest

from crosswire.errors import CrosswireError
from crosswire.evaluate.story_gsdmm import GSDMM, tokenize
from crosswire.evaluate.story_metrics import bcubed
from crosswire.evaluate.story_peers import (
    MinilmHdbscan,
    TfidfAgglomerative,
    cut_average_link,
    make_peer,
    peer_text,
)
from crosswire.model import Article
from tests.evaluate.story_toys import interleaved


def test_tfidf_agglomerative_separates_the_three_events() -> None:
    texts, gold = interleaved()
    labels = TfidfAgglomerative().fit_predict(texts)
    assert bcubed(gold, labels)[2] == pytest.approx(1.0)


def test_threshold_moves_the_cut() -> None:
    distance = np.array([[0.0, 0.2, 0.9], [0.2, 0.0, 0.8], [0.9, 0.8, 0.0]])
    assert len(set(cut_average_link(distance, 0.5))) == 2
    assert len(set(cut_average_link(distance, 0.95))) == 1
    assert len(set(cut_average_link(distance, 0.1))) == 3
    assert list(cut_average_link(np.zeros((1, 1)), 0.5)) == [0]


def test_tfidf_agglomerative_on_stop_words_only() -> None:
    assert len(TfidfAgglomerative().fit_predict(["the and of", "a an the"])) == 2


def test_hdbscan_peer_with_fast_vectors_and_noise_as_singletons() -> None:
    texts, gold = interleaved()
    peer = MinilmHdbscan(embedder="tfidf")
    labels = peer.fit_predict([*texts, "A lighthouse keeper painted the lamp room blue."])
    assert len(labels) == len(texts) + 1
    assert bcubed(gold, labels[: len(texts)])[0] > 0.9  # every found story is one event
    assert labels[-1] not in set(labels[: len(texts)])  # the odd one out stands alone
    assert list(MinilmHdbscan(embedder="tfidf").fit_predict(["only one"])) == [0]


def test_hdbscan_peer_with_minilm_groups_the_events() -> None:
    pytest.importorskip("sentence_transformers")
    texts, gold = interleaved()
    labels = MinilmHdbscan().fit_predict(texts)
    assert bcubed(gold, labels)[2] > 0.8


def test_gsdmm_finds_the_events_without_being_told_k_and_is_seeded() -> None:
    texts, gold = interleaved()
    first = GSDMM(n_clusters=10, seed=3).fit_predict(texts)
    assert bcubed(gold, first)[2] > 0.8
    assert len(set(first)) < 10  # clusters empty out
    assert list(first) == list(GSDMM(n_clusters=10, seed=3).fit_predict(texts))


def test_gsdmm_handles_empty_documents() -> None:
    labels = GSDMM(n_clusters=5, n_iterations=3).fit_predict(
        ["", "the of", "flood river", "flood river town"]
    )
    assert len(labels) == 4


def test_tokenize_drops_stop_words() -> None:
    assert tokenize("The Flood of Brenly's river, 2024!") == ["flood", "brenly's", "river", "2024"]


def test_peers_pickle_with_their_settings_and_state() -> None:
    texts, _ = interleaved()
    peer = GSDMM(n_clusters=8, n_iterations=5, seed=1)
    peer.fit(texts)
    loaded = pickle.loads(pickle.dumps(peer))
    assert (loaded.n_clusters, loaded.seed) == (8, 1)
    assert list(loaded.labels_) == list(peer.labels_)
    agglomerative = pickle.loads(pickle.dumps(TfidfAgglomerative(distance_threshold=0.7)))
    assert agglomerative.distance_threshold == 0.7
    assert pickle.loads(pickle.dumps(MinilmHdbscan(min_cluster_size=3))).min_cluster_size == 3


def test_peer_registry_and_peer_text() -> None:
    assert isinstance(make_peer("gsdmm", seed=4), GSDMM)
    with pytest.raises(CrosswireError, match="unknown story peer"):
        make_peer("kmeans")
    assert peer_text(Article(text="Body.", title="Title")) == "Title\nBody."
    assert peer_text(Article(text="Body.")) == "Body."
