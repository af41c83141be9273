"""Figures across the story: what each number counts, who gives it, for which
period, grouped by the count they describe, with disagreements flagged.

A mention's *count* is its counted noun ("civilians") plus the predicate
class of its clause ("killed"); its *actor* is who did it ("Russian air
strikes"); its *time frame* the period it covers ("since September 30").
Mentions join one group only when all of these are compatible and their
values are within ``MAX_SCOPE_RATIO`` of each other: a count 100x another
is a different scope (a whole war vs one campaign), not a disagreement.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from crosswire.analyze.ages import age_groups
from crosswire.analyze.context import AnalysisContext
from crosswire.analyze.cosine_scale import on_scale
from crosswire.analyze.dates import find_date_mentions, narrow_to_part, parse_anchor, resolve
from crosswire.analyze.figure_parse import COUNT_CATEGORIES, MentionParse, parse_mention
from crosswire.analyze.numbers import Quantity, describe, find_quantities, overlap
from crosswire.analyze.reuse import encode_kept
from crosswire.embed import Embedder
from crosswire.ingest.language import read_as_english
from crosswire.model import Entity, FigureGroup, FigureMention, Sentence

MAX_SCOPE_RATIO = 10.0
# Counted things outside the known categories ("homes destroyed") match when
# their labels are this close (cosine), with the same predicate or without.
# TF-IDF vectors of short labels score synonyms ("homes"/"houses") far lower.
SAME_COUNT_SIMILARITY = {"all-MiniLM-L6-v2": (0.6, 0.75), "tfidf-hashing": (0.3, 0.6)}
DEFAULT_COUNT_SIMILARITY = (0.6, 0.75)


def _sentence_at(sentences: tuple[Sentence, ...], start: int) -> Sentence | None:
    return next((s for s in sentences if s.start <= start < s.end), None)


def parses_figures(language: str | None) -> bool:
    """Figures are parsed with English number conventions: only in English or unknown-language text."""
    return read_as_english(language)


def figure_mentions(ctx: AnalysisContext) -> list[tuple[FigureMention, Any]]:
    """Every figure of every article, with its sentence vector."""
    out = []
    for article in ctx.story.articles:
        if not ctx.on_topic(article.id):
            continue
        if not parses_figures(article.language):
            continue  # read with English conventions, "2.000 vecinos" would be 2 (the reader warned)
        doc = ctx.docs[article.id]
        sentences = ctx.sentences_of(article.id)
        anchor = parse_anchor(article.published)
        for quantity in find_quantities(article.text):
            sentence = _sentence_at(sentences, quantity.start)
            if sentence is None:
                continue  # outside any sentence: a heading or a removed fragment
            parsed = parse_mention(doc, quantity, sentence.start, sentence.end)
            if parsed.bare:
                continue  # a number whose counted thing is unknown tells a reader nothing
            first, last = _period(article.text, parsed, anchor)
            mention = FigureMention(
                article=article.id,
                start=quantity.start,
                end=quantity.end,
                text=quantity.text,
                value=quantity.value,
                low=quantity.low,
                high=quantity.high,
                approximate=quantity.approximate,
                vague=quantity.vague,
                unit=quantity.unit,
                counts=parsed.label,
                category=parsed.category,
                noun=parsed.noun_class,
                actor=parsed.actor,
                time_frame=parsed.time_frame,
                period_first=first,
                period_last=last,
                source=parsed.source,
                sentence=sentence.text,
                place=parsed.place,
            )
            out.append((mention, ctx.vector_of(sentence)))
    return out


def _period(text: str, parsed: MentionParse, anchor: Any) -> tuple[str | None, str | None]:
    """Day bounds of the time frame ("since X" runs to the publication date)."""
    if parsed.time_frame_span is None:
        return None, None
    start, end = parsed.time_frame_span
    firsts, lasts = [], []
    frame = text[start:end]
    for mention in find_date_mentions(frame):
        resolved = resolve(mention, anchor)
        if resolved is not None:
            resolved = narrow_to_part(frame, mention, resolved)
            firsts.append(resolved.first)
            lasts.append(resolved.last)
    if not firsts:
        return None, None
    if parsed.time_frame and parsed.time_frame.lower().startswith("since"):
        return min(firsts), anchor.isoformat() if anchor else None
    return min(firsts), max(lasts)


def _magnitude_compatible(a: FigureMention, b: FigureMention) -> bool:
    a_low, a_high = a.low or a.value, a.high or a.value
    b_low, b_high = b.low or b.value, b.high or b.value
    if a_low <= b_high and b_low <= a_high:
        return True
    smaller, larger = (a_high, b_low) if a_high < b_low else (b_high, a_low)
    return larger <= MAX_SCOPE_RATIO * max(smaller, 1.0)


def _same_article_compatible(a: FigureMention, b: FigureMention) -> bool:
    """One article giving two incompatible numbers is counting two things; so is one article naming
    two things for two values ("more than $10 million in revenue" and "a $100 million valuation")."""
    if a.article != b.article:
        return True
    if a.sentence == b.sentence and (a.low, a.high) != (b.low, b.high):
        return False  # "a 10 percent excise tax, and sales tax of over 8 percent": one sentence, two things
    named_apart = a.noun != b.noun and a.noun != a.unit and b.noun != b.unit
    if named_apart and (a.low, a.high) != (b.low, b.high):
        return False
    return overlap(_quantity(a), _quantity(b))


def _actors_compatible(a: FigureMention, b: FigureMention) -> bool:
    if not a.actor or not b.actor:
        return True
    return bool(set(a.actor.split()) & set(b.actor.split()))


def _same_count(
    a: FigureMention, b: FigureMention, similarity: float, thresholds: tuple[float, float]
) -> bool:
    if a.unit != b.unit:
        return False
    same_predicate, any_predicate = thresholds
    if a.unit is not None:  # amounts: same unit, and what they measure alike when both are known
        if a.noun in (a.unit, b.noun) or b.noun == b.unit:
            return True
        return similarity >= same_predicate
    if a.category in COUNT_CATEGORIES or b.category in COUNT_CATEGORIES:
        return a.category == b.category and a.noun == b.noun
    if a.noun == b.noun and a.category == b.category:
        return True
    return similarity >= (same_predicate if a.category == b.category else any_predicate)


# Words that make a count a part of another: "two other men arrested" beside "four people arrested".
_PART_WORDS = frozenset({"other", "more", "another", "additional", "further", "remaining", "extra"})


def _counts_a_part(mention: FigureMention) -> bool:
    return not _PART_WORDS.isdisjoint(mention.counts.lower().split())


# Two different numbers are one quantity in dispute only when the sentences say the same thing and
# the labels agree: different quantities with the same unit ("an offer price" and "an intraday
# peak", "a rise since 2016" and "a fall on Monday") read alike only in their unit.
CONFLICT_SENTENCE_SIMILARITY = 0.6
CONFLICT_LABEL_SIMILARITY = 0.8


def _evidence_of_one_thing(
    a: FigureMention,
    b: FigureMention,
    sentences: float | None,
    labels: float,
    cuts: tuple[float, float] = (CONFLICT_SENTENCE_SIMILARITY, CONFLICT_LABEL_SIMILARITY),
) -> bool:
    """Whether two mentions give one quantity; ``sentences`` None asks whether they could (their
    sentences' likeness is the only test left)."""
    if a.place and b.place and not set(a.place.split()) & set(b.place.split()):
        return False  # "killed across Syria" and "killed in Homs": counts of two places
    if overlap(_quantity(a), _quantity(b)):
        return True  # agreeing figures need no more than the label
    if _counts_a_part(a) != _counts_a_part(b):
        return False  # a part and the whole ("two other men" were arrested of "four people"): two counts
    if a.category in COUNT_CATEGORIES and a.category == b.category and a.noun == b.noun:
        return True  # the toll of one event ("killed" people): its counts are one quantity
    if a.time_frame and b.time_frame and a.time_frame != b.time_frame:
        return False  # one number for one period, another for another: not one quantity
    if a.unit is not None and a.noun == a.unit and b.noun == b.unit:
        return False  # "$3,587" and "$1,973" with nothing named: no sign they are one amount
    alike = sentences is None or sentences >= cuts[0]
    return alike and (labels >= cuts[1] or a.counts == b.counts)


Apart = frozenset[tuple[str | None, float, float]]


def told_apart(mentions: Sequence[FigureMention]) -> Apart:
    """(unit, value, value) of two values one sentence gives side by side ("the 15 percent cultivation
    tax ..., while the 10 percent sales tax"): the story tells them apart as two quantities, so another
    article's same two values are those two as well, not one value in dispute."""
    by_sentence: dict[tuple[str, str], list[FigureMention]] = {}
    for mention in mentions:
        if not mention.vague:
            by_sentence.setdefault((mention.article, mention.sentence), []).append(mention)
    apart: set[tuple[str | None, float, float]] = set()
    for group in by_sentence.values():
        for x, a in enumerate(group):
            for b in group[x + 1 :]:
                if a.unit == b.unit and a.value != b.value and not overlap(_quantity(a), _quantity(b)):
                    apart.add((a.unit, min(a.value, b.value), max(a.value, b.value)))
    return frozenset(apart)


def _compatible(
    a: FigureMention,
    b: FigureMention,
    sentences: float | None,
    labels: float,
    thresholds: tuple[float, float],
    cuts: tuple[float, float],
    apart: Apart = frozenset(),
) -> bool:
    """Whether ``a`` and ``b`` may share a group (``sentences`` None: on every test but the sentences')."""
    return (
        (a.unit, min(a.value, b.value), max(a.value, b.value)) not in apart
        and _same_count(a, b, labels, thresholds)
        and _actors_compatible(a, b)
        and _same_article_compatible(a, b)
        and _magnitude_compatible(a, b)
        and _evidence_of_one_thing(a, b, sentences, labels, cuts)
    )


def _label_vectors(mentions: Sequence[FigureMention], embedder: Embedder) -> np.ndarray:
    names = list(dict.fromkeys(m.counts for m in mentions))
    unique = encode_kept(embedder, names)  # a grown story's labels come from the process's cache
    row = {name: n for n, name in enumerate(names)}
    return np.asarray(unique[[row[m.counts] for m in mentions]])


def _scales(embedder: Embedder) -> tuple[tuple[float, float], tuple[float, float]]:
    """The label thresholds of ``_same_count`` and the cuts of ``_evidence_of_one_thing``."""
    thresholds = SAME_COUNT_SIMILARITY.get(embedder.name) or _on_label_scale(
        DEFAULT_COUNT_SIMILARITY, embedder
    )
    cuts = (
        on_scale(CONFLICT_SENTENCE_SIMILARITY, embedder),
        on_scale(CONFLICT_LABEL_SIMILARITY, embedder, "label"),
    )
    return thresholds, cuts


def compared_mentions(mentions: Sequence[FigureMention], embedder: Embedder) -> list[bool]:
    """For each mention, whether grouping will read its sentence vector: only a mention that some
    other could join on every test but the sentences' (a group's members are pairwise compatible,
    and its score compares members' sentences). The figures' own model encodes just these."""
    labels = _label_vectors(mentions, embedder)
    thresholds, cuts = _scales(embedder)
    apart = told_apart(mentions)
    by_unit: dict[str | None, list[int]] = {}
    for n, mention in enumerate(mentions):
        by_unit.setdefault(mention.unit, []).append(n)  # _same_count needs one unit
    compared = [False] * len(mentions)
    for rows in by_unit.values():
        likeness = labels[rows] @ labels[rows].T
        for x, i in enumerate(rows):
            for y in range(x + 1, len(rows)):
                j = rows[y]
                if compared[i] and compared[j]:
                    continue
                if _compatible(mentions[i], mentions[j], None, float(likeness[x, y]), thresholds, cuts, apart):
                    compared[i] = compared[j] = True
    return compared


def group_figures(items: list[tuple[FigureMention, Any]], embedder: Embedder) -> list[list[FigureMention]]:
    """Greedy complete-linkage grouping: a mention joins the group it is
    compatible with in full, most similar first."""
    if not items:
        return []
    labels = _label_vectors([m for m, _ in items], embedder)
    thresholds, cuts = _scales(embedder)
    apart = told_apart([m for m, _ in items])
    order = sorted(
        range(len(items)), key=lambda i: (items[i][0].vague, items[i][0].actor is None, items[i][0].article)
    )
    groups: list[list[int]] = []
    for i in order:
        mention, vector = items[i]
        best, best_score = None, -1.0
        for group in groups:
            compatible = all(
                _compatible(
                    mention,
                    items[j][0],
                    float(vector @ items[j][1]),
                    float(labels[i] @ labels[j]),
                    thresholds,
                    cuts,
                    apart,
                )
                for j in group
            )
            if not compatible:
                continue
            score = max(float(vector @ items[j][1]) for j in group)
            if score > best_score:
                best, best_score = group, score
        if best is None:
            groups.append([i])
        else:
            best.append(i)
    return [
        [items[i][0] for i in sorted(g, key=lambda k: (items[k][0].article, items[k][0].start))]
        for g in groups
    ]


def _frame_key(mention: FigureMention) -> tuple[str | None, str | None] | None:
    if mention.time_frame is None:
        return None
    return (mention.period_first, mention.period_last) if mention.period_first else (mention.time_frame, None)


def _quantity(mention: FigureMention) -> Quantity:
    return Quantity(
        mention.start, mention.end, mention.text, mention.value, mention.low, mention.high,
        mention.approximate, mention.vague, None, mention.unit,
    )  # fmt: skip


def assess(mentions: list[FigureMention]) -> tuple[str, tuple[str, ...]]:
    """The group's status and human-readable flags."""
    if len(mentions) == 1:
        return "single", ()
    flags: list[str] = []
    status = "agree"
    rank = {"agree": 0, "vague": 1, "periods": 2, "conflict": 3}
    for index, a in enumerate(mentions):
        for b in mentions[index + 1 :]:
            frames_differ = (
                _frame_key(a) is not None and _frame_key(b) is not None and _frame_key(a) != _frame_key(b)
            )
            compatible = overlap(_quantity(a), _quantity(b))
            pair = f"{a.text!r} ({a.article}) vs {b.text!r} ({b.article})"
            if frames_differ:
                same_number = a.value == b.value
                note = "the same number for different periods" if same_number else "different periods"
                flags.append(
                    f"{note}: {a.text!r} {a.time_frame} ({a.article}) vs {b.text!r} {b.time_frame} ({b.article})"
                )
                verdict = "periods"
            elif not compatible:
                flags.append(f"conflicting values: {pair}")
                verdict = "conflict"
            elif a.vague or b.vague or a.high is None or b.high is None or a.low is None or b.low is None:
                if a.value != b.value or a.vague != b.vague:
                    flags.append(f"consistent but vague: {pair}")
                verdict = "vague" if (a.vague or b.vague or a.value != b.value) else "agree"
            else:
                verdict = "agree"
            if rank[verdict] > rank[status]:
                status = verdict
    return status, tuple(dict.fromkeys(flags))


def extract_figures(ctx: AnalysisContext, entities: Sequence[Entity] = ()) -> tuple[FigureGroup, ...]:
    """Figure groups of the story, those reported by most articles first; people's ages by person."""
    ages = age_groups(ctx, entities) if entities else ()
    taken = {(m.article, m.start) for g in ages for m in g.mentions}
    items = [
        (m, v)
        for m, v in figure_mentions(ctx)
        if not any(a == m.article and m.start <= s < m.end for a, s in taken)
    ]
    if ctx.figure_embedder is not None and items:
        items = _own_sentence_vectors(items, ctx.figure_embedder)
    groups = group_figures(items, ctx.figure_embedder or ctx.embedder)
    result = []
    for mentions in groups:
        status, flags = assess(mentions)
        label = _group_label(mentions)
        result.append(
            FigureGroup(
                counts=label,
                category=mentions[0].category,
                unit=mentions[0].unit,
                status=status,
                flags=flags,
                values=tuple(dict.fromkeys(describe(_quantity(m)) for m in mentions)),
                articles=tuple(dict.fromkeys(m.article for m in mentions)),
                sources=tuple(dict.fromkeys(m.source for m in mentions if m.source)),
                time_frames=tuple(dict.fromkeys(m.time_frame for m in mentions if m.time_frame)),
                mentions=tuple(mentions),
            )
        )
    result.extend(ages)
    return tuple(sorted(result, key=lambda g: (-len(g.articles), -len(g.mentions), g.mentions[0].article)))


def _own_sentence_vectors(
    items: list[tuple[FigureMention, Any]], embedder: Embedder
) -> list[tuple[FigureMention, Any]]:
    """The figures' sentences again with their own model, in one batch, only those grouping compares
    (the rest keep a zero row it never reads); the labels follow in group_figures."""
    compared = compared_mentions([m for m, _ in items], embedder)
    wanted = list(dict.fromkeys(m.sentence for (m, _), c in zip(items, compared, strict=True) if c))
    vectors = dict(zip(wanted, encode_kept(embedder, wanted), strict=True)) if wanted else {}
    width = next(iter(vectors.values())).shape[0] if vectors else 1
    blank = np.zeros(width, dtype=np.float32)
    return [
        (m, vectors.get(m.sentence, blank) if c else blank) for (m, _), c in zip(items, compared, strict=True)
    ]


def _group_label(mentions: list[FigureMention]) -> str:
    """The most specific label among the group's precise mentions."""
    precise = [m for m in mentions if not m.vague] or mentions
    labels = [m.counts for m in precise]
    # dict.fromkeys, not set: ties go to the earliest mention, the same in every process.
    return max(dict.fromkeys(labels), key=lambda label: (labels.count(label), len(label)))


def _on_label_scale(thresholds: tuple[float, float], embedder: Embedder) -> tuple[float, float]:
    same_predicate, any_predicate = thresholds
    return on_scale(same_predicate, embedder, "label"), on_scale(any_predicate, embedder, "label")
