"""Reference resolution: unnamed referents get their names in brackets, from their own article."""

from __future__ import annotations

import pytest

from crosswire.contracts import ContractError, check_brief
from crosswire.model import Brief, BriefSentence, SourceSpan, Story
from crosswire.summarize.references import (
    ReferenceResolver,
    leans_on_previous,
    needs_antecedent,
    speakers_in,
)
from tests.summarize.conftest import make_story

HARBOUR = (
    "The Orvale harbour board voted on Tuesday to close the north pier for a year.\n\n"
    "Board chairman Piet Ollen said the pier's timbers had rotted through.\n\n"
    '"It also raises questions about the budget," he added.\n\n'
    "He had warned about the timbers since 2019.\n\n"
    "Ferrycorp Inc. runs the only boats from the north pier.\n\n"
    "The company said it would move its boats to the south pier."
)
SCHOOL = (
    "Two staff members spoke at the school meeting on Friday.\n\n"
    '"We need more buses," teacher Mara Lind said.\n\n'
    'Counselor Ada Veen said, "The students are anxious about the new routes."\n\n'
    '"We will hold another meeting next week," she said.'
)


def _sentence(story: Story, fragment: str) -> tuple[ReferenceResolver, object]:
    resolver = ReferenceResolver(story)
    return resolver, next(s for s in story.sentences if fragment in s.text)


def _rewrite(story: Story, fragment: str) -> str:
    resolver, sentence = _sentence(story, fragment)
    return resolver.rewrite(sentence, sentence.text).text  # type: ignore[arg-type]


def test_unnamed_speaker_gets_the_name_from_the_article() -> None:
    story = make_story(HARBOUR)
    assert (
        _rewrite(story, "raises questions")
        == '"It also raises questions about the budget," [Piet Ollen] added.'
    )


def test_opening_pronoun_is_resolved_when_the_previous_sentence_names_one_person() -> None:
    story = make_story(HARBOUR.replace('"It also raises questions about the budget," he added.\n\n', ""))
    assert _rewrite(story, "had warned") == "[Piet Ollen] had warned about the timbers since 2019."


def test_the_company_is_resolved_to_the_named_company() -> None:
    story = make_story(HARBOUR)
    assert (
        _rewrite(story, "move its boats")
        == "[Ferrycorp Inc.] said it would move its boats to the south pier."
    )


def test_the_nearest_speaker_is_named_not_an_earlier_one() -> None:
    story = make_story(SCHOOL)
    assert _rewrite(story, "another meeting") == '"We will hold another meeting next week," [Ada Veen] said.'


def test_a_told_inside_a_clause_of_events_is_no_speaker_to_resolve() -> None:
    story = make_story(
        '"The pier is safe," harbour chief Ada Veen said on Monday.\n\n'
        "Tobin Marsh's wife left Orvale in 2019, after he told her he would sell the boat.\n\n"
        "The pier reopened, he said."
    )
    assert _rewrite(story, "sell the boat") == (
        "Tobin Marsh's wife left Orvale in 2019, after he told her he would sell the boat."
    )  # not "after [Ada Veen] told her"
    assert _rewrite(story, "The pier reopened") == "The pier reopened, [Ada Veen] said."


def test_nothing_is_rewritten_without_a_name() -> None:
    story = make_story("The pier closed on Tuesday.\n\nIt will reopen next year, he said.")
    text = _rewrite(story, "reopen")
    assert text == "It will reopen next year, he said."
    assert needs_antecedent(text) and leans_on_previous(text)


def _brief_of(story: Story, text: str, fragment: str) -> Brief:
    sentence = next(s for s in story.sentences if fragment in s.text)
    cited = BriefSentence(
        text=text,
        citations=(sentence.article_id,),
        source=SourceSpan(sentence.article_id, sentence.start, sentence.end),
    )
    return Brief(story=story, sentences=(cited,))


def test_contract_accepts_a_bracketed_name_from_the_article() -> None:
    story = make_story(HARBOUR)
    check_brief(
        _brief_of(story, '"It also raises questions about the budget," [Piet Ollen] added.', "raises")
    )


@pytest.mark.parametrize(
    "text",
    [
        '"It also raises questions about the budget," [Dalia Rosk] added.',  # not named in the article
        '"It also raises questions about the budget," [] added.',  # empty
        '"It also raises questions about the harbour," [Piet Ollen] added.',  # a word changed besides
    ],
)
def test_contract_rejects_other_insertions(text: str) -> None:
    story = make_story(HARBOUR)
    with pytest.raises(ContractError):
        check_brief(_brief_of(story, text, "raises"))


