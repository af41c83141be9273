"""Statuses a later report overtakes: "No arrests have yet been made" once "Four were arrested".

A *pending status* says an event has not (yet, so far) happened: "no NOUN has/have (yet) been
VERBed", "has/have not (yet) been VERBed", "has yet to VERB", "not yet VERBed". Its *event stems*
are the participle's stem, or the noun's when the verb is a light one ("made", "given", "reported").
A sentence *reports* the event when it holds one of those stems and is no pending status itself.

A pending status is *superseded* when another sentence, from an article dated no earlier (an
undated one counts as same-dated), reports its event: printing both tells the reader two
states of one fact, the stale one as news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from crosswire.summarize.text import content_stems

if TYPE_CHECKING:
    from crosswire.summarize.features import SentenceTable

# Verbs that say little on their own: the noun carries the event ("No arrests have been made").
_LIGHT = frozenset(
    content_stems("made make given give taken take done do reported announced released filed issued brought")
)
_SO_FAR = r"(?:(?:yet|so far|still|as yet)\s+)?"
_NOT = r"(?:\s*n[o’']t|\s+not)"
_PARTICIPLE = r"[a-z]+ed|made|given|taken|done|brought|found|held|seen|known|shown"
# Present perfect and "yet to" only: "had not yet asked" is a story's past, no status of today.
_PENDING = re.compile(
    rf"\b[Nn]o\s+(?:(?P<noun>[a-z]+)\s+)?(?:has|have)\s+{_SO_FAR}been\s+{_SO_FAR}(?P<verb>{_PARTICIPLE})\b"
    rf"|\b(?:has|have){_NOT}\s+{_SO_FAR}(?:been\s+)?{_SO_FAR}(?P<verb2>{_PARTICIPLE})\b"
    rf"|\b(?:has|have|is|are)\s+yet\s+to\s+(?:be\s+)?(?P<verb3>[a-z]+)\b"
)
_ONE = frozenset({"one", "word", "decision", "comment", "sign", "indication", "evidence", "reason"})
_CLAUSE_END = re.compile(r"[,;:.!?]|\b(?:and|but|because|since|as|while|police|officials|authorities)\b")
_NUMBER = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|several|many)"
_WORD = re.compile(r"[A-Za-z]+")
# A form that tells the event happened: a past form not after "to (be)" or a negation, or a counted noun.
_NOT_DONE = re.compile(r"(?:\bto(?:\s+be)?|\bnot|n[’']t|\bno|\bnever|\byet)\s+$", re.IGNORECASE)
_COUNTED = re.compile(rf"\b{_NUMBER}\s+(?:[a-z]+\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Pending:
    """A pending status: the event's stems, and the stems of what it is about ("with X's death")."""

    event: frozenset[str]
    about: frozenset[str]


def pending_status(text: str) -> Pending | None:
    """The pending status ``text`` states, or None."""
    match = _PENDING.search(text)
    if match is None:
        return None
    verb = next(v for v in match.group("verb", "verb2", "verb3") if v)
    noun = match.group("noun")
    event = set(content_stems(verb)) - _LIGHT
    if noun and noun not in _ONE:
        event |= set(content_stems(noun))
    if not event:
        return None
    rest = text[match.end() :]
    end = _CLAUSE_END.search(rest)
    return Pending(frozenset(event), frozenset(content_stems(rest[: end.start()] if end else rest)) - event)


def pending_event(text: str) -> frozenset[str]:
    """The event stems of a pending status in ``text`` (empty when it states none)."""
    status = pending_status(text)
    return status.event if status is not None else frozenset()


def reports(text: str, status: Pending | frozenset[str]) -> bool:
    """Whether ``text`` tells that the event happened: a past form of it ("were arrested", not "to be
    arrested") or a counted noun ("four arrests"), about the same thing, in no pending status itself."""
    pending = status if isinstance(status, Pending) else Pending(frozenset(status), frozenset())
    if not pending.event or pending_status(text) is not None:
        return False
    if pending.about and not pending.about & set(content_stems(text)):
        return False
    for word in _WORD.finditer(text):
        if not set(content_stems(word.group(0))) & pending.event:
            continue
        before = text[: word.start()]
        lower = word.group(0).lower()
        past = (lower.endswith("ed") or lower in _IRREGULAR) and not _NOT_DONE.search(before)
        if past or _COUNTED.search(before):
            return True
    return False


_IRREGULAR = frozenset({"found", "held", "seen", "known", "shown", "caught", "taken", "given", "made"})


def overtaken_pairs(texts: Sequence[str], days: Sequence[str]) -> list[tuple[int, int]]:
    """``(r, p)`` for each text r that reports text p's pending status as having happened, r being of
    the same or a later day (``days``: ISO date or "" when undated, which counts as same-dated)."""
    statuses = [pending_status(t) for t in texts]
    if not any(statuses):
        return []
    # What ``reports`` needs of a text before it reads it word by word, once per text rather than
    # once per (text, status) pair: whether it states a status itself, its stems and its words' stems.
    stems = [frozenset(content_stems(t)) for t in texts]
    word_stems = [_word_stems(t) for t in texts]
    return [
        (r, p)
        for p, status in enumerate(statuses)
        if status is not None
        for r in range(len(texts))
        if r != p
        and statuses[r] is None
        and (not status.about or status.about & stems[r])
        and status.event & word_stems[r]
        and (not days[p] or not days[r] or days[r] >= days[p])
        and reports(texts[r], status)
    ]


def _word_stems(text: str) -> frozenset[str]:
    """The content stems of ``text``'s words as ``reports`` reads them one by one."""
    return frozenset(stem for word in _WORD.findall(text) for stem in content_stems(word))


def superseded(texts: Sequence[str], days: Sequence[str]) -> list[bool]:
    """One flag per text: a pending status that a text of the same or a later day reports as having happened."""
    stale = {p for _, p in overtaken_pairs(texts, days)}
    return [i in stale for i in range(len(texts))]


def overtaking(table: SentenceTable, texts: Sequence[str], same_fact: np.ndarray | None) -> np.ndarray | None:
    """``same_fact`` (the selector's ``[i, j]``: once i is chosen, j is not taken) with ``[r, p]`` set
    for each candidate r that overtakes candidate p's pending status (``texts``: the printed candidates).

    One way only: the report of what happened is the news, the stale status never joins it; a status
    chosen first does not keep out its report (the measure then counts the brief).
    """
    days = {a.id: (a.published or "")[:10] for a in table.story.articles}
    pairs = overtaken_pairs(texts, [days[s.article_id] for s in table.sentences])
    if not pairs:
        return same_fact
    found = np.zeros((len(texts), len(texts)), dtype=bool) if same_fact is None else same_fact.copy()
    for r, p in pairs:
        found[r, p] = True
    return found
