"""Invented stories for the summarizer tests (no real articles)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from crosswire.contracts import check_brief
from crosswire.embed import TfidfEmbedder
from crosswire.model import Article, Brief, BriefSentence, Sentence, SourceSpan, Story
from crosswire.segment import segment_story
from crosswire.stories import assemble_stories


def check_printed(story: Story, text: str, source: Sentence) -> None:
    """``text``, printed for the story sentence ``source``, passes the brief's traceability contract."""
    span = SourceSpan(source.article_id, source.start, source.end)
    check_brief(
        Brief(story=story, sentences=(BriefSentence(text=text, citations=(source.article_id,), source=span),))
    )


def make_story(*texts: str, dates: tuple[str | None, ...] = ()) -> Story:
    articles = [
        Article(text=text, source=f"t{i}.txt", published=dates[i] if i < len(dates) else None)
        for i, text in enumerate(texts)
    ]
    return segment_story(assemble_stories(articles)[0])


BRIDGE_WIRE = (
    "ORVALE (AP) — The Tessan River bridge in Orvale collapsed on Monday night, injuring fourteen drivers.\n\n"
    "Rescue crews pulled nine cars from the water before dawn, the fire chief said.\n\n"
    "The bridge, built in 1962, had been scheduled for repairs next spring.\n\n"
    "Click here to subscribe to our newsletter!\n\n"
    "Mayor Dalia Rosk declared a local emergency and closed two nearby roads."
)
BRIDGE_REPRINT = (
    "The Tessan River bridge in Orvale collapsed on Monday night, injuring fourteen drivers.\n\n"
    "Engineers from the state transport office said corrosion in the main cables was the likely cause.\n\n"
    "Mayor Dalia Rosk declared a local emergency and closed two nearby roads."
)
BRIDGE_LOCAL = (
    "Residents of Orvale heard a loud crack before the Tessan River bridge gave way on Monday night.\n\n"
    "Fourteen drivers were injured when the bridge collapsed, hospital officials said.\n\n"
    "However, the local bakery on Mill Street stayed open all night to feed rescue workers.\n\n"
    "A memorial concert planned for Saturday has been postponed until further notice."
)


@pytest.fixture
def story_of() -> Callable[..., Story]:
    """Build a segmented story from article texts (and optional dates)."""
    return make_story


@pytest.fixture(scope="session")
def tfidf() -> TfidfEmbedder:
    return TfidfEmbedder()


@pytest.fixture
def bridge_story() -> Story:
    return make_story(BRIDGE_WIRE, BRIDGE_REPRINT, BRIDGE_LOCAL)
