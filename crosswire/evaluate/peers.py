"""Peer summarizers run on the same clusters as crosswire: lead and sumy's rankers.

Every peer sees the same sentences: each document split with pysbd, paragraph
by paragraph (``document_sentences``). sumy's own tokenizer needs nltk's
punkt data, which is not available offline, so ``PysbdTokenizer`` stands in:
pysbd sentences, regex words, and sumy's offline Snowball stemmer and English
stop-word list.

A peer returns its candidate sentences in *selection order* (lead: round
robin over the articles; sumy: best rated first); ``crosswire.evaluate.budget``
then cuts every system, crosswire included, to the word budget the same way.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from crosswire.errors import CrosswireError
from crosswire.evaluate.budget import Selection
from crosswire.segment import split_sentences

# sumy's own word rule (Tokenizer._WORD_PATTERN): letters, inner ' and -.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*")
_PARAGRAPH_BREAK = re.compile(r"\n")


class PysbdTokenizer:
    """A sumy-compatible tokenizer that needs no nltk data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def document_sentences(document: str) -> list[str]:
    """pysbd sentences of one document, line by line (whitespace normalised)."""
    sentences: list[str] = []
    for paragraph in _PARAGRAPH_BREAK.split(document):
        if paragraph.strip():
            sentences.extend(" ".join(s.split()) for s in split_sentences(paragraph))
    return [s for s in sentences if s]


def cluster_sentences(documents: Sequence[str]) -> list[list[str]]:
    return [document_sentences(document) for document in documents]


def lead_order(per_document: Sequence[Sequence[str]]) -> Selection:
    """Round robin: first sentence of each article, then the second of each, ..."""
    flat = [s for sentences in per_document for s in sentences]
    offsets = [0]
    for sentences in per_document:
        offsets.append(offsets[-1] + len(sentences))
    order = []
    for depth in range(max((len(s) for s in per_document), default=0)):
        for index, sentences in enumerate(per_document):
            if depth < len(sentences):
                order.append(offsets[index] + depth)
    return Selection(sentences=tuple(flat), order=tuple(order))


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    from sumy.nlp.stemmers import Stemmer

    stemmer: Callable[[str], str] = Stemmer("english")
    return stemmer


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("english"))


def _sumy_summarizer(name: str) -> Any:
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    classes = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer}
    summarizer = classes[name](_stemmer())
    summarizer.stop_words = _stop_words()
    return summarizer


def sumy_order(name: str, per_document: Sequence[Sequence[str]]) -> Selection:
    """All sentences ranked by a sumy summarizer, best first (ties in document order).

    sumy hands its sorted ratings to a callable sentence count; capturing
    that order gives the full ranking in one call.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = PysbdTokenizer()
    document = ObjectDocumentModel(
        [Paragraph([SumySentence(s, tokenizer) for s in sentences]) for sentences in per_document if sentences]
    )
    ranking: list[int] = []

    def capture(infos: list[Any]) -> list[Any]:
        ranking.extend(info.order for info in infos)
        return infos[:1]

    with warnings.catch_warnings():  # LSA warns on tiny clusters; the ranking is still usable
        warnings.simplefilter("ignore")
        _sumy_summarizer(name)(document, capture)
    flat = tuple(str(s) for s in document.sentences)
    if not ranking:  # sumy gives up on clusters without content words
        ranking = list(range(len(flat)))
    return Selection(sentences=flat, order=tuple(ranking), document_order=True)


@dataclass(frozen=True)
class Peer:
    name: str
    label: str
    rank: Callable[[Sequence[Sequence[str]]], Selection]


def _sumy_peer(name: str) -> Callable[[Sequence[Sequence[str]]], Selection]:
    def rank(per_document: Sequence[Sequence[str]]) -> Selection:
        return sumy_order(name, per_document)

    return rank


PEERS: dict[str, Peer] = {
    "lead": Peer("lead", "Lead (round robin)", lead_order),
    "lexrank": Peer("lexrank", "sumy LexRank", _sumy_peer("lexrank")),
    "textrank": Peer("textrank", "sumy TextRank", _sumy_peer("textrank")),
    "lsa": Peer("lsa", "sumy LSA", _sumy_peer("lsa")),
}


def peer(name: str) -> Peer:
    try:
        return PEERS[name]
    except KeyError:
        raise CrosswireError(f"unknown peer {name!r}; choose from {', '.join(PEERS)}") from None


def peer_selection(name: str, documents: Sequence[str]) -> Selection:
    """The named peer's ranked sentences for raw documents."""
    return peer(name).rank(cluster_sentences(documents))
