"""Regression tests for the error classes read on the fifth held-out group (issue 18, precision on
first sight; BENCHMARKS "Fifth held-out group"), each on invented text."""

from __future__ import annotations

from crosswire.model import StoryAnalysis
from tests.analyze.test_error_classes import _analyse


def _names(analysis: StoryAnalysis) -> set[str]:
    return {name for e in analysis.entities for name in (e.name, *e.aliases)}


# ----------------------------------------------------------------------------- entities


def test_an_acronym_s_possessive_is_not_part_of_its_name() -> None:
    analysis = _analyse(
        "Speaking on KTVX's evening show, the mayor said the bridge would reopen.\n\n"
        "KTVX's reporter asked about the cost, and KTVX's producers declined to comment."
    )
    names = _names(analysis)
    assert "KTVX" in names
    assert "KTVX's" not in names


def test_a_person_s_possessive_is_not_an_organisation_s_name() -> None:
    analysis = _analyse(
        "Dana Brecker was charged on Monday. Brecker's lawyer said she would plead not guilty.\n\n"
        "Brecker's family asked for privacy, and Brecker's neighbours described her as quiet."
    )
    assert not any(name.endswith("'s") for name in _names(analysis))


def test_a_company_named_with_its_s_keeps_it() -> None:
    analysis = _analyse(
        "Shares of McDonald's rose on Tuesday after McDonald's said sales grew.\n\n"
        "A spokesman for McDonald's said the chain would open ten stores."
    )
    assert "McDonald's" in _names(analysis)