def test_brackets_the_source_carries_are_not_insertions() -> None:
    story = make_story('The mayor said the pier "[was] unsafe for years" on Tuesday.')
    brief = _brief_of(story, 'The mayor said the pier "[was] unsafe for years" on Tuesday.', "mayor")
    assert check_brief(brief) is brief


def test_a_quote_speaker_named_by_title_across_a_clause_is_known() -> None:
    story = make_story(
        'Harbour spokesman Tam Orel, citing the engineers\' report, said: "The pier cannot reopen this year."'
    )
    resolver, sentence = _sentence(story, "cannot reopen")
    assert resolver.rewrite(sentence, sentence.text).speaker == "Tam Orel"  # type: ignore[arg-type]


def test_an_insertion_the_article_does_not_name_never_reaches_the_brief() -> None:
    from crosswire.summarize.summarizer import _insertions_hold

    story = make_story(HARBOUR)
    resolver, sentence = _sentence(story, "raises questions")
    good = resolver.rewrite(sentence, sentence.text).text  # type: ignore[arg-type]
    assert _insertions_hold(good, sentence, story)  # type: ignore[arg-type]
    assert not _insertions_hold(good.replace("[Piet Ollen]", "[counterinsurgency]"), sentence, story)  # type: ignore[arg-type]


def test_a_quote_without_attribution_and_an_answering_opening_lean_on_the_sentence_before() -> None:
    assert leans_on_previous("“On the other hand, the pier must reopen by May.”")
    assert not leans_on_previous('"The pier must reopen by May," Piet Ollen said.')
    assert leans_on_previous("Except three of the ferries were back in service by Friday.")


def test_what_only_the_sentence_before_sets_up_leans_on_it() -> None:
    # the pier's keeper is named in the sentence before; "then" is a date the sentence before gives
    assert leans_on_previous("After the storm, she moved her boat to the south pier.")
    assert leans_on_previous("Much has changed since then.")
    assert leans_on_previous("At least that was the mood on the quay before the vote was counted.")
    assert leans_on_previous("[Piet Ollen]: “But the ferries still need a place to dock.”")
    # a name in the opening phrase, or a plain opening, carries its own referent
    assert not leans_on_previous("When Ada Veen took office, she moved the ferries to the south pier.")
    assert not leans_on_previous("After the storm, Ada Veen moved her boat to the south pier.")
    assert not leans_on_previous("[Piet Ollen]: “The ferries still need a place to dock.”")
    assert not leans_on_previous("[Piet Ollen]: “It is the only deep berth we have.”")  # his own talk
    assert not leans_on_previous("The pier has been closed since 2019.")


def test_a_pronoun_after_an_opening_phrase_takes_the_one_person_named_before() -> None:
    story = make_story(
        "Ada Veen, a harbour pilot, said the storm had come in before dawn.\n\n"
        "After the storm, she moved her boat to the south pier."
    )
    text = _rewrite(story, "moved her boat")
    assert text == "After the storm, [Ada Veen] moved her boat to the south pier."
    assert not leans_on_previous(text)


def test_a_quote_without_attribution_gets_its_speaker_as_a_checked_label() -> None:
    story = make_story(
        "Board chairman Piet Ollen said on Tuesday that the north pier would close.\n\n"
        "“The timbers have rotted through.”\n\n"
        "“We cannot let the ferries dock there.”"
    )
    labelled = _rewrite(story, "cannot let")  # the quote before it continues the same speaker
    assert labelled == "[Piet Ollen]: “We cannot let the ferries dock there.”"
    assert not leans_on_previous(labelled)
    check_brief(_brief_of(story, labelled, "cannot let"))


def test_a_quote_that_names_the_person_is_not_labelled_with_them() -> None:
    story = make_story(
        "Harbour pilot Ada Veen died on Tuesday, the board said.\n\n"
        "Police said Veen was hit by a falling crane.\n\n"
        "“Pilot Veen is a true hero, and we will not forget her.”"
    )
    assert _rewrite(story, "true hero") == "“Pilot Veen is a true hero, and we will not forget her.”"


def test_a_quote_without_attribution_stays_unlabelled_when_the_speaker_is_unclear() -> None:
    story = make_story(
        "Piet Ollen said the north pier would close, and Ada Veen said the ferries would move.\n\n"
        "“The timbers have rotted through.”"
    )
    assert _rewrite(story, "timbers have") == "“The timbers have rotted through.”"  # two people named
    alone = make_story("“The timbers have rotted through.”")
    assert _rewrite(alone, "timbers have") == "“The timbers have rotted through.”"


