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
# The strongest few by salience (crosswire.analyze.salience); the JSON keeps every item with its score.
MAX_QUOTES = 8
MAX_FIGURES = 8
MAX_CLAIMS = 8
MAX_EVENTS = 10
MAX_ENTITIES_PER_KIND = 8
MAX_FLAGS = 3
MAX_SINGLE_SOURCE = 8
FIGURE_FLAGS = {
    "conflict": "FIGURES DISAGREE",
    "periods": "DIFFERENT PERIODS",
    "vague": "VAGUE VS EXACT",
}
# A statement made with "deny" is a denial: it must never read as if it were asserted.
DENIAL_FLAGS = {"deny": "DENIES", "reject": "REJECTS", "dispute": "DISPUTES", "refute": "REFUTES"}
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


def _numbered(flag: str, story: Story) -> str:
    """A figure flag with its articles as the reader's numbers: "'14' [1] vs '22' [2]", not their ids."""
    for number, article in enumerate(story.articles, start=1):
        flag = flag.replace(f"({article.id})", f"[{number}]")
    return flag


def figure_section(groups: Sequence[FigureGroup], story: Story) -> Section:
    shown, note = _capped(_figures_shown(groups), MAX_FIGURES, "figures")
    note = " ".join(
        ("Flagged where outlets give different numbers or periods; strongest first.", note)
    ).strip()
    items = []
    for group in shown:
        details = [_numbered(flag, story) for flag in group.flags[:MAX_FLAGS]]
        if len(group.flags) > MAX_FLAGS:
            more = len(group.flags) - MAX_FLAGS
            details.append(f"... and {more} more difference{'' if more == 1 else 's'}")
        # One line per distinct wording, with every article that uses it.
        wordings: dict[tuple[str, str | None, str | None], list[str]] = {}
        for mention in group.mentions:
            key = (mention.text, mention.time_frame, mention.source)
            wordings.setdefault(key, []).append(mention.article)
        for (text, frame, source), articles in wordings.items():
            where = f", {frame}" if frame else ""
            who = f", per {source}" if source else ""
            details.append(f"{text}{where}{who} {_refs(story, list(dict.fromkeys(articles)))}")
        if len(group.articles) > 1:
            details.insert(0, f"given by {len(group.articles)} articles")
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
    shown, note = _capped(list(claims), MAX_CLAIMS, "claims")
    items = []
    for claim in shown:
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
    return Section("claims", "Claims and denials", tuple(items), note)


def _quote_speaker(quote: Quote) -> str:
    speaker = quote.speaker or "unattributed"
    return f"{speaker} ({quote.speaker_role})" if quote.speaker_role else speaker


def quote_section(quotes: Sequence[Quote]) -> Section:
    shown, note = _capped(list(quotes), MAX_QUOTES, "quotes")  # strongest first (salience)
    items = tuple(
        Item(
            text=(f"“{q.text}”" if q.kind == "direct" else q.text) + f" — {_quote_speaker(q)}",
            citations=q.articles,
            flag=DENIAL_FLAGS.get(q.cue),
            details=(f"carried by {len(q.articles)} articles",) if len(q.articles) > 1 else (),
        )
        for q in shown
    )
    return Section("quotes", "Who said what", items, note)


def timeline_section(events: Sequence[TimelineEvent]) -> Section:
    strongest, note = _capped(list(events), MAX_EVENTS, "events")
    items = []
    for event in _by_date(strongest):
        details = []
        if event.relative:
            details.append(
                f"resolved from {', '.join(repr(m) for m in event.mentions or (event.mention,))}"
                + (" against an inferred publication date" if event.anchor_inferred else "")
            )
        if len(event.articles) > 1:
            details.insert(0, f"reported by {len(event.articles)} articles")
        items.append(
            Item(text=f"{event.date} — {event.description}", citations=event.articles, details=tuple(details))
        )
    text = "Relative dates are resolved against each article's date; the strongest events, in date order."
    return Section("timeline", "Timeline", tuple(items), " ".join((text, note)).strip())


def entity_section(entities: Sequence[Entity]) -> Section:
    items = []
    for kind, title in ENTITY_KINDS:
        members = [e for e in entities if e.kind == kind]  # strongest first (salience)
        if not members:
            continue
        shown = members[:MAX_ENTITIES_PER_KIND]
        names = "; ".join(
            e.name + (f" (also {', '.join(e.aliases)})" if e.aliases else "") + f" ×{e.mentions}"
            for e in shown
        )
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


def _figures_shown(groups: Sequence[FigureGroup]) -> list[FigureGroup]:
    """Disagreements first (a reader checks them), then the strongest figures."""
    return [g for g in groups if g.status != "single"] + [g for g in groups if g.status == "single"]


def _by_date(events: Sequence[TimelineEvent]) -> list[TimelineEvent]:
    return sorted(events, key=lambda e: (e.first, e.last))


def reader_order(analysis: StoryAnalysis) -> dict[str, Sequence[object]]:
    """Each section's items in the order Markdown and HTML rank them (the shown ones first)."""
    entities: list[Entity] = []
    for kind, _ in ENTITY_KINDS:
        entities += [e for e in analysis.entities if e.kind == kind][:MAX_ENTITIES_PER_KIND]
    shown_entities = sorted(entities, key=lambda e: -e.salience)
    rest = [e for e in analysis.entities if e not in shown_entities]
    return {
        "quotes": list(analysis.quotes),
        "figures": _figures_shown(analysis.figures),
        "claims": list(analysis.claims),
        "timeline": list(analysis.timeline),
        "entities": shown_entities + rest,
    }
