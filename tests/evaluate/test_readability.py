"""Issue 17's dangling and lead-first measures, on briefs built by hand."""

from __future__ import annotations

from crosswire.evaluate.readability import ReadabilityTally, dangling_flags, opens_on_lead, word_rule_flags
from crosswire.model import Brief, BriefSentence, SourceSpan, Story
from tests.summarize.conftest import make_story

TEXT = (
    "The Orvale pier closed on Monday after an inspection.\n\n"
    "Inspectors found rotten timbers under the deck.\n\n"
    "They said repairs would take a year.\n\n"
    "The ferry company moved its boats to the south pier."
)


def _brief(story: Story, *indices: int) -> Brief:
    sentences = []
    for index in indices:
        s = story.sentences[index]
        sentences.append(
            BriefSentence(text=s.text, citations=("a1",), source=SourceSpan("a1", s.start, s.end))
        )
    return Brief(story=story, sentences=tuple(sentences))


def test_a_pronoun_after_its_own_previous_sentence_is_not_dangling() -> None:
    story = make_story(TEXT)
    assert dangling_flags(_brief(story, 0, 1, 2)) == [False, False, False]
    assert dangling_flags(_brief(story, 0, 2)) == [False, True]
    assert dangling_flags(_brief(story, 2, 1)) == [True, False]


def test_word_rule_counts_openers_and_unnamed_speakers() -> None:
    texts = [
        "But the pier stayed shut.",
        "The pier will reopen, he said.",
        "The pier reopened.",
        "It's late.",
    ]
    assert word_rule_flags(texts) == [True, True, False, True]


def test_lead_first_is_the_first_or_second_sentence() -> None:
    story = make_story(TEXT)
    assert opens_on_lead(_brief(story, 1, 3)) is True
    assert opens_on_lead(_brief(story, 3, 0)) is False
    assert opens_on_lead(_brief(story)) is None


def test_tally_reports_shares() -> None:
    story = make_story(TEXT)
    tally = ReadabilityTally()
    tally.add_brief(_brief(story, 0, 2))
    tally.add_references([["They left.", "The pier closed."]])
    report = tally.report()
    assert report["dangling_pct"] == 50.0 and report["lead_first_pct"] == 100.0
    assert report["reference_word_rule_pct"] == 50.0


def test_flow_measures_on_texts() -> None:
    from crosswire.evaluate.readability import ends_on_quote, jump_flags, superseded_status

    assert ends_on_quote(["The pier closed.", '"It was rotten," the inspector said.'])
    assert not ends_on_quote(['"It was rotten," the inspector said.', "The pier closed."])
    assert superseded_status(["No arrests have yet been made.", "Police arrested four men."])
    assert not superseded_status(["No arrests have yet been made.", "The pier closed."])
    texts = ["The Orvale pier closed.", "Inspectors found rotten timbers under the pier.", "A dog won a prize."]
    assert jump_flags(texts) == [False, True]
    assert jump_flags(texts, [0, 0, 1]) == [False]  # a new paragraph is a marked jump


def test_main_news_reads_the_reference_first_sentence() -> None:
    from crosswire.evaluate.readability import main_news

    reference = ["The Orvale pier closed on Monday after inspectors found rotten timbers.", "Ferries moved."]
    late = main_news(["Ferries moved to the south pier.", "A dog won.", "The Orvale pier closed on Monday."], reference)
    early = main_news(["The Orvale pier closed on Monday.", "Ferries moved to the south pier."], reference)
    assert late is not None and early is not None
    assert early.first_r1 > late.first_r1 and early.early and not late.early
    assert late.brief_r1 >= late.first_r1
    assert main_news([], reference) is None


def test_tally_reports_flow_columns() -> None:
    tally = ReadabilityTally()
    story = make_story(TEXT)
    brief = _brief(story, 0, 1, 3)
    tally.add_brief(brief)
    tally.add_references([["The pier closed.", '"It was rotten," he said.']])
    tally.add_main_news(brief, ["The Orvale pier closed on Monday."])
    report = tally.report()
    assert report["quote_ending_pct"] == 0.0 and report["reference_quote_ending_pct"] == 100.0
    # Both pairs share no stem ("inspection" and "Inspectors" stem apart: the proxy over-counts).
    assert report["jump_pct"] == 100.0
    assert report["news_first_r1"] > 50 and report["news_early_pct"] == 100.0


def test_same_count_count_takes_a_pair_whichever_sentence_restates() -> None:
    from crosswire.evaluate.readability import same_count_count

    cost = "The Harwick bridge repairs cost the Dunmore council $8 million, the council said."
    breakdown = "Of the $8 million, the Dunmore council spent $5 million on steel and $2 million on the Harwick deck."
    other = "Ferry traffic across the estuary doubled in the spring."
    # The cost alone restates its breakdown, whichever of the two the brief prints first.
    assert same_count_count([breakdown, cost, other]) == 1
    assert same_count_count([cost, breakdown, other]) == 1
    assert same_count_count([cost, other]) == 0