def test_a_speaker_named_by_surname_alone_is_introduced_by_full_name_once() -> None:
    from crosswire.summarize.mentions import FullNames, introduce_names, people_surnames

    story = make_story(
        "Harbour spokesman Piet Ollen said the north pier would reopen in May.\n\n"
        "The board will pay for new timbers.\n\n"
        "Ollen said the ferries would return to the north pier first."
    )
    shown = introduce_names(
        [
            "The board will pay for new timbers.",
            "Ollen said the ferries would return to the north pier first.",
            "Ollen added that the pier would be safer.",
        ],
        FullNames(s.text for s in story.sentences),
        people_surnames(s.text for s in story.sentences),
    )
    assert shown[1] == "[Piet Ollen] said the ferries would return to the north pier first."
    assert shown[2] == "Ollen added that the pier would be safer."  # introduced already
    check_brief(_brief_of(story, shown[1], "ferries would return"))  # a marked edit the contract accepts


def test_the_resolver_prints_the_full_name_the_brief_introduces() -> None:
    from crosswire.summarize.mentions import FullNames

    story = make_story(
        "Executive Mark Toner said the board would meet.\n\n"
        "The pier will reopen, said Mark Toner.\n\n"
        "The ferries will return, Mark Toner said."
    )
    # Alone, the resolver takes the longest speaker name; with the brief's table, the one it introduces.
    assert ReferenceResolver(story).full_name("Toner") == "Executive Mark Toner"
    table = FullNames(s.text for s in story.sentences)
    assert ReferenceResolver(story, table).full_name("Toner") == "Mark Toner"
    unknown = make_story("Ann Kunz said one thing.\n\nThen Bo Kunz said another.\n\nKunz said more.")
    table = FullNames(s.text for s in unknown.sentences)
    assert table.get("Kunz") is None  # two people: the resolver falls back on the longest speaker name
    assert ReferenceResolver(unknown, table).full_name("Kunz") in ("Ann Kunz", "Bo Kunz")


def test_a_name_inside_a_quote_is_not_its_speaker() -> None:
    story = make_story(
        "Board member Ada Veen faces a vote on Friday.\n\n"
        '"This is an attempt to vilify Ms. Veen," said the lawyer, Piet Ollen.\n\n'
        '"She did nothing wrong."'
    )
    assert _rewrite(story, "did nothing wrong") == '[Piet Ollen]: "She did nothing wrong."'  # not "[Piet Ollen] did"


def test_an_agency_is_no_speaker_for_he_said() -> None:
    story = make_story(
        "The Orvale Coast Guard said a swimmer was found on Tuesday.\n\n"
        "Police found the second swimmer, and he said they were caught in fog."
    )
    assert "Guard]" not in _rewrite(story, "caught in fog")


def test_a_person_of_a_body_is_the_speaker_not_the_body() -> None:
    story = make_story(
        "Ada Veen of the Society for Harbour Heritage, who has fought for the pier, said the vote was wrong.\n\n"
        '"The council gave up on the pier," she said in a statement.'
    )
    assert _rewrite(story, "gave up on the pier").endswith("[Ada Veen] said in a statement.")
    assert speakers_in("Piet Ollen of the Orvale Ferry Trust said no.") == [(0, "Piet Ollen")]
    # whom someone told is no speaker: "Veen told Harbour Weekly he would stay"
    assert [name for _, name in speakers_in("In 2019, Ada Veen told Harbour Weekly he would stay.")] == ["Ada Veen"]


@pytest.mark.parametrize(
    "text",
    ["Ada Veen said Tessans needed more ferries.", "Ada Veen said Orvale-Tessans are proud of the pier."],
)
def test_a_name_that_begins_the_reported_clause_is_no_speaker(text: str) -> None:
    assert [name for _, name in speakers_in(text)] == ["Ada Veen"]  # not "Tessans", the clause's subject


def test_a_speaker_named_elsewhere_is_not_taken_from_a_sentence_whose_subject_is_another() -> None:
    story = make_story(
        "Piet Ollen said he was relieved by the verdict.\n\n"
        "Before an audience of supporters, Ada Veen recently called for an inquiry after Piet Ollen's acquittal. "
        "Veen vowed that the department will act.\n\n"
        "“We must stand firm,” she told supporters."
    )
    assert "Ollen" not in _rewrite(story, "stand firm")  # she is Veen, the subject, not Ollen's
