"""Stage: cross-source analysis of a story (facts, figures, claims, quotes,
timeline, entities, coverage).

Each section lives in its own module and takes the shared
``AnalysisContext``; this module only wires them together.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from crosswire.embed import Embedder
from crosswire.model import Brief


@dataclass(frozen=True)
class StoryAnalysis:
    facts: tuple[Any, ...] = ()
    figures: tuple[Any, ...] = ()
    claims: tuple[Any, ...] = ()
    quotes: tuple[Any, ...] = ()
    timeline: tuple[Any, ...] = ()
    entities: tuple[Any, ...] = ()
    coverage: tuple[Any, ...] = ()


def analyze_brief(brief: Brief, embedder: Embedder) -> Brief:
    """Fill ``brief.analysis`` and each brief sentence's ``support``."""
    return brief  # wired up once the section modules land
