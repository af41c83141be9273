"""References a reader cannot resolve: the measure, full names in brackets, and the summarizer's repair."""

from __future__ import annotations

from crosswire.contracts import check_brief
from crosswire.embed import TfidfEmbedder
from crosswire.summarize.mentions import (
    FullNames,
    introduce_names,
    people_surnames,
    unintroduced,
    unintroduced_descriptions,
    unintroduced_flags,
)
from crosswire.summarize.summarizer import Summarizer
from tests.summarize.conftest import check_printed, make_story


def test_a_definite_description_needs_an_earlier_word_of_its_group() -> None:
    said = "“Absolutely false,” the spokesperson told the Orvale Gazette."
    assert unintroduced(said, "The board denied the claim.") == ["spokesperson"]
    assert unintroduced(said, "A spokesman for the board spoke on Friday.") == []
    assert unintroduced("Kell asked the senator about the report.", "Sen. Ada Veen spoke.") == ["report"]
    assert unintroduced("The report, released Monday, found rot.", "A report was released.") == []


def test_the_agency_or_the_service_needs_a_body_named_before() -> None:
    said = "The agency said the pier was safe."
    assert unintroduced(said, "Divers checked the pier.") == ["agency"]
    assert unintroduced(said, "The Orvale Harbour Administration checked the pier.") == []
    assert unintroduced(said, "The OHA checked the pier.") == []  # an acronym names a body
    assert unintroduced("The Service said the pier was safe.", "Divers checked the pier.") == ["Service"]
    assert unintroduced("The Service said the pier was safe.", "The Harbour Service checked it.") == []


def test_the_two_needs_two_people_named_before() -> None:
    assert unintroduced("The two were strong swimmers.", "A man went missing on Tuesday.") == ["two"]
    assert unintroduced("The two were strong swimmers.", "Piet Ollen and Ada Veen went missing.") == []


def test_a_bare_surname_needs_the_name_earlier_in_the_summary() -> None:
    flags = unintroduced_flags(
        [
            "A swimmer was rescued off Orvale beach on Tuesday.",
            "Hackett said the fog was thick.",  # never introduced
            "Police named the swimmer as Randall Hackett, 61.",
            "Mr. Hackett was taken to a hospital.",  # introduced by now
        ]
    )
    assert flags == [False, True, False, False]


def test_an_opening_that_takes_what_came_before_is_unintroduced() -> None:
    assert unintroduced("The best of them are quiet scenes.", "The film opens Friday.") == [
        "The best of them"
    ]


STORY = (
    "A man who went missing while swimming off Orvale beach on Tuesday has been found alive.\n\n"
    "The rescued man, Randall Hackett, had gone out with his son-in-law, Alexander Auerbach, at 5 p.m.\n\n"
    "Auerbach made it back to shore around 7 p.m., police said.\n\n"
    "“The fog was so thick,” said Hackett."
)


def test_a_surname_used_alone_first_gets_the_full_name_in_brackets() -> None:
    story = make_story(STORY)
    texts = [s.text for s in story.sentences]
    shown = introduce_names(
        [texts[0], texts[2], texts[3], "Hackett was taken to a hospital."],
        FullNames(texts),
        people_surnames(texts),
    )
    assert shown[1] == "[Alexander Auerbach] made it back to shore around 7 p.m., police said."
    assert shown[2] == "“The fog was so thick,” said [Randall Hackett]."
    assert shown[3] == "Hackett was taken to a hospital."  # the second mention stays as written


def test_an_honorific_goes_into_the_bracket_and_a_bracketed_surname_grows() -> None:
    texts = ["NBC News president Noah Oppenheim spoke on Friday.", "Leslie Dull said her home flooded."]
    names, people = FullNames(texts), people_surnames(texts) | {"Dull"}
    shown = introduce_names(
        ["“We were clear,” Mr. Oppenheim said.", "“I'm sorry,” [Dull] said."], names, people
    )
    assert shown == ["“We were clear,” [Noah Oppenheim] said.", "“I'm sorry,” [Leslie Dull] said."]
    british = introduce_names(["“We were clear,” Mr Oppenheim said."], names, people | {"Oppenheim"})
    assert british == ["“We were clear,” [Noah Oppenheim] said."]  # not "Mr [Noah Oppenheim]"


