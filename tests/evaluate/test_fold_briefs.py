import pytest

from crosswire.errors import CrosswireError
from crosswire.evaluate.fold_briefs import paired


def _runs(values: list[float], briefs: list[str]) -> list[dict[str, object]]:
    return [
        {"id": f"c{k}", "r2_recall": value, "brief": brief}
        for k, (value, brief) in enumerate(zip(values, briefs, strict=True))
    ]


def test_paired_difference_is_first_minus_second_cluster_by_cluster() -> None:
    first = _runs([10.0, 12.0, 14.0, 20.0], ["a", "b", "c", "d"])
    second = _runs([9.0, 11.0, 13.0, 19.0], ["a", "x", "c", "y"])
    found = paired(first, second)
    assert found.interval.mean == pytest.approx(1.0)
    assert found.interval.low == pytest.approx(1.0) and found.interval.high == pytest.approx(1.0)
    assert found.clusters == 4
    assert found.differ == 2


def test_paired_uses_only_the_clusters_both_runs_have() -> None:
    first = _runs([10.0, 30.0], ["a", "b"])
    second = [{"id": "c1", "r2_recall": 20.0, "brief": "b"}]
    found = paired(first, second)
    assert found.clusters == 1
    assert found.interval.mean == pytest.approx(10.0)
    assert found.differ == 0


def test_paired_interval_spans_a_mixed_difference() -> None:
    first = _runs([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], ["a"] * 6)
    second = _runs([2.0, 1.0, 4.0, 3.0, 6.0, 5.0], ["a"] * 6)
    found = paired(first, second)
    assert found.interval.mean == pytest.approx(0.0)
    assert found.interval.low < 0.0 < found.interval.high


def test_runs_sharing_no_cluster_are_an_error() -> None:
    with pytest.raises(CrosswireError):
        paired(_runs([1.0], ["a"]), [{"id": "other", "r2_recall": 1.0, "brief": "a"}])
