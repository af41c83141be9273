"""Error classes found on the analysis benchmark's seventh held-out group (issue 18), one test each, on
invented text. docs/analysis-errors.md ("Seventh held-out group") maps each class to its test."""

from __future__ import annotations

from crosswire.analyze.numbers import find_quantities
from tests.analyze.test_error_classes import _analyse, _inferred_publication, _speaker_of

# ----------------------------------------------------------------------------- quotes


def test_he_after_a_sentence_whose_subject_is_a_bare_surname_is_that_person() -> None:
    analysis = _analyse(
        "Committee chairman Dale Camp, a Tarsk Republican, voted for the referral on Wednesday.\n\n"
        'Lawyer Ivo Kast said the release was unfair. "Ms. Darra has done nothing wrong," Kast said.\n\n'
        "Camp defended the release.\n\n"
        '"We have a right and obligation to oversee the agency," he said.'
    )
    assert _speaker_of(analysis, "right and obligation") == "Dale Camp"


def test_he_of_a_verb_joined_to_a_speech_verb_is_that_verb_s_subject() -> None:
    analysis = _analyse(
        "Senator Vik Dorran spoke on Tarsk Radio on Sunday about the budget deal with President Pell.\n\n"
        "Vik Dorran said on Tarsk Radio that Pell would still insist on a balanced package that includes tax "
        "reform, and he noted that the president still does not support anything that would cut benefits "
        "for seniors."
    )
    assert _speaker_of(analysis, "does not support anything") == "Vik Dorran"


# ----------------------------------------------------------------------------- figures


def test_a_cancer_s_stage_and_a_tax_code_section_are_no_counts() -> None:
    text = (
        "Lars Venn died after a yearlong battle with stage 4 cancer; he had stage four adrenal cancer. "
        "Under the rules, 501(c)(4) groups must promote social welfare, and 3 of them were audited."
    )
    assert [q.text for q in find_quantities(text)] == ["3"]


# ----------------------------------------------------------------------------- timeline


def test_a_photo_s_provision_date_is_the_story_s_day_not_a_floor_for_its_weekdays() -> None:
    text = (
        "Mira Sol, in this photograph provided by the Velm town hall April 22, 2015, is seen at a race in "
        "Velm on April 11, 2015.\n\n"
        "The suspect was arrested on Sunday after he shot himself by accident, officials said on Wednesday."
    )
    assert _inferred_publication(text) == "2015-04-22"


# ----------------------------------------------------------------------------- entities


def test_a_body_named_with_and_after_a_chamber_or_country_is_one_body() -> None:
    analysis = _analyse(
        "The U.S. Fish and Wildlife Service told a judge on Wednesday that the status will not change.\n\n"
        "The House Ways and Means Committee voted to refer Vel Darra to the Tarsk Justice Department."
    )
    names = {e.name for e in analysis.entities}
    assert {"U.S. Fish and Wildlife Service", "House Ways and Means Committee"} <= names
    assert not names & {"Wildlife Service", "Means Committee", "U.S. Fish", "House Ways"}


def test_an_occupation_before_a_full_name_is_no_part_of_the_name() -> None:
    analysis = _analyse(
        "Musician Brad Fennick, the last member of the band, is mourning his friend.\n\n"
        "Lawyer Ivo Kast said the release was unfair."
    )
    names = {e.name for e in analysis.entities if e.kind == "person"}
    assert {"Brad Fennick", "Ivo Kast"} <= names
    assert not names & {"Musician Brad Fennick", "Lawyer Ivo Kast"}
