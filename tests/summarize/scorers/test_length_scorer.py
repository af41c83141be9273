from __future__ import annotations

from collections.abc import Callable

from crosswire.embed import TfidfEmbedder
from crosswire.model import Story
from crosswire.summarize.features import build_table
from crosswire.summarize.scorers import LengthScorer


def test_word_counts_and_content_share(story_of: Callable[..., Story], tfidf: TfidfEmbedder) -> None:
    story = story_of(
        "Seven fishing boats sank near Lanmore harbour overnight.\n\nIt was as if it had all been for them."
    )
    table = build_table(story, tfidf)
    columns = LengthScorer().columns(table)
    names = LengthScorer.names
    assert columns[0, names.index("words")] == 8
    assert columns[0, names.index("content_share")] > columns[1, names.index("content_share")]
