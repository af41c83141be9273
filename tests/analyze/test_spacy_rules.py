"""The memoised rule components write what spaCy's own attribute ruler and lemmatizer write."""

from __future__ import annotations

from typing import Any

import pytest

from crosswire.analyze.context import PARAGRAPH_BREAKS, SPACY_MODEL, _register_paragraph_breaks, load_nlp
from crosswire.analyze.spacy_rules import MEMO_LEMMATIZER, MEMO_RULER

TEXTS = [
    'Mayor Ann Kell said on Tuesday that the bridge would reopen. "We ain\'t gonna wait," she said.\n\n'
    "Let's be clear: there is no money left, y'all. C'mon, the council did not vote.",
    "I told you it was late. You saw it and it saw me; she gave it to you and me.\n"
    "The firm's 3,000 workers    were   told to leave. What they did is unclear.",
    "",
    "  \n\n ",
    "I ain't going. I ain't going. Gotta go, gonna go, let's go.",
]


def _attributes(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (
            t.text,
            t.tag_,
            t.pos_,
            str(t.morph),
            t.lemma_,
            t.dep_,
            t.head.i,
            t.ent_iob_,
            t.ent_type_,
            t.is_sent_start,
        )
        for t in doc
    ]


@pytest.fixture(scope="module")
def plain_nlp() -> Any:
    spacy = pytest.importorskip("spacy")
    _register_paragraph_breaks()
    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


def test_the_analysis_pipeline_runs_the_memoised_components() -> None:
    names = load_nlp().pipe_names
    assert MEMO_RULER in names and MEMO_LEMMATIZER in names
    assert "attribute_ruler" not in names and "lemmatizer" not in names


def test_same_tags_lemmas_and_parse_as_spacy_rules_twice_over(plain_nlp: Any) -> None:
    memo = load_nlp()
    for _ in range(2):  # the second pass reads every key from the memo
        for text, expected in zip(TEXTS, plain_nlp.pipe(TEXTS), strict=True):
            assert _attributes(memo(text)) == _attributes(expected)


def test_two_token_rules_still_apply() -> None:
    doc = load_nlp()("We are gonna win, y'all.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"
    assert lemmas["y'"] == "you"
