"""The web UI in a real browser: Playwright driving Debian's Chromium (never a downloaded one)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.serve.conftest import FIXTURES, TOKEN, Server, wait_for_brief

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HIGHLIGHT = "rgb(255, 224, 102)"  # span.s:target in style.css

if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def test_citation_click_highlights_the_cited_sentence(browser: Any, server: Server, orlen: dict[str, Any],
                                                      shots: Path) -> None:
    record = wait_for_brief(server, orlen["story"])
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server.url}/stories/{orlen['story']}")
    assert page.locator("h1").inner_text() == record["headline"]
    first = page.locator("section.brief a.cite").first
    cited_article = first.get_attribute("data-article")
    first.click()
    target = page.locator(":target")
    assert target.count() == 1
    highlighted = target.inner_text()
    article = next(a for a in record["articles"] if a["id"] == cited_article)
    assert highlighted and highlighted in article["text"]
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") == HIGHLIGHT
    assert target.is_visible()
    # the cited sentence says what the brief sentence says
    brief_words = set(record["brief"][0]["text"].lower().split())
    assert len(brief_words & set(highlighted.lower().split())) >= len(brief_words) // 2
    page.screenshot(path=str(shots / "story-citation.png"))
    assert page.locator("svg.timeline, svg.coverage").count() >= 1
    assert errors == []
    page.close()


def test_injected_script_stays_inert(browser: Any, server: Server, injected: dict[str, Any], shots: Path) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{server.url}/stories/{injected['story']}")
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("script").count() == 0
    assert page.locator("main img").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert "<script>window.__pwned = 1</script>" in page.locator("section.sources").inner_text()
    for link in page.locator("section.sources a").all()[:5]:
        assert not (link.get_attribute("href") or "").startswith("javascript")
    assert dialogs == []
    page.screenshot(path=str(shots / "story-injected.png"), full_page=True)
    page.close()


def test_phone_width_layout(browser: Any, server: Server, orlen: dict[str, Any], shots: Path) -> None:
    wait_for_brief(server, orlen["story"])
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True)
    page.goto(f"{server.url}/stories/{orlen['story']}")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 375, f"the page is {width} px wide at phone width"
    sources = page.locator("section.source")
    assert sources.count() >= 2
    first, second = sources.nth(0).bounding_box(), sources.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"] - 1  # stacked, not side by side
    page.screenshot(path=str(shots / "story-phone.png"), full_page=False)
    page.goto(f"{server.url}/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    page.close()


def test_keyboard_reaches_the_brief_citations(browser: Any, server: Server, orlen: dict[str, Any]) -> None:
    wait_for_brief(server, orlen["story"])
    page = browser.new_page()
    page.goto(f"{server.url}/stories/{orlen['story']}")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('cite')"):
            break
    else:
        raise AssertionError("no citation reachable by Tab")
    page.keyboard.press("Enter")
    assert page.locator(":target").evaluate("e => getComputedStyle(e).backgroundColor") == HIGHLIGHT
    page.close()


def test_upload_form_makes_a_story(browser: Any, server: Server, shots: Path) -> None:
    page = browser.new_page()
    page.goto(f"{server.url}/add")
    page.set_input_files("input[name=files]", [str(FIXTURES / "upload-one.txt"), str(FIXTURES / "upload-two.txt")])
    page.fill("input[name=token]", TOKEN)
    page.click("button[type=submit]")
    page.wait_for_url("**/stories/s*")
    story_id = page.url.rsplit("/", 1)[1]
    wait_for_brief(server, story_id)
    page.reload()
    assert page.locator("section.brief a.cite").count() >= 1
    page.locator("section.brief a.cite").first.click()
    assert page.locator(":target").evaluate("e => getComputedStyle(e).backgroundColor") == HIGHLIGHT
    page.screenshot(path=str(shots / "uploaded-story.png"))
    page.close()


def test_paste_box_without_token_is_refused(browser: Any, server: Server) -> None:
    page = browser.new_page()
    page.goto(f"{server.url}/add")
    page.fill("textarea[name=text]", "Pasted title\n\nSome pasted article text about the Orlen dam and its gate.")
    page.fill("input[name=token]", "wrong")
    page.click("button[type=submit]")
    assert '"unauthorized"' in page.content()
    page.close()


def test_whats_new_since_the_last_visit(browser: Any, server: Server) -> None:
    first = [
        {"title": "Wrenfield library flooded by burst main", "outlet": "Wren Post", "published": "2025-07-01",
         "url": "https://wren-post.example/library",
         "text": "A burst water main flooded the ground floor of Wrenfield central library on Tuesday night, "
                 "soaking about 12,000 books, the city council said.\n\nThe library will stay closed for a month."},
        {"title": "Books soaked as water main bursts under Wrenfield library", "outlet": "City Wire",
         "published": "2025-07-01", "url": "https://city-wire.example/library",
         "text": "A burst water main flooded the ground floor of Wrenfield central library on Tuesday night, "
                 "soaking about 12,000 books, the city council said.\n\nVolunteers carried boxes to a dry store."},
    ]
    later = [{"title": "Wrenfield library to reopen, rare maps saved", "outlet": "Wren Post", "published": "2025-07-09",
              "url": "https://wren-post.example/library-reopens",
              "text": "Wrenfield central library, flooded by a burst water main last week, will reopen on Monday, "
                      "and conservators saved all 40 of its rare maps, the city council said."}]
    with server.client() as client:
        story_id = client.post("/api/articles", json=first).json()["articles"][0]["story"]
    wait_for_brief(server, story_id)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server.url}/stories/{story_id}")
    assert page.locator("section.whats-new").count() == 0  # first visit
    with server.client() as client:
        added = client.post("/api/articles", json=later).json()["articles"][0]
    assert added["story"] == story_id
    wait_for_brief(server, story_id)
    page.reload()
    section = page.locator("section.whats-new")
    assert section.count() == 1
    assert "rare maps" in section.inner_text() and "1 article added" in section.inner_text()
    page.reload()
    assert page.locator("section.whats-new").count() == 0  # seen now
    context.close()
