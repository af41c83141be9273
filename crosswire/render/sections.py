"""Analysis sections as view items, shared by the Markdown and HTML writers.

Long lists are capped for reading; the JSON output always has everything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from crosswire.model import (
    ArticleCoverage,
    Brief,
    Claim,
    Entity,
    Fact,
    FigureGroup,
    Quote,
    Story,
    StoryAnalysis,
    TimelineEvent,
)
from crosswire.render.view import Item, Section

T = TypeVar("T")

MAX_FACTS = 10
MAX_QUOTES = 15
MAX_ENTITIES_PER_KIND = 12
MAX_FLAGS = 3
MAX_SINGLE_FIGURES = 12
MAX_SINGLE_SOURCE = 8
FIGURE_FLAGS = {
    "conflict": "FIGURES DISAGREE",
    "periods": "DIFFERENT PERIODS",
    "vague": "VAGUE VS EXACT",
}
ENTITY_KINDS = (("person", "People"), ("organization", "Organisations"), ("place", "Places"))


def _capped(items: Sequence[T], limit: int, noun: str) -> tuple[Sequence[T], str]:
    if len(items) <= limit:
        return items, ""
    return items[:limit], f"{limit} of {len(items)} {noun} shown; the JSON output lists all."


def _fact_items(facts: Sequence[Fact]) -> tuple[Item, ...]:
    return tuple(Item(text=f.text, citations=f.support) for f in facts)


def fact_sections(facts: Sequence[Fact], brief: Brief) -> tuple[Section, ...]:
    confirmed, note = _capped([f for f in facts if f.corroborated], MAX_FACTS, "corroborated facts")
    # What the reader of the brief most needs flagged: its own single-source lines.
    lonely = [s for s in brief.sentences if len(s.support or s.citations) < 2]
    single = [f for f in facts if not f.corroborated]
    return (
        Section("confirmed", "Confirmed by several outlets", _fact_items(confirmed), note),
        Section(
            "single-source",
            "Resting on one outlet",
            tuple(Item(text=s.text, citations=s.citations) for s in lonely[:MAX_SINGLE_SOURCE]),
            f"Brief sentences no other article supports. In all, {len(single)} statements of the story "
            "appear in one article only; see 'How coverage differs'.",
        ),
    )


def _refs(story: Story, article_ids: Sequence[str]) -> str:
    numbers = {a.id: n for n, a in enumerate(story.articles, start=1)}
    return "".join(f"[{numbers.get(a, '?')}]" for a in article_ids)


def figure_section(groups: Sequence[FigureGroup], story: Story) -> Section:
    single = [g for g in groups if g.status == "single"]
    shown = [g for g in groups if g.status != "single"] + single[:MAX_SINGLE_FIGURES]
    note = "Flagged where outlets give different numbers or periods."
    if len(single) > MAX_SINGLE_FIGURES:
        note += f" {MAX_SINGLE_FIGURES} of {len(single)} figures reported once are shown; the JSON output lists all."
    items = []
    for group in shown:
        details = list(group.flags[:MAX_FLAGS])
        if len(group.flags) > MAX_FLAGS:
            details.append(f"... and {len(group.flags) - MAX_FLAGS} more differences")
        # One line per distinct wording, with every article that uses it.
        wordings: dict[tuple[str, str | None, str | None], list[str]] = {}
        for mention in group.mentions:
            key = (mention.text, mention.time_frame, mention.source)
            wordings.setdefault(key, []).append(mention.article)
        for (text, frame, source), articles in wordings.items():
            where = f", {frame}" if frame else ""
            who = f", per {source}" if source else ""
            details.append(f"{text}{where}{who} {_refs(story, list(dict.fromkeys(articles)))}")
        items.append(
            Item(
                text=f"{group.counts}: {' vs '.join(group.values)}",
                citations=group.articles,
                flag=FIGURE_FLAGS.get(group.status),
                details=tuple(details),
            )
        )
    return Section("figures", "Figures", tuple(items), note)


def claim_section(claims: Sequence[Claim], story: Story) -> Section:
    items = []
    for claim in claims:
        who = claim.claimant or "someone"
        against = f" against {claim.accused}" if claim.accused else ""
        details = tuple(
            f"{counter.kind}: {counter.party or 'unnamed'}"
            + (f" (blames {counter.culprit})" if counter.culprit else "")
            + f" — {counter.statement} {_refs(story, counter.articles)}"
            for counter in claim.counters
        )
        items.append(
            Item(
                text=f"{who}{against}: {claim.statement}",
                citations=claim.articles,
                flag="DISPUTED" if claim.counters else None,
                details=details,
            )
        )
    return Section("claims", "Claims and denials", tuple(items))


def _quote_speaker(quote: Quote) -> str:
    speaker = quote.speaker or "unattributed"
    return f"{speaker} ({quote.speaker_role})" if quote.speaker_role else speaker


def quote_section(quotes: Sequence[Quote]) -> Section:
    ordered = sorted(quotes, key=lambda q: (q.kind != "direct", -len(q.articles)))
    shown, note = _capped(ordered, MAX_QUOTES, "quotes")
    items = tuple(
        Item(
            text=(f"“{q.text}”" if q.kind == "direct" else q.text) + f" — {_quote_speaker(q)}",
            citations=q.articles,
            details=(f"carried by {len(q.articles)} articles",) if len(q.articles) > 1 else (),
        )
        for q in shown
    )
    return Section("quotes", "Who said what", items, note)


def timeline_section(events: Sequence[TimelineEvent]) -> Section:
    items = []
    for event in sorted(events, key=lambda e: (e.first, e.last)):
        details = []
        if event.relative:
            details.append(
                f"resolved from {', '.join(repr(m) for m in event.mentions or (event.mention,))}"
                + (" against an inferred publication date" if event.anchor_inferred else "")
            )
        items.append(
            Item(text=f"{event.date} — {event.description}", citations=event.articles, details=tuple(details))
        )
    return Section(
        "timeline", "Timeline", tuple(items), "Relative dates are resolved against each article's date."
    )


def entity_section(entities: Sequence[Entity]) -> Section:
    items = []
    for kind, title in ENTITY_KINDS:
        members = sorted((e for e in entities if e.kind == kind), key=lambda e: -e.mentions)
        if not members:
            continue
        shown = members[:MAX_ENTITIES_PER_KIND]
        names = "; ".join(e.name + (f" (also {', '.join(e.aliases)})" if e.aliases else "") for e in shown)
        more = f"; and {len(members) - len(shown)} more" if len(members) > len(shown) else ""
        items.append(Item(text=f"{title}: {names}{more}"))
    return Section("entities", "People, organisations and places", tuple(items))


def coverage_section(coverage: Sequence[ArticleCoverage], story: Story) -> Section:
    items = []
    for entry in coverage:
        article = story.article(entry.article)
        label = article.outlet or article.title or article.source
        details = [f"only here: {text}" for text in entry.exclusive_text[:3]]
        if len(entry.exclusive_text) > 3:
            details.append(f"... and {len(entry.exclusive_text) - 3} more statements only here")
        details.extend(f"leaves out: {text}" for text in entry.missing_text[:3])
        items.append(
            Item(
                text=f"{label}: {entry.facts} statements, {entry.shared} shared with other articles, "
                f"{len(entry.exclusive)} only here, {len(entry.missing)} widely reported ones left out",
                citations=(entry.article,),
                details=tuple(details),
            )
        )
    return Section("coverage", "How coverage differs", tuple(items))


def analysis_sections(brief: Brief) -> tuple[Section, ...]:
    analysis: StoryAnalysis | None = brief.analysis
    if analysis is None:
        return ()
    builders: list[Callable[[], Section | tuple[Section, ...]]] = [
        lambda: fact_sections(analysis.facts, brief),
        lambda: figure_section(analysis.figures, brief.story),
        lambda: claim_section(analysis.claims, brief.story),
        lambda: quote_section(analysis.quotes),
        lambda: timeline_section(analysis.timeline),
        lambda: entity_section(analysis.entities),
        lambda: coverage_section(analysis.coverage, brief.story),
    ]
    sections: list[Section] = []
    for build in builders:
        built = build()
        sections.extend(built if isinstance(built, tuple) else (built,))
    return tuple(s for s in sections if s.items or s.note)
