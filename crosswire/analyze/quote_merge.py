"""Quotes across articles: one record per statement, citing every article that carries it.

A quote found in one article (``ArticleQuote``: its attribution and its resolved
``Speaker``) joins another when the words are the same or nearly so (one contains
the other, or they are 80% alike) and the speakers are compatible, or when one
outlet prints only part of the same named speaker's words ("extremely disturbing").
Candidate pairs come from an index of shared word trigrams. A role given anywhere
in the story then applies to all of a person's quotes, and a description that is
exactly such a role names that person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache

from crosswire.analyze.attribution_spans import LocalAttribution
from crosswire.analyze.entities import fold
from crosswire.model import Quote, SourceSpan

MERGE_RATIO = 0.8
_SPEAKER_RANK = {"person": 3, "organization": 2, "place": 2, "description": 1, "unknown": 0}


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: str
    role: str | None


@dataclass(frozen=True)
class ArticleQuote:
    """A quote in one article, before merging across articles."""

    article: str
    attribution: LocalAttribution
    speaker: Speaker


def clean_role(text: str) -> str | None:
    text = re.sub(r"^(?:the|a|an)\s+", "", " ".join(text.split()), flags=re.IGNORECASE)
    text = text.strip(" ,;:-—–")
    return text if len(text) >= 3 and any(c.isalpha() for c in text) else None


@lru_cache(maxsize=8192)  # merging compares every pair of quotes: each text is keyed once
def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())


def same_statement(a: str, b: str) -> bool:
    """Same or near-same words: one contains the other, or they are 80% alike."""
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    short, long = sorted((ka, kb), key=len)
    if len(short.split()) >= 4 and short in long:
        return True
    matcher = SequenceMatcher(None, ka, kb, autojunk=False)
    # The quick ratios are upper bounds of ratio(); most pairs fail them cheaply.
    return (
        matcher.real_quick_ratio() >= MERGE_RATIO
        and matcher.quick_ratio() >= MERGE_RATIO
        and matcher.ratio() >= MERGE_RATIO
    )


def _compatible(a: Speaker, b: Speaker) -> bool:
    return a.name == b.name or a.kind in ("description", "unknown") or b.kind in ("description", "unknown")


def _grams(text: str) -> set[str]:
    words = _key(text).split()
    if len(words) < 3:
        return {" ".join(words)} | set(words)
    return {" ".join(words[k : k + 3]) for k in range(len(words) - 2)} | {w for w in words if len(w) > 6}


def _candidate_pairs(items: Sequence[ArticleQuote]) -> list[tuple[int, int]]:
    """Pairs of quotes that share a word trigram (or a long word): only those can be one statement.
    An inverted index instead of every pair keeps merging near-linear in the story's size."""
    index: dict[str, list[int]] = {}
    for n, item in enumerate(items):
        for gram in _grams(item.attribution.content_text):
            index.setdefault(gram, []).append(n)
    pairs: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) > 200:
            continue  # a gram in hundreds of quotes ("the united states") tells nothing
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if i != j:
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _same_speaker_part(a: ArticleQuote, b: ArticleQuote) -> bool:
    """ "extremely disturbing" in one outlet, the whole sentence in another, by the same named speaker."""
    if a.speaker.name != b.speaker.name or a.speaker.kind not in ("person", "organization"):
        return False
    short, long = sorted((_key(a.attribution.content_text), _key(b.attribution.content_text)), key=len)
    return len(short.split()) >= 2 and f" {short} " in f" {long} "


def merge_quotes(items: Sequence[ArticleQuote]) -> tuple[Quote, ...]:
    """One Quote per statement, citing every article that carries it."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(items):
        a, b = items[i], items[j]
        if find(i) == find(j) or not _compatible(a.speaker, b.speaker):
            continue
        if same_statement(a.attribution.content_text, b.attribution.content_text) or _same_speaker_part(a, b):
            parent[find(j)] = find(i)
    groups: dict[int, list[ArticleQuote]] = {}
    for i, item in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    quotes = [_merged(group) for group in groups.values()]
    order = {id(q): n for n, q in enumerate(quotes)}
    return tuple(sorted(quotes, key=lambda q: (-len(q.articles), order[id(q)])))


def _merged(group: list[ArticleQuote]) -> Quote:
    best = max(group, key=lambda q: (_SPEAKER_RANK[q.speaker.kind], q.attribution.kind == "direct"))
    roles = [q.speaker.role for q in group if q.speaker.role and q.speaker.name == best.speaker.name]
    direct = [q for q in group if q.attribution.kind == "direct"]
    texts = direct or group
    text = max(texts, key=lambda q: len(q.attribution.content_text)).attribution.content_text
    spans = tuple(
        SourceSpan(q.article, q.attribution.content_start, q.attribution.content_end)
        for q in sorted(group, key=lambda q: (q.article, q.attribution.content_start))
    )
    return Quote(
        text=" ".join(text.split()),
        kind="direct" if direct else "indirect",
        speaker=best.speaker.name,
        speaker_role=max(roles, key=len) if roles else None,
        cue=best.attribution.cue,
        articles=tuple(dict.fromkeys(s.article for s in spans)),
        spans=spans,
        speaker_kind=best.speaker.kind,
    )


def fill_roles(quotes: Iterable[Quote]) -> tuple[Quote, ...]:
    """A person's role given anywhere in the story applies to all their quotes, and a description
    that is exactly such a role ("a State Department spokesman") names that person."""
    quotes = tuple(quotes)
    roles: dict[str, str] = {}
    for quote in quotes:
        if quote.speaker_kind == "person" and quote.speaker_role:
            current = roles.get(quote.speaker)
            if current is None or len(quote.speaker_role) > len(current):
                roles[quote.speaker] = quote.speaker_role
    by_role: dict[str, set[str]] = {}
    for quote in quotes:
        if quote.speaker_kind == "person" and quote.speaker_role:
            for part in quote.speaker_role.split(", "):
                if len(part.split()) >= 2:
                    by_role.setdefault(_key(part), set()).add(quote.speaker)
    filled = []
    for quote in quotes:
        if quote.speaker_kind == "description":
            described = _key(clean_role(quote.speaker) or "")
            people = {
                p
                for role, names in by_role.items()
                for p in names
                if described and (described == role or described.endswith(" " + role))
            }
            if len(people) == 1:
                person = people.pop()
                quote = replace(quote, speaker=person, speaker_kind="person", speaker_role=roles.get(person))
        elif quote.speaker_kind == "person" and not quote.speaker_role:
            quote = replace(quote, speaker_role=roles.get(quote.speaker))
        filled.append(quote)
    return _merge_again(filled)


def _merge_again(quotes: list[Quote]) -> tuple[Quote, ...]:
    """After descriptions became names, the same words by the same speaker are one quote."""
    merged: list[Quote] = []
    for quote in quotes:
        home = next(
            (m for m in merged if m.speaker == quote.speaker and same_statement(m.text, quote.text)), None
        )
        if home is None:
            merged.append(quote)
            continue
        spans = tuple(sorted({*home.spans, *quote.spans}, key=lambda s: (s.article, s.start)))
        merged[merged.index(home)] = replace(
            home, spans=spans, articles=tuple(dict.fromkeys(s.article for s in spans))
        )
    return tuple(sorted(merged, key=lambda q: -len(q.articles)))
