"""A small invented news corpus for the batch tests, written as WARC and JSONL shards."""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# (slug, date, names, headline, facts): each event is reported by four outlets.
EVENTS = (
    ("ferry", "2024-05-07", ("Lanmore Point", "Bluefin Lines", "Ines Varga"), "Ferry runs aground off Lanmore",
     ("A passenger ferry of Bluefin Lines ran aground off Lanmore Point on Tuesday morning.",
      "All 212 passengers were taken ashore by lifeboat crews within three hours.",
      "Harbour master Ines Varga said the crew acted quickly and nobody was hurt.",
      "Bluefin Lines said a steering fault on the ferry was to blame for the grounding.",
      "Divers inspected the hull of the ferry at Lanmore Point on Wednesday.")),
    ("dam", "2024-05-20", ("Orvel Valley", "Kestra Dam", "Tomas Reyk"), "Kestra Dam spillway opened after storms",
     ("Engineers opened the spillway of the Kestra Dam in the Orvel Valley after three days of storms.",
      "Around 900 residents downstream were told to leave their homes as a precaution.",
      "Regional engineer Tomas Reyk said the Kestra Dam itself was sound and holding.",
      "Water levels in the Orvel Valley reservoir rose by four metres over the weekend.",
      "Schools in the Orvel Valley stayed closed while the spillway ran at full flow.")),
    ("chip", "2024-06-12", ("Halden Semiconductors", "Marit Osse", "Brenna"), "Halden opens chip plant in Brenna",
     ("Halden Semiconductors opened a new chip plant in Brenna on Wednesday, creating 1,400 jobs.",
      "Chief executive Marit Osse said the Brenna plant would make sensors for cars.",
      "The plant cost 2.3 billion euros and took three years to build, Halden Semiconductors said.",
      "Local officials in Brenna said the plant would double the town's industrial tax base.",
      "Marit Osse said Halden Semiconductors planned a second production line by 2026.")),
    ("race", "2024-07-02", ("Sorrel Marathon", "Ada Kwembe", "Port Quillan"), "Kwembe wins Sorrel Marathon",
     ("Ada Kwembe won the Sorrel Marathon in Port Quillan on Sunday in a course record time.",
      "Kwembe finished in two hours and nineteen minutes, ahead of 8,000 other runners.",
      "Race director said the cool weather in Port Quillan helped the Sorrel Marathon field.",
      "Ada Kwembe said she had trained on the hills above Port Quillan all spring.",
      "The Sorrel Marathon raised money for the children's hospital of Port Quillan.")),
)
OUTLETS = ("coast-daily", "northern-wire", "valley-herald", "capital-post")
FILLER = ("Officials promised a full report within weeks.", "More details were expected later in the day.",
          "Reporters at the scene described a calm mood.", "The news spread quickly on local radio.")


def corpus_articles() -> list[dict[str, str]]:
    """Sixteen articles: four events, four outlets each (each outlet words it its own way)."""
    articles = []
    for slug, date, _, headline, facts in EVENTS:
        for number, outlet in enumerate(OUTLETS):
            order = facts[number % len(facts):] + facts[: number % len(facts)]
            text = "\n\n".join((*order[:4], FILLER[number], order[4]))
            articles.append({
                "title": headline if number % 2 == 0 else f"{headline}: what we know",
                "text": text,
                "url": f"https://{outlet}.example/news/{slug}-{number}",
                "outlet": outlet.replace("-", " ").title(),
                "published": f"{date}T{8 + number:02d}:00:00",
            })
    return articles


def html_page(article: dict[str, str]) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in article["text"].split("\n\n"))
    return (
        f"<html><head><title>{article['title']}</title>"
        f'<meta property="article:published_time" content="{article["published"]}">'
        f'<meta property="og:site_name" content="{article["outlet"]}"></head>'
        f"<body><nav>Home | World | Sport</nav><article><h1>{article['title']}</h1>{paragraphs}</article>"
        "<footer>Copyright the publisher</footer></body></html>"
    ).encode()


def write_warc(path: Path, articles: list[dict[str, str]]) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for article in articles:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(article["url"], "response", payload=io.BytesIO(html_page(article)),
                                               http_headers=headers)
            writer.write_record(record)
    return path


def write_jsonl(path: Path, articles: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def write_corpus(folder: Path) -> list[Path]:
    """Two gzipped WARC shards and two JSONL shards, the events interleaved across them."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = corpus_articles()
    return [
        write_warc(folder / "crawl-0.warc.gz", articles[0::4]),
        write_warc(folder / "crawl-1.warc", articles[1::4]),
        write_jsonl(folder / "feed-0.jsonl", articles[2::4]),
        write_jsonl(folder / "feed-1.jsonl", articles[3::4]),
    ]
