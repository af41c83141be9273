"""Ages of named people ("Geraldine Alcorn, 28," / "29-year-old Geraldine Alcorn"), one group per person.

A reader checks ages: two articles giving one person two ages is a disagreement
(the same person, the same measure). Ages of unnamed people ("the 40-year-old
mountaineer") are not grouped: nothing says two of them are one person.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from crosswire.analyze.context import AnalysisContext, doc_text
from crosswire.analyze.entities import EntityIndex
from crosswire.analyze.numbers import word_number
from crosswire.model import Entity, FigureGroup, FigureMention

_NUMBER = r"(?P<age>\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)"
# "29-year-old Geraldine Alcorn", "Twenty-eight-year-old Geraldine Alcorn"
_BEFORE_NAME = re.compile(_NUMBER + r"-year-old\s+$")
# "Geraldine Alcorn, 28," / "Kim,30," / "Salah Ali, 70, the infant's grandfather"
# ... and "Rose is 29 years old" / "Kim was 30 years old"
_AFTER_NAME = re.compile(
    r"^\s*,\s*(?:then\s+)?(?P<age>\d{1,3})\s*(?=[,)]|\s+(?:said|says|told|was|is)\b)"
    r"|^\s+(?:is|was)\s+(?P<stated>\d{1,3})\s+years?\s+old\b"
    # "Colin Kroll Dead at 34", "Jane Roe, who died at 81", "Jane Roe dies at age 81"
    r"|^(?:,?\s+(?:who\s+)?(?:is\s+|was\s+|found\s+)?(?:[Dd]ead|[Dd]ied|[Dd]ies|has\s+died)\s+at"
    r"\s+(?:the\s+age\s+of\s+|age\s+)?(?P<dead>\d{1,3})\b)"
)
_HEADLINE_VERBS = frozenset(["Dead", "Dies", "Died"])
_AT_AGE = re.compile(r"^\s+at\s+(?:age\s+)?(?P<dead>\d{1,3})\b")
# "Colin Kroll ... has died. He was 35.": a sentence that only gives an age, of the person just named.
_PRONOUN_AGE = re.compile(r"^\s*(?:He|She)\s+(?:was|is)\s+(?P<age>\d{1,3})\s*\.?\s*$")
MAX_AGE = 120


def _age(text: str) -> float | None:
    value = float(text) if text.isdigit() else word_number(text)
    return value if value is not None and 0 < value <= MAX_AGE else None


def age_mentions(ctx: AnalysisContext, index: EntityIndex) -> list[tuple[Entity, FigureMention]]:
    found = []
    for article in ctx.story.articles:
        if not ctx.on_topic(article.id):
            continue
        doc = ctx.docs[article.id]
        text = doc_text(doc)
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            entity = index.at(article.id, ent.start_char, ent.end_char, kind="person")
            if entity is None:
                continue
            window = max(0, ent.start_char - 40)
            before = _BEFORE_NAME.search(text[window : ent.start_char])
            after = _AFTER_NAME.match(text[ent.end_char : ent.end_char + 40])
            if ent.text.split()[-1] in _HEADLINE_VERBS:  # the parse took "Dead" into "Colin Kroll Dead"
                after = _AT_AGE.match(text[ent.end_char : ent.end_char + 20])
            for match, offset in ((before, window), (after, ent.end_char), _age_told_next(ctx, article.id, ent)):
                if match is None:
                    continue
                group = next(g for g, v in match.groupdict().items() if v)
                value = _age(match.group(group))
                if value is None:
                    continue
                start = offset + match.start(group)
                end = offset + match.end(group)
                sentence = next(
                    (s for s in ctx.sentences_of(article.id) if s.start <= start < s.end), None
                )
                found.append((entity, _mention(article.id, start, end, text[start:end], value, entity.name,
                                               sentence.text if sentence else "")))  # fmt: skip
    return found


def _age_told_next(ctx: AnalysisContext, article: str, ent: Any) -> tuple[re.Match[str] | None, int]:
    """ "He was 35." as the sentence after the one that names ``ent`` first among its people."""
    sentences = ctx.sentences_of(article)
    for n, sentence in enumerate(sentences[:-1]):
        if sentence.start <= ent.start_char < sentence.end:
            people = [e for e in ent.doc.ents if e.label_ == "PERSON" and sentence.start <= e.start_char < sentence.end]
            following = sentences[n + 1]
            if people and people[0] == ent:
                return _PRONOUN_AGE.match(following.text), following.start
            break
    return None, 0


def _mention(
    article: str, start: int, end: int, text: str, value: float, name: str, sentence: str
) -> FigureMention:
    return FigureMention(
        article=article, start=start, end=end, text=text, value=value, low=value, high=value,
        approximate=False, vague=False, unit="years", counts=f"age of {name}", category="age", noun="age",
        actor=name, time_frame=None, period_first=None, period_last=None, source=None, sentence=sentence,
    )  # fmt: skip


def age_groups(ctx: AnalysisContext, entities: Sequence[Entity]) -> tuple[FigureGroup, ...]:
    """One group per person whose age an article gives; "conflict" when articles give two ages."""
    by_person: dict[str, list[FigureMention]] = {}
    for entity, mention in age_mentions(ctx, EntityIndex(entities)):
        mentions = by_person.setdefault(entity.name, [])
        if not any(m.article == mention.article and m.start == mention.start for m in mentions):
            mentions.append(mention)
    groups = []
    for name, mentions in by_person.items():
        values = tuple(dict.fromkeys(f"{m.value:g}" for m in mentions))
        articles = tuple(dict.fromkeys(m.article for m in mentions))
        differ = len(values) > 1 and len(articles) > 1
        status = "conflict" if differ else ("single" if len(mentions) == 1 else "agree")
        flags = tuple(f"ages differ: {m.text!r} ({m.article})" for m in mentions) if differ else ()
        groups.append(
            FigureGroup(
                counts=f"age of {name}",
                category="age",
                unit="years",
                status=status,
                flags=flags,
                values=values,
                articles=articles,
                sources=(),
                time_frames=(),
                mentions=tuple(mentions),
            )
        )
    return tuple(groups)
