from __future__ import annotations

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

from crosswire.evaluate.fast_lexrank import FastLexRankSummarizer
from crosswire.evaluate.peers import PysbdTokenizer, joined_sentences

# An invented event, written for this test.
DOCUMENTS = (
    "The Tallow river burst its banks in Brenly on Sunday night. Forty homes were evacuated by boat.",
    "Floodwater reached the market square of Brenly after the Tallow river rose two metres. "
    "Forty homes were evacuated, the fire service said. The stone bridge was closed to traffic.",
    "Brenly residents spent the night in the town hall. Volunteers handed out blankets and soup. "
    "The water board said the river would fall slowly once the rain stopped.",
)


def ratings(summarizer: LexRankSummarizer) -> list[int]:
    summarizer.stop_words = get_stop_words("english")
    tokenizer = PysbdTokenizer()
    sentences = joined_sentences([*DOCUMENTS, "Short one.", "Short one."])  # a repeat and a tiny sentence
    document = ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])
    order: list[int] = []

    def capture(infos: list[object]) -> list[object]:
        order.extend(info.order for info in infos)  # type: ignore[attr-defined]
        return infos

    summarizer(document, capture)
    return order


def test_same_ranking_as_sumy() -> None:
    stemmer = Stemmer("english")
    assert ratings(FastLexRankSummarizer(stemmer)) == ratings(LexRankSummarizer(stemmer))
