from __future__ import annotations

import pytest

from crosswire.evaluate.budget import Selection, apply_budget, pick, truncate
from crosswire.model import count_words

SENTENCES = (
    "one two three four",  # 4 words
    "five six seven",  # 3
    "eight nine ten eleven twelve",  # 5
    "thirteen",  # 1
)


def test_whole_sentences_until_the_budget_is_reached() -> None:
    summary = apply_budget(Selection.in_order(SENTENCES), 9)
    assert summary == ["one two three four", "five six seven", "eight nine ten eleven twelve"]


def test_cut_truncates_at_the_limit() -> None:
    summary = apply_budget(Selection.in_order(SENTENCES), 9, cut=True)
    assert summary == ["one two three four", "five six seven", "eight nine"]
    assert sum(count_words(s) for s in summary) == 9


def test_exact_fit_takes_no_extra_sentence() -> None:
    assert apply_budget(Selection.in_order(SENTENCES), 7) == ["one two three four", "five six seven"]


def test_pick_order_and_document_order() -> None:
    ranked = Selection(SENTENCES, order=(2, 0, 3, 1))
    assert pick(ranked, 6) == [2, 0]
    assert apply_budget(ranked, 6) == ["eight nine ten eleven twelve", "one two three four"]
    in_document_order = Selection(SENTENCES, order=(2, 0, 3, 1), document_order=True)
    assert apply_budget(in_document_order, 6) == ["one two three four", "eight nine ten eleven twelve"]
    assert apply_budget(in_document_order, 6, cut=True) == ["one two three four", "eight nine"]


def test_short_summaries_stay_whole() -> None:
    assert apply_budget(Selection.in_order(SENTENCES), 100) == list(SENTENCES)


def test_truncate_normalises_whitespace_and_skips_empty() -> None:
    assert truncate(["  a   b ", "", "c d e"], 4) == ["a b", "c d"]


def test_budget_must_be_positive() -> None:
    with pytest.raises(ValueError):
        apply_budget(Selection.in_order(SENTENCES), 0)
