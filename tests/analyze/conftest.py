"""Helpers shared by the analysis tests: claims of an invented story."""

from __future__ import annotations

from crosswire.analyze.claims import Claim, extract_claims
from crosswire.analyze.context import build_context
from crosswire.analyze.entities import extract_entities
from crosswire.analyze.quotes import extract_quotes
from crosswire.embed import default_embedder
from crosswire.model import Article, Story
from crosswire.segment import segment_story


def story_claims(*texts: str) -> tuple[Claim, ...]:
    """The claims crosswire finds in a story of ``texts``, one article each."""
    articles = tuple(Article(id=f"a{i}", title="", text=text) for i, text in enumerate(texts, 1))
    story = segment_story(Story(id="s", headline="Invented story", articles=articles))
    ctx = build_context(story, default_embedder())
    entities = extract_entities(ctx)
    return extract_claims(ctx, entities, extract_quotes(ctx, entities))


def claims_against(claims: tuple[Claim, ...], accused_words: str) -> list[Claim]:
    return [c for c in claims if c.accused and accused_words in c.accused]
