"""KLSum: greedy selection toward the cluster's word distribution."""

from __future__ import annotations

from crosswire.evaluate.klsum import klsum_order
from crosswire.evaluate.peers import peer_selection

SENTENCES = [
    "The Orvale pier closed on Monday after an inspection found rot.",
    "The Orvale pier closed on Monday after an inspection found rot in its timbers.",
    "Inspectors found rot in the pier timbers during the inspection.",
    "The pier will reopen next year after repairs to the rotten timbers.",
    "Short one.",
]


def test_first_pick_is_closest_to_the_cluster_and_fragments_are_never_picked() -> None:
    selection = klsum_order(SENTENCES, max_words=40)
    assert selection.order[0] in (1, 3)  # the sentences that carry most of the cluster's words
    assert 4 not in selection.order
    assert len(set(selection.order)) == len(selection.order)


def test_klsum_is_a_peer() -> None:
    selection = peer_selection("klsum", ["\n\n".join(SENTENCES[:2]), "\n\n".join(SENTENCES[2:4])])
    assert selection.order and selection.document_order
