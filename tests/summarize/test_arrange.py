"""How a brief reads: the lead that opens it, one paragraph per development, one speaker's share."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from crosswire.embed import TfidfEmbedder
from crosswire.model import Development, Story
from crosswire.summarize import Summarizer
from crosswire.summarize.arrange import article_developments
from crosswire.summarize.features import SentenceTable, build_table
from tests.summarize.conftest import make_story

# Three invented developments of one story: the pier closes, a ferry strike, the pier reopens.
CLOSING = (
    "The Orvale harbour board closed the north pier on Monday after inspectors found rotten timbers.\n\n"
    "Inspectors said the timbers under the pier had rotted through in several places.\n\n"
    "Ferries were moved to the south pier for the rest of the month."
)
STRIKE = (
    "Orvale ferry crews went on strike on Thursday over the longer routes from the south pier.\n\n"
    "The crews' union said the longer routes added two hours to every shift.\n\n"
    "Commuters waited for hours at the south pier as the strike went on."
)
REOPENING = (
    "The Orvale harbour board reopened the rebuilt north pier on Friday, ending months of disruption.\n\n"
    "Workers replaced every timber under the pier during the repairs.\n\n"
    "Ferry crews ended their strike when the north pier reopened to boats."
)
REOPENING_AGAIN = (
    "The rebuilt north pier in Orvale reopened on Friday, the harbour board said, ending months of disruption.\n\n"
    "The mayor cut a ribbon at the pier as the first ferry came in.\n\n"
    "Repairs to the north pier cost the harbour board about two million crowns."
)
DATES = ("2026-03-02", "2026-03-19", "2026-06-05", "2026-06-05")


def _story() -> Story:
    return make_story(CLOSING, STRIKE, REOPENING, REOPENING_AGAIN, dates=DATES)


def test_own_dating_makes_one_development_per_date_cluster() -> None:
    assert article_developments(_story()) == {"a1": 0, "a2": 1, "a3": 2, "a4": 2}


def test_developments_of_the_story_tracker_come_first() -> None:
    story = replace(
        _story(),
        developments=(
            Development("d1", "2026-03-02", "closing", ("a1", "a2")),
            Development("d2", "2026-06-05", "reopening", ("a3", "a4")),
        ),
    )
    assert article_developments(story) == {"a1": 0, "a2": 0, "a3": 1, "a4": 1}


def test_brief_opens_on_the_main_news_then_one_paragraph_per_development_in_date_order() -> None:
    brief = Summarizer(words=80, embedder=TfidfEmbedder()).summarize(_story())
    first = brief.sentences[0]
    # The main news is the development most outlets report (the reopening, two of four articles), from a lead.
    assert first.source.article in ("a3", "a4") and "reopened" in first.text
    assert first.paragraph == 0
    rest = brief.sentences[1:]
    developments = {"a1": 0, "a2": 1, "a3": 2, "a4": 2}
    paragraphs = [s.paragraph for s in rest]
    assert paragraphs == sorted(paragraphs)  # date order
    assert {developments[s.source.article] for s in rest} == {0, 1, 2}  # each development covered
    for sentence in rest:  # one paragraph per development
        assert sentence.paragraph == 1 + developments[sentence.source.article]


def test_one_development_is_one_paragraph() -> None:
    story = make_story(REOPENING, REOPENING_AGAIN, dates=("2026-06-05", "2026-06-05"))
    brief = Summarizer(words=60, embedder=TfidfEmbedder()).summarize(story)
    assert {s.paragraph for s in brief.sentences} == {0}
    assert brief.sentences[0].text.startswith("The")


def test_headline_is_the_title_closest_to_the_brief() -> None:
    story = _story()
    titles = ("Pier shut", "Ferry crews strike over routes", "North pier reopens after repairs", "Ribbon day")
    story = replace(
        story, articles=tuple(replace(a, title=t) for a, t in zip(story.articles, titles, strict=True))
    )
    brief = Summarizer(words=80, embedder=TfidfEmbedder()).summarize(story)
    assert brief.headline == "North pier reopens after repairs"


SPOKESMAN = (
    "The Orvale harbour board closed the north pier on Monday after an inspection.\n\n"
    '"The timbers are rotten," board spokesman Piet Ollen said on Monday.\n\n'
    '"We found rot in the timbers under the pier," Ollen said.\n\n'
    '"Every timber we checked had rotted," Ollen told reporters.\n\n'
    '"Rotten timbers are the reason for the closure," Ollen said.\n\n'
    '"The timbers under the pier are rotten through," Ollen added.\n\n'
    "Ferries will use the south pier until repairs are finished in June.\n\n"
    "The repairs will cost about two million crowns, the board's budget shows."
)


def test_one_statement_quoted_five_ways_is_not_repeated() -> None:
    brief = Summarizer(words=120, embedder=TfidfEmbedder()).summarize(make_story(SPOKESMAN))
    quoting = [s for s in brief.sentences if "Ollen" in s.text]
    assert 1 <= len(quoting) <= 3
    assert any("south pier" in s.text for s in brief.sentences)


def _table_rows(story: Story, *fragments: str) -> tuple[SentenceTable, list[int]]:
    """The story's candidate table and the row of the sentence holding each fragment."""
    table = build_table(story, TfidfEmbedder())
    texts = [s.text for s in table.sentences]
    return table, [next(i for i, t in enumerate(texts) if fragment in t) for fragment in fragments]


def test_same_fact_in_other_words_is_one_fact() -> None:
    from crosswire.summarize.arrange import same_fact

    story = make_story(
        "The painter Ilse Marrow has died in Orvale aged 66, her family said on Sunday.\n\n"
        "Her last show opened in the city museum in May.",
        "Marrow died on Saturday in Orvale, the museum said.\n\n"
        "The museum will hang her paintings in its main hall next year.",
    )
    table, (first, second) = _table_rows(story, "aged 66", "on Saturday")
    matrix = same_fact(table, 0.6)
    assert matrix[first, second]  # the shorter restates the longer
    assert not matrix[second, first]
    assert not matrix[first].sum() > 1  # nothing else is the same fact


def test_the_opener_is_a_lead_that_says_when() -> None:
    import numpy as np

    from crosswire.summarize.arrange import choose_opener
    from crosswire.summarize.features import build_table

    story = make_story(
        "Harbour spokesman Tam Orel cited reports that the north pier's timbers had rotted through.\n\n"
        "The pier will stay shut for a year.",
        "The Orvale harbour board closed the north pier on Tuesday after its timbers rotted through.\n\n"
        "Ferry services moved to the south pier.",
    )
    table = build_table(story, TfidfEmbedder())
    texts = [s.text for s in table.sentences]
    scores = np.full(table.size, 0.5, dtype=np.float32)
    scores[texts.index(next(t for t in texts if "cited reports" in t))] = 0.6  # scored a little higher
    opener = choose_opener(table, scores, texts, np.ones(table.size, dtype=bool))
    assert opener is not None and "on Tuesday" in texts[opener]


def test_an_article_s_first_sentence_chosen_with_its_second_reads_before_it() -> None:
    from crosswire.summarize.arrange import paragraphs
    from crosswire.summarize.features import build_table

    story = make_story(
        "The Orvale harbour board will pay two million crowns to rebuild the north pier.\n\n"
        "Ferry crews learned on Tuesday that the payment will fund new timbers.\n\n"
        "The pier has been shut since March."
    )
    table = build_table(story, TfidfEmbedder())
    second = next(i for i, s in enumerate(table.sentences) if "learned on Tuesday" in s.text)
    placed = paragraphs(table, list(range(table.size)), second, {})
    assert [table.sentences[row].index for row, _ in placed] == [0, 1, 2]  # not the opener, then its lede


def test_a_sentence_answering_the_one_before_does_not_open_a_brief() -> None:
    import numpy as np

    from crosswire.summarize.arrange import choose_opener
    from crosswire.summarize.features import build_table

    story = make_story(
        "Except three of the ten ferries were back in service by Friday, and the rest will follow.\n\n"
        "The Orvale harbour board reopened the north pier on Friday.",
    )
    table = build_table(story, TfidfEmbedder())
    texts = [s.text for s in table.sentences]
    scores = np.array([1.0 if t.startswith("Except") else 0.5 for t in texts], dtype=np.float32)
    opener = choose_opener(table, scores, texts, np.ones(table.size, dtype=bool))
    assert opener is not None and texts[opener].startswith("The Orvale harbour board")


def test_page_furniture_in_the_title_slot_is_never_the_headline() -> None:
    import numpy as np

    from crosswire.summarize.arrange import best_headline

    story = _story()
    titles = ("Follow ORVALENEWS.COM: Facebook | Twitter", "Orvale pier shut after inspection", None, None)
    story = replace(
        story, articles=tuple(replace(a, title=t) for a, t in zip(story.articles, titles, strict=True))
    )
    closest_to_furniture = np.array([1.0, 0.2, 0.0, 0.0])
    assert (
        best_headline(story, np.ones(1), closest_to_furniture[:, None]) == "Orvale pier shut after inspection"
    )


def test_untitled_story_takes_its_headline_from_the_opening_not_the_first_line() -> None:
    from crosswire.summarize.arrange import lead_headline

    opening = "Harbour officials in Orvale closed the north pier on Monday after divers found cracks, the port said."
    assert (
        lead_headline(opening)
        == "Harbour officials in Orvale closed the north pier on Monday after divers found cracks"
    )
    assert (
        lead_headline("[Ana Brel] resigned as mayor of Lanmore.") == "Ana Brel resigned as mayor of Lanmore"
    )
    assert lead_headline('"We will rebuild," the mayor said.') == ""
    long = "The ferry that runs between Lanmore and the islands ran aground at dawn in thick fog near the harbour mouth"
    assert (
        lead_headline(long)
        == "The ferry that runs between Lanmore and the islands ran aground at dawn in ..."
    )


