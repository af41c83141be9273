from __future__ import annotations

from collections.abc import Callable

import pytest

from crosswire.align import near_duplicate, normalise
from crosswire.contracts import check_brief
from crosswire.embed import Embedder, TfidfEmbedder, default_embedder
from crosswire.model import Brief, Story, count_words
from crosswire.summarize import Summarizer


def _assert_citations_hold(brief: Brief) -> None:
    for sentence in brief.sentences:
        for cited in sentence.citations:
            article = brief.story.article(cited)
            in_text = normalise(sentence.text) in normalise(article.text)
            assert in_text or any(
                near_duplicate(sentence.text, s.text) for s in brief.story.sentences_of(cited)
            )
        assert set(sentence.citations) <= set(sentence.support)


def test_brief_is_traceable_cited_and_within_budget(bridge_story: Story, tfidf: TfidfEmbedder) -> None:
    brief = check_brief(Summarizer(words=60, embedder=tfidf).summarize(bridge_story))
    assert 0 < brief.word_count <= 60
    # With cross_budget: filled to the budget, then one sentence runs past it (none when filled exactly).
    crossing = check_brief(Summarizer(words=60, embedder=tfidf, cross_budget=True).summarize(bridge_story))
    assert any(crossing.word_count - count_words(s.text) < 60 for s in crossing.sentences)
    assert crossing.word_count >= 60
    _assert_citations_hold(brief)
    texts = " ".join(s.text for s in brief.sentences)
    assert "subscribe" not in texts
    assert "(AP)" not in texts


def test_wire_copy_cites_every_outlet_that_ran_it(bridge_story: Story, tfidf: TfidfEmbedder) -> None:
    brief = Summarizer(words=250, embedder=tfidf).summarize(bridge_story)
    mayor = [s for s in brief.sentences if s.text.startswith("Mayor Dalia Rosk")]
    assert len(mayor) == 1  # printed once, not once per outlet
    assert mayor[0].citations == ("a1", "a2")


def test_no_two_brief_sentences_repeat_each_other(bridge_story: Story, tfidf: TfidfEmbedder) -> None:
    brief = Summarizer(words=250, embedder=tfidf).summarize(bridge_story)
    texts = [s.text for s in brief.sentences]
    for i, first in enumerate(texts):
        for second in texts[i + 1 :]:
            assert not near_duplicate(first, second)


def test_query_mode_prefers_relevant_sentences(bridge_story: Story, tfidf: TfidfEmbedder) -> None:
    query = "What caused the collapse? Corrosion in the main cables, engineers said."
    # Outside newswire settings: at newswire budgets the concept gain weighs 0.5 whatever the query's
    # share (NewswireSettings, measured on DUC 2007 set A), so a one-sentence brief may take the lead.
    plain = Summarizer(words=20, embedder=tfidf, newswire=None).summarize(bridge_story)
    focused = Summarizer(words=20, query=query, embedder=tfidf, newswire=None).summarize(bridge_story)
    assert not any("corrosion" in s.text for s in plain.sentences)
    assert any("corrosion" in s.text for s in focused.sentences)


def test_update_mode_leaves_out_what_the_reader_saw(
    story_of: Callable[..., Story], tfidf: TfidfEmbedder
) -> None:
    seen = story_of(
        "The Tessan River bridge in Orvale collapsed on Monday night, injuring fourteen drivers.\n\n"
        "Mayor Dalia Rosk declared a local emergency and closed two nearby roads."
    )
    new = story_of(
        "The Tessan River bridge in Orvale collapsed on Monday night, injuring fourteen drivers.\n\n"
        "On Wednesday the state approved forty million dollars to build a replacement crossing.\n\n"
        "Divers recovered the last submerged car from the river on Wednesday afternoon."
    )
    brief = check_brief(Summarizer(words=40, embedder=tfidf).summarize(new, since=seen))
    texts = [s.text for s in brief.sentences]
    assert texts
    assert not any("collapsed on Monday night" in t for t in texts)