def test_two_given_names_for_one_surname_take_the_one_used_most() -> None:
    names = FullNames(
        ["Police said Randall Hackett swam.", "They found Randall Hackett.", "So Randy Hackett is home."]
    )
    assert names.get("Hackett") == "Randall Hackett"
    assert FullNames(["Then Ann Kunz spoke.", "Then Bo Kunz spoke."]).get("Kunz") is None
    assert FullNames(["Outgoing Northwestern quarterback Kain Colter spoke."]).get("Northwestern") is None


def test_a_social_post_s_embed_gives_no_full_name() -> None:
    texts = ["QB RIP King T. Marlo 4 Ever A post shared by Ada Veen (@adaveen) on Jun 20", "Marlo died on Tuesday."]
    assert FullNames(texts).get("Marlo") is None
    assert FullNames(["Police said Tessa Marlo died.", "Marlo was 42."]).get("Marlo") == "Tessa Marlo"


def test_the_whole_words_of_a_quoted_banner_are_no_full_name() -> None:
    texts = ['Marchers held a banner that reads: "Halden Tessa." Tessa said the vote was fair.']
    assert FullNames(texts).get("Tessa") is None  # the banner's two words, not a person "Halden Tessa"
    assert FullNames(['"We met Ada Veen," he said.']).get("Veen") == "Ada Veen"  # a name inside a quote


def test_one_vowel_spellings_of_a_given_name_are_one_person() -> None:
    names = FullNames(["Police said Lindsey Graham swam.", "They found Lindsay Graham."])
    assert names.get("Graham") == "Lindsey Graham"  # the first seen on a tie
    texts = ["Police said Sergei Orlov swam.", "They found Sergey Orlov.", "So far Sergey Orlov is home."]
    assert FullNames(texts).get("Orlov") == "Sergey Orlov"
    assert FullNames(["Police said Mark Voss swam.", "They found Mary Voss."]).get("Voss") is None  # k, y


def test_a_titles_department_is_no_part_of_the_name() -> None:
    texts = ["Talks were led by Secretary of State John Kerry on Friday.", "Officials said Kerry called."]
    assert FullNames(texts).get("Kerry") == "John Kerry"


def test_a_speaker_the_name_pattern_stops_short_of_is_still_a_full_name() -> None:
    texts = ["Harbour Chief Ada M. Veen did not reply.", "“We will reopen,” Ada M. Veen said on Friday."]
    assert FullNames(texts).get("Veen") == "Ada M. Veen"


def test_a_resolved_full_name_is_cut_to_the_surname_once_the_brief_has_named_the_person() -> None:
    texts = ["Harbour spokesman Piet Ollen said the pier would reopen.", "Piet Ollen said more."]
    shown = introduce_names(
        ["Ollen said the pier would reopen.", "[Piet Ollen] also said the ferries would return."],
        FullNames(texts),
        people_surnames(texts),
    )
    assert shown == [
        "[Piet Ollen] said the pier would reopen.",
        "[Ollen] also said the ferries would return.",
    ]
    first = introduce_names(["[Piet Ollen’s] boat sank."], FullNames(texts), people_surnames(texts))
    assert first == ["[Piet Ollen’s] boat sank."]  # the first mention keeps the full name


PIER = (
    "The Orvale harbour board voted on Tuesday to close the north pier for a year.\n\n"
    "Engineers found rot in most of the pier's timbers during a spring inspection.\n\n"
    "A spokesman for Ferrycorp said the company would move its boats to the south pier.\n\n"
    "The ferry timetable will change from May.\n\n"
    "“We will keep every crossing,” the spokesman told reporters on Wednesday."
)
PIER_TWO = (
    "Orvale will close its north pier for a year after engineers found rotten timbers.\n\n"
    "Repairs are expected to cost about four million euros, the board said."
)


def test_the_brief_never_prints_a_description_it_has_not_introduced() -> None:
    story = make_story(PIER, PIER_TWO)
    for words in (30, 45, 60, 80):
        brief = Summarizer(words=words, embedder=TfidfEmbedder()).summarize(story)
        texts = [s.text for s in brief.sentences]
        assert not any(unintroduced_descriptions(t, " ".join(texts[:k])) for k, t in enumerate(texts)), texts
        check_brief(brief)