def test_untitled_brief_headline_matches_its_opening(story_of) -> None:  # type: ignore[no-untyped-def]
    first_line = "Photograph by Ines Marr"
    story = story_of(
        f"{first_line}\n\nThe Orvale pier collapsed on Monday after a storm. Nobody was hurt on the pier.",
        "The Orvale pier collapsed on Monday in a storm, officials said. Repairs start in May.",
    )
    story = replace(story, headline=first_line)
    brief = Summarizer(words=80, embedder=TfidfEmbedder()).summarize(story)
    assert brief.headline != first_line
    assert brief.headline.rstrip(" .") in brief.sentences[0].text.replace("[", "").replace("]", "")


def test_two_outlets_leads_telling_the_news_in_their_own_words_are_one_fact() -> None:
    from crosswire.summarize.arrange import same_fact

    story = make_story(
        "A flood wall holding the swollen Tessan River back from the Orvale power station collapsed early on "
        "Sunday, but regulators said there was no danger.\n\n"
        "Backup generators are running at the station.",
        "The head of the energy agency was sent to the Orvale power station, where a flood wall collapsed "
        "on Sunday, officials said.\n\n"
        "The station has been shut since April.",
    )
    table, (first, second, later) = _table_rows(story, "regulators said", "energy agency", "since April")
    assert not same_fact(table, 0.8)[first, second]  # too few shared words for the general rule
    leads = same_fact(table, 0.8, lead_share=0.5)
    assert leads[first, second] and leads[second, first]  # whichever lead is chosen first
    assert not leads[first, later]  # a later sentence is not a lead


def test_without_dated_developments_the_opener_is_the_lead_closest_to_the_story() -> None:
    import numpy as np

    from crosswire.summarize.arrange import centrality, choose_opener

    teaser = (
        "Here are twenty of the funniest moments from a long career on the stage.\n\n"
        "The Orvale harbour board reopened the rebuilt north pier on Friday.\n\n"
        "Ferry crews said the rebuilt north pier was safer than before."
    )
    story = make_story(teaser, REOPENING, REOPENING_AGAIN)
    table = build_table(story, TfidfEmbedder())
    texts = [s.text for s in table.sentences]
    central = centrality(table)
    assert central.max() == 1.0 and central[0] < central[texts.index(REOPENING.split("\n\n")[0])]
    scores = np.where(np.arange(table.size) == 0, 1.0, 0.3).astype(np.float32)  # the teaser scores best
    available = np.ones(table.size, dtype=bool)
    assert texts[choose_opener(table, scores, texts, available, {}) or 0] != texts[0]
    assert choose_opener(table, scores, texts, available, {"a1": 0, "a2": 1, "a3": 1}) is not None


def _dense_same_fact(table: SentenceTable, share: float, lead_share: float) -> np.ndarray:
    """``same_fact`` written over the whole n x n matrix, as it was before it read only shared stems."""
    vocabulary = sorted({stem for stems in table.stems for stem in stems})
    rows = [[stem in set(stems) for stem in vocabulary] for stems in table.stems]
    matrix = np.array(rows, dtype=np.float32)
    shared, sizes = matrix @ matrix.T, matrix.sum(axis=1)
    found = (shared / np.maximum(sizes[None, :], 1) >= share) & (sizes[:, None] >= sizes[None, :])
    found &= (sizes[None, :] >= 3) & ~np.eye(table.size, dtype=bool)
    leads = np.array([s.index < 2 for s in table.sentences])
    smaller = np.minimum(sizes[:, None], sizes[None, :])
    other = table.article_index[:, None] != table.article_index[None, :]
    retold = (shared / np.maximum(smaller, 1) >= lead_share) & leads[:, None] & leads[None, :] & other
    return found | (retold & (smaller >= 3))


def test_same_fact_from_shared_stems_equals_the_whole_matrix_rule() -> None:
    from crosswire.summarize.arrange import same_fact

    story = make_story(
        "The painter Ilse Marrow has died in Orvale aged 66, her family said on Sunday.\n\n"
        "Her last show opened in the city museum in May. Rain fell on the harbour all week.",
        "Marrow died on Saturday in Orvale, the museum said.\n\n"
        "The museum will hang her paintings in its main hall next year.",
        "Ilse Marrow, a painter of the harbour, died in Orvale on Saturday at 66.\n\n"
        "Tickets for the ferry to Vessa went on sale on Monday.",
    )
    table = build_table(story, TfidfEmbedder())
    for share, lead_share in ((0.8, 0.5), (0.6, 0.3), (0.0, 0.5), (0.6, 0.0)):
        expected = _dense_same_fact(table, share, lead_share)
        assert (same_fact(table, share, lead_share) == expected).all()
    assert same_fact(table, 0.6, 0.3).any() and not same_fact(table, 0.6, 0.3).all()
