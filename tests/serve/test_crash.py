"""Crash safety: kill -9 the server in the middle of a large ingest, restart, check the store.

A real subprocess (``crosswire serve``) takes batches of articles over HTTP
while its brief worker runs; it is killed with SIGKILL while a batch is in
flight. What a 200 reply acknowledged must be there after the restart, and
nothing may be half-written.
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from crosswire.store import Store
from crosswire.store.briefs import dangling
from tests.serve.conftest import start_server, wait_for_brief

PLACES = ["Arvik", "Belmora", "Corran", "Dunlin", "Esker", "Fallow", "Garnet", "Holm", "Istra", "Jorvale"]
EVENTS = [
    ("bridge collapse", "A road bridge collapsed at {place} on {day}, and {n} cars fell into the river, the police said."),
    ("factory fire", "A fire broke out at a paint factory in {place} on {day}, and {n} workers were treated for smoke, officials said."),
    ("train derailment", "A freight train derailed near {place} on {day}, spilling {n} tonnes of grain across the line, the rail operator said."),
    ("flood", "The river burst its banks at {place} on {day}, flooding {n} homes in the old town, the mayor said."),
    ("power cut", "A power cut left {n} households in {place} without electricity on {day}, the grid company said."),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
BATCHES = 40
BATCH_SIZE = 8


def make_batches(seed: int = 7) -> list[list[dict[str, Any]]]:
    rng = random.Random(seed)
    batches = []
    for b in range(BATCHES):
        batch = []
        for i in range(BATCH_SIZE):
            place = rng.choice(PLACES)
            kind, lead = rng.choice(EVENTS)
            text = lead.format(place=place, day=rng.choice(DAYS), n=rng.randint(3, 900))
            extra = (f"Residents of {place} described the {kind} as the worst in years. Reporter {b}-{i} spoke to "
                     f"{rng.randint(2, 40)} witnesses near the {rng.choice(['harbour', 'station', 'square', 'market'])}.")
            batch.append({"title": f"{kind.title()} in {place}", "outlet": rng.choice(["Post", "Wire", "Ledger"]),
                          "published": f"2025-04-{rng.randint(1, 28):02d}", "url": f"https://news.example/{b}/{i}",
                          "text": f"{text}\n\n{extra}"})
        batches.append(batch)
    return batches


def test_kill_9_mid_ingest_loses_nothing_committed(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    server = start_server(db, "--no-analysis")
    committed: list[str] = []
    in_flight = threading.Event()
    failures: list[str] = []

    def post_all() -> None:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            for batch in make_batches():
                in_flight.set()
                try:
                    reply = client.post("/api/articles", json=batch)
                except httpx.HTTPError:
                    return  # the server died under this request: it was never acknowledged
                if reply.status_code != 200:
                    failures.append(reply.text)
                    return
                committed.extend(a["id"] for a in reply.json()["articles"])

    poster = threading.Thread(target=post_all)
    poster.start()
    deadline = time.monotonic() + 120
    while len(committed) < 12 * BATCH_SIZE and time.monotonic() < deadline and poster.is_alive():
        time.sleep(0.05)
    time.sleep(random.Random(1).uniform(0.05, 0.3))  # somewhere inside the next batch
    server.stop(kill=True)
    poster.join(60)
    assert not failures, failures
    assert 0 < len(committed) < BATCHES * BATCH_SIZE, "the kill did not land mid-ingest"

    with Store(db) as store:  # opening recovers the WAL, as a restart does
        assert store.check_integrity() == []
        assert dangling(store) == []
        assert store.known(committed) == set(committed)
        assert store.connection.execute("SELECT COUNT(*) FROM briefs").fetchone()[0] >= 0
        count = store.counts()["articles"]
        assert count >= len(committed)
        assert count % BATCH_SIZE == 0, "a batch was half-written"

    restarted = start_server(db, "--no-analysis")
    try:
        with httpx.Client(base_url=restarted.url, timeout=60) as client:
            stories = client.get("/api/stories", params={"per_page": 100}).json()["stories"]
            assert stories
            assert client.post("/api/articles", json=make_batches(seed=99)[0]).status_code == 200
        assert wait_for_brief(restarted, stories[0]["id"], timeout=120)["brief"] is not None
        with Store(db) as store:
            assert store.check_integrity() == [] and dangling(store) == []
    finally:
        restarted.stop()
