from __future__ import annotations

import pytest

from crosswire.errors import CrosswireError
from crosswire.evaluate.budget import apply_budget
from crosswire.evaluate.peers import (
    PEERS,
    PysbdTokenizer,
    cluster_sentences,
    document_sentences,
    joined_sentences,
    lead_order,
    peer_selection,
)
from crosswire.model import count_words

# An invented event, written for these tests.
DOCUMENTS = (
    "The Tallow river burst its banks in Brenly on Sunday night. Forty homes were evacuated by boat.\n\n"
    "Mayor Odile Fenn said the town hall would stay open as a shelter. Rain is expected until Wednesday.\n\n"
    "Engineers from the regional water board inspected the old stone bridge on Monday.",
    "Floodwater reached the market square of Brenly after the Tallow river rose two metres. "
    "Forty homes were evacuated, the fire service said.\n"
    "The stone bridge was closed to traffic. Schools in the valley will remain shut on Monday.",
    "Brenly residents spent the night in the town hall. Volunteers handed out blankets and soup. "
    "The water board said the river would fall slowly once the rain stopped.",
)


def test_tokenizer_works_without_nltk_data() -> None:
    tokenizer = PysbdTokenizer()
    assert tokenizer.to_sentences("Dr. Fenn spoke. Then she left.") == ("Dr. Fenn spoke.", "Then she left.")
    assert tokenizer.to_words("The river's level rose 2 metres - fast.") == (
        "The",
        "river's",
        "level",
        "rose",
        "metres",
        "fast",
    )


def test_document_sentences_split_lines_and_sentences() -> None:
    sentences = document_sentences(DOCUMENTS[1])
    assert sentences[0].startswith("Floodwater reached")
    assert "The stone bridge was closed to traffic." in sentences
    assert len(sentences) == 4


def test_lead_is_round_robin() -> None:
    selection = lead_order([["a1", "a2", "a3"], ["b1"], ["c1", "c2"]])
    assert [selection.sentences[i] for i in selection.order] == ["a1", "b1", "c1", "a2", "c2", "a3"]
    assert not selection.document_order


@pytest.mark.parametrize("name", sorted(PEERS))
def test_every_peer_returns_cluster_sentences_within_budget(name: str) -> None:
    selection = peer_selection(name, DOCUMENTS)
    assert sorted(selection.order) == list(range(len(selection.sentences)))
    cluster_words = " ".join(" ".join(DOCUMENTS).split())
    assert all(sentence in cluster_words for sentence in selection.sentences)
    summary = apply_budget(selection, 30)
    sizes = [count_words(s) for s in summary]
    # whole sentences until the budget is reached: only the last one may pass it
    assert sum(sizes) >= 30 and sum(sizes[:-1]) < 30
    assert all(s in selection.sentences for s in summary)


def test_sumy_peers_rank_the_joined_cluster_and_lead_each_document() -> None:
    assert joined_sentences(["First doc ends here.", "Second doc.\nNo stop here\nThen this."]) == [
        "First doc ends here.",
        "Second doc.",
        "No stop here Then this.",
    ]
    assert cluster_sentences(["Second doc.\nNo stop here\nThen this."]) == [
        ["Second doc.", "No stop here", "Then this."]
    ]


def test_sumy_rankers_are_deterministic_and_present_in_document_order() -> None:
    first = peer_selection("lexrank", DOCUMENTS)
    assert first == peer_selection("lexrank", DOCUMENTS)
    assert first.document_order


def test_unknown_peer_is_a_user_error() -> None:
    with pytest.raises(CrosswireError):
        peer_selection("oracle", DOCUMENTS)
