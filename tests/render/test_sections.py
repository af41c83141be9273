"""The analysis sections read well in Markdown and HTML (real analysis, invented story)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from crosswire import brief as make_brief
from crosswire.model import Brief
from crosswire.render import render

ARTICLES = {
    "one.txt": """Flood closes Tarvik rail line
Published: April 9, 2025

Floodwater closed the rail line between Tarvik and Esby on Tuesday, stranding about 800 passengers, the rail operator said.

"We will not reopen the line until engineers have checked every bridge," said operations director Paulo Brandt.

The operator said 14 trains were cancelled.

Residents blamed the council for failing to clear drains, but the council denied the claim and blamed record rainfall.
""",
    "two.txt": """Tarvik rail line shut by flooding
Published: April 9, 2025

Floodwater closed the rail line between Tarvik and Esby on Tuesday, stranding about 800 passengers, the rail operator said.

"We will not reopen the line until engineers have checked every bridge," said operations director Paulo Brandt.

Brandt said 22 trains were cancelled on Tuesday.

Heavy rain began on Sunday and continued through Monday.
""",
}


@pytest.fixture(scope="module")
def flood_brief(tmp_path_factory: pytest.TempPathFactory) -> Brief:
    folder: Path = tmp_path_factory.mktemp("flood")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return make_brief(folder, words=80)


def test_markdown_shows_every_section(flood_brief: Brief) -> None:
    text = render([flood_brief], "markdown")
    for title in (
        "## Confirmed by several outlets",
        "## Figures",
        "## Who said what",
        "## Timeline",
        "## Sources",
    ):
        assert title in text


def test_disagreeing_figures_are_flagged(flood_brief: Brief) -> None:
    text = render([flood_brief], "markdown")
    flagged = [line for line in text.splitlines() if "FIGURES DISAGREE" in line]
    assert flagged, text
    assert "14" in flagged[0] and "22" in flagged[0]
    section = text.split("## Figures", 1)[1].split("\n## ", 1)[0]
    differences = [line for line in section.splitlines() if " vs " in line and line.startswith("  - ")]
    assert differences, section
    assert all(re.search(r"\[[12]\].* vs .*\[[12]\]", line) for line in differences)  # the reader's numbers
    assert not any(article.id in section for article in flood_brief.story.articles)  # never the internal ids


def test_quote_shows_speaker_and_every_outlet(flood_brief: Brief) -> None:
    text = render([flood_brief], "markdown")
    line = next(
        line for line in text.splitlines() if "checked every bridge" in line and line.startswith("- ")
    )
    assert "Paulo Brandt" in line
    assert line.rstrip().endswith("[1][2]")


def test_timeline_is_ordered_and_relative_dates_resolved(flood_brief: Brief) -> None:
    text = render([flood_brief], "markdown")
    section = text.split("## Timeline", 1)[1].split("\n## ", 1)[0]
    dates = re.findall(r"^- (\d{4}-\d{2}-\d{2})", section, flags=re.MULTILINE)
    assert dates == sorted(dates)
    assert "2025-04-08" in dates  # "on Tuesday" in articles published Wednesday 9 April
    assert "2025-04-06" in dates  # "on Sunday"


def test_html_flags_figures_and_links_section_citations(flood_brief: Brief) -> None:
    tree = lxml_html.fromstring(render([flood_brief], "html"))
    flags = tree.xpath('//section[@class="figures"]//span[@class="flag"]')
    assert any(f.text == "FIGURES DISAGREE" for f in flags)
    for link in tree.xpath('//section[@class="quotes"]//a[@class="cite"]'):
        assert tree.get_element_by_id(link.get("href")[1:]) is not None
