"""Order inside a paragraph: one sub-topic at a time, and no quote to close the brief."""

from __future__ import annotations

from crosswire.summarize.flow import closing_not_quote, grouped, is_quote, linked, shares_topic, units

STEMS = {
    0: ("orval", "pier", "close"),
    1: ("ferri", "strike", "crew"),
    2: ("pier", "timber", "orval"),
    3: ("ferri", "crew"),
    4: ("mayor", "ribbon"),
    5: ("mayor", "pier"),
}


def test_shares_topic_reads_content_stems() -> None:
    assert shares_topic(STEMS[0], STEMS[2])
    assert not shares_topic(STEMS[0], STEMS[1])
    assert shares_topic(STEMS[0], STEMS[5]) and not linked(STEMS[0], STEMS[5])  # one word is no sub-topic
    assert linked(STEMS[0], STEMS[2])


def test_each_sentence_is_followed_by_the_earliest_on_its_topic() -> None:
    runs = [[0], [1], [2], [3], [4]]
    assert grouped(runs, STEMS.__getitem__) == [0, 2, 1, 3, 4]
    # After the opener about the ferries, the ferry sentences come first.
    assert grouped([[0], [2], [3]], STEMS.__getitem__, before=1) == [3, 0, 2]


def test_a_leaning_sentence_stays_with_its_previous_one() -> None:
    runs = units([0, 1, 4, 2], lambda first, second: (first, second) == (1, 4))
    assert runs == [[0], [1, 4], [2]]
    assert grouped(runs, STEMS.__getitem__) == [0, 2, 1, 4]
    assert grouped([[0], [5], [4]], STEMS.__getitem__) == [0, 5, 4]  # nothing linked: reading order


TEXTS = {
    0: "The Orvale pier closed on Monday.",
    1: "Ferry crews went on strike.",
    2: '"We have never seen timbers this bad," the chief inspector said.',
    3: '"It is a disgrace," a commuter said.',
}


def test_is_quote_needs_half_the_words_quoted() -> None:
    assert is_quote(TEXTS[2])
    assert not is_quote('The inspector called the timbers "bad".')


def test_the_brief_closes_on_a_statement_when_one_can_move() -> None:
    assert closing_not_quote([[0], [1], [2]], TEXTS.__getitem__) == [0, 2, 1]
    assert closing_not_quote([[0], [2], [3]], TEXTS.__getitem__) == [2, 3, 0]
    assert closing_not_quote([[2], [3]], TEXTS.__getitem__) == [2, 3]  # quotes only: unchanged
    assert closing_not_quote([[0], [1, 2]], TEXTS.__getitem__) == [1, 2, 0]  # a unit moves whole


# Rows 10-12 are one article's sentences in source order, 20-21 another's.
ARTICLE_STEMS = {
    10: ("council", "vote", "pier"),
    11: ("council", "budget", "repair"),
    12: ("pier", "vote", "delay"),
    20: ("pier", "vote", "protest"),
    21: ("council", "budget", "mayor"),
}


def _article(row: int) -> str:
    return "first" if row < 20 else "second"


def test_grouping_never_puts_a_sentence_before_an_earlier_one_of_its_article() -> None:
    runs = [[10], [11], [12], [20], [21]]
    # Without articles 12 (on the pier vote) jumps ahead of 11; with them it waits for 11.
    assert grouped(runs, ARTICLE_STEMS.__getitem__) == [10, 12, 20, 11, 21]
    order = grouped(runs, ARTICLE_STEMS.__getitem__, article=_article)
    assert order == [10, 20, 11, 21, 12]  # another article's sentence on the topic may still come forward
    for article in ("first", "second"):
        own = [row for row in order if _article(row) == article]
        assert own == sorted(own)


def test_the_closing_statement_never_moves_past_a_later_sentence_of_its_article() -> None:
    texts = {
        10: "The council voted on the pier.",
        11: "The repair budget was cut.",
        20: '"We will not pay for it," the mayor said.',
        12: '"It is a disgrace," a commuter said.',
    }
    # 11 would close the brief but 12, a later sentence of its article, would then read before it.
    assert closing_not_quote([[10], [11], [20], [12]], texts.__getitem__) == [10, 20, 12, 11]
    assert closing_not_quote([[10], [11], [20], [12]], texts.__getitem__, _article) == [10, 11, 20, 12]
    texts[21] = "The mayor left for the capital."
    assert closing_not_quote([[10], [21], [11], [12]], texts.__getitem__, _article) == [10, 11, 12, 21]
