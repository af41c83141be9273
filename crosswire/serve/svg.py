"""Pictures drawn on the server: the story's timeline and its coverage matrix, as SVG.

Every piece of text is escaped; the markup has no script, no style attribute
and no external reference, so it passes the page's Content-Security-Policy.
"""

from __future__ import annotations

from html import escape

from crosswire.model import Brief

ROW = 28
LABEL_CHARS = 70
MAX_EVENTS = 30
MAX_FACTS = 15
MAX_OUTLETS = 12


def _cut(text: str, size: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def timeline_events(brief: Brief) -> list[tuple[str, str]]:
    """(date, what happened), oldest first: the analysis timeline, else the dated developments."""
    events: list[tuple[str, str]] = []
    if brief.analysis is not None:
        events = [(e.date, e.description or e.mention) for e in brief.analysis.timeline]
    if not events:
        events = [(d.date, d.headline) for d in brief.story.developments if d.date]
    return sorted(events, key=lambda e: e[0])[:MAX_EVENTS]


def timeline_svg(brief: Brief) -> str:
    events = timeline_events(brief)
    if not events:
        return ""
    height = ROW * len(events) + 16
    parts = [
        f'<svg class="timeline" role="img" aria-labelledby="timeline-title" viewBox="0 0 640 {height}"'
        f' width="100%" xmlns="http://www.w3.org/2000/svg"><title id="timeline-title">Timeline of the story:'
        f" {len(events)} dated developments</title>",
        f'<line x1="104" y1="8" x2="104" y2="{height - 8}" stroke="#8a8a8a" stroke-width="2"/>',
    ]
    for number, (date, text) in enumerate(events):
        y = 16 + number * ROW
        parts.append(
            f'<g class="event"><circle cx="104" cy="{y}" r="6" fill="#1f5fa8"/>'
            f'<text x="94" y="{y + 4}" text-anchor="end" font-size="12" fill="#333">{escape(date[:10])}</text>'
            f'<text x="116" y="{y + 4}" font-size="13" fill="#111">{escape(_cut(text))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def coverage_cells(brief: Brief) -> tuple[list[str], list[tuple[str, set[str]]]]:
    """Outlets (columns) and facts (rows, most supported first) with the outlets stating each."""
    if brief.analysis is None or not brief.analysis.facts:
        return [], []
    outlet_of = {a.id: a.outlet or a.title or a.id for a in brief.story.articles}
    facts = sorted(brief.analysis.facts, key=lambda f: (-len(f.support), f.id))[:MAX_FACTS]
    rows = [(f.text, {outlet_of.get(a, a) for a in f.support}) for f in facts]
    counts: dict[str, int] = {}
    for _, outlets in rows:
        for outlet in outlets:
            counts[outlet] = counts.get(outlet, 0) + 1
    for article_id in outlet_of:
        counts.setdefault(outlet_of[article_id], 0)
    columns = sorted(counts, key=lambda o: (-counts[o], o))[:MAX_OUTLETS]
    return columns, rows


def coverage_svg(brief: Brief) -> str:
    columns, rows = coverage_cells(brief)
    if not columns or not rows:
        return ""
    cell, left, top = 22, 380, 120
    width = left + cell * len(columns) + 110  # room for the slanted outlet names
    height = top + cell * len(rows) + 10
    parts = [
        f'<svg class="coverage" role="img" aria-labelledby="coverage-title" viewBox="0 0 {width} {height}"'
        f' width="100%" xmlns="http://www.w3.org/2000/svg"><title id="coverage-title">Coverage: which outlets'
        f" state each of {len(rows)} facts</title>"
    ]
    for column, outlet in enumerate(columns):
        x = left + column * cell + cell / 2
        parts.append(
            f'<text class="outlet" transform="translate({x + 4},{top - 6}) rotate(-50)" font-size="11"'
            f' fill="#333">{escape(_cut(outlet, 24))}</text>'
        )
    for row, (fact, outlets) in enumerate(rows):
        y = top + row * cell
        parts.append(f'<text x="{left - 8}" y="{y + 15}" text-anchor="end" font-size="11" fill="#111">'
                     f"{escape(_cut(fact, 60))}</text>")
        for column, outlet in enumerate(columns):
            stated = outlet in outlets
            parts.append(
                f'<rect x="{left + column * cell}" y="{y}" width="{cell - 2}" height="{cell - 2}"'
                f' fill="{"#1f5fa8" if stated else "#eceff3"}"><title>{escape(outlet)}'
                f'{" states" if stated else " does not state"}: {escape(_cut(fact, 200))}</title></rect>'
            )
    parts.append("</svg>")
    return "".join(parts)
