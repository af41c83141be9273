from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor

from crosswire.model import Article, Sentence
from crosswire.segment import segment_article, split_sentences


def segmented(text: str) -> tuple[Sentence, ...]:
    """``segment_article`` of ``text``, after checking that every span points at its sentence."""
    sentences = segment_article(Article(text=text, id="a1"))
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    return sentences


def test_offsets_point_at_the_sentence_text() -> None:
    text = "First line here. Second sentence follows!\n\nA new paragraph starts. Mr. Smith said so."
    sentences = segmented(text)
    assert [s.text for s in sentences] == [
        "First line here.",
        "Second sentence follows!",
        "A new paragraph starts.",
        "Mr. Smith said so.",
    ]
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]
    assert [s.index for s in sentences] == [0, 1, 2, 3]


def test_one_paragraph_per_line_when_lines_end_sentences() -> None:
    text = "The council met on Monday.\nIt voted to close the bridge.\nRepairs start in June."
    sentences = segment_article(Article(text=text, id="a1"))
    assert [s.paragraph for s in sentences] == [0, 1, 2]


def test_wrapped_lines_stay_one_paragraph() -> None:
    text = "The council met on Monday and\nvoted to close the old bridge\nuntil repairs end."
    sentences = segment_article(Article(text=text, id="a1"))
    assert len(sentences) == 1
    assert sentences[0].text == text


def test_empty_text_has_no_sentences() -> None:
    assert segment_article(Article(text="", id="a1")) == ()


def test_overlong_list_is_cut_at_line_breaks() -> None:
    items = "\n".join(f"Item number {i} of the very long list with many words in it" for i in range(40))
    text = items + "."
    sentences = segmented(text)
    assert len(sentences) > 1
    assert all(len(s.text) <= 1200 for s in sentences)


def test_sentences_glued_without_a_space_are_split() -> None:
    text = 'The ferry docked at noon.Passengers waited for hours. "We are tired."Officials did not reply. The U.S. Coast Guard said so.'
    sentences = segmented(text)
    assert [s.text for s in sentences] == [
        "The ferry docked at noon.",
        "Passengers waited for hours.",
        '"We are tired."',
        "Officials did not reply.",
        "The U.S. Coast Guard said so.",
    ]


def test_a_paragraph_longer_than_one_pysbd_chunk_keeps_every_sentence() -> None:
    from crosswire.segment import PYSBD_WHOLE_CHARS

    expected = [f"Crew member {i} reported for the night shift at the eastern quay." for i in range(600)]
    text = " ".join(expected)
    assert len(text) > PYSBD_WHOLE_CHARS  # goes to pysbd in chunks
    sentences = segmented(text)
    assert [s.text for s in sentences] == expected


def test_newswire_double_quotes_close_the_sentence_they_belong_to() -> None:
    # The LDC's newswire format quotes ``like this'' (invented text).
    text = (
        "The mayor said, ``We will rebuild the bridge.'' Work starts in May. "
        "``It was the worst flood in memory,'' she said. ``Nobody expected it.'' The river fell on Friday."
    )
    sentences = segmented(text)
    assert [s.text for s in sentences] == [
        "The mayor said, ``We will rebuild the bridge.''",
        "Work starts in May.",
        "``It was the worst flood in memory,'' she said.",
        "``Nobody expected it.''",
        "The river fell on Friday.",
    ]


def test_a_company_abbreviation_before_a_weekday_ends_no_sentence() -> None:
    text = "Regulators told Orvale Ferries Corp. Friday to lower its fares. Shares of Orvale Ferries Corp. Traders sold."
    sentences = segmented(text)
    assert [s.text for s in sentences] == [
        "Regulators told Orvale Ferries Corp. Friday to lower its fares.",
        "Shares of Orvale Ferries Corp.",
        "Traders sold.",
    ]


def test_a_subhead_line_is_not_glued_to_the_next_sentence() -> None:
    text = (
        "The ferry board met on Monday.\nFARE RISE DELAYED\nThe board put off its vote on fares until the\n"
        "spring, when the new boats arrive."
    )
    sentences = segmented(text)
    assert [s.text for s in sentences] == [
        "The ferry board met on Monday.",
        "FARE RISE DELAYED",
        "The board put off its vote on fares until the\nspring, when the new boats arrive.",
    ]


def test_sentences_are_located_as_pysbd_locates_them() -> None:
    import pysbd

    from crosswire.segment import _segmenter

    texts = [
        "Yes. Yes. No. Yes.",  # repeated sentences: each occurrence once, in order
        "The ferry left at 9 a.m. on Monday.  It came back\u00a0late.\tNobody minded. ",
        "(Orvale Wire) Fares rose. 1) Fares. 2) Fares again.",
        "He said: 'Go.' She said: 'Stay.' They stayed.",
    ]
    reference = pysbd.Segmenter(language="en", clean=False, char_span=False)
    for text in texts:
        assert _segmenter().segment(text) == reference.segment(text), text


ABBREVIATED = (
    "Dr. Ana Velt of St. Orla Hospital met Mr. Kiro at 9 a.m. on Jan. 4, the U.S. envoy said. "
    "Gov. Pell, No. 2 in the party, e.g. on tax, told Vessor Corp. staff (about 40 people) to wait. "
    "Lt. Col. Maren Osk, Ph.D., arrived; vol. 3 of the report, pp. 12-14, was read aloud. "
    "The U.S. Army's Sgt. Dal said: 'It ended.' Then Prof. Rime left at 5 P.M. Everyone went home."
)


def test_a_time_before_a_day_name_ends_no_sentence() -> None:
    text = (
        "Orvale Ferries, which halted its crossings after 4:30 p.m. Thursday, expected normal service Friday. "
        "The vigil began at 5 p.m. Officials left early. The polls closed at 8 p.m. Tuesday's turnout was high."
    )
    assert [s.text for s in segmented(text)] == [
        "Orvale Ferries, which halted its crossings after 4:30 p.m. Thursday, expected normal service Friday.",
        "The vigil began at 5 p.m.",
        "Officials left early.",
        "The polls closed at 8 p.m.",
        "Tuesday's turnout was high.",
    ]


def test_abbreviation_rules_split_as_stock_pysbd() -> None:
    """The replacer with compiled patterns gives pysbd's own sentences, abbreviation by abbreviation."""
    from pysbd.lang.english import English

    from crosswire.segment import _Segmenter

    stock = _Segmenter()
    stock.language_module = English
    ours = _Segmenter()
    for text in (ABBREVIATED, ABBREVIATED.lower(), ABBREVIATED.upper(), ABBREVIATED.replace(". ", ".  ")):
        assert ours.segment(text) == stock.segment(text)
    assert len(ours.segment(ABBREVIATED)) >= 4  # the rules were exercised: several sentences, not one


def test_threads_segmenting_at_once_get_their_own_sentences() -> None:
    # pysbd keeps the text being split on the segmenter itself: one segmenter shared by the service's
    # request thread and its brief worker gave one thread's spans of the other's text.
    texts = [
        f"Paragraph {n} opens the story of the gate. The board met on day {n}. Repairs took {n + 2} weeks, it said."
        for n in range(40)
    ]
    expected = [split_sentences(text) for text in texts]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, as a loaded machine does
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            for _ in range(5):
                assert list(pool.map(split_sentences, texts)) == expected
    finally:
        sys.setswitchinterval(interval)
