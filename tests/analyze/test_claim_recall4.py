"""Claim recall, S17: charges told as suspicion or questioning, job nouns as parties, blame nouns;
invented stories (each test fails with its rule taken out)."""

from __future__ import annotations

from tests.analyze.conftest import claims_against, story_claims


def test_a_party_suspecting_another_of_a_wrong_is_its_claim_and_a_pronoun_teller_is_the_teller() -> None:
    found = story_claims(
        "Officials arrested and charged Lena Marsh, 21, with murder in the death of her son.\n\n"
        "The boy's uncle, on the boy's father's side, Marc Dorr told reporters he and his family suspected the boy's mother was "
        "behind whatever happened to the boy."
    )
    suspected = claims_against(found, "mother")
    assert suspected, found
    assert suspected[0].claimant is not None and "Dorr" in suspected[0].claimant


def test_an_arrest_on_suspicion_of_a_crime_accuses_the_one_arrested() -> None:
    found = story_claims(
        "Tarrow police arrested Marta Quill on suspicion of theft on Monday.\n\nThe shop reopened."
    )
    arrested = claims_against(found, "Quill")
    assert arrested, found
    assert arrested[0].claimant is not None and "police" in arrested[0].claimant.lower()


def test_the_arrests_made_on_suspicion_accuse_the_party_arrested_in_the_sentence_before() -> None:
    found = story_claims(
        "Dale Orrin had been arrested four times since 1990, the Tarrow police chief said. The arrests "
        "were made on suspicion of spousal battery in 2012.\n\nOrrin was not convicted."
    )
    assert claims_against(found, "Orrin"), found


def test_a_named_party_questioned_over_a_murder_is_accused() -> None:
    found = story_claims(
        "Ned Harlow, a 24-year-old Tarrow man, was detained on Sunday after he called an ambulance.\n\n"
        "He is also being questioned over the murder of a woman on Sunday."
    )
    assert claims_against(found, "Harlow"), found


def test_the_victim_of_a_murder_and_a_described_suspect_are_not_the_accused() -> None:
    found = story_claims(
        "Tarrow police have arrested a man suspected of planning an attack on two churches.\n\n"
        "The 24-year-old student, who is also suspected of the murder of a 32-year-old woman, was "
        "detained on Sunday, officials said."
    )
    assert not claims_against(found, "woman"), found
    assert not claims_against(found, "man"), found
    assert not claims_against(found, "student"), found


def test_a_wrong_told_of_a_job_noun_in_a_quote_accuses_that_party() -> None:
    found = story_claims(
        "Tarrow's registry reopened on Monday.\n\n"
        '"The clerk lied to the council about the minutes," said Ben Arlo, a council member.'
    )
    lied = claims_against(found, "clerk")
    assert lied, found
    assert lied[0].claimant is not None and "Arlo" in lied[0].claimant


def test_a_party_joined_to_a_thing_is_the_party_alone() -> None:
    found = story_claims(
        "Tarrow's city clerk, Nora Pell, resigned on Monday.\n\n"
        '"The problem with our city clerk and her performance has just been a distraction to the city '
        'staff," Mayor Tim Harlan said.'
    )
    problem = claims_against(found, "clerk")
    assert problem, found
    assert problem[0].accused is not None and "performance" not in problem[0].accused


def test_the_doer_of_a_wrong_noun_is_the_subject_of_its_relative_clause() -> None:
    found = story_claims(
        "Delegates met in Tarrow on Monday.\n\n"
        '"The task of the council is to express the disgust of the world at the crimes that the Varn '
        'regime is committing against its people," said Tom Ellery, the foreign minister.'
    )
    crimes = claims_against(found, "Varn regime")
    assert crimes, found
    assert crimes[0].claimant is not None and "Ellery" in crimes[0].claimant


def test_a_wrong_told_of_a_party_s_thing_accuses_the_party_named_by_a_common_noun() -> None:
    found = story_claims(
        "The retrial opened in Tarrow on Monday.\n\n"
        '"He is collateral damage in the reckless scapegoating of the prosecution\'s crude caricature," '
        "Lena Marsh said."
    )
    assert claims_against(found, "prosecution"), found


