"""One count of one thing about the same people, told by two outlets' leads, is one fact."""

from __future__ import annotations

from crosswire.embed import TfidfEmbedder
from crosswire.summarize import Summarizer
from crosswire.summarize.same_count import counted, same_count_pairs
from tests.summarize.conftest import make_story

# Invented: two outlets' leads on one ruling; the second adds who argued for it, and no new count.
RULING = "Judge Ada Marlow dropped four of the nine fraud charges against builder Tomas Grell."
RULING_AGAIN = (
    "On the first day of the defense, lawyer Rhea Voss convinced Judge Marlow to drop four fraud charges "
    "against Grell."
)
# Two leads on one blast, with conflicting child counts, sharing too few words for the lead rule.
BLAST = "Six people including two children were hurt in Dunmore on Friday when a gas blast tore through a bakery."
BLAST_AGAIN = (
    "Six people, among them three children, were injured when a bakery in Dunmore exploded shortly after dawn, "
    "police and fire officials said."
)
# The same two, counted as bodies and as the missing hikers.
FOUND = "Police said two bodies found on Sunday were the missing hikers from Marlow County."
FOUND_AGAIN = (
    "An hour after Chief Ona Kell said two missing hikers from Marlow County were found, officials said "
    "two bodies had been found near the trail."
)
# The same count, another event.
ARRESTS = "Six people were arrested in Dunmore on Friday."
# The same count and words, but no participant in common.
NAMELESS = "Four fraud charges were dropped against the builder in the case."
NAMELESS_OTHER = "Four fraud charges were dropped against the nurse in the case."
# One amount, then its breakdown: the second tells new amounts.
COST = "The Harwick bridge repairs cost the Dunmore council $8 million, the council said."
BREAKDOWN = "Of the $8 million, the Dunmore council spent $5 million on steel and $2 million on the Harwick bridge deck."


def test_counted_reads_a_number_and_the_plural_it_counts() -> None:
    assert counted(RULING).counts == {("4", "charg"), ("9", "charg")}
    assert ("6", "peopl") in counted(BLAST).counts
    assert counted("He won $3 million and 5% of the shares.").counts >= {("$", "3million"), ("%", "5")}


def test_an_age_a_lone_one_or_a_number_before_a_comma_counts_nothing() -> None:
    assert counted("A 13-year-old girl was found by one neighbour.").counts == set()
    assert counted("He abused a victim under 12, records show.").counts == set()


def test_two_leads_with_one_count_restate_each_other() -> None:
    found = same_count_pairs([RULING, RULING_AGAIN, BLAST, BLAST_AGAIN])
    assert found[0, 1] and found[1, 0]
    assert found[2, 3] and found[3, 2]  # two children or three: the one blast is told once
    assert not found[0, 2] and not found[1, 3]


def test_the_shared_number_given_to_another_noun_is_the_same_count() -> None:
    assert same_count_pairs([FOUND, FOUND_AGAIN])[0, 1]


def test_a_breakdown_of_the_amount_is_news_but_the_amount_alone_restates_it() -> None:
    found = same_count_pairs([COST, BREAKDOWN])
    assert not found[0, 1]  # after the cost, its breakdown tells new amounts
    assert found[1, 0]  # after the breakdown, the cost alone tells nothing new


def test_the_same_count_of_another_event_or_without_a_shared_name_is_news() -> None:
    assert not same_count_pairs([BLAST, ARRESTS])[0, 1]
    assert not same_count_pairs([NAMELESS, NAMELESS_OTHER])[0, 1]


def _blast_story() -> list[str]:
    return [
        f"{BLAST}\n\nFirefighters searched the rubble of the bakery for hours.\n\n"
        "The bakery's owner, Ilse Brann, said she had smelled gas that morning.",
        f"{BLAST_AGAIN}\n\nThe city said inspectors would check the gas lines of the whole street.\n\n"
        "Neighbours were allowed back into their homes by the evening.",
    ]


def test_the_brief_tells_the_blast_once() -> None:
    story = make_story(*_blast_story())
    both = Summarizer(words=250, embedder=TfidfEmbedder(), same_count=False).summarize(story)
    once = Summarizer(words=250, embedder=TfidfEmbedder()).summarize(story)
    leads = {BLAST, BLAST_AGAIN}
    assert len(leads & {s.text for s in both.sentences}) == 2
    assert len(leads & {s.text for s in once.sentences}) == 1
