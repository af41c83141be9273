"""What the story tracker knows of an article: its terms, names, time and vector.

A profile is computed once per article (in parallel, in the batch job) and is
all the tracker reads, so tracking never touches the text again.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from importlib import import_module

import numpy as np

from crosswire.ingest.language import MIN_TOKENS, read_as_english  # below MIN_TOKENS the guess is unsure
from crosswire.model import Article
from crosswire.text import STOP_WORDS, content_stems

# Words of an article's opening that the vector and the lead terms read.
LEAD_WORDS = 60
# A name: capitalised words, optionally joined by a short particle ("Bank of England").
_NAME = re.compile(
    r"\b[A-Z][\w'’.&-]*[A-Za-z0-9](?:\s+(?:of|de|la|van|von|al|bin|the|and|for|del)?\s*[A-Z][\w'’.&-]*[A-Za-z0-9])*"
)
_SENTENCE_OPENERS = frozenset(STOP_WORDS) | {"but", "yet", "so", "when", "while", "after", "before"}
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Runs of letters in any script: English tokenisation splits "Français" into "fran" and "ais".
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, eq=False)
class ArticleProfile:
    """The tracker's view of one article.

    ``body``, ``title`` and ``names`` map stems (or name keys) to sublinear
    term weights (1 + log tf). ``day`` is days since 1970 (None: undated).
    ``vector`` is a unit-length embedding of the article's opening, or None.
    """

    key: str
    body: dict[str, float]
    title: dict[str, float]
    names: dict[str, float]
    day: float | None
    vector: np.ndarray | None = field(default=None, repr=False)
    words: int = 0


def _sublinear(counts: Counter[str]) -> dict[str, float]:
    return {term: 1.0 + math.log(n) for term, n in counts.items()}


def names_of(text: str) -> Counter[str]:
    """Capitalised names in ``text`` (lower-cased keys); sentence openers are not names."""
    found: Counter[str] = Counter()
    for match in _NAME.finditer(text):
        tokens = match.group(0).split()
        while tokens and tokens[0].lower() in _SENTENCE_OPENERS:
            tokens = tokens[1:]
        if tokens and not (len(tokens) == 1 and len(tokens[0]) < 3):
            found[" ".join(tokens).lower().rstrip(".")] += 1
    return found


def day_of(published: str | None) -> float | None:
    """Days since 1970 of an ISO 8601 date or datetime (naive times read as UTC)."""
    if not published:
        return None
    try:
        moment = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - _EPOCH).total_seconds() / 86400.0


def lead_text(article: Article) -> str:
    """The title and the opening words: what the embedding reads."""
    opening = " ".join(article.text.split()[:LEAD_WORDS])
    return f"{article.title}. {opening}" if article.title else opening


@lru_cache(maxsize=64)
def language_stop_words(code: str) -> frozenset[str]:
    """spaCy's stop words for a language (no model needed), or none when spaCy or the list is absent."""
    try:
        module = import_module(f"spacy.lang.{code}.stop_words")
    except (ImportError, ValueError):
        return frozenset()
    return frozenset(getattr(module, "STOP_WORDS", ()))


def profile_terms(text: str, language: str | None) -> list[str]:
    """The words the tracker matches on: English content stems, or, for another language, its
    words of three letters or more without its stop words (unstemmed). Without this, pages in one
    other language share their function words and fragments, and unrelated ones join."""
    if read_as_english(language):
        return [w for w in content_stems(text) if not w.isdigit()]
    stops = language_stop_words(language or "")
    found = (w.lower() for w in _LETTERS.findall(text))
    return [w for w in found if len(w) > 2 and w not in stops and w not in STOP_WORDS]


def profile_article(article: Article, vector: np.ndarray | None = None) -> ArticleProfile:
    """The profile of one cleaned article; ``article.id`` must be set (its stable key).

    An article in another language gets no vector: the English sentence model sees any two texts
    in one other language as alike, so it would join unrelated ones."""
    # A language read from a few words is a guess; such a text is matched as English.
    language = article.language if len(article.text.split()) >= MIN_TOKENS else None
    body_stems = profile_terms(article.text, language)
    title_stems = profile_terms(article.title or "", language)
    names = names_of(f"{article.title or ''}\n{article.text}")
    return ArticleProfile(
        key=article.id,
        body=_sublinear(Counter(body_stems)),
        title=_sublinear(Counter(title_stems)),
        names=_sublinear(names),
        day=day_of(article.published),
        vector=vector if read_as_english(language) else None,
        words=len(body_stems) + len(title_stems),
    )


def unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector
