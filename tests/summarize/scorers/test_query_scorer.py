from __future__ import annotations

from crosswire.embed import TfidfEmbedder
from crosswire.model import Story
from crosswire.summarize.features import build_table
from crosswire.summarize.scorers import QueryScorer


def test_sentences_about_the_query_rank_first(bridge_story: Story, tfidf: TfidfEmbedder) -> None:
    table = build_table(bridge_story, tfidf)
    relevance = QueryScorer("What caused the bridge collapse? Corrosion of the cables?", tfidf).relevance(
        table
    )
    best = table.sentences[int(relevance.argmax())].text
    assert "corrosion" in best
    assert relevance.min() >= 0 and relevance.max() <= 1
