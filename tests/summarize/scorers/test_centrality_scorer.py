from __future__ import annotations

import numpy as np

from crosswire.embed import TfidfEmbedder
from crosswire.model import Story
from crosswire.summarize.features import build_table
from crosswire.summarize.scorers import CentralityScorer
from crosswire.summarize.scorers.centrality import lexrank


def test_the_shared_event_is_more_central_than_an_aside(bridge_story: Story, tfidf: TfidfEmbedder) -> None:
    table = build_table(bridge_story, tfidf)
    columns = CentralityScorer().columns(table)
    texts = [s.text for s in table.sentences]
    collapse = next(i for i, t in enumerate(texts) if t.startswith("Fourteen drivers were injured"))
    bakery = next(i for i, t in enumerate(texts) if "bakery" in t)
    mean_similarity = columns[:, CentralityScorer.names.index("mean_similarity")]
    assert mean_similarity[collapse] > mean_similarity[bakery]


def test_lexrank_favours_the_hub_of_a_star_graph() -> None:
    weights = np.zeros((4, 4))
    weights[0, 1:] = weights[1:, 0] = 1.0
    rank = lexrank(weights)
    assert rank.argmax() == 0
    assert np.isclose(rank.sum(), 4.0, atol=1e-4)


def test_columns_are_the_graph_of_the_other_sentences(bridge_story: Story, tfidf: TfidfEmbedder) -> None:
    """Degree, mean similarity and LexRank of the similarity matrix without its diagonal, exactly."""
    table = build_table(bridge_story, tfidf)
    before = table.similarity.copy()
    columns = CentralityScorer().columns(table)
    n = table.size
    off_diagonal = before - np.eye(n, dtype=np.float32) * before.diagonal()
    expected_degree = (off_diagonal >= 0.5).astype(np.float32).sum(axis=1) / (n - 1)
    assert (columns[:, 0] == expected_degree).all()
    assert (columns[:, 1] == off_diagonal.sum(axis=1) / (n - 1)).all()
    assert (columns[:, 2] == lexrank(np.clip(off_diagonal, 0, None))).all()
    assert (table.similarity == before).all()  # the table's matrix is left as it was


def test_a_sentence_like_no_other_spreads_its_walk_evenly() -> None:
    weights = np.zeros((3, 3), dtype=np.float32)
    weights[0, 1] = weights[1, 0] = 0.9
    rank = lexrank(weights)
    assert rank[0] == rank[1] > rank[2] > 0
