"""Vectors and parses kept between analyses (invented sentences)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import pytest

from crosswire.analyze import reuse
from crosswire.analyze.context import load_nlp
from crosswire.embed import SentenceTransformerEmbedder, TfidfEmbedder
from tests.analyze.test_context import CountingEmbedder


class KeyedTfidf(CountingEmbedder):
    """The counting TF-IDF embedder with a reuse key."""

    reuse_key = ("tfidf-test", 4096)


@pytest.fixture(autouse=True)
def _empty() -> Iterator[None]:
    reuse.VECTORS.clear()
    reuse.DOCS.clear()
    yield
    reuse.VECTORS.clear()
    reuse.DOCS.clear()


def test_kept_forgets_the_least_recently_used() -> None:
    kept: reuse.Kept[int] = reuse.Kept(2)
    kept.put("a", 1)
    kept.put("b", 2)
    assert kept.get("a") == 1  # "b" is now the oldest
    kept.put("c", 3)
    assert kept.get("b") is None
    assert (kept.get("a"), kept.get("c"), len(kept)) == (1, 3, 2)


def test_vectors_are_encoded_once_across_calls() -> None:
    embedder = KeyedTfidf()
    first = reuse.encode_kept(embedder, ["The ferry left at noon.", "Divers found the leak."])
    second = reuse.encode_kept(embedder, ["Divers found the leak.", "The quay reopened on Friday."])
    assert embedder.seen == [
        "The ferry left at noon.",
        "Divers found the leak.",
        "The quay reopened on Friday.",
    ]
    assert np.array_equal(first[1], second[0])
    assert np.array_equal(
        second, TfidfEmbedder().encode(["Divers found the leak.", "The quay reopened on Friday."])
    )


def test_an_embedder_without_a_key_is_not_cached() -> None:
    class Plain(TfidfEmbedder):
        calls = 0

        def encode(self, texts: Sequence[str]) -> np.ndarray:
            Plain.calls += 1
            return super().encode(texts)

    embedder = Plain()
    reuse.encode_kept(embedder, ["One sentence."])
    reuse.encode_kept(embedder, ["One sentence."])
    assert Plain.calls == 2 and len(reuse.VECTORS) == 0


def test_the_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(reuse.REUSE_ENV, "0")
    embedder = KeyedTfidf()
    reuse.encode_kept(embedder, ["One sentence."])
    reuse.encode_kept(embedder, ["One sentence."])
    assert embedder.seen == ["One sentence.", "One sentence."]


def test_parsed_articles_are_reused() -> None:
    nlp = load_nlp()
    first = reuse.SharedParse(nlp, ["Mira Olsen said the pier was safe.", "The council met on Monday."]).result()
    second = reuse.SharedParse(nlp, ["The council met on Monday.", "A new article about the pier."]).result()
    assert second[0] is first[1]
    assert second[1].text == "A new article about the pier."
    assert [t.text for t in first[0]][:2] == ["Mira", "Olsen"]


def test_the_model_embedder_has_a_reuse_key() -> None:
    assert SentenceTransformerEmbedder("/some/model").reuse_key == ("all-MiniLM-L6-v2", "/some/model")


_ARTICLES = [
    "Mira Olsen said the pier was safe. The harbour board disagreed on Tuesday.",
    "The council met on Monday.\n\nIts chair, Teodor Vance, said 40 jobs were at risk.",
    "A new article about the pier, which opened in 1998.",
    "Dock workers in Kelby walked out at noon, the union said.",
    "Harbour master Ines Calloway denied that the pier was closed for 12 days.",
    "The ferry to Kelby runs twice a day, the operator Brightwater Lines said on Friday.",
]


def test_batched_parses_are_the_parses_of_each_article_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(reuse.REUSE_ENV, "0")
    nlp = load_nlp()
    assert len(_ARTICLES) > reuse.PARSE_BATCH  # a full batch and a short one
    alone = [nlp(text).to_bytes() for text in _ARTICLES]
    assert [doc.to_bytes() for doc in reuse.SharedParse(nlp, _ARTICLES).result()] == alone


def test_two_threads_parse_as_one_does(monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    monkeypatch.setenv(reuse.REUSE_ENV, "0")
    nlp = load_nlp()
    alone = [nlp(text).to_bytes() for text in _ARTICLES]
    shared = reuse.SharedParse(nlp, _ARTICLES)
    other = threading.Thread(target=shared.help)
    other.start()
    docs = shared.result()
    other.join()
    assert [doc.to_bytes() for doc in docs] == alone
    assert [doc.text for doc in docs] == _ARTICLES


def test_a_parse_error_in_any_thread_reaches_the_caller() -> None:
    def broken(text: str) -> object:
        if "union" in text:
            raise ValueError("parser broke")
        return text

    with pytest.raises(ValueError, match="parser broke"):
        reuse.SharedParse(broken, _ARTICLES).result()
    assert reuse.DOCS.get(_ARTICLES[3]) is None


def test_an_article_being_parsed_elsewhere_is_not_parsed_twice() -> None:
    nlp = load_nlp()
    calls: list[str] = []

    def counting(text: str) -> object:
        calls.append(text)
        return nlp(text)

    ahead = reuse.SharedParse(counting, _ARTICLES[:3])  # claimed, not yet parsed (as parse_ahead)
    later = reuse.SharedParse(counting, _ARTICLES)
    docs = later.result()
    assert sorted(calls) == sorted(_ARTICLES)
    assert ahead.result() == docs[:3]
    assert not reuse._IN_FLIGHT


def test_parse_ahead_keeps_the_docs_for_the_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    from crosswire.analyze.context import parse_ahead

    monkeypatch.setenv(reuse.THREADS_ENV, "2")
    thread = parse_ahead(_ARTICLES)
    assert thread is not None
    thread.join()
    assert all(reuse.DOCS.get(text) is not None for text in _ARTICLES)


def test_parse_ahead_does_nothing_with_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from crosswire.analyze.context import parse_ahead

    monkeypatch.setenv(reuse.THREADS_ENV, "2")  # with one thread nothing starts anyway
    monkeypatch.setenv(reuse.REUSE_ENV, "0")
    assert parse_ahead(_ARTICLES) is None


def test_one_thread_per_story_gives_the_same_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    from crosswire.analyze.context import parse_ahead
    from crosswire.pipeline import Pipeline
    from crosswire.serialize import to_plain

    texts = [
        "Kelby, Monday. The harbour board said 40 jobs were at risk after the storm, its chair Ada Veen said.",
        "Ada Veen, who chairs the Kelby harbour board, said on Monday that 45 jobs were at risk.",
    ]
    monkeypatch.setenv(reuse.THREADS_ENV, "2")
    two = Pipeline(analyze=True).brief_documents(texts)
    monkeypatch.setenv(reuse.THREADS_ENV, "1")
    assert parse_ahead(texts) is None
    monkeypatch.delenv(reuse.THREADS_ENV)
    assert reuse.story_threads() == 1  # the default
    reuse.DOCS.clear()
    reuse.VECTORS.clear()
    one = Pipeline(analyze=True).brief_documents(texts)
    assert to_plain(one.analysis) == to_plain(two.analysis)
    assert one.analysis is not None and one.analysis.entities
