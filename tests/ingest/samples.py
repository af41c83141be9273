"""Invented inputs for the ingest tests (fictional towns, people and events)."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

LIGHTHOUSE = (
    "Lighthouse keeper rescues stranded kayakers near Orrin Bay\n"
    "\n"
    "Two kayakers stranded on a rock off Orrin Bay were rescued on Sunday by the keeper of the "
    "Skerrow lighthouse, the coastguard said.\n"
    "\n"
    "The keeper, Tomas Fell, rowed out in a dinghy after seeing a flare shortly after dusk.\n"
    "Both kayakers were cold but unhurt.\n"
)
MARKET = (
    "Orrin Bay fish market to close for repairs\n"
    "\n"
    "The covered fish market in Orrin Bay will close for six weeks from Monday while its roof is "
    "repaired, the town council said.\n"
    "\n"
    "Stallholders will trade from the harbour car park in the meantime, council leader Mara Quist said.\n"
)

PARAGRAPHS = (
    "Ferry workers in the port town of Velmora voted on Thursday to end a nine-day strike, "
    "the Velmora Ferry Union said, after the operator agreed to a new pay offer.",
    "The union's secretary, Ilsa Marrow, said 312 of the 400 members had backed the deal, "
    "which raises wages by six percent over two years and limits night shifts.",
    "Services between Velmora and the island of Castel Brin will resume on Saturday morning, "
    "the operator Brinline said in a statement, warning of delays during the weekend.",
)

HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ferry strike ends after nine days | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta property="og:title" content="Ferry strike ends after nine days">
<meta property="article:published_time" content="2024-03-14T09:30:00Z">
<link rel="canonical" href="https://gazette.example/ferry-strike">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="promo">Subscribe now for only one dollar a week</div>
<article><h1>Ferry strike ends after nine days</h1>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<p>{PARAGRAPHS[2]}</p>
</article>
<footer><p>Copyright 2024 Harbour Gazette. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""

RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Velmora Daily</title>
<link>https://velmora.example/</link>
<description>News from Velmora</description>
<item>
<title>Velmora bridge reopens after repairs</title>
<link>https://velmora.example/bridge</link>
<pubDate>Tue, 05 Mar 2024 10:15:00 +0100</pubDate>
<description>The bridge is open again.</description>
<content:encoded><![CDATA[<p>The old stone bridge over the Vel river reopened on Tuesday after eight months of repairs, the town council said.</p><p>Mayor Petra Lind cut a ribbon at the east end.<br>Traffic resumed at noon.</p>]]></content:encoded>
</item>
<item>
<title>Velmora library extends opening hours</title>
<link>https://velmora.example/library</link>
<pubDate>Wed, 06 Mar 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The town library will open until nine in the evening on weekdays from April, its director said.&lt;/p&gt;</description>
</item>
</channel>
</rss>
"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Castel Brin Post</title>
<id>urn:example:castel-brin-post</id>
<updated>2024-02-01T08:00:00Z</updated>
<entry>
<title>Castel Brin lighthouse gets a new lamp</title>
<id>urn:example:lamp</id>
<link href="https://castelbrin.example/lamp"/>
<published>2024-01-31T08:00:00Z</published>
<updated>2024-02-01T08:00:00Z</updated>
<content type="html">&lt;p&gt;The lighthouse on Castel Brin was fitted with a new lamp on Wednesday.&lt;/p&gt;&lt;p&gt;Keeper Anselm Roe said it can be seen from forty kilometres away.&lt;/p&gt;</content>
</entry>
</feed>
"""


def warc_bytes(records: list[tuple[str, str, bytes]], gzip: bool = True) -> bytes:
    """A WARC of response records: (target url, content type, payload), plus one request record."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    request = writer.create_warc_record(
        "https://gazette.example/ferry-strike",
        "request",
        payload=io.BytesIO(b""),
        http_headers=StatusAndHeaders(
            "GET /ferry-strike HTTP/1.0", [("Host", "gazette.example")], is_http_request=True
        ),
    )
    writer.write_record(request)
    for url, content_type, payload in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.0")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers)
        writer.write_record(record)
    return buffer.getvalue()
