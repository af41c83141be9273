"""Regression tests for the error classes read on the sixth held-out group (issue 18; docs/analysis-errors.md
"Sixth held-out group"), each on invented text."""

from __future__ import annotations

from tests.analyze.test_error_classes import _analyse


def test_a_quote_after_a_colon_is_said_by_the_clause_s_subject() -> None:
    analysis = _analyse(
        "President Ravel asked the council on Thursday to pass the harbour bill right away.\n\n"
        "Mara Quint was somehow not convinced: \u201cThe mayor\u2019s call for nearly a million dollars in new "
        "spending is a plan we cannot afford.\u201d\n\n"
        "Tomas Brell went further and gave his own reply: \u201cIt was interesting to me that the mayor began "
        "by insulting the council.\u201d"
    )
    speakers = {" ".join(q.text.split()[:3]): q.speaker for q in analysis.quotes}
    assert speakers == {"The mayor\u2019s call": "Mara Quint", "It was interesting": "Tomas Brell"}


def test_a_colon_after_a_body_or_a_thing_names_no_speaker() -> None:
    analysis = _analyse(
        "The harbour board published its notice on Monday: \u201cThe pier is closed until further notice "
        "for repairs.\u201d\n\nThe board did not say when the repairs would start."
    )
    assert not any(q.speaker in ("Monday", "notice") for q in analysis.quotes)


def test_a_few_quoted_words_are_no_quote_of_their_own() -> None:
    analysis = _analyse(
        "Mayor Ravel asked the council to pass the harbour bill \u201cright away,\u201d Ravel said on Thursday.\n\n"
        "\u201cThe harbour cannot wait another winter for its new sea wall,\u201d Ravel said."
    )
    texts = [q.text for q in analysis.quotes]
    assert not any(len(t.split()) < 4 for t in texts)
    assert any(t.startswith("The harbour cannot wait") for t in texts)
