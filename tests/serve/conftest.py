"""A real ``crosswire serve`` (uvicorn) on a free loopback port, for the API, browser and fuzz tests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
import httpx

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "serve"
REPO = Path(__file__).resolve().parents[2]
TOKEN = "test-token-123"
MAX_BODY = 300_000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    db: Path
    log: Path

    def client(self, token: str | None = TOKEN) -> httpx.Client:
        headers = {"authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=120.0)

    def stop(self, kill: bool = False) -> None:
        if self.process.poll() is None:
            if kill:
                self.process.kill()
            else:
                self.process.terminate()
            self.process.wait(30)


def start_server(db: Path, *options: str) -> Server:
    port = free_port()
    env = {**os.environ, "CROSSWIRE_EMBEDDER": "tfidf", "PYTHONPATH": str(REPO)}
    log = db.with_suffix(".log")
    process = subprocess.Popen(
        [sys.executable, "-m", "crosswire.cli", "serve", "--db", str(db), "--port", str(port), *options],
        stdout=log.open("wb"), stderr=subprocess.STDOUT, env=env, cwd=REPO,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text(errors='replace')}")
        try:
            if httpx.get(url + "/api/stories", timeout=2).status_code == 200:
                return Server(url=url, process=process, db=db, log=log)
        except httpx.HTTPError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"the server did not start: {log.read_text(errors='replace')}")


def wait_for_brief(server: Server, story_id: str, timeout: float = 240.0) -> dict[str, Any]:
    """The story's JSON record once the worker has made its brief."""
    deadline = time.monotonic() + timeout
    with server.client() as client:
        while time.monotonic() < deadline:
            response = client.get(f"/api/stories/{story_id}")
            if response.status_code == 200:
                record: dict[str, Any] = response.json()
                return record
            assert response.status_code == 202, response.text
            time.sleep(0.5)
    raise AssertionError(f"no brief of {story_id} after {timeout} s: {server.log.read_text(errors='replace')[-2000:]}")


def fixture_articles(name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return items


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the API, browser and fuzz tests: token set, small size cap, analysis on."""
    db = tmp_path_factory.mktemp("serve") / "store.db"
    running = start_server(db, "--token", TOKEN, "--max-body", str(MAX_BODY))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def orlen(server: Server) -> dict[str, Any]:
    """The Orlen dam story, stored and briefed: the POST reply and the story record."""
    with server.client() as client:
        reply = client.post("/api/articles", json=fixture_articles("articles.json"))
    assert reply.status_code == 200, reply.text
    body = reply.json()
    story_id = body["articles"][0]["story"]
    return {"reply": body, "story": story_id, "record": wait_for_brief(server, story_id)}


@pytest.fixture(scope="session")
def injected(server: Server, orlen: dict[str, Any]) -> dict[str, Any]:
    with server.client() as client:
        reply = client.post("/api/articles", json=fixture_articles("injected.json"))
    assert reply.status_code == 200, reply.text
    story_id = reply.json()["articles"][0]["story"]
    return {"story": story_id, "record": wait_for_brief(server, story_id)}
