from __future__ import annotations

import pytest

from crosswire.model import Sentence
from crosswire.summarize.captions import caption_rows


def _sentences(*paragraphs: tuple[str, ...]) -> list[Sentence]:
    texts = [(number, text) for number, paragraph in enumerate(paragraphs) for text in paragraph]
    return [Sentence("a1", index, number, 0, len(text), text) for index, (number, text) in enumerate(texts)]


@pytest.mark.parametrize(
    "credit", ["(Orvale Navy / Getty Images / )", "Photo: Mara Lind", "Credit: Image courtesy Orvale Museum"]
)
def test_a_sentence_its_paragraph_credits_as_a_picture_is_a_caption(credit: str) -> None:
    sentences = _sentences(
        ("The survey boat is hoisted back aboard the ferry after its trials.", credit),
        ("The harbour board closed the north pier on Tuesday.",),
    )
    assert caption_rows(sentences) == {("a1", 0)}


@pytest.mark.parametrize(
    "following",
    ["(The Orvale Wire)", "[Photos: The Ten Oldest Piers in Orvale]", "Image Gallery: Piers of the North"],
)
def test_an_article_credit_or_a_gallery_link_makes_no_caption(following: str) -> None:
    sentences = _sentences(("The harbour board closed the north pier on Tuesday.", following))
    assert caption_rows(sentences) == set()


def test_a_picture_described_in_the_present_with_its_day_is_a_caption() -> None:
    sentences = _sentences(
        ("Mayor Dalia Rosk takes part in a charity rowing race on the Tessan River on Saturday.",),
        ("Mayor Dalia Rosk took part in a charity rowing race on Saturday.",),  # news: past tense
        ("Mayor Dalia Rosk speaks at the council meeting, she said on Monday.",),  # reported
        ("Mayor Dalia Rosk will take part in a charity rowing race on Saturday.",),  # future
    )
    assert caption_rows(sentences) == {("a1", 0)}


def test_a_picture_introduced_as_a_photo_is_a_caption() -> None:
    sentences = _sentences(
        ("A 2019 photo shows the north pier of Orvale harbour before the fire.",),
        ("A photo from the 1998 survey, with the old crane beside the pier.",),
        ("Photograph from the survey in 1998, with the old crane beside the pier.",),
        ("A photo released by the harbour board showed the crane lying across the pier.",),  # news: an account
        ("The photo shows the crane lying across the pier, the board said.",),  # the photo the news told of
    )
    assert caption_rows(sentences) == {("a1", 0), ("a1", 1), ("a1", 2)}