def test_a_judgment_word_of_contempt_in_a_quote_accuses_the_party_it_describes() -> None:
    found = story_claims(
        "The Tarrow dam failed in May.\n\n"
        '"The Varn water board was inept and callous," said Mara Lind, who lives near the dam.'
    )
    board = claims_against(found, "board")
    assert board, found
    assert board[0].claimant is not None and "Lind" in board[0].claimant


def test_a_wrong_told_in_a_relative_clause_accuses_the_party_it_describes() -> None:
    found = story_claims(
        "Clashes spread to Tarrow on Sunday.\n\n"
        "Varnish authorities say they are fighting insurgents who have so far killed more than 2,000 "
        "members of the security forces."
    )
    killed = claims_against(found, "insurgents")
    assert killed, found
    assert killed[0].claimant is not None and "authorities" in killed[0].claimant


def test_a_penalty_given_for_a_reason_charges_the_one_penalised_and_a_penalty_s_length_does_not() -> None:
    found = story_claims(
        "Colin Varr became chief executive of Tarrow Media in May. He was previously fired from Hexlo "
        "for poor management.\n\nMara Lind was banned for life. Tom Ellery was jailed for six years."
    )
    fired = claims_against(found, "Varr")
    assert fired, found
    assert fired[0].claimant is not None and "Hexlo" in fired[0].claimant
    assert not claims_against(found, "Lind"), found
    assert not claims_against(found, "Ellery"), found


def test_a_blame_noun_charges_the_one_who_takes_it_or_on_whom_it_is_laid() -> None:
    found = story_claims(
        "Stocks fell sharply in Tarrow on Monday.\n\n"
        "Governor Ned Harlow now stands poised to take the blame for any correction, analysts said.\n\n"
        "Mara Lind, the council leader, laid the blame on the Varn Water Board."
    )
    taken = claims_against(found, "Harlow")
    assert taken, found
    assert taken[0].claimant is not None and "analysts" in taken[0].claimant
    laid = claims_against(found, "Varn Water Board")
    assert laid, found
    assert laid[0].claimant is not None and "Lind" in laid[0].claimant


def test_blame_taken_by_a_bare_description_accuses_nobody_named() -> None:
    found = story_claims(
        "Stocks fell sharply in Tarrow on Monday.\n\n"
        "A senator who cheered the market now stands poised to take the blame for any correction."
    )
    assert not claims_against(found, "senator"), found


def test_needling_the_press_for_a_reason_is_criticism_of_the_press() -> None:
    found = story_claims(
        "Senator Tom Ellery spoke in Tarrow on Friday.\n\n"
        "Ellery needled the press for writing slanted stories about his campaign."
    )
    needled = claims_against(found, "press")
    assert needled, found
    assert needled[0].claimant is not None and "Ellery" in needled[0].claimant


def test_a_claim_noun_s_that_clause_telling_a_wrong_accuses_its_subject() -> None:
    found = story_claims(
        "Mara Lind, a Tarrow councillor, lost private photos in May.\n\n"
        "The charges would be a turnabout from her initial suggestion that her political enemies had "
        "hacked her computer and distributed the files."
    )
    enemies = claims_against(found, "enemies")
    assert enemies, found
    assert enemies[0].claimant is None  # "her": whose suggestion is not guessed from a pronoun


def test_reports_that_indicate_a_wrong_are_the_reports_claim() -> None:
    found = story_claims(
        "Fighting spread across Varnland on Sunday.\n\n"
        "But the vast majority of reports from the ground indicate that government forces are massacring "
        "villagers in the north."
    )
    massacre = claims_against(found, "government forces")
    assert massacre, found
    assert massacre[0].claimant is None or "reports" in massacre[0].claimant  # never the forces' own


def test_a_court_finding_that_a_party_was_mistaken_is_the_court_s_claim_and_a_verdict_is_not() -> None:
    found = story_claims(
        "The Harlows were freed in 2013 after the Varn Court of Appeals found a doctor was mistaken in "
        "determining there was physical evidence of abuse.\n\n"
        "Tom Ellery was tried for killing Ned Vale in a parking lot after an argument over loud music. "
        "Jurors found Ellery guilty on four of five charges for shooting at Vale's friends, who were also "
        "in the car."
    )
    mistaken = claims_against(found, "doctor")
    assert mistaken, found
    assert mistaken[0].claimant is not None and "Court of Appeals" in mistaken[0].claimant
    assert not [c for c in found if c.claimant and "jurors" in c.claimant.lower()], found
