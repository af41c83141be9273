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
