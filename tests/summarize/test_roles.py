"""Who a person is, bracketed at the brief's first mention of them, in the story's own words."""

from __future__ import annotations

import pytest

from crosswire.contracts import check_brief
from crosswire.embed import TfidfEmbedder
from crosswire.summarize.roles import RoleFinder, introduce_roles, role_before
from crosswire.summarize.summarizer import Summarizer
from tests.summarize.conftest import check_printed, make_story


@pytest.mark.parametrize(
    ("prefix", "role"),
    [
        ("The unit met Harbour Chief ", "Harbour Chief"),
        ("said Tessan Prime Minister ", "Tessan Prime Minister"),
        ("Veen’s attorney, ", "Veen’s attorney,"),
        ("The Secretary of State ", "Secretary of State"),
        ("the club's former quarterback ", "former quarterback"),
        ("Orvale CEO ", "Orvale CEO"),
        ("spokesman ", "spokesman"),
        ("Sen. ", None),  # an honorific already says who the person is
        ("her attorney, ", None),  # a pronoun's lawyer: not printable alone
        ("a lawyer, ", None),  # a list, not a role
        ("told the Orvale Gazette ", None),  # no role word before the name
        ("plans to host ", None),  # "host" as a verb
        ("On Tuesday, ", None),
        ("said Orvale Harbour State University Police K9 Officer ", None),  # a role cut inside a name: none
    ],
)
def test_the_role_is_the_title_or_job_written_right_before_a_name(prefix: str, role: str | None) -> None:
    assert role_before(prefix) == role


def test_the_first_untitled_mention_gets_the_role_the_story_writes_most() -> None:
    texts = [
        "Harbour Chief Ada Veen said the pier would close. Veen’s attorney, Piet Ollen, said she acted lawfully.",
        "Harbour Chief Ada Veen ordered divers in. Ada Veen spoke on Friday.",
        "Acting Mayor Ada Veen once ran the port.",
    ]
    shown = [
        "The pier was closed, [Ada Veen] told reporters.",
        "Ada Veen later said more.",  # a second mention is not titled again
        "[Piet Ollen]: “She acted lawfully.”",
    ]
    assert introduce_roles(shown, ["Ada Veen"], RoleFinder(texts)) == [
        "The pier was closed, [Harbour Chief Ada Veen] told reporters.",
        "Ada Veen later said more.",
        "[Veen’s attorney, Piet Ollen]: “She acted lawfully.”",
    ]


def test_a_titled_mention_or_one_with_an_appositive_is_left_alone() -> None:
    finder = RoleFinder(["Harbour Chief Ada Veen said the pier would close."])
    for text in (
        "Harbour Chief Ada Veen closed the pier.",
        "Ada Veen, the harbour chief, closed the pier.",
        "Ada Veen (harbour chief) closed the pier.",
        "Ada Veen, Orvale's harbour chief, closed the pier.",
        "Port Det. Ada Veen closed the pier.",  # an abbreviated title
        "The Ada Veen administration closed the pier.",  # the name as a modifier
        "Ada Veen digital director Piet Ollen closed the pier.",  # a modifier before a role and a name
        "Ada Veen campaign aides closed the pier.",
        "The Orvale Gazette’s Ada Veen closed the pier.",
        "Divers told Ada Veen Jr. about the pier.",  # part of a longer name
    ):
        assert introduce_roles([text], ["Ada Veen"], finder) == [text]


def test_a_lower_case_role_is_not_put_at_a_sentence_start() -> None:
    finder = RoleFinder(["The pier's spokesman Piet Ollen said it would close."])
    assert introduce_roles(["Piet Ollen said it would close."], ["Piet Ollen"], finder) == [
        "Piet Ollen said it would close."
    ]
    assert introduce_roles(["It will close, Piet Ollen told reporter Ada Veen."], ["Piet Ollen"], finder) == [
        "It will close, [spokesman Piet Ollen] told reporter Ada Veen."  # a role after, not of him
    ]


PIER_CLOSED = (
    "ORVALE — The Orvale pier closed on Monday after divers found cracks in its pilings.\n\n"
    "Harbour Chief Ada Veen said repairs would take a year and cost the port most of its summer trade.\n\n"
    "Ferries will dock at the old quay until the pier reopens, officials said."
)
PIER_REPORT = (
    "Divers found deep cracks in the pilings of the Orvale pier, which closed on Monday.\n\n"
    "“We cannot risk a collapse with crowds on it,” Ada Veen told the Orvale Gazette.\n\n"
    "The pier was built in 1931 and last repaired in 1988."
)


def test_the_brief_prints_the_role_once_and_passes_the_insertion_contract() -> None:
    story = make_story(PIER_REPORT, PIER_CLOSED)
    quote = next(s for s in story.sentences if s.text.startswith("“We cannot"))
    shown = introduce_roles([quote.text], ["Ada Veen"], RoleFinder(a.text for a in story.articles))
    assert shown == [
        "“We cannot risk a collapse with crowds on it,” [Harbour Chief Ada Veen] told the Orvale Gazette."
    ]
    check_printed(story, shown[0], quote)
    with_roles = Summarizer(words=80, embedder=TfidfEmbedder()).summarize(story)
    without = Summarizer(words=80, embedder=TfidfEmbedder(), roles=False).summarize(story)
    check_brief(with_roles)
    printed = [s.text for s in with_roles.sentences]
    first = next(k for k, t in enumerate(printed) if "Ada Veen" in t)
    assert "Harbour Chief Ada Veen" in printed[first]  # the first mention says who she is
    assert " ".join(printed).count("[Harbour Chief Ada Veen]") <= 1
    assert "[Harbour Chief" not in " ".join(s.text for s in without.sentences)
