from __future__ import annotations

from collections.abc import Callable

from crosswire.embed import TfidfEmbedder
from crosswire.model import Story
from crosswire.summarize.features import build_table
from crosswire.summarize.scorers import EntityScorer


def test_numbers_quotes_and_attribution_are_counted(
    story_of: Callable[..., Story], tfidf: TfidfEmbedder
) -> None:
    story = story_of(
        '"We lost 40 boats in 2023," harbour master Ines Varga told reporters on Friday.\n\n'
        "It was a quiet and ordinary morning along the grey water."
    )
    table = build_table(story, tfidf)
    columns = EntityScorer().columns(table)
    names = EntityScorer.names
    facts, plain = columns[0], columns[1]
    assert facts[names.index("number_count")] == 6
    assert facts[names.index("starts_with_quote")] == 1
    assert facts[names.index("attribution")] == 1
    assert facts[names.index("capitalised_share")] > plain[names.index("capitalised_share")]
