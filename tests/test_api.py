"""The Python API: option parity with the CLI, rendering methods, short reprs, API-worded errors."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

import crosswire
from crosswire import CrosswireError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
WEB = EXAMPLES / "web"
FEED = EXAMPLES / "feed" / "harbour-news.rss"


@pytest.fixture(scope="module")
def web_brief() -> crosswire.Brief:
    return crosswire.brief(WEB, words=60, analyze=False)


def test_repr_of_a_brief_stays_short(web_brief: crosswire.Brief) -> None:
    text = repr(web_brief)
    assert len(text) < 300
    assert "Velmora ferry strike" in text
    assert len(repr(web_brief.story)) < 300
    assert len(repr(web_brief.story.articles[0])) < 300


def test_a_brief_renders_itself(web_brief: crosswire.Brief) -> None:
    assert web_brief.to_markdown().startswith(f"# {web_brief.headline}")
    record = json.loads(web_brief.to_json())
    assert "Velmora" in json.dumps(record)
    html = web_brief.to_html()
    assert html.lstrip().lower().startswith("<!doctype html") and "Velmora" in html


def test_the_api_has_the_cli_options() -> None:
    for function in (crosswire.brief, crosswire.briefs):
        parameters = inspect.signature(function).parameters
        assert {"words", "query", "analyze", "since", "input_format", "overrun"} <= set(parameters)
        assert function.__doc__ and "since" in (crosswire.briefs.__doc__ or "")


def test_overrun_runs_past_the_budget() -> None:
    plain = crosswire.brief(WEB, words=30, analyze=False)
    past = crosswire.brief(WEB, words=30, analyze=False, overrun=True)
    assert plain.word_count <= 30 < past.word_count


def test_input_format_is_obeyed() -> None:
    as_text = crosswire.brief(WEB / "ferry-strike-gazette.html", words=40, analyze=False, input_format="text")
    assert "<p>" in as_text.story.articles[0].text


def test_since_covers_only_what_is_new() -> None:
    everything = crosswire.brief([WEB, FEED], words=60, analyze=False)
    update = crosswire.brief(FEED, words=60, analyze=False, since=WEB)
    assert update.sentences
    assert {s.text for s in update.sentences} != {s.text for s in everything.sentences}
    assert len(crosswire.briefs(FEED, words=60, analyze=False, since=[WEB])) == 1


def test_errors_are_worded_for_the_api() -> None:
    with pytest.raises(CrosswireError) as caught:
        crosswire.brief(WEB, words=5, analyze=False)
    assert "--words" not in str(caught.value) and "at least 10" in str(caught.value)


def test_a_budget_beyond_the_content_is_noted() -> None:
    result = crosswire.brief(WEB, words=100_000, analyze=False)
    assert any("exceeds the content" in w for w in result.warnings)
    assert "exceeds the content" in result.to_markdown()
    assert not any("exceeds" in w for w in crosswire.brief(WEB, words=60, analyze=False).warnings)


def test_help_shows_the_api_not_dataclass_boilerplate() -> None:
    import pydoc

    text = pydoc.render_doc(crosswire, renderer=pydoc.plaintext)
    assert len(text.splitlines()) < 300
    assert "since" in text and "to_markdown" in text
