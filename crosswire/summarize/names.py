"""Widely reported names: the people, places and groups most outlets mention.

A story's main actors are named by most of its articles ("Zahran Alloush" in
three of five); a brief that never names one of them has left out a
development, however well its other sentences score. A *name* is a
capitalised word that some article uses inside a sentence (not only as a
sentence's first word), outside the stop words; it is *widely reported* when
at least ``MIN_SHARE`` of the articles, and at least ``MIN_ARTICLES``, use it. Each
candidate's names form a ``Coverage`` (as the bigram concepts do), weighted by
the share of articles that use them; the selector adds the weight of the
names a candidate would newly print, so a sentence naming an actor the brief
lacks is preferred to one more sentence about actors it already names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from crosswire.summarize.concepts import Coverage
from crosswire.summarize.features import SentenceTable
from crosswire.summarize.text import STOP_WORDS

MIN_SHARE = 0.5  # of the story's articles that must use a name for it to count as widely reported
MIN_ARTICLES = 3  # and at least this many articles: two outlets sharing a name is common, three is news
_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'\-]*")
# Capitalised words that name no actor: days, months, titles, address forms.
_NOT_NAMES = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "minister", "secretary", "spokesman",
    "spokeswoman", "official", "officials", "foreign", "state", "department", "government", "news",
))  # fmt: skip


def _key(word: str) -> str:
    return re.sub(r"[’']s$", "", word).lower()


def sentence_names(text: str) -> tuple[set[str], set[str]]:
    """(names used inside the sentence, every capitalised word's key) of one text."""
    inside: set[str] = set()
    capitalised: set[str] = set()
    for number, match in enumerate(_TOKEN.finditer(text)):
        word = match.group(0)
        if not word[0].isupper() or len(word) < 3:
            continue
        key = _key(word)
        if key in STOP_WORDS or key in _NOT_NAMES:
            continue
        capitalised.add(key)
        if number > 0 and not word.isupper():
            inside.add(key)
    return inside, capitalised


def name_coverage(table: SentenceTable, printed: Sequence[str], seen: Sequence[str] = ()) -> Coverage | None:
    """The widely reported names each candidate's ``printed`` text names (None: no such name)."""
    if table.article_count < 2 or table.size == 0:
        return None
    found = [sentence_names(s.text) for s in table.sentences]
    names = set().union(*(inside for inside, _ in found))
    articles: dict[str, set[int]] = {}
    for (_, capitalised), article in zip(found, table.article_index.tolist(), strict=True):
        for key in capitalised & names:
            articles.setdefault(key, set()).add(article)
    floor = max(MIN_ARTICLES, MIN_SHARE * table.article_count)
    wide = sorted(key for key, used in articles.items() if len(used) >= floor)
    if not wide:
        return None
    index = {key: k for k, key in enumerate(wide)}
    indptr, columns = [0], []
    for text in printed:
        columns.extend(sorted({index[k] for k in sentence_names(text)[1] if k in index}))
        indptr.append(len(columns))
    incidence = sparse.csr_matrix(
        (np.ones(len(columns)), np.asarray(columns, dtype=np.int64), indptr), shape=(len(printed), len(wide))
    )
    weights = np.array([len(articles[key]) / table.article_count for key in wide], dtype=np.float64)
    covered = np.zeros(len(wide), dtype=bool)
    for text in seen:
        covered[[index[k] for k in sentence_names(text)[1] if k in index]] = True
    return Coverage(incidence, weights, covered)
