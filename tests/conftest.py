"""Shared fixtures: small stories written for the tests (invented events)."""

from __future__ import annotations

import pytest

from crosswire.model import Article, Story
from crosswire.segment import segment_story
from crosswire.stories import assemble_stories

FERRY_ARTICLES = (
    Article(
        title="Ferry runs aground off Lanmore",
        outlet="Coast Daily",
        published="2024-05-08",
        source="coast.txt",
        text=(
            "A passenger ferry ran aground off Lanmore Point on Tuesday, the harbour authority said.\n\n"
            "All 212 passengers were taken ashore by lifeboat crews within three hours.\n\n"
            '"The crew acted quickly and nobody was hurt," said harbour master Ines Varga.'
        ),
    ),
    Article(
        title="Lanmore ferry grounding: passengers safe",
        outlet="Northern Wire",
        published="2024-05-08",
        source="wire.txt",
        text=(
            "A passenger ferry ran aground off Lanmore Point on Tuesday, the harbour authority said.\n\n"
            "The operator, Bluefin Lines, said a steering fault was to blame.\n\n"
            "Investigators from the maritime board will arrive on Thursday."
        ),
    ),
)


@pytest.fixture
def ferry_story() -> Story:
    return segment_story(assemble_stories(FERRY_ARTICLES)[0])
