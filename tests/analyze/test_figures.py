"""Figure grouping, attribution, time frames and disagreement flags (invented stories)."""

from __future__ import annotations

import pytest

from crosswire.analyze.context import build_context
from crosswire.analyze.figures import FigureGroup, extract_figures
from crosswire.embed import TfidfEmbedder
from crosswire.embed_static import WordLlamaEmbedder, available
from crosswire.model import Article, Story
from crosswire.segment import segment_story
from tests.analyze.test_context import CountingEmbedder


def figures_of(*texts: str) -> tuple[FigureGroup, ...]:
    articles = tuple(Article(id=f"a{n}", published="2024-03-10", text=t) for n, t in enumerate(texts, 1))
    story = segment_story(Story(id="s", headline="h", articles=articles))
    return extract_figures(build_context(story, TfidfEmbedder()))


def group_with(groups: tuple[FigureGroup, ...], text: str) -> FigureGroup:
    return next(g for g in groups if any(m.text == text for m in g.mentions))


@pytest.fixture(scope="module")
def floods() -> tuple[FigureGroup, ...]:
    return figures_of(
        "At least 42 people were killed in the floods, officials said.\n\n"
        "Some 12,000 residents have been displaced since March 3, according to the relief agency.\n\n"
        "The civil war has killed more than 250,000 people since 2011.",
        "The floods killed 38 people, the army said.\n\n"
        "More than 12,000 people were displaced in February, the relief agency said.",
        "Dozens of people died in the floods.\n\nMore than 200 people were injured.",
        "Hundreds of people were injured, hospital staff said.",
    )


def test_conflicting_counts_are_flagged(floods: tuple[FigureGroup, ...]) -> None:
    deaths = group_with(floods, "At least 42")
    assert {m.text for m in deaths.mentions} == {"At least 42", "38", "Dozens"}
    assert deaths.status == "conflict"
    assert any("conflicting values" in flag and "'38'" in flag for flag in deaths.flags)
    assert deaths.category == "killed"


def test_different_scopes_are_not_merged(floods: tuple[FigureGroup, ...]) -> None:
    war = group_with(floods, "more than 250,000")
    assert len(war.mentions) == 1
    assert war.status == "single"


def test_same_number_for_different_periods(floods: tuple[FigureGroup, ...]) -> None:
    displaced = group_with(floods, "Some 12,000")
    assert {m.article for m in displaced.mentions} == {"a1", "a2"}
    assert displaced.status == "periods"
    assert any("the same number for different periods" in flag for flag in displaced.flags)
    frames = {m.article: (m.time_frame, m.period_first, m.period_last) for m in displaced.mentions}
    assert frames["a1"] == ("since March 3", "2024-03-03", "2024-03-10")
    assert frames["a2"] == ("in February", "2024-02-01", "2024-02-29")


def test_vague_but_consistent(floods: tuple[FigureGroup, ...]) -> None:
    injured = group_with(floods, "More than 200")
    assert {m.text for m in injured.mentions} == {"More than 200", "Hundreds"}
    assert injured.status == "vague"
    assert injured.articles == ("a3", "a4")


def test_sources_are_attributed(floods: tuple[FigureGroup, ...]) -> None:
    displaced = group_with(floods, "Some 12,000")
    assert {m.source for m in displaced.mentions} == {"the relief agency"}
    assert group_with(floods, "38").mentions[-1].source in ("the army", None)
    deaths = group_with(floods, "At least 42")
    assert "officials" in deaths.sources


def test_different_actors_stay_apart() -> None:
    groups = figures_of(
        "Government air strikes have killed at least 403 civilians, a monitoring group said.",
        "Rebel shelling has killed 459 civilians, the monitor said.",
    )
    assert group_with(groups, "at least 403") is not group_with(groups, "459")


def test_agreeing_figures() -> None:
    groups = figures_of(
        "About 1,500 homes were destroyed.", "Some 1,500 houses were destroyed, the army said."
    )
    homes = group_with(groups, "About 1,500")
    assert len(homes.mentions) == 2
    assert homes.status == "agree"
    assert homes.flags == ()


def test_junk_numbers_are_ignored() -> None:
    groups = figures_of(
        "On March 3, 2024, a 72-year-old man called 555-014-7781 after two days. It was the 2nd time since 2011."
    )
    assert groups == ()


def test_fixture_scores_with_tfidf() -> None:
    from crosswire.evaluate.analysis_fixtures import evaluate

    scores = evaluate(TfidfEmbedder())
    assert scores["gold_mentions"] >= 30
    assert scores["mention_recall"] >= 0.9
    assert scores["mention_precision"] >= 0.9
    assert scores["flag_recall"] >= 0.8


def test_one_article_with_two_different_numbers_counts_two_things() -> None:
    groups = figures_of("Twelve people were killed in Arden and 40 people were killed in Besk, police said.")
    assert group_with(groups, "Twelve") is not group_with(groups, "40")


def test_a_tied_group_label_is_the_earliest_in_every_process() -> None:
    import os
    import subprocess
    import sys

    script = (
        "from crosswire.analyze.figures import FigureMention, _group_label\n"
        "def m(counts):\n"
        "    return FigureMention('a1', 0, 2, '40', 40.0, 40.0, 40.0, False, False, None, counts,\n"
        "                         'count', 'x', None, None, None, None, None, 's')\n"
        "print(_group_label([m('ferries (percent)'), m('bridges (percent)'), m('ferries (percent)'),\n"
        "                    m('bridges (percent)'), m('tunnels (percent)')]))\n"
    )
    labels = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in range(8)
    }
    assert labels == {"ferries (percent)"}


@pytest.mark.skipif(not available(), reason="wordllama is not installed")
def test_figures_keep_their_own_embedder_beside_static_vectors() -> None:
    texts = (
        "Floods killed 12 people in the valley on Monday, officials said.\n\nThe valley road is cut off.",
        "Officials said floods killed 15 people in the valley on Monday.\n\nThe valley road is cut off.",
    )
    story = segment_story(
        Story(id="s", headline="h", articles=tuple(Article(id=f"a{n}", text=t) for n, t in enumerate(texts, 1)))
    )
    figures_only = CountingEmbedder()
    mixed = extract_figures(build_context(story, WordLlamaEmbedder(), figure_embedder=figures_only))
    assert mixed == extract_figures(build_context(story, TfidfEmbedder()))
    sentences = {s.text for s in story.sentences}
    assert {t for t in figures_only.seen if t in sentences} == {
        "Floods killed 12 people in the valley on Monday, officials said.",
        "Officials said floods killed 15 people in the valley on Monday.",
    }
    assert any(t not in sentences for t in figures_only.seen)  # and the figures' labels
