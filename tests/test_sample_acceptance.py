"""Acceptance on the real shared sample cluster, when it sits beside the checkout.

The sample holds real articles with web junk left in; these tests read it in
place (it is never copied into the repo) and are skipped where it is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from crosswire.align import near_duplicate
from crosswire.cli import main
from crosswire.model import Article
from crosswire.segment import segment_article

SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "samples" / "syria-airstrikes"

pytestmark = pytest.mark.skipif(not SAMPLE.is_dir(), reason=f"shared sample not found at {SAMPLE}")

# Web junk of each kind that the sample carries (navigation, promo, caption or
# credit, outlet boilerplate, comments). None may survive cleaning.
JUNK_MARKERS = (
    "Close this search box",
    "Skip to main content",
    "Accessibility links",
    "Photo by:",
    "File photo shows",
    "(L) and US Secretary",
    "RAF Typhoons fly over",
    "Stay informed with",
    "Sign up to get the latest",
    "delivers independent and unrivalled coverage",
    "journalists report the news in 27 languages",
    "undesirable organization",
    "To find out more, click here",
    "TRTWorld and agencies",
    "Leave a Reply",
    "Popular Posts",
    "16x9 Image",
    "stupid Obama",
    "obpu",
    "Breaking News",
    "8 Responses",
    "With reporting by Reuters",
    "More about MEE can be found here",
)


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def sample_story() -> dict[str, Any]:
    result = CliRunner().invoke(main, ["brief", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert len(document["stories"]) == 1
    story: dict[str, Any] = document["stories"][0]
    return story


def test_brief_length_is_within_the_target(sample_story: dict[str, Any]) -> None:
    words = sum(len(s["text"].split()) for s in sample_story["brief"])
    assert 180 <= words <= 280


def test_each_sentence_is_in_every_article_it_cites(sample_story: dict[str, Any]) -> None:
    texts = {a["id"]: a["text"] for a in sample_story["articles"]}
    sentences_by_article = {
        a: [s.text for s in segment_article(Article(text=t, id=a))] for a, t in texts.items()
    }
    for sentence in sample_story["brief"]:
        assert sentence["citations"], sentence
        source = sentence["from"]
        assert source["article"] in sentence["citations"]
        for cited in sentence["citations"]:
            text = _normalise(texts[cited])
            if _normalise(sentence["text"]) in text:
                continue
            assert any(near_duplicate(sentence["text"], other) for other in sentences_by_article[cited]), (
                f"{cited} does not carry: {sentence['text']}"
            )


def test_no_junk_in_brief_or_cleaned_text(sample_story: dict[str, Any]) -> None:
    brief_text = " ".join(s["text"] for s in sample_story["brief"])
    for marker in JUNK_MARKERS:
        assert marker not in brief_text, marker
        for article in sample_story["articles"]:
            assert marker not in article["text"], f"{marker!r} left in {article['id']}"
            assert marker not in (article["title"] or "")


def test_brief_reads_by_development_with_named_speakers(sample_story: dict[str, Any]) -> None:
    """Issue 17: main news first, then one paragraph per development in date order; quotes named."""
    brief = sample_story["brief"]
    dates = {a["id"]: (a.get("published") or "")[:10] for a in sample_story["articles"]}
    assert brief[0]["paragraph"] == 0
    assert dates[brief[0]["from"]["article"]] >= "2015-12-29"  # the main news: three of five articles
    rest = brief[1:]
    assert [s["paragraph"] for s in rest] == sorted(s["paragraph"] for s in rest)
    months = {dates[s["from"]["article"]][:7] for s in rest}
    assert {"2015-11", "2015-12"} <= months
    by_paragraph: dict[int, set[str]] = {}
    for sentence in rest:
        by_paragraph.setdefault(sentence["paragraph"], set()).add(dates[sentence["from"]["article"]])
    assert len(by_paragraph) == 3 and all(len(days) == 1 for days in by_paragraph.values())
    for sentence in brief:
        assert not re.search(r"\b(?:he|she) (?:said|added|told)\b", sentence["text"]) or _follows(
            brief, sentence
        )


def _follows(brief: list[dict[str, Any]], sentence: dict[str, Any]) -> bool:
    """An unnamed speaker is fine right after its own article's previous sentence, which names him."""
    k = brief.index(sentence)
    return k > 0 and brief[k - 1]["from"]["article"] == sentence["from"]["article"]


def test_the_sample_is_one_story_with_three_dated_developments() -> None:
    from crosswire.pipeline import Pipeline

    found = Pipeline(analyze=False).find_stories(Pipeline(analyze=False).read([SAMPLE]))
    assert len(found.stories) == 1 and not found.singletons
    developments = found.stories[0].developments
    assert len(developments) == 3
    months = [d.date[:7] if d.date else "" for d in developments]
    assert months == ["2015-11", "2015-12", "2015-12"]
    assert developments[1].date is not None and "2015-12-05" <= developments[1].date <= "2015-12-10"
    assert developments[2].date is not None and developments[2].date >= "2015-12-28"


# A direct quote's speaker: a capitalised name or a bracketed insertion next to a reporting verb.
_NAMED_SPEAKER = re.compile(
    r"(?:[A-Z][\w’'.-]+|\])\s+(?:said|says|added|told|stated)\b|\b(?:said|says|told)\s+(?:\w+\s+){0,3}[A-Z]"
)


def test_brief_mentions_the_widely_reported_killing(sample_story: dict[str, Any]) -> None:
    """Issue 17: the rebel commander's killing, reported by three of the five articles, is in the brief."""
    assert any("Alloush" in s["text"] for s in sample_story["brief"])


def test_every_quote_has_a_named_speaker_and_none_dominates(sample_story: dict[str, Any]) -> None:
    brief = sample_story["brief"]
    for sentence in brief:
        if re.search(r"[\"“](?:\S+\s+){3,}[^\"”]*[\"”]", sentence["text"]):  # a quote, not a quoted word
            assert _NAMED_SPEAKER.search(sentence["text"]) or _follows(brief, sentence), sentence["text"]
    assert sum("Toner" in s["text"] for s in brief) <= 3  # the spokesman quoted by every December article
