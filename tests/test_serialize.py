"""Records serialize to plain JSON values and load back unchanged (the store and Dask rely on it)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from crosswire.model import Article, Brief, Development, Sentence, Story
from crosswire.pipeline import Pipeline
from crosswire.serialize import load, to_plain

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbour-fire"


def test_a_story_round_trips() -> None:
    story = Story(
        id="s1",
        headline="Talks resume",
        articles=(Article(text="Talks resumed.", id="a1", removed=("Share this",), published="2024-01-02"),),
        sentences=(Sentence("a1", 0, 0, 0, 14, "Talks resumed."),),
        developments=(Development("s1-d1", "2024-01-02", "Talks resume", ("a1",)),),
    )
    assert load(Story, json.loads(json.dumps(to_plain(story)))) == story


@pytest.fixture(scope="module")
def analysed_brief() -> Brief:
    return Pipeline(words=120).one_brief([EXAMPLE])


def test_a_brief_with_its_analysis_round_trips(analysed_brief: Brief) -> None:
    assert analysed_brief.analysis is not None
    plain = json.loads(json.dumps(to_plain(analysed_brief)))
    assert load(Brief, plain) == analysed_brief
    assert load(Brief, plain).analysis == analysed_brief.analysis


def test_a_brief_pickles(analysed_brief: Brief) -> None:
    assert pickle.loads(pickle.dumps(analysed_brief)) == analysed_brief
