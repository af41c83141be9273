"""Peer summarizers run on the same clusters as crosswire: lead and sumy's rankers.

All peers use pysbd sentences, cut the way that reproduces the data README's
peer figures on the Multi-News test sample (each within about 0.25 ROUGE
points of them, with the budget rule of ``crosswire.evaluate.budget``):
- lead: each document split on its own (pysbd with ``clean=True``, which keeps
  line breaks as sentence breaks), then round robin over the documents;
- sumy: the cluster's documents joined into one text, whitespace normalised,
  split by pysbd (so a line without final punctuation joins the next one).
sumy's own tokenizer needs nltk's punkt data, which is not available offline,
so ``PysbdTokenizer`` stands in: pysbd sentences, words by sumy's own word
rule, with sumy's offline Snowball stemmer and English stop-word list.
LexRank is sumy's, with its quadratic loops vectorised (``fast_lexrank``:
the same rankings, ten times faster on 25-article DUC clusters).

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

import pysbd

from crosswire.errors import CrosswireError
from crosswire.evaluate.budget import Selection

# sumy's own word rule (Tokenizer._WORD_PATTERN): letters, inner ' and -.
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*")


@lru_cache(maxsize=2)
def _segmenter(clean: bool) -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=clean, char_span=False)


def _pysbd(text: str, clean: bool) -> list[str]:
    sentences = (" ".join(s.split()) for s in _segmenter(clean).segment(text))
    return [s for s in sentences if s]


class PysbdTokenizer:
    """A sumy-compatible tokenizer that needs no nltk data."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(_pysbd(" ".join(paragraph.split()), clean=False))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def document_sentences(document: str) -> list[str]:
    """One document's sentences for lead (pysbd ``clean=True``: line breaks end sentences)."""
    return _pysbd(document, clean=True) if document.strip() else []


def cluster_sentences(documents: Sequence[str]) -> list[list[str]]:
    return [document_sentences(document) for document in documents]


def joined_sentences(documents: Sequence[str]) -> list[str]:
    """The cluster as one whitespace-normalised text, split by pysbd (the sumy peers' units)."""
    return list(PysbdTokenizer().to_sentences(" ".join(documents)))


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

    from crosswire.evaluate.fast_lexrank import FastLexRankSummarizer

    classes = {
        "lexrank": LexRankSummarizer,  # sumy's own: the speed reference on Multi-News
        "lexrank-fast": FastLexRankSummarizer,  # same rankings, for 25-article DUC clusters
        "textrank": TextRankSummarizer,
        "lsa": LsaSummarizer,
    }
    summarizer = classes[name](_stemmer())
    summarizer.stop_words = _stop_words()
    return summarizer


def sumy_order(name: str, sentences: Sequence[str]) -> Selection:
    """All sentences ranked by a sumy summarizer, best first (ties in document order).

    sumy hands its sorted ratings to a callable sentence count; capturing
    that order gives the full ranking in one call.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    tokenizer = PysbdTokenizer()
    document = ObjectDocumentModel([Paragraph([SumySentence(s, tokenizer) for s in sentences])])
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
    rank: Callable[[Sequence[str]], Selection]


def _lead(documents: Sequence[str]) -> Selection:
    return lead_order(cluster_sentences(documents))


def _sumy_peer(name: str) -> Callable[[Sequence[str]], Selection]:
    def rank(documents: Sequence[str]) -> Selection:
        return sumy_order(name, joined_sentences(documents))

    return rank


def _klsum(documents: Sequence[str]) -> Selection:
    from crosswire.evaluate.klsum import klsum_order

    return klsum_order(joined_sentences(documents))


def _concept_ilp(documents: Sequence[str]) -> Selection:
    from crosswire.evaluate.concept_ilp import concept_ilp_order

    return concept_ilp_order([_pysbd(d, clean=False) for d in documents if d.strip()])


PEERS: dict[str, Peer] = {
    "klsum": Peer("klsum", "KLSum (Haghighi and Vanderwende 2009)", _klsum),
    "ilp": Peer("ilp", "Concept ILP (Gillick and Favre 2009), 100 words", _concept_ilp),
    "lead": Peer("lead", "Lead (round robin)", _lead),
    "lexrank": Peer("lexrank", "sumy LexRank", _sumy_peer("lexrank")),
    "lexrank-fast": Peer("lexrank-fast", "sumy LexRank (numpy similarity)", _sumy_peer("lexrank-fast")),
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
    return peer(name).rank(documents)
