from __future__ import annotations

import pytest

from crosswire.evaluate.rouge import (
    mean_scores,
    percent,
    score,
    score_references,
    strip_multinews_prefix,
    summary_text,
)

REFERENCE = "The Tallow river flooded the market town of Brenly. Forty homes were evacuated."


def test_strip_multinews_prefix_only_removes_a_leading_dash() -> None:
    assert strip_multinews_prefix("– Brenly flooded – again.") == "Brenly flooded – again."
    assert strip_multinews_prefix("Brenly flooded.") == "Brenly flooded."


def test_summary_text_puts_one_sentence_per_line() -> None:
    assert summary_text(["First  one.", " ", "Second\none."]) == "First one.\nSecond one."


def test_identical_summary_scores_one() -> None:
    result = score(REFERENCE, REFERENCE)
    assert result["rouge1"].f1 == pytest.approx(1.0)
    assert result["rouge2"].recall == pytest.approx(1.0)


def test_stemming_matches_inflections() -> None:
    assert score("The rivers were flooding", "river flooded")["rouge1"].recall == pytest.approx(0.5)


def test_rougelsum_uses_newline_sentences() -> None:
    reference = "Pumps arrived at dawn and the bridge stayed shut."
    # the summary's lines are scored separately (union LCS), so their order does not matter
    two_lines = "The bridge stayed shut.\nPumps arrived at dawn."
    one_line = "The bridge stayed shut. Pumps arrived at dawn."
    assert score(reference, two_lines)["rougeLsum"].recall == pytest.approx(8 / 9)
    assert score(reference, one_line)["rougeLsum"].recall == pytest.approx(4 / 9)


def test_multiple_references_take_the_mean() -> None:
    summary = "Forty homes were evacuated."
    first, second = REFERENCE, "Rain fell for three days in the hills."
    both = score_references([first, second], summary)
    single = [score(first, summary), score(second, summary)]
    for name in ("rouge1", "rouge2", "rougeLsum"):
        assert both[name].f1 == pytest.approx((single[0][name].f1 + single[1][name].f1) / 2)
        assert both[name].recall == pytest.approx((single[0][name].recall + single[1][name].recall) / 2)


def test_score_references_needs_a_reference() -> None:
    with pytest.raises(ValueError):
        score_references([], "anything")


def test_mean_scores_and_percent() -> None:
    a = score(REFERENCE, REFERENCE)
    b = score(REFERENCE, "Nothing in common here")
    mean = mean_scores([a, b])
    assert mean["rouge1"].f1 == pytest.approx(0.5)
    assert percent(mean["rouge1"].f1) == 50.0
