"""Error classes found on the analysis benchmark's twelfth held-out group (issue 18), one test each, on
invented text. docs/analysis-errors.md ("Twelfth held-out group") maps each class to its test."""

from __future__ import annotations

from tests.analyze.test_error_classes import _analyse

# ----------------------------------------------------------------------------- timeline


def test_a_year_in_a_law_s_name_dates_no_event() -> None:
    analysis = _analyse(
        "The court ruled on Tuesday that the 1988 Act was being added to by ministerial order without a vote.\n\n"
        "The judges said the use of terms such as harmful in the title of the Tarsk Waters Act 1988 was too vague.\n\n"
        "The judges said Section 2 of the 1988 Tarsk Waters Act gave ministers too much power.\n\n"
        "The council first met in 1990 to discuss the river."
    )
    years = [e.date for e in analysis.timeline]
    assert "1988" not in years, [(e.date, e.description) for e in analysis.timeline]
    assert "1990" in years, years


def test_a_year_inside_an_if_clause_dates_no_event() -> None:
    analysis = _analyse(
        "The poll shows the party has not improved its standing with voters, which could deepen its problems "
        "if Dana Voss is the rival party's nominee in 2026.\n\n"
        "The party lost the governor's race in 2018 by a wide margin."
    )
    years = [e.date for e in analysis.timeline]
    assert "2026" not in years, [(e.date, e.description) for e in analysis.timeline]
    assert "2018" in years, years


# ----------------------------------------------------------------------------- claims


def test_a_sentence_telling_a_charge_and_its_denial_is_not_its_own_answer() -> None:
    analysis = _analyse(
        "The case concerned a prosecution of a man for possession of a powder which was among a number of "
        "substances put on the banned list in 2010.\n\n"
        "Ivo Kessler, who is denying criminal charges of having the powder for supply in 2012, brought a High "
        "Court challenge seeking to stop his trial claiming the rules were unconstitutional.\n\n"
        "The State opposed his application.\n\n"
        "Last May, the High Court rejected his challenge saying the rules must be read in the overall context "
        "of the law."
    )
    against = [c for c in analysis.claims if c.accused == "Ivo Kessler"]
    assert against, [(c.claimant, c.accused, c.statement) for c in analysis.claims]
    for claim in against:
        assert all(c.statement != claim.statement for c in claim.counters), claim.counters


# ----------------------------------------------------------------------------- figures


def test_the_numbers_of_a_law_s_section_are_no_figure() -> None:
    analysis = _analyse(
        "The court said Section 2(2) of the 1988 Act was unconstitutional because it vests law-making powers "
        "in the Government.\n\n"
        "Orders made under section 2(2) cease to be controlled, the department said, and 125 substances are "
        "not affected.\n\n"
        "Section 4(1) of the Act was not challenged, the judge said."
    )
    values = sorted(v for g in analysis.figures for v in g.values)
    assert values == ["125"], [(g.counts, g.values) for g in analysis.figures]


# ----------------------------------------------------------------------------- entities


def test_a_father_and_son_named_in_full_in_one_article_are_two_people() -> None:
    analysis = _analyse(
        "Bobby Tarsk, the son of Rep. Bob Tarsk, made the announcement on Twitter on Sunday night.\n\n"
        "Bob Tarsk is retiring after 13 terms in Congress. Bobby Tarsk said he gave the maximum donation to "
        "his father's rival, Dana Voss."
    )
    people = [e for e in analysis.entities if e.kind == "person" and "Tarsk" in e.name]
    names = sorted(e.name for e in people)
    assert names == ["Bob Tarsk", "Bobby Tarsk"], [(e.name, e.aliases) for e in people]


def test_a_name_said_to_be_a_village_is_a_place() -> None:
    analysis = _analyse(
        "The snowmobile hit the sled about 5 miles outside of Velmak on Saturday, troopers said.\n\n"
        "About 20 miles upriver, Velmak, home to about 100 people, is a wet village, where alcohol can be "
        "bought at the Last Chance Liquor Store.\n\n"
        "The musher left Velmak at 8:20 a.m. and reached the checkpoint two hours later."
    )
    kinds = {e.name: e.kind for e in analysis.entities}
    assert kinds.get("Velmak") == "place", kinds


def test_a_surname_like_word_after_a_college_s_first_word_is_the_college() -> None:
    analysis = _analyse(
        "The wave of protests reached Fairmont McKenna College, where top administrators were forced out.\n\n"
        "Last week, the dean of students at Fairmont McKenna stepped down after a campus protests and hunger "
        "strikes.\n\n"
        "Fairmont McKenna dean of students Ana Lindqvist stepped down last week after protesters decried her "
        "response."
    )
    people = [e.name for e in analysis.entities if e.kind == "person"]
    assert "McKenna" not in people, [(e.name, e.kind) for e in analysis.entities]


def test_a_video_showing_someone_speak_tells_no_claim_of_theirs() -> None:
    # found on heldout12 (196) after h-claims5's "show reports a clause": a video "shows King telling ..."
    analysis = _analyse(
        "The musher reached Orvale at dawn after a snowmobile hit his team, race officials said.\n\n"
        "A video of Tobin Marsh arriving in Orvale shows Marsh telling race officials that he had big problems.",
        "Reports from the ground indicate that government forces are massacring citizens in Tessa.",
    )
    statements = [c.statement for c in analysis.claims]
    assert not any("big problems" in s for s in statements), statements
    assert any("massacring" in s for s in statements), statements  # a tensed clause is still told
