from __future__ import annotations

import pytest

from crosswire.evaluate.story_metrics import bcubed, clustering_scores


def test_bcubed_hand_computed_example() -> None:
    # Items 1-2 (a, p1): P 1, R 2/3. Item 3 (a, p2): P 1/3, R 1/3. Items 4-5 (b, p2): P 2/3, R 1.
    gold = ["a", "a", "a", "b", "b"]
    predicted = [1, 1, 2, 2, 2]
    precision, recall, f1 = bcubed(gold, predicted)
    assert precision == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert f1 == pytest.approx(11 / 15)


def test_bcubed_lumping_and_splitting() -> None:
    gold = ["a", "a", "b", "b"]
    assert bcubed(gold, [0, 0, 0, 0]) == pytest.approx((0.5, 1.0, 2 / 3))
    assert bcubed(gold, [0, 1, 2, 3]) == pytest.approx((1.0, 0.5, 2 / 3))
    assert bcubed(gold, ["x", "x", "y", "y"]) == pytest.approx((1.0, 1.0, 1.0))


def test_bcubed_asymmetric_error() -> None:
    # One stray item joins the big story: the big story's precision drops, recall stays.
    gold = ["a", "a", "a", "b"]
    precision, recall, _ = bcubed(gold, [0, 0, 0, 0])
    assert precision == pytest.approx((3 * 3 / 4 + 1 / 4) / 4)
    assert recall == 1.0


def test_bcubed_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        bcubed(["a"], [0, 1])
    with pytest.raises(ValueError):
        bcubed([], [])


def test_clustering_scores_shape_and_invariance() -> None:
    gold = ["a", "a", "b", "b", "c"]
    perfect = clustering_scores(gold, [7, 7, 3, 3, 9])
    assert perfect == {
        "bcubed_precision": 1.0,
        "bcubed_recall": 1.0,
        "bcubed_f1": 1.0,
        "nmi": 1.0,
        "ari": 1.0,
        "predicted": 3,
        "gold": 3,
        "n": 5,
    }
    worse = clustering_scores(gold, [0, 0, 0, 1, 1])
    assert worse["nmi"] < 1.0 and worse["ari"] < 1.0 and worse["bcubed_f1"] < 1.0
    assert worse["predicted"] == 2
    # Renaming labels changes nothing.
    assert clustering_scores(gold, ["q", "q", "q", "r", "r"]) == worse
