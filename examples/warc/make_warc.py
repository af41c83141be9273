"""Build examples/warc/harbour-crawl.warc.gz from the example HTML pages (run from the repo root).

    python examples/warc/make_warc.py

The archive holds a request record, the two pages of examples/web/ as HTML
responses, and an image response that crosswire skips (not an article).
"""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
PAGES = {
    "https://gazette.example/2025/04/17/ferry-strike-ends": HERE.parent / "web" / "ferry-strike-gazette.html",
    "https://islander.example/ferry-strike-called-off": HERE.parent / "web" / "ferry-strike-islander.html",
}


def build(target: Path) -> None:
    with target.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        request_headers = StatusAndHeaders(
            "GET /2025/04/17/ferry-strike-ends HTTP/1.1", [("Host", "gazette.example")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(
                next(iter(PAGES)), "request", payload=io.BytesIO(b""), http_headers=request_headers
            )
        )
        for url, page in PAGES.items():
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(page.read_bytes()), http_headers=headers
                )
            )
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://gazette.example/logo.png",
                "response",
                payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(16)),
                http_headers=image,
            )
        )


if __name__ == "__main__":
    build(HERE / "harbour-crawl.warc.gz")
    print(f"wrote {HERE / 'harbour-crawl.warc.gz'}")
