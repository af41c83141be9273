"""Error classes found on the analysis benchmark's second held-out group (issue 18, lines 46-51), one
test each, on invented text. docs/analysis-errors.md ("Second held-out group") maps each class to its test."""

from __future__ import annotations

from crosswire.analyze.context import load_nlp
from crosswire.analyze.entities import Mention
from crosswire.analyze.entity_kinds import with_kind_of_name
from crosswire.analyze.figure_parse import parse_mention
from crosswire.analyze.numbers import find_quantities
from tests.analyze.test_error_classes import _analyse, _speaker_of

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


# ----------------------------------------------------------------------------- figures


def test_numbers_with_nouns_of_their_own_in_a_coordination_are_counted_apart() -> None:
    def parsed(text: str) -> list[tuple[str, str, str]]:
        doc = load_nlp()(text)
        return [
            (q.text, p.label, p.noun_class)
            for q in find_quantities(text)
            for p in [parse_mention(doc, q, 0, len(text))]
        ]

    assert parsed("It has four floors and six fireplaces.") == [
        ("four", "floors", "floor"),
        ("six", "fireplaces", "fireplace"),
    ]
    women, children = parsed("The dead included three women and three children.")
    assert women[2] != children[2] and "and" not in women[1]
    (both,) = parsed("Some 500 women and children fled the town.")
    assert both[1].startswith("women and children") and both[2] == "women/children"  # one count


def test_one_kind_of_count_in_two_named_places_is_two_quantities() -> None:
    analysis = _analyse(
        "Activists said 120 people were killed across Velmaria on Monday.\n\nThe army denied it.",
        "Activists said 40 people were killed in Tarsk on Monday.\n\nThe army denied it.",
    )
    assert not any(g.status == "conflict" for g in analysis.figures), [
        (g.counts, g.values) for g in analysis.figures
    ]


# ----------------------------------------------------------------------------- quotes


def test_she_goes_to_the_woman_the_sentence_before_names_not_the_man_it_names_first() -> None:
    analysis = _analyse(
        "Police have not said whether Jon Vask was responding to a call, which the manager, Ada Lind, said "
        "she made.\n\nShe said she argued with a man on a bicycle who would not leave.\n\nVask was shot soon after."
    )
    assert _speaker_of(analysis, "argued with a man") == "Ada Lind"


def test_an_honorific_tells_the_pronoun_of_a_person() -> None:
    from crosswire.analyze.speaker_gender import pronouns_of
    from crosswire.model import Entity, SourceSpan

    text = "Ms Pell met Mr. Dask. Ivo Dask, the mayor, said he would stay. Kim Oda met Ms Oda and Mr Oda."

    def person(name: str, *words: str) -> Entity:
        spans = tuple(SourceSpan("a1", i, i + len(w)) for w in words for i in [text.index(w)])
        return Entity(name, "person", (), len(spans), ("a1",), spans)

    people = [person("Mara Pell", "Pell"), person("Ivo Dask", "Dask", "Ivo Dask"), person("Kim Oda", "Oda and", "Oda.")]
    assert pronouns_of(people, "a1", text) == {"Mara Pell": "she", "Ivo Dask": "he"}  # Oda: told both ways


def test_an_age_stated_as_is_n_years_old_is_the_person_s_age() -> None:
    analysis = _analyse(
        "Officer Tam Rell died on Wednesday. Tam Rell is 29 years old and engaged to be married.\n\nHe served five years.",
        "Officer Tam Rell, 31, died on Wednesday, the college said.\n\nHis family thanked the doctors.",
    )
    ages = [g for g in analysis.figures if any(m.text == "29" for m in g.mentions)]
    assert ages and {m.value for m in ages[0].mentions} == {29.0, 31.0} and ages[0].status == "conflict"


def test_a_thing_or_two_is_not_a_count() -> None:
    assert [q.text for q in find_quantities("The producer knew a thing or two about apes.")] == []
    assert [q.text for q in find_quantities("She rested a day or two before the 12 races.")] == ["12"]
    assert [q.text for q in find_quantities("The rooms had beds for one or two guests.")]  # a vague count stays
