"""What each article alone reports, and what it leaves out (invented articles)."""

from __future__ import annotations

from crosswire.analyze.context import build_context
from crosswire.analyze.coverage import compare_coverage, majority_of_others
from crosswire.analyze.facts import extract_facts
from crosswire.embed import TfidfEmbedder
from crosswire.model import Article, Story
from crosswire.segment import segment_story

CLOSURE = "The harbour authority closed the Lanmore ferry terminal on Tuesday after a fuel leak."


def test_exclusive_and_missing_facts() -> None:
    articles = (
        Article(id="a1", text=f"{CLOSURE}\n\nThe terminal handles forty sailings a day in summer."),
        Article(id="a2", text=f"{CLOSURE}\n\nDivers inspected the damaged pipeline overnight."),
        Article(id="a3", text="Lanmore residents complained about the smell of diesel near the quay."),
    )
    story = segment_story(Story(id="s", headline="h", articles=articles))
    ctx = build_context(story, TfidfEmbedder())
    facts = extract_facts(ctx)
    coverage = {c.article: c for c in compare_coverage(ctx, facts)}
    closure = next(f for f in facts if f.text == CLOSURE)
    assert coverage["a3"].missing == (closure.id,)
    assert coverage["a1"].missing == ()
    assert coverage["a1"].exclusive_text == ("The terminal handles forty sailings a day in summer.",)
    assert coverage["a2"].exclusive_text == ("Divers inspected the damaged pipeline overnight.",)
    assert coverage["a1"].facts == 2 and coverage["a1"].shared == 1
    assert coverage["a3"].shared == 0


def test_majority_of_others() -> None:
    assert majority_of_others(2) == 2  # with one other article nothing is "most of the others"
    assert majority_of_others(3) == 2
    assert majority_of_others(5) == 3
    assert majority_of_others(10) == 5
