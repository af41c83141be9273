"""Error classes found on the analysis benchmark's second held-out group (issue 18, lines 46-51), one
test each, on invented text. docs/analysis-errors.md ("Second held-out group") maps each class to its test."""

from __future__ import annotations

from crosswire.analyze.entities import Mention
from crosswire.analyze.entity_kinds import with_kind_of_name
from tests.analyze.test_error_classes import _analyse

# ----------------------------------------------------------------------------- entities


def _kind(text: str, label: str, placed: frozenset[str] = frozenset(), bodies: frozenset[str] = frozenset()) -> str:
    return with_kind_of_name(Mention(text, label, "a1", 0, len(text)), set(placed), set(bodies)).label


def test_a_name_ending_in_a_street_word_is_a_street() -> None:
    assert _kind("Tarrow St.", "PERSON") == "LOC"
    assert _kind("Velm Boulevard", "ORG") == "LOC"
    assert _kind("Tarrow", "PERSON") == "PERSON"  # one word: a surname, not a street


def test_a_person_tagged_name_ending_in_a_body_word_is_an_organisation() -> None:
    assert _kind("Varnow State University", "PERSON") == "ORG"
    assert _kind("Varnow State", "PERSON", bodies=frozenset(["Varnow State University"])) == "ORG"
    # a person who shares the first words of a company's name stays a person
    assert _kind("Ola Berg", "PERSON", bodies=frozenset(["Ola Berg Holdings"])) == "PERSON"


def test_a_name_the_parse_shows_qualifying_a_place_noun_is_a_place() -> None:
    assert _kind("Baba Tor", "PERSON", placed=frozenset(["Baba Tor"])) == "GPE"
    analysis = _analyse(
        "Shelling hit the Kessar Dun neighborhood of Velmar on Monday, residents said.\n\n"
        "Aid convoys reached the suburb of Kessar Dun but left without the wounded.\n\n"
        "Officials said Kessar Dun had been without power for a week."
    )
    kinds = {e.name: e.kind for e in analysis.entities}
    assert kinds.get("Kessar Dun", "place") == "place", kinds