def test_without_the_repair_the_same_brief_prints_the_spokesman_unintroduced() -> None:
    story = make_story(PIER, PIER_TWO)
    brief = Summarizer(words=60, embedder=TfidfEmbedder(), reference_repairs=0).summarize(story)
    texts = [s.text for s in brief.sentences]
    assert any(unintroduced_descriptions(t, " ".join(texts[:k])) for k, t in enumerate(texts)), texts


def test_an_update_counts_what_the_reader_has_already_seen_as_introduced() -> None:
    story = make_story(PIER, PIER_TWO)
    seen = make_story(
        "Ferrycorp named a new spokesman for its Orvale ferries on Monday, a company statement said."
    )
    fresh = Summarizer(words=60, embedder=TfidfEmbedder()).summarize(story)
    update = Summarizer(words=60, embedder=TfidfEmbedder()).summarize(story, since=seen)
    quote = "“We will keep every crossing,” the spokesman told reporters on Wednesday."
    assert quote not in [s.text for s in fresh.sentences]  # nothing in the brief introduces him
    assert quote in [s.text for s in update.sentences]  # the earlier story did


def test_an_institution_speaking_is_no_surname() -> None:
    texts = [
        '"Students are not employees," Northwestern said in a statement.',
        "Outgoing Northwestern quarterback Kain Colter led the players.",
    ]
    shown = ["Northwestern football players can form a union, the board said."]
    assert introduce_names(shown, FullNames(texts), people_surnames(texts)) == shown


def test_a_bracket_in_place_of_an_honorific_meets_the_traceability_contract() -> None:

    story = make_story(
        "Board chairman Piet Ollen spoke on Friday.\n\n“We were clear,” Mr. Ollen said of the pier."
    )
    texts = [s.text for s in story.sentences]
    shown = introduce_names([texts[1]], FullNames(texts), people_surnames(texts))
    assert shown == ["“We were clear,” [Piet Ollen] said of the pier."]
    source = story.sentences[1]
    check_printed(story, shown[0], source)


def test_a_title_in_title_case_gives_no_full_name() -> None:
    texts = [
        "The spread was titled “After Her Filibuster, How Far Will Orvale Senator Ada Veen Run.”",
        "On Monday, Ada Veen spoke in Orvale.",
    ]
    names = FullNames(texts)
    assert names.get("Orvale") is None  # not "How Far Will Orvale"
    assert names.get("Veen") == "Ada Veen"


def test_a_generation_suffix_is_no_surname() -> None:
    from crosswire.summarize.references import surname_of

    assert surname_of("Tobin Marsh Sr") == "Marsh"
    assert surname_of("Tobin Marsh Jr.") == "Marsh"
    assert surname_of("Tobin Marsh") == "Marsh"
    shown = ["Tobin Marsh Sr. said the search would go on.", "“We will find him,” [Tobin Marsh Sr] said."]
    texts = [*shown, "“We will look until he is found,” said Tobin Marsh Sr."]
    printed = introduce_names(shown, FullNames(texts), people_surnames(texts))
    assert "[Sr]" not in printed[1], printed


def test_a_surname_that_is_another_person_s_given_name_gets_no_full_name() -> None:
    texts = ["Police said Marlo Veen was home.", "The analyst Tobin Marlo said so on Monday.", "Marlo was 9."]
    assert FullNames(texts).get("Marlo") is None
    assert FullNames(texts[1:]).get("Marlo") == "Tobin Marlo"
    many = ["Police said Tobin Marlo spoke.", "Then Tobin Marlo left.", "They met at the Marlo Tower."]
    assert FullNames(many).get("Marlo") == "Tobin Marlo"  # one building named for him takes nothing away


def test_a_party_is_no_surname() -> None:
    assert FullNames(["Then the Orvale Republican spoke.", "Later the Orvale Republican left."]).get(
        "Republican"
    ) is None


def test_a_qualified_title_is_no_given_name() -> None:
    from crosswire.summarize.references import _clean_name

    assert _clean_name("State Senator Veen") == "Veen"  # "[State Senator Veen]" was printed as a full name
    assert _clean_name("Former Prime Minister Ada Veen") == "Ada Veen"
    assert FullNames(["Then Former Prime Minister Ada Veen spoke."]).get("Veen") == "Ada Veen"
