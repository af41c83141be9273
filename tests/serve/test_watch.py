"""The feed watcher against a local HTTP server on 127.0.0.1 serving fixture feeds and pages."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosswire.cli import main
from crosswire.errors import CrosswireError
from crosswire.serve.fetch import check_url
from crosswire.serve.watch import MAX_PARSE_FAILURES, Watcher, parse_interval
from crosswire.store import Store
from tests.serve.conftest import free_port

FEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "serve" / "feeds"


class FeedSite:
    """What the fixture server serves; ``hits`` counts requests by path."""

    def __init__(self) -> None:
        self.feed = "news.rss"
        self.hits: Counter[str] = Counter()
        self.not_modified = 0
        self.host = ""

    def body(self, name: str) -> bytes:
        return (FEEDS / name).read_text(encoding="utf-8").replace("HOST", self.host).encode()


@pytest.fixture
def site() -> Iterator[FeedSite]:
    state = FeedSite()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: object) -> None:
            pass

        def send(self, status: int, body: bytes = b"", **headers: str) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key.replace("_", "-"), value)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path
            state.hits[path] += 1
            if path == "/feed.rss":
                body = state.body(state.feed)
                etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
                if self.headers.get("if-none-match") == etag:
                    state.not_modified += 1
                    return self.send(304, etag=etag)
                return self.send(200, body, content_type="application/rss+xml", etag=etag,
                                 last_modified="Fri, 06 Jun 2025 16:00:00 GMT")
            if path.startswith("/pages/"):
                target = FEEDS / "pages" / path.removeprefix("/pages/")
                return self.send(200, target.read_bytes(), content_type="text/html") if target.is_file() else self.send(404)
            if path == "/malformed.rss":
                return self.send(200, state.body("malformed.rss"), content_type="application/rss+xml")
            if path == "/slow.rss":
                time.sleep(3)
                return self.send(200, state.body("news.rss"))
            if path == "/huge.rss":
                return self.send(200, b"<rss>" + b"x" * 300_000 + b"</rss>")
            if path == "/loop.rss":
                return self.send(302, location="/loop.rss")
            if path == "/busy.rss":
                return self.send(503, b"busy", retry_after="120")
            return self.send(404)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.host = f"127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def watcher(tmp_path: Path, clock: Clock) -> Watcher:
    return Watcher(tmp_path / "watch.db", interval=60, allow_private=True, timeout=1.0, max_feed_bytes=100_000,
                   clock=clock)


def test_new_articles_are_fetched_once_and_unchanged_feeds_are_304(site: FeedSite, tmp_path: Path) -> None:
    clock = Clock()
    feed = f"http://{site.host}/feed.rss"
    watch = watcher(tmp_path, clock)
    first = watch.poll(feed)
    assert (first.outcome, first.added) == ("new", 2)
    with Store(tmp_path / "watch.db") as store:
        titles = {r[0] for r in store.connection.execute("SELECT title FROM articles")}
        texts = " ".join(r[0] for r in store.connection.execute("SELECT record FROM articles"))
    assert titles == {"Tarn islands ferry strike enters second day", "Tarn Lines offers talks as strike goes on"}
    assert "4,000 passengers" in texts and "All rights reserved" not in texts  # the page, extracted
    assert watch.poll(feed).outcome == "waiting"  # not due yet
    clock.now += 61
    assert watch.poll(feed).outcome == "unchanged"
    assert site.not_modified == 1
    site.feed = "news-updated.rss"
    clock.now += 61
    third = watch.poll(feed)
    assert (third.outcome, third.added) == ("new", 1)
    pages = {p: n for p, n in site.hits.items() if p.startswith("/pages/")}
    assert pages == {"/pages/strike-day-two.html": 1, "/pages/strike-talks.html": 1, "/pages/strike-ends.html": 1}


def test_broken_feeds_are_logged_and_survived(site: FeedSite, tmp_path: Path,
                                              caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="crosswire.watch")
    clock = Clock()
    watch = watcher(tmp_path, clock)
    down = f"http://127.0.0.1:{free_port()}/feed.rss"
    cases = {
        down: "could not fetch",
        f"http://{site.host}/slow.rss": "timed out",
        f"http://{site.host}/huge.rss": "cap",
        f"http://{site.host}/loop.rss": "redirect",
        f"http://{site.host}/busy.rss": "HTTP 503",
        f"http://{site.host}/malformed.rss": "parse failure",
    }
    for url, reason in cases.items():
        result = watch.poll(url)
        assert result.outcome == "error", (url, result)
        assert reason in result.message, (url, result.message)
        assert any(url in r.getMessage() and reason in r.getMessage() for r in caplog.records), url
    with Store(tmp_path / "watch.db") as store:
        due = dict(store.connection.execute("SELECT url, next_poll FROM feeds").fetchall())
    assert due[f"http://{site.host}/busy.rss"] >= clock.now + 120  # Retry-After honoured
    assert due[down] == clock.now + 60
    clock.now += 61
    watch.poll(down)
    with Store(tmp_path / "watch.db") as store:
        again = store.connection.execute("SELECT next_poll FROM feeds WHERE url = ?", (down,)).fetchone()[0]
    assert again == clock.now + 120  # backed off exponentially


def test_repeated_parse_failures_stop_the_feed(site: FeedSite, tmp_path: Path) -> None:
    clock = Clock()
    watch = watcher(tmp_path, clock)
    url = f"http://{site.host}/malformed.rss"
    outcomes = []
    for _ in range(MAX_PARSE_FAILURES + 1):
        outcomes.append(watch.poll(url, force=True))
    assert [o.outcome for o in outcomes] == ["error"] * (MAX_PARSE_FAILURES - 1) + ["stopped", "stopped"]
    assert "parse failures" in outcomes[-1].message
    assert site.hits["/malformed.rss"] == MAX_PARSE_FAILURES  # a stopped feed is not fetched again


def test_private_addresses_and_other_schemes_are_refused(site: FeedSite, tmp_path: Path) -> None:
    refusing = Watcher(tmp_path / "w.db", interval=60)
    result = refusing.poll(f"http://{site.host}/feed.rss")
    assert result.outcome == "error" and "refused" in result.message
    assert site.hits["/feed.rss"] == 0
    for url in ("file:///etc/passwd", "gopher://example.com/", "http://192.168.1.10/x", "http://localhost/x"):
        with pytest.raises(CrosswireError):
            check_url(url)
    check_url(f"http://{site.host}/feed.rss", allow_private=True)


def test_watch_command_once(site: FeedSite, tmp_path: Path) -> None:
    config = tmp_path / "feeds.txt"
    config.write_text(f"# fixture feeds\nhttp://{site.host}/feed.rss\nhttp://{site.host}/loop.rss\n")
    result = CliRunner().invoke(main, ["watch", "--db", str(tmp_path / "cli.db"), "--config", str(config), "--once",
                                       "--allow-private", "--every", "5m"])
    assert result.exit_code == 0, result.output
    with Store(tmp_path / "cli.db") as store:
        assert store.counts()["articles"] == 2
    assert parse_interval("10m") == 600 and parse_interval("90") == 90
    with pytest.raises(CrosswireError):
        parse_interval("soon")
