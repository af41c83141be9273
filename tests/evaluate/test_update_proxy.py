from __future__ import annotations

from crosswire.evaluate.datasets import EvalCluster
from crosswire.evaluate.update_proxy import SIMULATED_SET, date_order, simulated_update, simulated_updates


def _cluster(dates: tuple[str | None, ...]) -> EvalCluster:
    return EvalCluster(
        id="T01",
        documents=tuple(f"Invented report number {i}." for i in range(len(dates))),
        references=("An invented reference.",),
        query="What happened?",
        dates=dates,
    )


def test_documents_split_in_date_order_earlier_half_seen() -> None:
    cluster = _cluster(("2001-03-02", "1999-01-05", None, "2000-07-30", "1998-12-24"))
    assert date_order(cluster) == [4, 1, 3, 0, 2]  # undated last
    update = simulated_update(cluster)
    assert update is not None
    assert update.id == f"T01-{SIMULATED_SET}" and update.update_set == SIMULATED_SET
    assert update.since_documents == ("Invented report number 4.", "Invented report number 1.")
    assert update.documents == tuple(f"Invented report number {i}." for i in (3, 0, 2))
    assert update.references == cluster.references and update.query == cluster.query
    assert update.dates == ("2000-07-30", "2001-03-02", None)


def test_a_one_document_topic_has_no_update() -> None:
    one = _cluster(("2000-01-01",))
    assert simulated_update(one) is None
    assert simulated_updates([one, _cluster(("2000-01-01", "2000-01-02"))])[0].since_documents == (
        "Invented report number 0.",
    )
