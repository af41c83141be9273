"""Cleaning: junk lines go (and are listed), real sentences stay exactly as written.

Fixtures are invented: a bridge closure in the invented town of Orlen,
reported by three invented outlets, with page furniture of every kind.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crosswire import cleanrules
from crosswire.clean import classify_lines, clean_articles, clean_text, repeated_lines, split_lines
from crosswire.errors import CrosswireWarning
from crosswire.model import Article

WIRE = "The Orlen river bridge was closed on Thursday after engineers found cracks in two of its piers, officials said."
QUOTE = '"We will not reopen the bridge until every pier has been checked," city engineer Pavel Brandt said.'

TRIBUNE = f"""Skip to main content

Orlen bridge closed after cracks found in piers

Published: June 5, 2025

xwqThe Orlen river bridge will stay shut for at least a month, the city council said on Friday.

Photo by: Tribune/Lee Park
Photo by: Tribune/Lee Park

Engineers inspect a pier of the Orlen river bridge, June 5, 2025.

{WIRE}

{QUOTE}

About 18,000 vehicles cross the bridge each day, according to council figures.

Drivers face detours of up to 40 minutes.

Stay informed with the Tribune's newsletters

Sign up to get the latest local alerts, delivered to your inbox

The Lakeside Tribune delivers independent coverage of the lake district. To learn more about republishing this content and the associated fees, please fill out this form.

4 Responses

  1. About time someone looked at that bridge.

  2. The detour through Marsh Lane is a nightmare.

Leave a Reply

Popular Posts"""

RADIO = f"""Accessibility links

Breaking News

Cracks shut Orlen's main bridge

Engineers (L) and council officials (R) look at the damaged pier in Orlen, June 5, 2025
Photo: Rivermouth Radio/Ana Holt

{WIRE}

The cracks were found during a routine inspection on Wednesday, Brandt told Rivermouth Radio.

{QUOTE}

Share this
Advertisement

With reporting by Eastbay Wire

Rivermouth Radio journalists report the news every hour. We provide what many people cannot get elsewhere: local news, responsible discussion, and open debate.

If you want to support our journalism, please note that donations are not tax deductible.

To find out more, click here."""

WIRE_COPY = f"""ORLEN, June 5 (Eastbay Wire) - {WIRE}

{QUOTE}

Brandt said a full survey of the bridge would take three to four weeks.