def test_a_single_article_story_gets_a_brief(story_of: Callable[..., Story], tfidf: TfidfEmbedder) -> None:
    story = story_of(
        "A freight train derailed near Kestrel Junction on Friday, spilling grain across the tracks."
    )
    brief = check_brief(Summarizer(words=250, embedder=tfidf).summarize(story))
    assert len(brief.sentences) == 1
    assert brief.sentences[0].citations == ("a1",)


def test_a_story_of_only_junk_still_gets_a_brief(
    story_of: Callable[..., Story], tfidf: TfidfEmbedder
) -> None:
    story = story_of("Subscribe to our newsletter for daily updates!")
    brief = check_brief(Summarizer(words=250, embedder=tfidf).summarize(story))
    assert len(brief.sentences) == 1


def test_the_sites_own_we_is_not_printed_but_a_speakers_is(
    story_of: Callable[..., Story], tfidf: TfidfEmbedder
) -> None:
    story = story_of(
        "The Orvale harbour board closed the north pier on Tuesday after its timbers rotted through.\n\n"
        "Our monitoring of the harbour radio revealed that the north pier ferry had turned back twice.\n\n"
        '"The north pier timbers are gone. We will rebuild the north pier by spring," the board chairman said.'
    )
    brief = check_brief(Summarizer(words=250, embedder=tfidf).summarize(story))
    printed = " ".join(s.text for s in brief.sentences)
    assert "Our monitoring" not in printed
    assert "We will rebuild the north pier by spring" in printed
    switched_off = Summarizer(words=250, embedder=tfidf, site_voice=False).summarize(story)
    assert "Our monitoring" in " ".join(s.text for s in switched_off.sentences)


def test_a_credited_photo_caption_is_not_printed(
    story_of: Callable[..., Story], tfidf: TfidfEmbedder
) -> None:
    story = story_of(
        "A survey boat is hoisted back aboard a ferry after trials in Orvale harbour. "
        "(Orvale Navy / Getty Images / )\n\n"
        "Orvale harbour officials said on Tuesday that a survey boat would map the harbour floor next week.\n\n"
        "A survey boat can map a harbour floor in a day, officials said."
    )
    brief = check_brief(Summarizer(words=250, embedder=tfidf).summarize(story))
    printed = " ".join(s.text for s in brief.sentences)
    assert "hoisted back aboard" not in printed
    assert "would map the harbour floor next week" in printed


@pytest.fixture(scope="module")
def neural() -> Embedder:
    return default_embedder()


def test_the_default_embedder_gives_a_valid_brief(bridge_story: Story, neural: Embedder) -> None:
    brief = check_brief(Summarizer(words=80, embedder=neural).summarize(bridge_story))
    assert 0 < brief.word_count <= 80
    _assert_citations_hold(brief)


def test_query_centrality_prefers_what_the_relevant_sentences_agree_on(
    story_of: Callable[..., Story], tfidf: TfidfEmbedder
) -> None:
    from crosswire.summarize.features import build_table

    story = story_of(
        "Engineers said corroded steel cables caused the river bridge collapse in Orvale.\n\n"
        "A local poet wrote that the bridge collapse was caused by fate and bad luck alone.",
        "Inspectors found corroded steel cables under the collapsed Orvale bridge on Tuesday.\n\n"
        "The corroded steel cables had not been replaced since the bridge opened, records show.",
    )
    table = build_table(story, tfidf)
    texts = [s.text for s in table.sentences]
    engineers = next(i for i, t in enumerate(texts) if t.startswith("Engineers"))
    poet = next(i for i, t in enumerate(texts) if "poet" in t)
    query = "What caused the bridge collapse?"

    def margin(centrality: float) -> float:
        scores = Summarizer(
            query=query, embedder=tfidf, query_embedder=tfidf, query_centrality=centrality
        ).score(table)
        return float(scores[engineers] - scores[poet])

    assert margin(0.5) > margin(0.0)
