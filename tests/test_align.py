from __future__ import annotations

from crosswire.align import (
    NEAR_DUPLICATE_THRESHOLD,
    SUPPORT_THRESHOLD,
    cite,
    near_duplicate,
    normalise,
    overlap_coefficient,
    support,
)
from crosswire.embed import TfidfEmbedder
from crosswire.model import Article, Story
from crosswire.segment import segment_story
from crosswire.stories import assemble_stories


def _story(*texts: str) -> Story:
    return segment_story(assemble_stories([Article(text=t, source=f"{i}") for i, t in enumerate(texts)])[0])


LEAD = "A cargo ship lost forty containers in a storm off Brennick Point on Sunday."


def test_thresholds_are_documented_numbers() -> None:
    assert 0 < NEAR_DUPLICATE_THRESHOLD <= 1
    assert 0 < SUPPORT_THRESHOLD <= 1


def test_whitespace_and_case_do_not_matter() -> None:
    assert normalise("  A  cargo\nship ") == "a cargo ship"
    assert near_duplicate(LEAD, LEAD.upper().replace(" ", "  "))


def test_light_edits_are_near_duplicates_but_other_facts_are_not() -> None:
    edited = "A cargo ship lost 40 containers in a storm off Brennick Point on Sunday, the coast guard said."
    assert overlap_coefficient(LEAD, edited) >= NEAR_DUPLICATE_THRESHOLD - 0.2
    assert near_duplicate(
        LEAD, "A cargo ship lost forty containers during a storm off Brennick Point Sunday."
    )
    assert not near_duplicate(LEAD, "The storm off Brennick Point also closed the ferry terminal for a day.")
    # A short fragment of a long sentence is not the same sentence.
    assert not near_duplicate(LEAD, "Forty containers were lost.")


def test_cite_lists_every_article_carrying_the_sentence() -> None:
    story = _story(
        f"{LEAD}\n\nThe crew of twelve was unhurt.",
        f"Shipping news.\n\n{LEAD.replace(' in a storm', '  in a storm')}\n\nInsurers expect large claims.",
        "A cargo ship lost forty containers during a storm off Brennick Point Sunday.\n\nBeaches were closed.",
        "Harbour officials met on Monday to discuss a new pier for fishing boats.",
    )
    assert cite(LEAD, story) == ("a1", "a2", "a3")
    assert cite("The crew of twelve was unhurt.", story) == ("a1",)


def test_support_adds_paraphrases_above_the_cosine_threshold() -> None:
    paraphrase = "Heavy weather near Brennick Point on Sunday swept forty containers off a freighter."
    story = _story(LEAD, paraphrase)
    assert not near_duplicate(LEAD, paraphrase)
    embedder = TfidfEmbedder()  # TF-IDF cosines run lower than the neural model's
    assert cite(LEAD, story) == ("a1",)
    assert support(LEAD, story, embedder, threshold=0.3) == ("a1", "a2")
    assert support(LEAD, story, embedder, threshold=0.9) == ("a1",)
