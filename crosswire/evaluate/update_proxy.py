"""A simulated update task built from DUC 2006, to decide update-mode rules without DUC 2007 sets B/C.

DUC 2007 update sets B and C are the update evaluation: they may be
reported, never tuned on. Set A has no earlier set, so it cannot show how a
novelty rule behaves. This proxy gives one: each DUC 2006 topic's documents
are sorted by date and split in two; the earlier half is what the reader has
seen (``since_documents``), the later half is summarised, and the brief is
scored against the topic's own references. It is only a proxy: DUC 2006's
references summarise all 25 documents (250 words, query-focused), so they
also reward facts of the earlier half, which a real update reference would
not; a rule that gains here is only likely to gain on real updates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from crosswire.evaluate.datasets import EvalCluster

SIMULATED_SET = "S"  # the update_set letter of a simulated cluster


def date_order(cluster: EvalCluster) -> list[int]:
    """Indices of the cluster's documents by date (undated ones last, file order on ties)."""
    dates = list(cluster.dates) + [None] * (len(cluster.documents) - len(cluster.dates))
    return sorted(range(len(cluster.documents)), key=lambda i: (dates[i] is None, dates[i] or "", i))


def simulated_update(cluster: EvalCluster) -> EvalCluster | None:
    """The later half of ``cluster``'s documents, with the earlier half as seen; None below two documents."""
    order = date_order(cluster)
    if len(order) < 2:
        return None
    half = len(order) // 2
    dates = list(cluster.dates) + [None] * (len(cluster.documents) - len(cluster.dates))
    later = order[half:]
    return replace(
        cluster,
        id=f"{cluster.id}-{SIMULATED_SET}",
        documents=tuple(cluster.documents[i] for i in later),
        since_documents=tuple(cluster.documents[i] for i in order[:half]),
        topic=cluster.topic or cluster.id,
        update_set=SIMULATED_SET,
        dates=tuple(dates[i] for i in later) if cluster.dates else (),
    )


def simulated_updates(clusters: Sequence[EvalCluster]) -> tuple[EvalCluster, ...]:
    """``simulated_update`` of every cluster that has at least two documents."""
    found = (simulated_update(c) for c in clusters)
    return tuple(c for c in found if c is not None)
