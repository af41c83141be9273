"""Real-page loss classes of issue 19, one invented fixture each.

Each fixture is written here (an invented airline, ferry line, tutorial and
outlet); the shapes are the ones that cost must-keep text or leaked
must-drop text on real pages (see crosswire/evaluate/web.py).
"""

from __future__ import annotations

import pytest

from crosswire import cleanrules
from crosswire.clean import clean_text
from crosswire.cleanshapes import looks_like_code, mixed_script_words, unconfuse

FILLER = (
    "The new timetable adds three crossings a day between the two harbours, the operator said on Monday.\n\n"
    "Passengers will be able to book the extra crossings from next week, a spokeswoman added.\n\n"
    "The operator carried about 400,000 passengers last year, most of them in the summer months."
)


def _kept(text: str) -> str:
    return clean_text(text)[0]


def test_a_lede_ending_in_a_date_is_not_a_caption() -> None:
    lede = "Nordlys Air has a new date for when it will become a full member of the Skyline alliance: May 3, 2027."
    assert lede in _kept(f"{lede}\n\n{FILLER}")


def test_a_quote_attribution_with_place_and_date_is_kept() -> None:
    attribution = "— Marta Olsen, Port Evander, ME, April 15, 2026"
    text = f'"We will keep the ferries running all winter."\n\n{attribution}\n\n{FILLER}'
    assert attribution in _kept(text)


def test_a_caption_with_place_and_date_still_goes() -> None:
    caption = "A ferry leaves the harbour of Port Evander in heavy rain in Maine, March 2, 2026."
    assert caption not in _kept(f"{caption}\n\n{FILLER}")


@pytest.mark.parametrize(
    "line",
    [
        "CMD flask run exampleapp:app",
        "$ pip install --upgrade ferrytools",
        "GET / HTTP/1.1",
        "Host: www.example.org",
        "|-- <config files>",
        "├── settings.toml",
        "drwxr-xr-x  2 user staff  64 Mar  3 10:00 docs",
        'timetable_url = f"https://ferries.example/api?route={route}"',
        "}",
        "[stop.name for stop in route.stops]",
        "[1, 2, 3].map { |n| n * 2 }.sum",
    ],
)
def test_code_and_data_lines_stay(line: str) -> None:
    assert looks_like_code(line)
    text = f"Here is the step the tutorial needs:\n\n{line}\n\nThen restart the service and check the log.\n\n{line}\n\n{FILLER}"
    kept = _kept(text)
    assert kept.count(line) == 2


def test_a_phone_number_in_the_body_stays() -> None:
    text = f"{FILLER}\n\nThe ticket office on the quay opens at 7 a.m. and takes bookings by phone:\n\n+47 158-23-2012\n\nBookings close an hour before each crossing."
    assert "+47 158-23-2012" in _kept(text)


def test_sentences_are_not_code() -> None:
    assert not looks_like_code("Host families welcomed the students on Friday.")
    assert not looks_like_code("Get ready for the weekend, the forecaster said.")


def test_lookalike_letters_are_read_as_latin() -> None:
    ad = "Yоur соntеnt іѕ dеlіvеrеd іnѕtаntlу tо thоuѕаndѕ оf rеаdеrѕ!"  # Cyrillic о е і ѕ а у
    assert mixed_script_words(ad) >= 2
    assert unconfuse(ad) == "Your content is delivered instantly to thousands of readers!"
    assert cleanrules.strong_kind(ad) == cleanrules.PROMO
    assert ad not in _kept(f"{FILLER}\n\n{ad}")


def test_cyrillic_text_is_left_alone() -> None:
    russian = "Паром отправился из гавани в понедельник утром."
    assert unconfuse(russian) == russian
    assert mixed_script_words(russian) == 0
    assert cleanrules.strong_kind(russian) is None


@pytest.mark.parametrize(
    "line",
    [
        "Our Standards: The Harbour Wire Trust Principles.",
        "HARBOURNEWS.COM",
        "Release Date:",
        "Last Modified:",
        "News date : 04/21/2026 Category : Press Releases",
        "ferries.html - Created 03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm",
        "For the latest stories and breaking news updates download the Harbour News apps for iOS and Android.",
        "We want to hear what you think about this article. Submit a letter to the editor.",
        "This post contains references to products from one or more of our advertisers.",
        "March 13, 2026 at 08:45 AM | categories: Ferries, Weather | View Comments",
    ],
)
def test_outlet_self_description_and_stamps_go(line: str) -> None:
    assert line not in _kept(f"{FILLER}\n\n{line}\n\nThe ferry line was founded in 1962.")


def test_a_call_to_comment_goes_but_not_the_text_it_ends() -> None:
    call = "What do you think of the new timetable? Let us know down below in the comments."
    summary = (
        "On this page you learned how the new timetable spreads the crossings over the day and the week. "
        "If you have questions, tell me in the comments."
    )
    kept = _kept(f"{FILLER}\n\n{call}\n\n{summary}")
    assert call not in kept
    assert summary in kept


def test_a_closing_contact_block_still_goes() -> None:
    text = f"{FILLER}\n\n-- Ines Marlow\n\n503-294-4004\n\n@inesmarlow"
    kept = _kept(text)
    assert "503-294-4004" not in kept and "@inesmarlow" not in kept
    assert FILLER.split("\n\n")[-1] in kept


def test_reporting_on_community_standards_is_not_outlet_talk() -> None:
    line = "If people believe posts violate our Community Standards, they can report them, the company said."
    assert line in _kept(f"{FILLER}\n\n{line}\n\nThe ferry line was founded in 1962.")


def test_a_few_greek_letters_in_a_long_paragraph_are_not_an_ad() -> None:
    science = " ".join(["The patients were treated with IFNα and TNFβ blockers for several weeks."] * 4)
    assert cleanrules.strong_kind(science) is None


def test_a_sentence_pointing_to_a_source_is_not_a_link_call() -> None:
    sentence = (
        "The timetable for the winter months, with the extra crossings to the islands, "
        "can be found here along with the fares for cars and bicycles."
    )
    assert sentence in _kept(f"{FILLER}\n\n{sentence}")


def test_a_short_link_call_still_goes() -> None:
    assert "can be found here" not in _kept(f"{FILLER}\n\nMore details can be found here.")


def test_prose_with_an_equals_sign_is_not_code() -> None:
    assert not looks_like_code("The vote was tied, 5 = 5, and the chair decided it.")
    assert not looks_like_code("[Our latest forecast: who will run the ferries?]")
    assert not looks_like_code("[Sign up for the Harbour Letter to get the port news in your inbox each week.]")
    assert not looks_like_code('poster="https://video.example/stills/ferry-4401.jpg?id=88" true')
