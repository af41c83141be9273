"""The feed watcher: polls RSS and Atom feeds the way well-kept feed readers do.

Per feed, the store keeps the ETag and Last-Modified (sent back as
If-None-Match and If-Modified-Since), the error count (exponential backoff,
and Retry-After honoured), and the parse failures: after
``MAX_PARSE_FAILURES`` in a row the feed is stopped, with the reason logged
and stored. Each new entry's page is fetched once (the store remembers
fetched pages), extracted by the HTML reader (trafilatura) and ingested;
when a page cannot be read, the entry's own text stands in, and the log says
so. Feeds and pages have size caps and timeouts (``crosswire.serve.fetch``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from email.utils import parsedate_to_datetime
from pathlib import Path

from crosswire.errors import CrosswireError
from crosswire.ingest import read_bytes
from crosswire.model import Article
from crosswire.pipeline import Pipeline
from crosswire.serve.fetch import MAX_PAGE_BYTES, Fetched, fetch
from crosswire.store import Store, ingest
from crosswire.stories import with_stable_ids

log = logging.getLogger("crosswire.watch")

MAX_FEED_BYTES = 5 * 1024 * 1024
MAX_PARSE_FAILURES = 3
MAX_BACKOFF = 6 * 3600.0
MAX_RETRY_AFTER = 24 * 3600.0
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class PollResult:
    """``outcome``: "new" (read; ``added`` articles stored), "unchanged" (304), "error",
    "stopped" (too many parse failures) or "waiting" (not due yet)."""

    feed: str
    outcome: str
    added: int = 0
    message: str = ""


def parse_interval(text: str) -> float:
    """"90", "90s", "10m", "2h" -> seconds."""
    text = text.strip().lower()
    unit = UNITS.get(text[-1:])
    number = text[:-1] if unit else text
    try:
        seconds = float(number) * (unit or 1)
    except ValueError:
        raise CrosswireError(f"--every: not an interval: {text!r} (try 90s, 10m or 1h)") from None
    if seconds <= 0:
        raise CrosswireError(f"--every must be positive, got {text!r}")
    return seconds


def feeds_of(urls: Sequence[str], config: Path | None) -> list[str]:
    """The feed URLs given, then those listed in ``config`` (one a line, # comments)."""
    found = [u.strip() for u in urls if u.strip()]
    if config is not None:
        try:
            lines = config.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            raise CrosswireError(f"cannot read the feeds list: {error.strerror}", source=str(config)) from None
        found += [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]
    if not found:
        raise CrosswireError("give feed URLs, or a --config file listing them")
    return list(dict.fromkeys(found))


class Watcher:
    """Polls feeds into the store at ``db``; ``clock`` is injectable so backoff is testable."""

    def __init__(
        self,
        db: Path,
        *,
        interval: float = 600.0,
        allow_private: bool = False,
        timeout: float = 10.0,
        max_feed_bytes: int = MAX_FEED_BYTES,
        max_page_bytes: int = MAX_PAGE_BYTES,
        pipeline: Pipeline | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = db
        self.interval = interval
        self.allow_private = allow_private
        self.timeout = timeout
        self.max_feed_bytes = max_feed_bytes
        self.max_page_bytes = max_page_bytes
        self.pipeline = pipeline or Pipeline(analyze=False)
        self.clock = clock

    def add_feeds(self, urls: Sequence[str]) -> None:
        with Store(self.db) as store:
            for url in urls:
                store.connection.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (url,))

    def poll_due(self, urls: Sequence[str]) -> list[PollResult]:
        return [self.poll(url) for url in urls]

    def next_due(self, urls: Sequence[str]) -> float:
        with Store(self.db) as store:
            marks = ",".join("?" * len(urls))
            row = store.connection.execute(
                f"SELECT MIN(next_poll) FROM feeds WHERE stopped IS NULL AND url IN ({marks})", list(urls)
            ).fetchone()
        return float(row[0]) if row and row[0] is not None else float("inf")

    def poll(self, url: str, force: bool = False) -> PollResult:
        """One poll of one feed, if it is due (or ``force``)."""
        with Store(self.db) as store:
            db = store.connection
            db.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (url,))
            etag, modified, errors, failures, due, stopped = db.execute(
                "SELECT etag, last_modified, errors, parse_failures, next_poll, stopped FROM feeds WHERE url = ?", (url,)
            ).fetchone()
            if stopped:
                return PollResult(url, "stopped", message=stopped)
            now = self.clock()
            if not force and due > now:
                return PollResult(url, "waiting")
            headers = {}
            if etag:
                headers["if-none-match"] = etag
            if modified:
                headers["if-modified-since"] = modified
            try:
                page = fetch(url, allow_private=self.allow_private, max_bytes=self.max_feed_bytes, headers=headers,
                             timeout=self.timeout)
            except CrosswireError as error:
                return self._failed(store, url, errors, now, str(error))
            if page.status == 304:
                self._update(store, url, errors=0, next_poll=now + self.interval)
                log.info("%s: unchanged (304)", url)
                return PollResult(url, "unchanged")
            if page.status != 200:
                wait = _retry_after(page, now)
                return self._failed(store, url, errors, now, f"{url}: HTTP {page.status}", wait)
            try:
                entries = read_bytes(page.body, url, "feed")
            except CrosswireError as error:
                return self._parse_failed(store, url, errors, failures + 1, now, str(error))
            self._update(store, url, errors=0, parse_failures=0, next_poll=now + self.interval,
                         etag=page.headers.get("etag"), last_modified=page.headers.get("last-modified"))
            added = self._ingest_entries(store, url, entries)
        log.info("%s: %d new article%s", url, added, "" if added == 1 else "s")
        return PollResult(url, "new", added=added)

    # -- entries -------------------------------------------------------------

    def _ingest_entries(self, store: Store, feed: str, entries: Sequence[Article]) -> int:
        fresh = [e for e in entries if not e.url or not _fetched(store, e.url)]
        articles: list[Article] = []
        outcomes: list[tuple[str, str]] = []
        for entry in fresh:
            article, outcome = self._article_of(entry)
            if article is not None:
                articles.append(article)
            if entry.url:
                outcomes.append((entry.url, outcome))
        report = ingest(self.pipeline, store, with_stable_ids(articles)) if articles else None
        store.connection.executemany(
            "INSERT OR IGNORE INTO fetched_pages (url, feed, outcome) VALUES (?, ?, ?)",
            [(u, feed, o) for u, o in outcomes],
        )
        return 0 if report is None else len(report.added)

    def _article_of(self, entry: Article) -> tuple[Article | None, str]:
        """The entry's page, extracted; else the entry's own text."""
        if not entry.url:
            return entry, "no link"
        try:
            page = fetch(entry.url, allow_private=self.allow_private, max_bytes=self.max_page_bytes,
                         timeout=self.timeout)
            if page.status != 200:
                raise CrosswireError(f"HTTP {page.status}", source=entry.url)
            (article, *_) = read_bytes(page.body, page.url, "html")
        except CrosswireError as error:
            log.warning("%s: page not read (%s); using the feed entry's text", entry.url, error)
            return (entry if entry.text.strip() else None), f"entry text: {error}"
        return replace(
            article,
            url=entry.url,
            title=article.title or entry.title,
            outlet=entry.outlet or article.outlet,
            published=article.published or entry.published,
        ), "page"

    # -- state ---------------------------------------------------------------

    def _failed(self, store: Store, url: str, errors: int, now: float, reason: str, wait: float = 0.0) -> PollResult:
        errors += 1
        backoff = min(self.interval * 2 ** (errors - 1), MAX_BACKOFF)
        delay = max(backoff, wait)
        self._update(store, url, errors=errors, next_poll=now + delay)
        log.warning("%s: %s; retrying in %.0f s (error %d)", url, reason, delay, errors)
        return PollResult(url, "error", message=reason)

    def _parse_failed(
        self, store: Store, url: str, errors: int, failures: int, now: float, reason: str
    ) -> PollResult:
        if failures >= MAX_PARSE_FAILURES:
            stopped = f"stopped after {failures} parse failures in a row: {reason}"
            self._update(store, url, parse_failures=failures, stopped=stopped)
            log.error("%s: %s", url, stopped)
            return PollResult(url, "stopped", message=stopped)
        self._update(store, url, parse_failures=failures)
        return self._failed(store, url, errors, now, f"parse failure {failures}: {reason}")

    def _update(self, store: Store, url: str, **values: object) -> None:
        values["checked_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.clock()))
        columns = ", ".join(f"{k} = ?" for k in values)
        store.connection.execute(f"UPDATE feeds SET {columns} WHERE url = ?", [*values.values(), url])


def _fetched(store: Store, url: str) -> bool:
    return store.connection.execute("SELECT 1 FROM fetched_pages WHERE url = ?", (url,)).fetchone() is not None


def _retry_after(page: Fetched, now: float) -> float:
    """Seconds the server asked us to wait (a number or an HTTP date), capped at a day."""
    value = page.headers.get("retry-after", "").strip()
    if not value:
        return 0.0
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        return min(max(0.0, parsedate_to_datetime(value).timestamp() - now), MAX_RETRY_AFTER)
    except (TypeError, ValueError):
        return 0.0


def watch_forever(urls: Sequence[str], db: Path, *, interval: float, once: bool, allow_private: bool) -> None:
    logging.basicConfig(level=logging.INFO, format="crosswire watch: %(message)s")
    watcher = Watcher(db, interval=interval, allow_private=allow_private)
    watcher.add_feeds(urls)
    while True:
        results = watcher.poll_due(urls)
        if once:
            return
        if all(r.outcome == "stopped" for r in results):
            log.error("every feed is stopped; exiting")
            return
        time.sleep(max(1.0, min(watcher.next_due(urls) - time.time(), interval)))
