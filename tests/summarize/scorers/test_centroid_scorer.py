from __future__ import annotations

from crosswire.embed import TfidfEmbedder
from crosswire.model import Story
from crosswire.summarize.features import build_table
from crosswire.summarize.scorers import CentroidScorer


def test_on_topic_sentences_are_nearer_the_centroid(bridge_story: Story, tfidf: TfidfEmbedder) -> None:
    table = build_table(bridge_story, tfidf)
    columns = CentroidScorer().columns(table)
    texts = [s.text for s in table.sentences]
    on_topic = next(i for i, t in enumerate(texts) if t.startswith("Residents of Orvale heard"))
    aside = next(i for i, t in enumerate(texts) if "memorial concert" in t)
    for name in ("centroid_cosine", "word_frequency"):
        column = columns[:, CentroidScorer.names.index(name)]
        assert column[on_topic] > column[aside], name
