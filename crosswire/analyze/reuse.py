"""What a long-running process keeps between analyses: sentence vectors and parsed articles.

A service or a stream recomputes a story's analysis each time the story grows; without these two
caches every sentence is encoded and every article parsed again, so one new article cost as much as
the whole story. Both are bounded (the least recently used entry goes first), shared by the threads
of the process, and keyed by the exact text. ``CROSSWIRE_ANALYSIS_CACHE=0`` turns them off.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Hashable, Sequence
from typing import Any, Generic, TypeVar

import numpy as np

from crosswire.embed import Embedder, encode_work

VECTORS_KEPT = 50_000  # sentence vectors (MiniLM: about 75 MB)
DOCS_KEPT = 500  # parsed articles
# Articles per spaCy call: batched matrix products cost about 15% less CPU than one article at a
# time; small enough that the two threads of a story share the work evenly.
PARSE_BATCH = 4
REUSE_ENV = "CROSSWIRE_ANALYSIS_CACHE"

Value = TypeVar("Value")


class Kept(Generic[Value]):
    """A bounded, thread-safe least-recently-used map."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Value] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable) -> Value | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


VECTORS: Kept[np.ndarray] = Kept(VECTORS_KEPT)
DOCS: Kept[Any] = Kept(DOCS_KEPT)


THREADS_ENV = "CROSSWIRE_ANALYSIS_THREADS"


def story_threads() -> int:
    """Threads one story's analysis uses (``CROSSWIRE_ANALYSIS_THREADS``, 1 or 2, default 1). Two
    cost more than they overlap: spaCy's parser and NER take the GIL back inside their compiled
    loops, so beside another Python thread they wait on it at every step (py-spy: a third of the
    samples in the GIL's lock; 25 DUC articles, S12: wall 8.4-9.7 s with one, 10.5-15.2 s with two,
    CPU 9-10 s against 14-21 s)."""
    value = os.environ.get(THREADS_ENV, "1").strip()
    return 2 if value == "2" else 1


def enabled() -> bool:
    return os.environ.get(REUSE_ENV, "1").strip().lower() not in ("0", "false", "no", "off")


class KeptEncode:
    """``encode_kept`` as shareable work: the vectors kept before, and the missing texts' batches
    (``help()`` from any thread, ``result()`` once; see crosswire.embed.EncodeWork)."""

    def __init__(self, embedder: Embedder, texts: Sequence[str]) -> None:
        self.texts = list(texts)
        self.key = getattr(embedder, "reuse_key", None) if enabled() else None
        self.found: dict[str, np.ndarray] = {}
        if self.key is None:
            self.missing = self.texts
        else:
            for text in self.texts:
                vector = VECTORS.get((self.key, text))
                if vector is not None:
                    self.found[text] = vector
            self.missing = list(dict.fromkeys(t for t in self.texts if t not in self.found))
        self.work = encode_work(embedder, self.missing) if self.missing or not self.texts else None

    def help(self) -> None:
        if self.work is not None:
            self.work.help()

    def result(self) -> np.ndarray:
        if self.work is None:
            return np.stack([self.found[t] for t in self.texts])
        vectors = self.work.result()
        if self.key is None:
            return vectors
        for text, vector in zip(self.missing, vectors, strict=True):
            self.found[text] = vector
            VECTORS.put((self.key, text), vector)
        return np.stack([self.found[t] for t in self.texts])


def encode_kept(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    """``embedder.encode(texts)``, taking vectors seen before from ``VECTORS`` when the embedder has
    a ``reuse_key`` (the same model gives the same vector for the same text)."""
    key = getattr(embedder, "reuse_key", None)
    if key is None or not enabled() or not texts:
        return embedder.encode(texts)
    return KeptEncode(embedder, texts).result()


class SharedParse:
    """Docs of ``texts`` (``nlp`` on each distinct text), taking Docs parsed before from ``DOCS`` (one
    pipeline per process, ``load_nlp``; the sections only read a Doc and cache derived values in
    ``user_data``), as work threads share: ``help()`` from any thread parses the missing articles
    ``PARSE_BATCH`` at a time, in order; ``result()`` helps, waits for the articles other threads
    took, and returns a Doc per text. spaCy's batched ``pipe`` gives each article the Doc it gives
    it alone (thinc pads between articles, so no window reaches into the next one), so the
    Docs are the same whichever thread takes which batch (spaCy's rule memo and vocabulary only
    grow, under the GIL).

    With the cache on, an article another ``SharedParse`` is parsing (``parse_ahead`` while the
    brief is made) is not parsed twice: this one helps with that one's queue and waits for it."""

    def __init__(self, nlp: Any, texts: Sequence[str]) -> None:
        self.nlp = nlp
        self.texts = list(texts)
        self.keep = enabled()
        self.found: dict[str, Any] = {}
        self.missing: list[str] = []
        self.others: dict[str, SharedParse] = {}  # text -> the parse that claimed it first
        with _IN_FLIGHT_LOCK:
            for text in dict.fromkeys(self.texts):
                doc = DOCS.get(text) if self.keep else None
                if doc is not None:
                    self.found[text] = doc
                elif self.keep and text in _IN_FLIGHT:
                    self.others[text] = _IN_FLIGHT[text]
                else:
                    self.missing.append(text)
                    if self.keep:
                        _IN_FLIGHT[text] = self
        self._taken = 0
        self._done = 0
        self._error: BaseException | None = None
        self._changed = threading.Condition()

    def _take(self) -> list[str]:
        with self._changed:
            if self._error is not None or self._taken >= len(self.missing):
                return []
            batch = self.missing[self._taken : self._taken + PARSE_BATCH]
            self._taken += len(batch)
            return batch

    def _release(self, texts: Sequence[str]) -> None:
        with _IN_FLIGHT_LOCK:
            for text in texts:
                if _IN_FLIGHT.get(text) is self:
                    del _IN_FLIGHT[text]

    def _parse(self, batch: list[str]) -> list[Any]:
        pipe = getattr(self.nlp, "pipe", None)  # a spaCy pipeline; any other text -> Doc function
        if pipe is None:
            return [self.nlp(text) for text in batch]
        return list(pipe(batch, batch_size=len(batch)))

    def _parse_own(self) -> None:
        while batch := self._take():
            docs, error = [], None
            try:
                docs = self._parse(batch)
            except BaseException as raised:  # re-raised by result()
                error = raised
            if self.keep:
                for text, doc in zip(batch, docs, strict=False):
                    DOCS.put(text, doc)
            with self._changed:
                self._done += len(batch)
                if error is not None:
                    self._error = error
                else:
                    self.found.update(zip(batch, docs, strict=True))
                self._changed.notify_all()
            self._release(self.missing if error is not None else batch)

    def help(self) -> None:
        self._parse_own()
        for other in dict.fromkeys(self.others.values()):
            other._parse_own()

    def _wait(self) -> None:
        with self._changed:
            self._changed.wait_for(lambda: self._done >= self._taken)
            if self._error is not None:
                raise self._error

    def result(self) -> list[Any]:
        self.help()
        self._wait()
        for other in dict.fromkeys(self.others.values()):
            other._wait()
        for text, other in self.others.items():
            self.found[text] = other.found[text]
        return [self.found[t] for t in self.texts]


# Articles being parsed now, by the SharedParse that parses them (with the cache on).
_IN_FLIGHT: dict[str, SharedParse] = {}
_IN_FLIGHT_LOCK = threading.Lock()
