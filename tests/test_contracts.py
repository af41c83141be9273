from __future__ import annotations

import pickle

import pytest

from crosswire.contracts import ContractError, check_brief, check_story
from crosswire.model import Brief, BriefSentence, SourceSpan, Story


def test_segmented_story_passes_and_pickles(ferry_story: Story) -> None:
    assert check_story(ferry_story) is ferry_story
    assert pickle.loads(pickle.dumps(ferry_story)) == ferry_story


def test_shifted_offsets_are_caught(ferry_story: Story) -> None:
    from dataclasses import replace

    broken = replace(ferry_story.sentences[0], start=1)
    with pytest.raises(ContractError):
        check_story(replace(ferry_story, sentences=(broken, *ferry_story.sentences[1:])))


def _brief(story: Story, text: str, start: int, end: int, citations: tuple[str, ...] = ("a1",)) -> Brief:
    return Brief(story=story, sentences=(BriefSentence(text, citations, SourceSpan("a1", start, end)),))


def test_compressed_sentence_is_traceable(ferry_story: Story) -> None:
    sentence = ferry_story.sentences[0]
    compressed = "A passenger ferry ran aground off Lanmore Point on Tuesday."
    check_brief(_brief(ferry_story, compressed, sentence.start, sentence.end))


def test_invented_words_are_not_traceable(ferry_story: Story) -> None:
    sentence = ferry_story.sentences[0]
    with pytest.raises(ContractError):
        check_brief(_brief(ferry_story, "A cargo ship ran aground.", sentence.start, sentence.end))


def test_citations_must_include_the_source_article(ferry_story: Story) -> None:
    sentence = ferry_story.sentences[0]
    with pytest.raises(ContractError):
        check_brief(_brief(ferry_story, sentence.text, sentence.start, sentence.end, citations=("a2",)))


def test_unknown_citation_is_caught(ferry_story: Story) -> None:
    sentence = ferry_story.sentences[0]
    with pytest.raises(ContractError):
        check_brief(_brief(ferry_story, sentence.text, sentence.start, sentence.end, citations=("a1", "a9")))


def test_a_source_bracket_stays_the_source_s_when_compression_drops_its_soft_hyphen() -> None:
    from crosswire.contracts import bracketed_insertions, check_insertions

    span = "It brought some immediate [counter\u00adinsurgency] gains, the inspector said."
    printed = "It brought some immediate [counterinsurgency] gains, the inspector said."
    assert bracketed_insertions(printed, span) == []
    assert check_insertions(printed, span, span, [span]) == printed
    with pytest.raises(ContractError):  # a bracket the source does not carry is still an edit to check
        check_insertions(printed.replace("[counterinsurgency]", "[rebellion]"), span, span, [span])
