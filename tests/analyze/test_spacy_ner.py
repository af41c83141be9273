"""The entity recogniser stepped with the GIL held writes the Docs spaCy's own NER writes."""

from __future__ import annotations

from typing import Any

import pytest

from crosswire.analyze.context import PARAGRAPH_BREAKS, SPACY_MODEL, _register_paragraph_breaks, load_nlp
from crosswire.analyze.spacy_ner import HELD_GIL_NER, use_held_gil_ner

TEXTS = [
    "Mayor Ann Kell of Dunmore said on Tuesday that the Harlow Bridge would reopen in March 2027.\n\n"
    "The Northfield Transit Authority put the cost at $4.2 million, about 30 percent over budget.",
    "Ravel Industries, based in Lyon, France, told 3,000 workers to leave. Its chief executive, "
    "Piet de Vries, flew to Geneva on Friday night to meet the United Nations envoy.",
    "",
    "  \n\n ",
    "Officials said it was small.",
    "Senator Mara Osei (D-Ore.) and Gov. Tom Reyes met at the White House\non Monday with "
    "representatives of the World Health Organization and the Red Cross.",
]


def _pipeline(held_gil: bool) -> Any:
    spacy = pytest.importorskip("spacy")
    _register_paragraph_breaks()
    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return use_held_gil_ner(nlp) if held_gil else nlp


@pytest.fixture(scope="module")
def spacy_ner() -> Any:
    return _pipeline(held_gil=False)


@pytest.fixture(scope="module")
def held_gil_ner() -> Any:
    return _pipeline(held_gil=True)


def _entities(doc: Any) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.label_) for e in doc.ents]


def test_the_analysis_pipeline_runs_the_held_gil_ner() -> None:
    names = load_nlp().pipe_names
    assert HELD_GIL_NER in names and "ner" not in names


@pytest.mark.parametrize("batch_size", [1, 4, 256])
def test_batched_docs_are_byte_identical_to_spacys_ner(spacy_ner: Any, held_gil_ner: Any, batch_size: int) -> None:
    expected = list(spacy_ner.pipe(TEXTS, batch_size=batch_size))
    found = list(held_gil_ner.pipe(TEXTS, batch_size=batch_size))
    assert any(doc.ents for doc in found)  # the texts do name things
    assert [d.to_bytes() for d in found] == [d.to_bytes() for d in expected]


def test_one_doc_at_a_time_matches_spacys_ner(spacy_ner: Any, held_gil_ner: Any) -> None:
    for text in TEXTS:
        assert held_gil_ner(text).to_bytes() == spacy_ner(text).to_bytes()


def test_a_docs_entities_do_not_depend_on_its_batch(held_gil_ner: Any) -> None:
    alone = [_entities(held_gil_ner(text)) for text in TEXTS]
    together = [_entities(doc) for doc in held_gil_ner.pipe(TEXTS, batch_size=len(TEXTS))]
    reversed_batch = [_entities(doc) for doc in held_gil_ner.pipe(TEXTS[::-1], batch_size=len(TEXTS))][::-1]
    assert together == alone == reversed_batch
    assert any(alone)


def test_a_pipeline_without_ner_keeps_its_components() -> None:
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    assert use_held_gil_ner(nlp).pipe_names == ["sentencizer"]


def test_the_original_ner_stays_as_the_disabled_model(held_gil_ner: Any) -> None:
    assert "ner" in held_gil_ner.disabled
    assert held_gil_ner.get_pipe(HELD_GIL_NER).ner is held_gil_ner.get_pipe("ner")
