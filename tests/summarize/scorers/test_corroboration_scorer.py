from __future__ import annotations

from crosswire.embed import TfidfEmbedder
from crosswire.model import Story
from crosswire.summarize.features import build_table
from crosswire.summarize.scorers import CorroborationScorer


def test_sentences_repeated_by_other_outlets_score_higher(bridge_story: Story, tfidf: TfidfEmbedder) -> None:
    table = build_table(bridge_story, tfidf)
    columns = CorroborationScorer().columns(table)
    corroborating = columns[:, CorroborationScorer.names.index("corroborating_articles")]
    texts = [s.text for s in table.sentences]
    mayor = [i for i, t in enumerate(texts) if t.startswith("Mayor Dalia Rosk")]
    concert = next(i for i, t in enumerate(texts) if "memorial concert" in t)
    assert len(mayor) == 2
    assert all(corroborating[i] >= 1 for i in mayor)
    assert corroborating[concert] == 0
