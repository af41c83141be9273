from __future__ import annotations

import pytest

from crosswire.summarize.junk import is_junk, junk_reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Photo gallery.", "too short"),
        ("The crews said " + "that the pier was sound and " * 17 + "it held.", "too long"),  # 107 words
        ("BREAKING NEWS FROM THE HARBOUR TONIGHT AT NINE", "all caps"),
        ("Read the full report at https://example.org/report today please.", "link or handle"),
        ("Click here to subscribe to our newsletter for daily updates!", "boilerplate"),
        ("What would you do if your town lost its only bridge?", "question to readers"),
        ("Orvale bridge collapse: fourteen injured in Monday night crash", "unfinished"),
        ("’s role in the ferry contract is still unclear to the council.", "fragment"),  # its link was lost
        ("who had led the pier survey for three years.", "fragment"),  # the start of a split sentence
        ("The engineers are also checking whether...", "cut off"),
        ("Tarn Hollow – “River Lights” (Dockside Remix)", "title or credit"),  # a media embed's title
        ("(Published Friday, June 27, 2014)", "title or credit"),
        ("Produced by Ada Quist, Bram Tel, Cora Vint.", "title or credit"),
        ("Related: Harbour Chief Tells Council 'We Were Ready'", "title or credit"),
        ("Divers said they would search the river again with the...", "cut off"),
    ],
)
def test_junk_sentences_are_named(text: str, reason: str) -> None:
    assert junk_reason(text) == reason


def test_a_news_sentence_is_not_junk() -> None:
    assert not is_junk("Mayor Dalia Rosk declared a local emergency and closed two nearby roads.")
    assert not is_junk('"We heard a crack and then the lights went out," said resident Tomas Brill.')
    assert not is_junk("We all know how well the last repair worked out...")  # a trailing ellipsis alone
    assert not is_junk("The bridge reopened on Friday.")  # five words
    assert not is_junk("Mayor Dalia Rosk visited Governor Ian Tull in Orvale on Friday.")  # names, and a verb
    assert not is_junk("de Vries said the ferry would keep running until the bridge reopens.")
    assert not is_junk("iPhone owners were told of the closure by a city alert on Monday.")
    assert not is_junk("'s-Hertogenbosch is where the ferry company keeps its offices.")  # a place name


def test_another_language_skips_the_english_word_rules() -> None:
    german = "Die Regierung hat am Montag beschlossen, die Steuern zu senken, sagte der Minister."
    assert junk_reason(german) == "no verb"  # read as English, it has none of its verbs
    assert junk_reason(german, english=False) is None
    assert junk_reason("Mehr dazu unter www.beispiel.de im Netz.", english=False) == "link or handle"
    assert junk_reason("Die Regierung hat am Montag beschlossen, die", english=False) == "unfinished"
