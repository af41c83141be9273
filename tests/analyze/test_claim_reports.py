"""crosswire.analyze.claim_reports: accusations told as reported speech."""

from __future__ import annotations

import pytest

from crosswire.analyze.claim_reports import _tensed, _wrong_words
from crosswire.analyze.context import load_nlp
from tests.analyze.test_error_classes import _analyse


def _clause(text: str, verb: str) -> object:
    doc = load_nlp()(text)
    return next(t for t in doc if t.text == verb)


@pytest.mark.parametrize(
    ("text", "verb", "tensed"),
    [
        ("Reports indicate that the forces are shelling the town.", "shelling", True),  # its own auxiliary
        ("The court found that the mayor was wrong.", "was", True),
        ("A video shows Ada Veen telling officials that she had problems.", "telling", False),  # a clause inside
    ],
)
def test_a_clause_is_tensed_by_its_own_verb_or_auxiliary(text: str, verb: str, tensed: bool) -> None:
    assert _tensed(_clause(text, verb)) is tensed


def test_a_mishap_or_a_suffered_wrong_gives_no_wrong_word() -> None:
    assert "fail" not in _wrong_words(_clause("After failing to return, the swimmers were found.", "found"))
    assert "fail" in _wrong_words(_clause("The firm failed to report the losses.", "failed"))


def test_a_reported_wrong_is_the_reporter_s_claim_against_the_clause_s_subject() -> None:
    analysis = _analyse(
        "The Orvale ferry company is under investigation, the harbour board said on Monday.\n\n"
        "Auditor Ada Veen said the Orvale ferry company defrauded its passengers for two years."
    )
    pairs = {(c.claimant, c.accused) for c in analysis.claims}
    assert any(c and "Veen" in c and a and "Orvale" in a for c, a in pairs), pairs
