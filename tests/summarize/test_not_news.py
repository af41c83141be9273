"""Not news: what a brief never prints, however well it scores."""

from __future__ import annotations

import pytest

from crosswire.model import Sentence
from crosswire.summarize.not_news import continues_a_quote, not_brief_material, speaks_for_the_site


def test_writer_voice_and_cut_quotes_are_not_brief_material() -> None:
    assert not_brief_material("I don't know about you, but I love the new pier.")
    assert not_brief_material("The pier is where I started my career, and it tells me a lot.")
    assert not_brief_material('The mayor said: "We will rebuild the pier and')
    assert not not_brief_material('"I love this pier," the mayor said on Tuesday.')
    assert not not_brief_material("World War I ended in 1918, the museum's plaque says.")


@pytest.mark.parametrize(
    "text",
    [
        "Don't be too passive about the pier repairs though.",
        "Make sure the ferry company is one the town can trust.",
        "Look at the way the old crane leans over the north pier.",
        "Check back for details as the harbour board meets.",
        "Let's hope the pier reopens before the summer.",
    ],
)
def test_the_writer_telling_the_reader_what_to_do_is_not_brief_material(text: str) -> None:
    assert not_brief_material(text)


@pytest.mark.parametrize(
    "text",
    [
        '"Don\'t go near the pier," the harbour master told residents on Tuesday.',  # a speaker's, quoted
        "Just days later, the harbour board closed the north pier.",
        "Remembrance Day services were moved away from the pier.",
    ],
)
def test_a_quoted_or_news_opening_is_no_reader_imperative(text: str) -> None:
    assert not not_brief_material(text)


def test_questions_fragments_captions_and_furniture_are_not_brief_material() -> None:
    assert not_brief_material("Can the pier survive another winter?")  # a blogger's aside
    assert not_brief_material("Details on the new pier after the jump!")
    assert not_brief_material('" is a member of the harbour board, and has served for five years."')
    assert not_brief_material("and the ferries were moved to the south pier.")
    assert not_brief_material("Ada Veen / AP Harbour workers carry timbers to the north pier.")  # caption
    assert not_brief_material("Email This The harbour board closed the pier.")
    assert not not_brief_material('"Will the pier reopen?" a commuter asked on Tuesday.')  # a quoted question
    assert not not_brief_material("iPhone sales at the pier kiosk doubled, the harbour board said.")


def test_a_correction_stamp_is_not_brief_material() -> None:
    assert not_brief_material("Updated at 4:10 p.m. to correct the name of the ferry.")
    assert not not_brief_material("Updated figures show the pier lost money to correct course.")


def test_page_pointers_and_contact_lines_are_not_printed() -> None:
    assert not_brief_material("Check out the posts below.")
    assert not_brief_material("Watch the video above.")
    assert not_brief_material("Updates will be provided as they become available.")
    assert not_brief_material("This story is developing and will be updated.")
    assert not_brief_material("Call Harbour Times reporter Ada Veen at 555-0142.")
    assert not_brief_material("Follow Ada Veen on Twitter.")
    assert not not_brief_material("Divers will check out the hull below the waterline on Monday.")
    assert not not_brief_material("Police said they would call the owner at home.")


def test_the_pages_own_voice_is_not_printed() -> None:
    # an editor's note
    assert not_brief_material("We've added new sightings of the ferry to the article.")
    assert not_brief_material("Editor's note: An earlier version misnamed the pier.")
    assert not_brief_material("This post has been updated with the council's reply.")
    # a call to readers
    assert not_brief_material("Please keep sending them to the newsroom.")
    assert not_brief_material("Share your stories of the old pier in the comments.")
    assert not_brief_material("Let us know in comments what the ferry means to you.")
    # a republication credit
    assert not_brief_material("Originally published on Harbour Science.")
    assert not_brief_material("Reprinted with permission from the Orvale Gazette.")
    # the writer's own greeting
    assert not_brief_material("Congratulations to the Orvale rowing club on its win.")
    assert not_brief_material("Kudos, Orvale council.")
    # news that shares the words
    assert not not_brief_material("The council added two ferries, the report said.")
    assert not not_brief_material("Congratulations poured in from three mayors after the vote.")
    assert not not_brief_material('"Please stay away from the pier," the harbour master said.')
    assert not not_brief_material("The paper first published the inspector's report in May.")
    assert not not_brief_material("Thanks to a late tide, the ferry docked on time.")


def test_asides_and_pointers_to_lists_are_not_printed() -> None:
    assert not_brief_material("(PG-13. 129 minutes. At Orvale theaters.)")
    assert not_brief_material("Here's a sampling of some of those projects.")
    assert not_brief_material("The board listed three reasons:")
    assert not not_brief_material("The board (which met on Friday) listed three reasons.")


def test_two_quotes_run_together_are_not_printed() -> None:
    assert not_brief_material('"I like where I am.""I do not aspire to it," she adds.')
    assert not not_brief_material('"I like where I am," she said. "I do not aspire to it."')


@pytest.mark.parametrize(
    "text",
    [
        "Our monitoring of the harbour radio revealed that the ferry had turned back.",
        "The Orvale Gazette now presents our best guesses about the new timetable.",
        "We were wrong about the pier, and we apologize for the error.",
    ],
)
def test_the_sites_own_we_is_its_voice(text: str) -> None:
    assert speaks_for_the_site(text)


@pytest.mark.parametrize(
    "text",
    [
        '"We will rebuild the pier," the mayor said.',  # inside a quote
        "We will rebuild the pier by spring, the mayor said.",  # attributed
        "The board told us the pier would close.",  # attributed
        "The US board voted to close the pier.",  # "US" is no pronoun
    ],
)
def test_a_quoted_or_attributed_we_is_news(text: str) -> None:
    assert not speaks_for_the_site(text)


def test_a_sentence_inside_a_quote_opened_before_it_continues_the_quote() -> None:
    texts = [  # as a segmenter may split a long quote: (paragraph, text)
        (0, '"The pier has rotted through.'),
        (0, "We will rebuild it by spring."),
        (0, 'It will cost a lot," the mayor said.'),
        (0, "We were wrong about the pier."),
        (1, "We will not wait for the board."),
    ]
    sentences = [
        Sentence("a1", index, paragraph, 0, len(text), text) for index, (paragraph, text) in enumerate(texts)
    ]
    assert continues_a_quote(sentences) == {("a1", 1), ("a1", 2)}
