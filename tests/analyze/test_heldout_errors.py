"""Error classes found on the analysis benchmark's held-out stories (issue 18), one test each, on
invented text. docs/analysis-errors.md ("Held-out group") maps each class to its test."""

from __future__ import annotations

from crosswire.analyze.numbers import find_quantities
from tests.analyze.test_error_classes import _analyse, _speaker_of

# ----------------------------------------------------------------------------- claims


def test_a_defender_s_words_about_his_client_are_not_an_accusation() -> None:
    analysis = _analyse(
        "Jon Vask was charged with murder after the shooting of Leo Marn on Saturday.\n\n"
        "Piet Oren, Vask's attorney, said Monday that Vask felt threatened and plans to plead not guilty."
    )
    assert not any(c.claimant == "Piet Oren" and c.accused == "Jon Vask" for c in analysis.claims)


def test_no_one_disputing_is_not_a_counter() -> None:
    analysis = _analyse(
        "\u201cNo one would dispute that Mara Pell\u2019s right in her novels would be infringed if someone "
        "copied them,\u201d writes the scholar Ivo Dask.\n\nDask studied law at Tarsk."
    )
    assert not any(c.accused and "no one" in c.accused.lower() for c in analysis.claims)
    assert not analysis.claims


def test_an_offer_that_was_rejected_is_not_a_counter() -> None:
    analysis = _analyse(
        "The guitarist Rune Dahl will join the band Tarsk Lights for three shows in July.\n\n"
        "Dahl is set to take the stage with the band, along with keyboardist Ola Berg.\n\n"
        "Competition to land the shows was stiff: the Velm festival, according to sources, offered the band "
        "$3 million for a headlining set -- and was rejected."
    )
    assert not analysis.claims


def test_a_denial_answers_the_charge_told_earlier_not_a_refusal_to_say() -> None:
    analysis = _analyse(
        "Jon Vask, 28, was arrested Sunday on a charge of second-degree murder in the death of Leo Marn.\n\n"
        "His bond was set at $1 million.\n\n"
        "The preliminary hearing for Vask has been scheduled for May 3, his attorney Piet Oren confirmed.\n\n"
        "Oren has suggested that a second gun on the scene could help Vask.\n\n"
        "Oren did not say who he believed had the second gun.\n\n"
        "He also declined to say whether his client plans to claim self-defence.\n\n"
        "But he insisted Vask felt threatened, and filed a motion in court.\n\n"
        "\u201cOnce everything becomes apparent, you'll see why I'm saying that my client is not guilty of "
        "second-degree murder,\u201d Oren said."
    )
    answered = [c for c in analysis.claims if c.counters]
    assert answered and "charge of second-degree murder" in answered[0].statement
    assert answered[0].accused == "Jon Vask" and answered[0].claimant != "Piet Oren"
    assert not any("declined to say" in c.statement or "has suggested" in c.statement for c in analysis.claims)


def test_an_accusation_in_a_relative_clause_is_not_the_speaker_s() -> None:
    analysis = _analyse(
        "Piet Oren, the attorney for Nils Dahl, who is accused of killing the singer Oskar Berg, said there "
        "was a second gun at the scene.\n\nDahl was arrested on Sunday."
    )
    claims = [c for c in analysis.claims if c.accused == "Nils Dahl"]
    assert claims and claims[0].claimant is None  # the accuser is not named; the lawyer accuses no one


# ----------------------------------------------------------------------------- quotes


def test_a_pronoun_goes_to_the_person_named_in_the_subject_before() -> None:
    analysis = _analyse(
        "\u201cThe film still matters,\u201d said Tarsk University professor Ann Velde. "
        "\u201cIt is a landmark of its time.\u201d\n\n"
        "Radio host and film historian Piet Oren believes the film has endured because of its music.\n\n"
        "\u201cIt is about hope,\u201d he said. \u201cIt came out when the country was at war.\u201d"
    )
    assert _speaker_of(analysis, "when the country was at war") == "Piet Oren"


