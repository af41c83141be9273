"""Figures of non-English articles are left out, not misread ("2.000 vecinos" is not 2)."""

from __future__ import annotations

from crosswire.analyze.context import build_context
from crosswire.analyze.figures import extract_figures, parses_figures
from crosswire.embed import TfidfEmbedder
from crosswire.model import Article, Story
from crosswire.segment import segment_story

# Invented for this test: a fire near an invented town, in Spanish and in English.
SPANISH = (
    "El incendio obligó a evacuar a 2.000 vecinos del pueblo de Valdemora, dijeron los bomberos.\n\n"
    "Las llamas quemaron 1.500 hectáreas de monte antes del amanecer."
)
ENGLISH = "The fire forced 2,000 residents of Valdemora to leave their homes, firefighters said."


def _figures(*articles: Article) -> list[str]:
    story = segment_story(Story(id="s", headline="h", articles=articles))
    groups = extract_figures(build_context(story, TfidfEmbedder()))
    return [m.text for g in groups for m in g.mentions]


def test_spanish_figures_are_left_out() -> None:
    spanish = Article(id="a1", text=SPANISH, language="es", published="2024-07-02")
    english = Article(id="a2", text=ENGLISH, language="en", published="2024-07-02")
    mentions = _figures(spanish, english)
    assert "2,000" in mentions
    assert not any(text in {"2.000", "1.500", "2", "1.50"} for text in mentions)


def test_which_languages_parse_figures() -> None:
    assert parses_figures("en") and parses_figures(None) and parses_figures("und")
    assert not parses_figures("es") and not parses_figures("de")
