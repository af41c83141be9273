"""Analysis sections as view items (filled in as the analysis lands)."""

from __future__ import annotations

from crosswire.model import Brief
from crosswire.render.view import Section


def analysis_sections(brief: Brief) -> tuple[Section, ...]:
    return ()
