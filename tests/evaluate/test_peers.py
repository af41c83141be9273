from __future__ import annotations

import pytest

from crosswire.errors import CrosswireError
from crosswire.evaluate.budget import apply_budget
from crosswire.evaluate.peers import (
    PEERS,
    PysbdTokenizer,
    cluster_sentences,
    document_sentences,
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
    assert tokenizer.to_words("The river's level rose 2 metres - fast.") == ("The", "river's", "level", "rose", "metres", "fast")


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
    all_sentences = {s for doc in cluster_sentences(DOCUMENTS) for s in doc}
    assert set(selection.sentences) == all_sentences
    assert sorted(selection.order) == list(range(len(selection.sentences)))
    summary = apply_budget(selection, 30)
    assert sum(count_words(s) for s in summary) == 30
    # every line but the last is a whole sentence of the cluster
    assert all(s in all_sentences for s in summary[:-1])
    assert any(s.startswith(summary[-1]) for s in all_sentences)


def test_sumy_rankers_are_deterministic_and_present_in_document_order() -> None:
    first = peer_selection("lexrank", DOCUMENTS)
    assert first == peer_selection("lexrank", DOCUMENTS)
    assert first.document_order


def test_unknown_peer_is_a_user_error() -> None:
    with pytest.raises(CrosswireError):
        peer_selection("oracle", DOCUMENTS)
