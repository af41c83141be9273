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