def test_questions_and_frames_are_not_reported_speech() -> None:
    analysis = _analyse(
        "Defence lawyer Piet Oren said Monday that his client Jon Vask felt threatened and acted alone.\n\n"
        "Oren did not say who he believed had the second gun.\n\n"
        "He also declined to say whether his client plans to claim self-defence.\n\n"
        "The singer Ola Berg joked about the vote on his show, adding he had thought to himself, "
        "\u201cWhat they need is another singer.\u201d"
    )
    texts = [q.text.lower() for q in analysis.quotes]
    assert not any(t.startswith(("who he believed", "whether")) or "to himself" in t for t in texts)
    assert _speaker_of(analysis, "felt threatened") == "Piet Oren"


def test_a_person_called_she_is_not_he() -> None:
    analysis = _analyse(
        "The online campaign for Governor Mara Lind to appoint the comedian Jon Bek to the open Senate seat has "
        "not gone unnoticed by the governor, who answered him on Friday.\n\n"
        "\u201cJon, thank you for your interest in our state's Senate seat and for the tweets you and your fans "
        "sent me,\u201d Lind wrote.\n\n"
        "\u201cYou forget one thing, my friend. You didn't know our state bird,\u201d she said, pointing back to "
        "an interview in April when she asked the host to name the state bird.\n\n"
        "\u201cThere's a state bird?\u201d he asked, before she told him it was the heron.\n\n"
        "On Thursday, Bek ticked off the traits he thought the new senator should have: \u201cSomebody young, "
        "somebody from our state. Maybe somebody with a talk show.\u201d"
    )
    assert _speaker_of(analysis, "a state bird?") == "Jon Bek"
    assert _speaker_of(analysis, "Somebody young") == "Jon Bek"
    assert _speaker_of(analysis, "You forget one thing") == "Mara Lind"


# ----------------------------------------------------------------------------- entities


def test_the_latin_name_of_a_kind_of_animal_is_no_entity() -> None:
    analysis = _analyse(
        "A Velosaurus nibbles from a tall tree in the museum's new painting.\n\n"
        "The velosaurs were plant-eaters that roamed what is now Tarsk, and one velosaur foot was found "
        "there in 1998.\n\nScientists compared the foot with those of other velosaurs from Tarsk."
    )
    assert not any(e.name == "Velosaurus" for e in analysis.entities)


def test_a_team_member_word_is_not_part_of_the_name() -> None:
    analysis = _analyse(
        "Video appears to show the car of former Ranger Oskar Berg minutes before he was shot and killed.\n\n"
        "The Rangers announced Tuesday that a memorial for Berg will be held Friday.\n\n"
        "Nils Dahl, who is accused of killing former Ranger Oskar Berg, was arrested on Sunday."
    )
    names = {e.name for e in analysis.entities if e.kind == "person"}
    assert "Oskar Berg" in names and not any(n.startswith("Ranger ") for n in names)


# ----------------------------------------------------------------------------- figures


def test_the_two_named_before_is_not_a_count() -> None:
    found = [q.text for q in find_quantities("The two men exchanged words. Two vehicles stopped at the light.")]
    assert found == ["Two"]


def test_a_relative_pronoun_is_never_a_claimant_or_a_speaker() -> None:
    analysis = _analyse(
        "This is one of the questions at the heart of an ongoing legal battle between the creators of a "
        "Kickstarter-funded Tarsk fan film and Orbis Pictures, which says the project violates various "
        "Tarsk-related copyrights, including the studio's copyright claim to the Varn language.\n\n"
        "The Varn language is spoken by fans around the world.\n\n"
        "Nowhere in its 1,288 compendium does the Tarsk Copyright Office specifically deal with the "
        "copyrightability of invented languages, but in filing their motion to dismiss the complaint, the "
        "filmmakers argue that, among other things, Orbis can not hold the copyright to Varn."
    )
    claimants = [c.claimant for c in analysis.claims]
    assert "Orbis Pictures" in claimants and not any(c in ("which", "who", "that") for c in claimants)
    # the reported speech is Orbis Pictures', not the whole phrase "the creators ... and Orbis Pictures"
    assert _speaker_of(analysis, "violates various") == "Orbis Pictures"


def test_an_emergency_line_is_not_a_figure() -> None:
    text = (
        "My client also called 911. He does not talk to a 911 operator. She dialled 112 and waited. "
        "Police sent 911 officers and called 300 people."
    )
    assert [q.text for q in find_quantities(text)] == ["911", "300"]
