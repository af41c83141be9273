"""The API against a real uvicorn server on a loopback port."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from tests.serve.conftest import FIXTURES, MAX_BODY, Server, fixture_articles, wait_for_brief


def assert_error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert "Traceback" not in response.text
    error: dict[str, Any] = body["error"]
    return error


def test_writes_need_the_token(server: Server) -> None:
    with server.client(token=None) as client:
        assert_error(client.post("/api/articles", json=fixture_articles("articles.json")), 401)
    with server.client(token="wrong") as client:
        assert_error(client.post("/api/articles", json=fixture_articles("articles.json")), 401)


def test_post_returns_ids_and_stories(orlen: dict[str, Any]) -> None:
    reply = orlen["reply"]
    assert len(reply["articles"]) == 3
    assert all(a["id"].startswith("a") and a["story"] for a in reply["articles"])
    assert orlen["story"] in reply["stories"]


def test_story_record_is_the_brief_json(orlen: dict[str, Any]) -> None:
    record = orlen["record"]
    assert record["id"] == orlen["story"]
    for key in ("headline", "words", "articles", "brief", "developments", "warnings"):
        assert key in record
    assert record["brief"] and all(s["citations"] for s in record["brief"])
    assert {a["id"] for a in record["articles"]} >= {a["id"] for a in orlen["reply"]["articles"]
                                                      if a["story"] == orlen["story"]}


def test_reingesting_changes_nothing(server: Server, orlen: dict[str, Any]) -> None:
    with server.client() as client:
        before = client.get(f"/api/stories/{orlen['story']}").headers["x-crosswire-story-version"]
        again = client.post("/api/articles", json=fixture_articles("articles.json")).json()
        assert not any(a["new"] for a in again["articles"])
        # the same text under another URL is a copy too (content hash)
        copy = [{**fixture_articles("articles.json")[0], "url": "https://mirror.example/orlen"}]
        assert not client.post("/api/articles", json=copy).json()["articles"][0]["new"]
        after = client.get(f"/api/stories/{orlen['story']}").headers["x-crosswire-story-version"]
    assert before == after


def test_story_list_search_filters_paging(server: Server, orlen: dict[str, Any]) -> None:
    with server.client() as client:
        ids = [s["id"] for s in client.get("/api/stories").json()["stories"]]
        assert orlen["story"] in ids
        assert orlen["story"] in [s["id"] for s in client.get("/api/stories", params={"q": "spillway"}).json()["stories"]]
        assert client.get("/api/stories", params={"q": "zzqx nothing"}).json()["stories"] == []
        assert client.get("/api/stories", params={"q": 'AND OR "('}).status_code == 200  # no FTS syntax leaks
        by_outlet = client.get("/api/stories", params={"outlet": "northern wire"}).json()["stories"]
        assert orlen["story"] in [s["id"] for s in by_outlet]
        assert client.get("/api/stories", params={"outlet": "Nobody Weekly"}).json()["stories"] == []
        dated = client.get("/api/stories", params={"since": "2025-06-01", "until": "2025-06-30"}).json()
        assert orlen["story"] in [s["id"] for s in dated["stories"]]
        assert client.get("/api/stories", params={"since": "2030-01-01"}).json()["stories"] == []
        paged = client.get("/api/stories", params={"per_page": 1, "page": 999}).json()
        assert paged["stories"] == [] and paged["total"] >= 1


def test_markdown(server: Server, orlen: dict[str, Any]) -> None:
    with server.client() as client:
        response = client.get(f"/api/stories/{orlen['story']}.md")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/markdown")
    assert response.text.startswith("# ")


def test_update_brief_since(server: Server, orlen: dict[str, Any]) -> None:
    time.sleep(0.05)
    moment = datetime.now(UTC).isoformat()
    later = [{"title": "Orlen dam gate repaired, residents return", "outlet": "Valley Post", "published": "2025-06-09",
              "url": "https://valley-post.example/orlen-return",
              "text": "Engineers repaired the failed spillway gate at the Orlen dam on Sunday, and the 1,800 people "
                      "evacuated from four villages began returning home, the regional water board said.\n\n"
                      "The board will pay for damaged crops along the Orlen river, its chairman Piet Lindqvist said."}]
    with server.client() as client:
        added = client.post("/api/articles", json=later).json()["articles"][0]
        assert added["story"] == orlen["story"]
        update = client.get(f"/api/stories/{orlen['story']}", params={"since": moment}).json()
        assert update["new_articles"] == [added["id"]]
        assert update["brief"] and all(added["id"] in s["citations"] for s in update["brief"])
        nothing = client.get(f"/api/stories/{orlen['story']}", params={"since": "2999-01-01T00:00:00Z"}).json()
        assert nothing["new_articles"] == [] and nothing["brief"] == []
        assert_error(client.get(f"/api/stories/{orlen['story']}", params={"since": "yesterday-ish"}), 422)
    wait_for_brief(server, orlen["story"])


def test_error_shape(server: Server) -> None:
    with server.client() as client:
        assert_error(client.get("/api/stories/s000000000000"), 404)
        assert_error(client.get("/api/stories/s000000000000.md"), 404)
        assert_error(client.get("/stories/nothing-here"), 404)
        assert_error(client.get("/no/such/page"), 404)
        assert_error(client.get("/api/stories", params={"per_page": 0}), 422)
        assert_error(client.post("/api/articles", content=b"{not json", headers={"content-type": "application/json"}), 400)
        assert_error(client.post("/api/articles", content=b"plain", headers={"content-type": "text/plain"}), 415)
        assert_error(client.post("/api/articles", json={"text": "not an array"}), 422)
        assert_error(client.post("/api/articles", json=[{"title": "no text"}]), 422)
        assert_error(client.post("/api/articles", files={"files": ("x.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)}), 400)


def test_oversize_upload_is_413(server: Server) -> None:
    big = b"word " * (MAX_BODY // 5 + 1000)
    with server.client() as client:
        error = assert_error(client.post("/api/articles", files={"files": ("big.txt", big)}), 413)
        assert "size cap" in error["message"]

        def chunks():  # no Content-Length: the cap holds for streamed bodies too
            for _ in range(40):
                yield b"x" * 10_000

        assert_error(client.post("/api/articles", content=chunks(), headers={"content-type": "application/json"}), 413)


def test_url_fetching_refuses_file_and_private(server: Server) -> None:
    with server.client() as client:
        for url in ("file:///etc/passwd", "ftp://example.com/a", f"{server.url}/api/stories",
                    "http://10.1.2.3/page", "http://169.254.169.254/latest/meta-data", "http://[::1]/"):
            error = assert_error(client.post("/api/articles", json=[{"url": url}]), 400)
            assert "only http and https" in error["message"] or "refused" in error["message"]


def test_upload_files_through_the_readers(server: Server) -> None:
    page = (b"<html><head><title>Orlen dam: shelters close</title></head><body><article><h1>Orlen dam: shelters "
            b"close</h1><p>The emergency shelters at Bremsted school and the Lusk town hall closed on Wednesday as "
            b"families evacuated after the Orlen dam spillway gate failure went home.</p></article></body></html>")
    with server.client() as client:
        reply = client.post("/api/articles", files=[("files", ("shelters.html", page))])
    assert reply.status_code == 200, reply.text
    assert reply.json()["articles"][0]["title"] == "Orlen dam: shelters close"


def test_pages_send_csp_and_docs_exist(server: Server, orlen: dict[str, Any]) -> None:
    wait_for_brief(server, orlen["story"])
    with server.client() as client:
        page = client.get(f"/stories/{orlen['story']}")
        assert page.status_code == 200
        assert "script-src" not in page.headers["content-security-policy"]
        assert "default-src 'none'" in page.headers["content-security-policy"]
        same = client.get(f"/stories/{orlen['story']}.json").json()
        assert same["id"] == orlen["story"] and same["brief"]
        assert client.get("/docs").status_code == 200
        assert "/api/articles" in client.get("/openapi.json").json()["paths"]
        assert client.get("/").status_code == 200 and "Stories" in client.get("/").text
        assert (FIXTURES / "articles.json").exists()
