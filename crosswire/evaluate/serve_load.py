"""Load benchmark of ``crosswire serve`` (not a test): loopback only, bounded loops.

``python -m crosswire.evaluate.serve_load`` (also the "service" section of
``make bench``). It starts a real server on a free 127.0.0.1 port with a
fresh store, adds the bundled example story (examples/harbour-fire), waits
for its brief, then measures:

- p50 / p99 latency and the error count of the story page (HTML) and the
  story JSON at 1, 10 and 50 concurrent clients (``REQUESTS`` each level);
- ingest throughput (articles per second over HTTP, batches of
  ``BATCH``) of invented articles, with the story tracker and the brief
  worker running in the server.
"""

from __future__ import annotations

import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "harbour-fire"
LEVELS = (1, 10, 50)
REQUESTS = 300  # per level and endpoint
INGEST_ARTICLES = 200
BATCH = 20


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(db: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen(
        [sys.executable, "-m", "crosswire.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env, cwd=REPO,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(url + "/api/stories", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start: " + log.read_text(errors="replace")[-2000:])


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def _hammer(url: str, clients: int, total: int) -> tuple[list[float], int]:
    import httpx

    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    per_client = max(1, total // clients)

    def client_loop() -> None:
        nonlocal errors
        with httpx.Client(timeout=60) as client:
            for _ in range(per_client):
                started = time.perf_counter()
                try:
                    ok = client.get(url).status_code == 200
                except httpx.HTTPError:
                    ok = False
                took = time.perf_counter() - started
                with lock:
                    latencies.append(took)
                    errors += 0 if ok else 1

    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def invented_articles(count: int, seed: int = 3) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    places = ["Arvik", "Belmora", "Corran", "Dunlin", "Esker", "Fallow", "Garnet", "Holm"]
    kinds = ["bridge collapse", "factory fire", "flood", "power cut", "rail strike", "port closure"]
    items = []
    for n in range(count):
        place, kind = rng.choice(places), rng.choice(kinds)
        items.append({
            "title": f"{kind.title()} in {place}",
            "outlet": rng.choice(["Post", "Wire", "Ledger", "Courier"]),
            "published": f"2025-05-{rng.randint(1, 28):02d}",
            "url": f"https://bench.example/{n}",
            "text": f"Officials in {place} said on {rng.choice(['Monday', 'Tuesday', 'Friday'])} that the {kind} had "
                    f"affected {rng.randint(10, 5000)} people. Crews worked through the night near the "
                    f"{rng.choice(['harbour', 'station', 'market'])}.\n\nReport {n}: {rng.randint(2, 90)} witnesses "
                    f"described the {kind} to reporters, and the council promised a review within "
                    f"{rng.randint(2, 12)} weeks.",
        })
    return items


def run_service_load(*_: object) -> str:
    import httpx

    with tempfile.TemporaryDirectory(prefix="crosswire-load-") as scratch:
        db, log = Path(scratch) / "load.db", Path(scratch) / "server.log"
        process, url = _start(db, log)
        try:
            files = [("files", (p.name, p.read_bytes())) for p in sorted(EXAMPLE.glob("*.txt"))]
            with httpx.Client(base_url=url, timeout=300) as client:
                story = client.post("/api/articles", files=files).json()["stories"][0]
                deadline = time.monotonic() + 600
                while client.get(f"/api/stories/{story}").status_code != 200 and time.monotonic() < deadline:
                    time.sleep(0.5)
            rows = []
            for label, path in (("story page (HTML)", f"/stories/{story}"), ("story JSON", f"/api/stories/{story}")):
                for clients in LEVELS:
                    latencies, errors = _hammer(url + path, clients, REQUESTS)
                    rows.append(f"| {label} | {clients} | {len(latencies)} | {1000 * statistics.median(latencies):.1f} |"
                                f" {1000 * _percentile(latencies, 0.99):.1f} | {errors} |")
            articles = invented_articles(INGEST_ARTICLES)
            started = time.perf_counter()
            ingest_errors = 0
            with httpx.Client(base_url=url, timeout=300) as client:
                for start in range(0, len(articles), BATCH):
                    reply = client.post("/api/articles", json=articles[start : start + BATCH])
                    ingest_errors += reply.status_code != 200
                took = time.perf_counter() - started
                stories = client.get("/api/stories", params={"per_page": 1}).json()["total"]
        finally:
            process.terminate()
            process.wait(30)
    lines = [
        f"Loopback, one `crosswire serve` process (uvicorn, brief worker thread), {os.cpu_count()} cores shared "
        f"with other jobs; {REQUESTS} requests per row; the story is examples/harbour-fire (5 articles, analysis on).",
        "",
        "| endpoint | concurrent clients | requests | p50 ms | p99 ms | errors |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        f"Ingest over HTTP with the tracker and the brief worker running: {INGEST_ARTICLES} invented articles in "
        f"batches of {BATCH}: {INGEST_ARTICLES / took:.1f} articles/s ({took:.1f} s, {ingest_errors} errors, "
        f"{stories} stories in the store after).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run_service_load())
