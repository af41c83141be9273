"""Renderers: one brief list in, one document out (markdown, json, html)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from crosswire.errors import CrosswireError
from crosswire.model import Article, Brief
from crosswire.render.html import render_html
from crosswire.render.json import render_json
from crosswire.render.markdown import render_markdown

RENDERERS: dict[str, Callable[[Sequence[Brief], Sequence[Article]], str]] = {
    "markdown": render_markdown,
    "json": render_json,
    "html": render_html,
}


def render(briefs: Sequence[Brief], output_format: str, singletons: Sequence[Article] = ()) -> str:
    """One document of ``briefs`` (largest story first) and the articles that joined no story."""
    try:
        renderer = RENDERERS[output_format]
    except KeyError:
        raise CrosswireError(
            f"unknown output format {output_format!r}; choose one of {', '.join(RENDERERS)}"
        ) from None
    return renderer(briefs, singletons)
