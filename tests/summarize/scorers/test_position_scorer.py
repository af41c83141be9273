from __future__ import annotations

from crosswire.embed import TfidfEmbedder
from crosswire.model import Story
from crosswire.summarize.features import build_table
from crosswire.summarize.scorers import PositionScorer


def test_leads_are_flagged_and_positions_grow(bridge_story: Story, tfidf: TfidfEmbedder) -> None:
    table = build_table(bridge_story, tfidf)
    columns = PositionScorer().columns(table)
    names = PositionScorer.names
    is_first = columns[:, names.index("is_first")]
    position = columns[:, names.index("position")]
    # One lead per article; the first kept sentence of each article.
    assert is_first.sum() == 3
    for row, sentence in enumerate(table.sentences):
        first_of_article = all(
            other.index >= sentence.index
            for other in table.sentences
            if other.article_id == sentence.article_id
        )
        assert bool(is_first[row]) == first_of_article
    assert position[is_first == 1].max() == 0
    assert position[is_first == 0].min() >= 1
