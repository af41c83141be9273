"""Quotes: speakers resolved across articles, pronouns, roles, and merging (invented story)."""

from __future__ import annotations

import pytest

from crosswire.analyze.attribution_spans import find_attributions, quote_spans
from crosswire.analyze.context import AnalysisContext, build_context, load_nlp
from crosswire.analyze.entities import extract_entities
from crosswire.analyze.quotes import Quote, extract_quotes, same_statement
from crosswire.embed import TfidfEmbedder
from crosswire.model import Article, Story
from crosswire.segment import segment_story

ARTICLES = (
    Article(
        id="a1",
        text=(
            "Flooding closed the main bridge in Harlow on Monday.\n\n"
            "\u201cThe bridge will stay shut until engineers have inspected every pillar,\u201d "
            "city transport spokeswoman Lena Okafor told reporters.\n\n"
            "\u201cWe cannot take any risks with public safety,\u201d she said.\n\n"
            "A council official said repairs could take weeks."
        ),
    ),
    Article(
        id="a2",
        text=(
            "Harlow's main bridge remained closed on Tuesday after the floods.\n\n"
            '"The bridge will stay shut until engineers have inspected every pillar," Okafor said.\n\n'
            "According to the weather service, more rain is expected on Thursday.\n\n"
            "Mayor Tomas Reyes said the city would pay for free buses while the bridge is closed."
        ),
    ),
)


@pytest.fixture(scope="module")
def ctx() -> AnalysisContext:
    story = segment_story(Story(id="s", headline="Harlow bridge closed", articles=ARTICLES))
    return build_context(story, TfidfEmbedder())


@pytest.fixture(scope="module")
def quotes(ctx: AnalysisContext) -> tuple[Quote, ...]:
    return extract_quotes(ctx, extract_entities(ctx))


def _quote(quotes: tuple[Quote, ...], words: str) -> Quote:
    found = [q for q in quotes if words in q.text]
    assert found, f"no quote with {words!r}: {[q.text for q in quotes]}"
    return found[0]


def test_same_quote_in_two_articles_is_merged_with_full_name(quotes: tuple[Quote, ...]) -> None:
    quote = _quote(quotes, "engineers have inspected every pillar")
    assert quote.kind == "direct"
    assert quote.speaker == "Lena Okafor"  # "Okafor said" in a2 gets the full name given in a1
    assert quote.speaker_kind == "person"
    assert quote.articles == ("a1", "a2")
    assert {s.article for s in quote.spans} == {"a1", "a2"}
    assert quote.speaker_role is not None and "spokeswoman" in quote.speaker_role
    assert quote.cue in ("tell", "say")
    assert len([q for q in quotes if "every pillar" in q.text]) == 1


def test_pronoun_follows_previous_speaker(quotes: tuple[Quote, ...]) -> None:
    quote = _quote(quotes, "cannot take any risks")
    assert quote.speaker == "Lena Okafor"
    assert quote.articles == ("a1",)


def test_unnamed_speaker_keeps_the_description(quotes: tuple[Quote, ...]) -> None:
    quote = _quote(quotes, "repairs could take weeks")
    assert quote.kind == "indirect"
    assert quote.speaker_kind == "description"
    assert "council official" in quote.speaker


def test_according_to_and_named_indirect(quotes: tuple[Quote, ...]) -> None:
    rain = _quote(quotes, "more rain is expected")
    assert "weather service" in rain.speaker
    assert rain.cue == "according to"
    buses = _quote(quotes, "free buses")
    assert buses.speaker == "Tomas Reyes"
    assert buses.speaker_role == "Mayor"


def test_spans_point_at_the_quoted_words(ctx: AnalysisContext, quotes: tuple[Quote, ...]) -> None:
    for quote in quotes:
        for span in quote.spans:
            text = ctx.story.article(span.article).text[span.start : span.end]
            assert same_statement(text, quote.text) or text in quote.text or quote.text in text


def test_quote_spans_ignore_apostrophes_and_pair_curly_quotes() -> None:
    text = "It's the council's view, \u201cwe act now,\u201d and 'a second quote here' ends."
    spans = [text[s:e] for s, e in quote_spans(text)]
    assert spans == ["we act now,", "a second quote here"]


def test_local_attributions_inverted_and_continued() -> None:
    doc = load_nlp()(
        '"We will reopen the road by Friday," said Maria Lund, the county engineer. '
        '"Crews are working through the night."\n\nLund added that costs were not yet known.'
    )
    found = find_attributions(doc)
    direct = [a for a in found if a.kind == "direct"]
    assert direct[0].source_text == "Maria Lund"
    assert direct[1].continued and direct[1].source_text == "Maria Lund"
    indirect = [a for a in found if a.kind == "indirect"]
    assert indirect and indirect[0].source_text == "Lund" and indirect[0].cue == "add"


def test_records_serialise(quotes: tuple[Quote, ...]) -> None:
    import dataclasses
    import json

    json.dumps([dataclasses.asdict(q) for q in quotes])