Eastbay Wire and agencies"""

ARTICLES = (
    Article(text=TRIBUNE, title="Close this search box.", outlet="Lakeside Tribune", source="tribune.txt"),
    Article(text=RADIO, title="Skip to main content", outlet="Rivermouth Radio", source="radio.txt"),
    Article(
        text=WIRE_COPY, title="Cracks found in Orlen bridge piers", outlet="Eastbay Wire", source="wire.txt"
    ),
)

JUNK = (
    "Skip to main content",
    "Photo by:",
    "Engineers inspect a pier",
    "Stay informed with",
    "Sign up to get the latest",
    "delivers independent coverage",
    "4 Responses",
    "About time someone",
    "Marsh Lane is a nightmare",
    "Leave a Reply",
    "Popular Posts",
    "Accessibility links",
    "Breaking News",
    "Engineers (L)",
    "Photo: Rivermouth",
    "Share this",
    "Advertisement",
    "With reporting by",
    "journalists report the news",
    "support our journalism",
    "click here",
    "and agencies",
    "xwq",
)

REAL_SENTENCES = (
    "The Orlen river bridge will stay shut for at least a month, the city council said on Friday.",
    WIRE,
    QUOTE,
    "About 18,000 vehicles cross the bridge each day, according to council figures.",
    "Drivers face detours of up to 40 minutes.",
    "The cracks were found during a routine inspection on Wednesday, Brandt told Rivermouth Radio.",
    "Brandt said a full survey of the bridge would take three to four weeks.",
)


def _cleaned() -> tuple[Article, ...]:
    return clean_articles(ARTICLES)


def test_every_kind_of_junk_is_removed() -> None:
    for article in _cleaned():
        for marker in JUNK:
            assert marker not in article.text, f"{marker!r} left in {article.source}"


def test_real_sentences_are_kept_exactly() -> None:
    texts = {a.source: a.text for a in _cleaned()}
    everything = "\n".join(texts.values())
    for sentence in REAL_SENTENCES:
        assert sentence in everything, sentence
    # the wire sentence and the quote repeat across outlets and stay in all of them
    for text in texts.values():
        assert WIRE in text
        assert QUOTE in text


def test_removed_lists_the_junk_verbatim() -> None:
    tribune, radio, wire = _cleaned()
    assert "Photo by: Tribune/Lee Park" in tribune.removed
    assert tribune.removed.count("Photo by: Tribune/Lee Park") == 2
    assert "Leave a Reply" in tribune.removed
    assert "To find out more, click here." in radio.removed
    assert "Eastbay Wire and agencies" in wire.removed
    for article, original in zip((tribune, radio, wire), ARTICLES, strict=True):
        for line in article.removed:
            assert line in original.text or line == original.title


def test_glued_garbage_prefix_is_stripped_and_recorded() -> None:
    tribune = _cleaned()[0]
    assert "The Orlen river bridge will stay shut" in tribune.text
    assert "xwqThe" not in tribune.text
    assert "xwq" in tribune.removed


def test_a_caption_s_share_buttons_are_cut_from_its_text() -> None:
    text = (
        "The harbour board said the pier would reopen in May, a spokeswoman for the board told reporters.\n\n"
        "Facebook Twitter Pinterest Kelby researchers test the pier's old timbers\n\n"
        "\u201cThe timbers held up better than we expected,\u201d said Ada Veen, who led the tests."
    )
    kept, removed = clean_text(text)
    assert "Kelby researchers test the pier's old timbers" in kept
    assert "Pinterest" not in kept
    assert "Facebook Twitter Pinterest " in removed
    assert "Twitter said" in clean_text("Twitter said on Monday that it would close the office in Kelby.")[0]


def test_junk_title_is_replaced_by_the_headline_line() -> None:
    tribune, radio, wire = _cleaned()
    assert tribune.title == "Orlen bridge closed after cracks found in piers"
    assert radio.title == "Cracks shut Orlen's main bridge"
    assert wire.title == "Cracks found in Orlen bridge piers"
    assert "Close this search box." in tribune.removed
    assert "Orlen bridge closed after cracks" not in tribune.text
    assert "Cracks shut Orlen's main bridge" not in radio.text


def test_text_starting_with_its_title_loses_the_duplicate() -> None:
    article = Article(
        text="Ferry strike ends in Holm\n\nThe ferry strike in Holm ended on Monday.",
        title="Ferry strike ends in Holm",
    )
    (cleaned,) = clean_articles([article])
    assert cleaned.text == "The ferry strike in Holm ended on Monday."
    assert cleaned.title == "Ferry strike ends in Holm"


def test_publication_date_line_becomes_metadata() -> None:
    tribune = _cleaned()[0]
    assert "Published:" not in tribune.text
    assert "Published: June 5, 2025" in tribune.removed
    assert tribune.published == "2025-06-05"


def test_metadata_date_wins_over_a_published_line() -> None:
    article = Article(
        text="Published: June 5, 2025\n\nThe bridge reopened on Monday.", published="2025-06-09"
    )
    (cleaned,) = clean_articles([article])
    assert cleaned.published == "2025-06-09"


def test_bylines_go_but_sentences_starting_with_by_stay() -> None:
    text = "By Anna Brask, Tribune staff\n\nBy Monday the bridge had reopened to traffic."
    (cleaned,) = clean_articles([Article(text=text)])
    assert cleaned.text == "By Monday the bridge had reopened to traffic."
    assert "By Anna Brask, Tribune staff" in cleaned.removed


def test_sentence_starting_with_date_is_not_a_date_line() -> None:
    text = "Date rape reports rose by 12 percent in 2024, the police said."
    (cleaned,) = clean_articles([Article(text=text)])
    assert cleaned.text == text


def test_paragraph_breaks_are_kept() -> None:
    tribune = _cleaned()[0]
    assert f"{WIRE}\n\n{QUOTE}" in tribune.text
    assert "\n\n\n" not in tribune.text


def test_kinds_name_the_junk() -> None:
    kinds = dict(classify_lines(TRIBUNE))
    assert kinds["Skip to main content"] == cleanrules.NAVIGATION
    assert kinds["Photo by: Tribune/Lee Park"] == cleanrules.CREDIT
    assert kinds["Engineers inspect a pier of the Orlen river bridge, June 5, 2025."] == cleanrules.CAPTION
    assert kinds["Stay informed with the Tribune's newsletters"] == cleanrules.PROMO
    assert kinds["4 Responses"] == cleanrules.COMMENTS
    assert kinds[WIRE] is None


def test_short_line_repeated_across_outlets_is_boilerplate_but_wire_sentence_is_not() -> None:
    texts = [
        f"{WIRE}\n\nLive updates from the newsroom\n\nThe mayor visited the site on Friday.",
        f"{WIRE}\n\nLive updates from the newsroom\n\nTraffic was diverted through the old town.",
        f"{WIRE}\n\nThe council meets again next week.",
    ]
    repeated = repeated_lines(texts)
    cleaned, removed = clean_text(texts[0], repeated=repeated)
    assert removed == ("Live updates from the newsroom",)
    assert cleaned == f"{WIRE}\n\nThe mayor visited the site on Friday."


def test_copies_of_one_article_do_not_make_its_subheads_boilerplate() -> None:
    body = "\n\n".join(
        [
            WIRE,
            "Pier survey",
            "Brandt said the survey of all six piers would take weeks.",
            "Detours",
            "Buses will use Marsh Lane until the bridge reopens.",
        ]
    )
    assert repeated_lines([body, body]) == frozenset()


def test_an_early_comment_link_does_not_cut_the_article() -> None:
    text = f"Comments\n\n{WIRE}\n\n{QUOTE}\n\nBrandt said a full survey would take weeks."
    cleaned, removed = clean_text(text)
    assert removed == ("Comments",)
    assert QUOTE in cleaned and "full survey" in cleaned


def test_hard_wrapped_lines_are_judged_as_one_paragraph() -> None:
    text = (
        "The Orlen river bridge was closed on Thursday after engineers found\n"
        "cracks in two of its piers, officials said on Friday morning.\n\nAdvertisement"
    )
    assert len(split_lines(text)) == 2
    cleaned, removed = clean_text(text)
    assert cleaned == text.split("\n\n")[0]
    assert removed == ("Advertisement",)


def test_short_real_paragraphs_and_quotes_survive() -> None:
    text = "\n\n".join(
        [
            WIRE,
            "Nobody was hurt.",
            '"It was terrifying," said Ada Lenz, who lives nearby.',
            "Pier survey",
            "The bridge opened in 1968.",
        ]
    )
    cleaned, removed = clean_text(text)
    assert removed == ()
    assert cleaned == text


sentence_lines = st.sampled_from(
    [WIRE, QUOTE, *REAL_SENTENCES, "Advertisement", "Share this", "Photo by: Tribune/Lee Park", "Pier survey"]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(sentence_lines, min_size=1, max_size=12), st.lists(st.booleans(), min_size=12, max_size=12))
def test_kept_and_removed_lines_partition_the_input(lines: list[str], blanks: list[bool]) -> None:
    text = "".join(line + ("\n\n" if blank else "\n") for line, blank in zip(lines, blanks, strict=False))
    cleaned, removed = clean_text(text)
    kept = [line for line in cleaned.split("\n") if line]
    assert sorted(kept + list(removed)) == sorted(line for line in lines)


def test_a_party_initial_is_not_a_picture_position() -> None:
    sentence = "Then on Tuesday, Senate leader Ana Ruiz (R) backed the plan to rebuild the bridge."
    assert classify_lines(sentence) == [(sentence, None)]
    caption = "Ana Ruiz (L) and Pavel Brandt (R) walk across the closed bridge in Orlen"
    assert classify_lines(caption) == [(caption, cleanrules.CAPTION)]


def test_a_credit_in_brackets_marks_a_caption_and_a_bracketed_link_is_a_related_story() -> None:
    credits = (
        "Pier engineer Ana Ruiz (Photo: Orlen Courier)",
        "Divers search the river below the bridge. (Photo furnished by: Orlen Police)",
        "(Image: Orlen Courier)",
    )
    for caption in credits:
        assert classify_lines(caption) == [(caption, cleanrules.CAPTION)], caption
    for link in ("(Also on ORLEN DAILY: Five bridges to watch)", "(MORE: How the piers were built)"):
        assert classify_lines(link) == [(link, cleanrules.RELATED)], link
    news = "The bridge reopened (photographers were kept away) on Friday."
    asides = (
        "(Also, the ferry will keep running until the bridge reopens.)",
        "(More than 200 people watched the first bus cross.)",
        "(Also on Tuesday, the council voted to repaint the piers.)",
    )
    text = "\n\n".join([news, *asides])
    assert classify_lines(text) == [(line, None) for line in (news, *asides)]


def test_a_gallery_caption_cut_short_and_a_corrected_caption_are_captions() -> None:
    captions = (
        "Divers search the river below the Orlen bridge on Tuesday, March 4, 2014. Crews said they... (Associated Press)",
        "Pier engineer Ana Ruiz, left, speaks to reporters as the council meets in Orlen on... (AP)",
        "CORRECTS SPELLING OF ENGINEER'S NAME - This photo provided by Orlen Police shows the bridge.",
        "The ferry will keep running until the bridge reopens. (Associated Press)",
    )
    for caption in captions:
        assert classify_lines(caption) == [(caption, cleanrules.CAPTION)], caption
    news = (
        "The Associated Press said the bridge would reopen... eventually.",
        "Corrects in the engineers' report were filed on Friday.",
    )
    text = "\n\n".join(news)
    assert classify_lines(text) == [(line, None) for line in news]


def test_a_wire_photo_budget_entry_is_a_caption() -> None:
    entries = (
        "(NYT7) ORVALE, Del. -- Oct. 2, 2001 -- BRIDGE-REPAIR-2, 10-02 -- Divers check a pier below the Orlen"
        " bridge. The county said the repairs would take a year.",
        "(NYT9) UNDATED -- Oct. 2, 2001 -- ADV. FOR SUN., OCT. 7 -- FERRY TIMES-B&W, 10-02 -- The ferry at dawn.",
    )
    for entry in entries:
        assert classify_lines(entry) == [(entry, cleanrules.CAPTION)], entry
    story = "ORVALE, Del. -- Oct. 2, 2001 -- The county said on Tuesday that the bridge repairs would take a year."
    assert classify_lines(story) == [(story, None)]


def test_a_page_that_opens_on_a_site_notice_is_a_notice_throughout() -> None:
    page = "\n\n".join(
        [
            "This crawl was run with a new seedlist and crawler configuration in the spring.",
            "Number of hosts: 2,044",
            "We changed how the harvest was run since then, and we share it for people to study.",
            "Crawls of outlinks from partner sites are kept in a separate collection.",
        ]
    )
    assert {kind for _, kind in classify_lines(page)} == {cleanrules.SITE_NOTICE}
    article = "\n\n".join(
        [
            "The bridge reopened on Friday after a year of repairs.",
            "Crawls of outlinks from partner sites are kept in a separate collection.",
            "This crawl was run with a new seedlist and crawler configuration in the spring.",
            "Ferries will keep running until the end of the month.",
        ]
    )
    kinds = [kind for _, kind in classify_lines(article)]
    assert kinds[0] is None and kinds[-1] is None  # a notice inside an article takes only its own lines


def test_scraped_documents_without_titles_are_cleaned_too() -> None:
    document = f"{WIRE} \n \n Advertisement \n \n {QUOTE} \n \n Follow Eastbay Wire on Twitter"
    (cleaned,) = clean_articles([Article(text=document)])
    assert cleaned.text == f"{WIRE}\n\n{QUOTE}"
    assert cleaned.removed == ("Advertisement", "Follow Eastbay Wire on Twitter")
    assert cleaned.title is None


def test_an_article_of_furniture_only_is_left_empty_with_a_warning() -> None:
    with pytest.warns(CrosswireWarning, match="page furniture"):
        (cleaned,) = clean_articles([Article(text="Skip to main content\nAdvertisement", source="x.txt")])
    assert cleaned.text == ""
    assert cleaned.removed == ("Skip to main content", "Advertisement")


# Invented: what a web archive's crawl page, a missing page and a parked domain say about themselves.
SITE_NOTICES = (
    'Crawls of outlinks from partner "Keep Every Link" sites.',  # quoted, still furniture
    "The seed list for this crawl was every host in the collection.",
    "Sorry, the page you requested could not be found.",
    "If you are trying to reach a page from a bookmark, the page URL may have changed.",
    "You're Almost There...",
)
COMMENT_CALL = "Tell us what you think of the new bridge in the comments below."
ABOUT_ARCHIVES_AND_COMMENTS = (
    "The Internet Archive said on Tuesday that its crawls had saved 9,000 pages of the council's website.",
    "The Internet Archive is a nonprofit library that keeps copies of old web pages.",
    "Organised pub crawls of the old town were banned in 2019.",
    "The seed list for the Orlen Open puts the champion first.",
    "The inspection reports on the bridge are not publicly accessible.",
    "Brandt drew some teasing in the comments under the council's video of the pier.",
)


def test_archive_crawl_notes_error_pages_and_comment_calls_are_site_furniture() -> None:
    # An article that mentions a notice: the notice-page rule (a page opening on one) stays out of it.
    lines = (ABOUT_ARCHIVES_AND_COMMENTS[0], *SITE_NOTICES, COMMENT_CALL, *ABOUT_ARCHIVES_AND_COMMENTS[1:])
    kinds = dict(classify_lines("\n\n".join(lines)))
    for notice in SITE_NOTICES:
        assert kinds[notice] == cleanrules.SITE_NOTICE, notice
    assert kinds[COMMENT_CALL] == cleanrules.PROMO
    for (
        sentence
    ) in ABOUT_ARCHIVES_AND_COMMENTS:  # news about archives, crawls and comments, not the site's own voice
        assert kinds[sentence] is None, sentence


# Invented newswire copy in the LDC's format, with the wire's notes to editors.
WIRE_COPY = (
    "&UR; (Distributed by Orvale Wire Features) &LR; &QC;\n"
    "ORVALE, Del. _ The ferry ran late all week. &QL;\n"
    "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)\n"
    "Fares rose twice last year.\n"
    "(BEGIN OPTIONAL TRIM)\n"
    "Distributed by the county, the new timetable lists every crossing.\n"
    "(END OPTIONAL TRIM) Captains said the winter schedule would stay.\n"
    "nn\n"
    "XXXX END OF STORY &QL;"
)


def test_wire_notes_and_typesetting_codes_are_removed() -> None:
    (cleaned,) = clean_articles([Article(text=WIRE_COPY)])
    assert [line for line in cleaned.text.split("\n") if line] == [
        "ORVALE, Del. _ The ferry ran late all week.",
        "Fares rose twice last year.",
        "Distributed by the county, the new timetable lists every crossing.",
        "(END OPTIONAL TRIM) Captains said the winter schedule would stay.",  # a note glued to news stays
    ]
    assert "&QL;" in cleaned.removed and "(Distributed by Orvale Wire Features)" in cleaned.removed
    kinds = dict(classify_lines(WIRE_COPY))
    for note in (
        "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)",
        "(BEGIN OPTIONAL TRIM)",
        "nn",
        "XXXX END OF STORY",
    ):
        assert kinds[note] == cleanrules.WIRE_NOTE, note


def test_a_repeated_line_is_recognised_with_typesetting_codes_around_it() -> None:
    texts = [
        f"{WIRE}\n\n&QL; NEXT WEEK: THE FERRY FLEET &QL;\n\nThe mayor visited the site on Friday.",
        f"{WIRE}\n\nNEXT WEEK: THE FERRY FLEET\n\nTraffic was diverted through the old town.",
    ]
    repeated = repeated_lines(texts)
    cleaned, removed = clean_text(texts[0], repeated=repeated)
    assert "NEXT WEEK: THE FERRY FLEET" in removed
    assert "FERRY FLEET" not in cleaned and "The mayor visited the site on Friday." in cleaned


def test_syndicate_sales_notes_go_but_a_paragraph_they_are_glued_to_stays() -> None:
    pitch = "(To purchase this article, contact an Orvale Syndicate sales executive near you at 555-0100.)"
    long_paragraph = " ".join(["The ferry board voted to keep fares where they are for another year."] * 6)
    kinds = dict(classify_lines(f"{pitch}\n\n{long_paragraph} {pitch}"))
    assert kinds[pitch] == cleanrules.WIRE_NOTE
    assert kinds[f"{long_paragraph} {pitch}"] is None


def test_video_player_text_is_a_widget_even_with_quotes() -> None:
    lines = (
        "JUST WATCHED Orvale ferry sinks at dock Replay More Videos ... MUST WATCH Orvale ferry sinks 01:12",
        'Skip in Skip x Embed x Share The ferry "simply tipped over," a witness said. | 0:46',
    )
    report = "The ferry captain said he had just watched the tide turn when the hull tipped."
    kinds = dict(classify_lines("\n\n".join((*lines, report))))
    for line in lines:
        assert kinds[line] == cleanrules.WIDGET, line
    assert kinds[report] is None
