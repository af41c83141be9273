"""Word-level helpers shared by every stage (stories, alignment, summarizing).

They live below the stages so that no stage imports another for its words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_WORD = re.compile(r"[a-z0-9]+")
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "say", "mr", "ms", "mrs", "s", "t"}


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return str(_stemmer().stem(word)) if len(word) > 3 else word


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from nltk.stem.porter import PorterStemmer  # installed with rouge-score; needs no data

    return PorterStemmer()


def words(text: str) -> list[str]:
    """Lower-cased alphanumeric words (ROUGE's tokenisation, unstemmed)."""
    return _WORD.findall(text.lower())


def stems(text: str) -> list[str]:
    """Stemmed words, as rouge-score with ``use_stemmer=True`` sees them."""
    return [_stem(w) for w in words(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry content (no stop words)."""
    return [_stem(w) for w in words(text) if w not in STOP_WORDS]
