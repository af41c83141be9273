"""Concept ILP: the most document-frequent bigrams within the budget."""

from __future__ import annotations

from crosswire.evaluate.budget import apply_budget
from crosswire.evaluate.concept_ilp import concept_ilp_order
from crosswire.evaluate.peers import peer_selection

SHARED = "The Orvale harbour crane collapsed on Monday and injured three dock workers"
DOCUMENTS = [
    [
        f"{SHARED}, police said.",
        "A local bakery sold bread to the morning crowd as it does every day.",
        "Short.",
    ],
    [f"Officials said {SHARED}.", "The weather in the valley was mild and sunny for most of the week."],
    [
        f"Witnesses said {SHARED} early.",
        "Farmers at the county fair showed their largest pumpkins to judges.",
    ],
]


def test_the_ilp_picks_what_most_documents_share_within_the_budget() -> None:
    selection = concept_ilp_order(DOCUMENTS, words=16)
    first = selection.sentences[selection.order[0]]
    assert "crane collapsed" in first  # the shared concepts
    summary = apply_budget(selection, 16)
    assert SHARED.split()[2] in " ".join(summary)
    # One sentence of the shared fact fills 16 words: the ILP takes one copy, not two.
    assert sum("crane" in s for s in summary) == 1
    assert selection.order[-1] == 2  # the fragment comes last
    assert sorted(selection.order) == list(range(len(selection.sentences)))


def test_without_shared_concepts_the_order_is_still_complete() -> None:
    selection = concept_ilp_order([["One sentence about apples in the orchard today here."]], words=100)
    assert selection.order == (0,)


def test_ilp_is_a_peer() -> None:
    selection = peer_selection("ilp", [" ".join(d) for d in DOCUMENTS])
    assert selection.order and selection.document_order
