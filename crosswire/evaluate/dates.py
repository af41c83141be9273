"""Accuracy of relative-date resolution on hand-labelled DUC 2006 mentions.

The labels (bench/labels/duc2006_relative_dates.jsonl) hold only references:
cluster id, document index, character offset, the mention words and the gold
date, decided by reading the article. Gold is a day ("1999-03-01"), a month
("1998-06"), a year ("1997"), a "first/last" interval, or null for a
mention that names no date ("today" meaning nowadays).

Scoring: a day is right when the resolved span contains it; a month or year
when both ends of the resolved span fall in it; an interval when the day
sets overlap by Jaccard >= 0.5. Baselines: every weekday taken as the
previous occurrence, and dateparser alone (PREFER_DATES_FROM="past").
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from crosswire.analyze.dates import DateMention, ResolvedDate, clause_tense, find_date_mentions, resolve
from crosswire.errors import CrosswireError

LABEL_DIR = Path(__file__).resolve().parents[2] / "bench" / "labels"
LABELS = LABEL_DIR / "duc2006_relative_dates.jsonl"
HELD_OUT_LABELS = LABEL_DIR / "duc2006_relative_dates_heldout.jsonl"


@dataclass(frozen=True)
class Outcome:
    label: dict[str, object]
    predicted: ResolvedDate | None
    correct: bool
    rule: str


def duc_date(value: str, docno: str = "") -> date | None:
    """A DUC ``meta.dates`` value: "2000-07-02 19:20", "2000-08-09",
    "12/04/1998 18:40:00" (month first) or, for a few, "1998-30-06" (day
    before month). Falls back to the date inside the docno (APW19980630...)."""
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    us = re.match(r"(\d{2})/(\d{2})/(\d{4})", value)
    try:
        if iso:
            year, first, second = (int(g) for g in iso.groups())
            return date(year, first, second) if first <= 12 else date(year, second, first)
        if us:
            month, day, year = (int(g) for g in us.groups())
            return date(year, month, day)
    except ValueError:
        pass
    from_docno = re.search(r"(\d{4})(\d{2})(\d{2})", docno)
    if from_docno:
        return date(*(int(g) for g in from_docno.groups()))
    return None


def _gold_span(gold: str) -> tuple[date, date, str]:
    if "/" in gold:
        first, last = gold.split("/")
        return date.fromisoformat(first), date.fromisoformat(last), "interval"
    parts = gold.split("-")
    if len(parts) == 1:
        year = int(parts[0])
        return date(year, 1, 1), date(year, 12, 31), "year"
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        following = date(year + (month == 12), month % 12 + 1, 1)
        return date(year, month, 1), following - timedelta(days=1), "month"
    day = date.fromisoformat(gold)
    return day, day, "day"


def score(predicted: ResolvedDate | None, gold: str | None) -> bool:
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    first, last = date.fromisoformat(predicted.first), date.fromisoformat(predicted.last)
    gold_first, gold_last, kind = _gold_span(gold)
    if kind == "day":
        return first <= gold_first <= last and (last - first).days <= 7
    if kind in ("month", "year"):
        return gold_first <= first and last <= gold_last
    overlap = (min(last, gold_last) - max(first, gold_first)).days + 1
    union = (max(last, gold_last) - min(first, gold_first)).days + 1
    return overlap > 0 and overlap / union >= 0.5


def _mention_at(text: str, offset: int, words: str) -> DateMention | None:
    for mention in find_date_mentions(text):
        if mention.start <= offset < mention.end or offset <= mention.start < offset + len(words):
            return mention
    return None


def _dateparser_baseline(words: str, anchor: date) -> ResolvedDate | None:
    from datetime import datetime

    import dateparser

    settings = {
        "RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day, 12),
        "PREFER_DATES_FROM": "past",
    }
    cleaned = re.sub(r"(?:'s|’s)$", "", words)
    parsed = dateparser.parse(cleaned, settings=settings)
    if parsed is None:
        return None
    iso = parsed.date().isoformat()
    return ResolvedDate(iso, iso, iso, "day")


def evaluate(data_dir: str | Path, labels_path: str | Path = LABELS) -> dict[str, object]:
    from crosswire.analyze.context import load_nlp

    data_file = Path(data_dir) / "duc2006" / "test.jsonl"
    if not data_file.exists():
        data_file = Path(data_dir) / "test.jsonl"
    if not data_file.exists():
        raise CrosswireError("DUC 2006 test.jsonl not found", source=str(data_dir))
    clusters = {}
    for line in data_file.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        clusters[row["id"]] = row
    labels = [json.loads(line) for line in Path(labels_path).read_text(encoding="utf-8").splitlines() if line]
    nlp = load_nlp()
    outcomes: list[Outcome] = []
    baselines: Counter[str] = Counter()
    anchor_disagreements = 0
    for label in labels:
        row = clusters[label["cluster"]]
        index = int(label["document"])
        text = row["documents"][index]
        meta = row["meta"]
        anchor = duc_date(meta["dates"][index], meta["docnos"][index])
        docno_anchor = duc_date("", meta["docnos"][index])
        if anchor is None:
            raise CrosswireError(f"no date for document {index}", source=label["cluster"])
        anchor_disagreements += docno_anchor is not None and docno_anchor != anchor
        offset = int(label["offset"])
        if text[offset : offset + len(label["mention"])] != label["mention"]:
            raise CrosswireError(
                f"label offset {offset} does not point at {label['mention']!r}", source=label["cluster"]
            )
        mention = _mention_at(text, offset, label["mention"])
        gold = label["gold"]
        if mention is None:
            outcomes.append(Outcome(label, None, gold is None, "missed"))
            continue
        # parse only the mention's paragraph (a line in DUC): tense needs just its clause
        line_start = text.rfind("\n", 0, mention.start) + 1
        line_end = text.find("\n", mention.end)
        paragraph = text[line_start : line_end if line_end >= 0 else len(text)]
        local = replace(mention, start=mention.start - line_start, end=mention.end - line_start)
        tense = clause_tense(paragraph, local, nlp(paragraph))
        predicted = resolve(mention, anchor, tense)
        outcomes.append(Outcome(label, predicted, score(predicted, gold), mention.rule))
        baselines["past-only"] += score(resolve(mention, anchor, "past"), gold)
        baselines["dateparser"] += score(_dateparser_baseline(mention.text, anchor), gold)
    return {"outcomes": outcomes, "baselines": baselines, "anchor_disagreements": anchor_disagreements}


def run_dates(data_dir: str | Path, labels_path: str | Path | None = None) -> str:
    """Markdown report of resolution accuracy: on the development labels (the
    rules were revised after reading their errors) and on held-out labels
    (labelled after the rules were frozen), or on one given label file."""
    if labels_path is not None:
        return _report(data_dir, labels_path, "Relative-date resolution on DUC 2006 (hand-labelled)")
    return "\n".join(
        (
            _report(data_dir, LABELS, "Relative-date resolution on DUC 2006: development labels"),
            _report(data_dir, HELD_OUT_LABELS, "Relative-date resolution on DUC 2006: held-out labels"),
        )
    )


def _report(data_dir: str | Path, labels_path: str | Path, title: str) -> str:
    result = evaluate(data_dir, labels_path)
    outcomes: list[Outcome] = result["outcomes"]  # type: ignore[assignment]
    baselines: Counter[str] = result["baselines"]  # type: ignore[assignment]
    total = len(outcomes)
    dated = [o for o in outcomes if o.label["gold"] is not None]
    generic = [o for o in outcomes if o.label["gold"] is None]
    correct = sum(o.correct for o in outcomes)
    lines = [
        f"# {title}",
        "",
        f"Labelled mentions: {total} ({len(dated)} that name a date, {len(generic)} generic such as 'today' = nowadays).",
        f"Publication dates from `meta.dates`; {result['anchor_disagreements']} differ from the date in the docno.",
        "",
        "| system | correct | accuracy |",
        "|---|---|---|",
        f"| crosswire (tense-aware) | {correct}/{total} | {correct / total:.1%} |",
        f"| crosswire, dated mentions only | {sum(o.correct for o in dated)}/{len(dated)} | {sum(o.correct for o in dated) / max(1, len(dated)):.1%} |",
        f"| baseline: always the previous occurrence | {baselines['past-only']}/{total} | {baselines['past-only'] / total:.1%} |",
        f"| baseline: dateparser alone | {baselines['dateparser']}/{total} | {baselines['dateparser'] / total:.1%} |",
        "",
        "| rule | correct | count |",
        "|---|---|---|",
    ]
    for rule in sorted({o.rule for o in outcomes}):
        subset = [o for o in outcomes if o.rule == rule]
        lines.append(f"| {rule} | {sum(o.correct for o in subset)} | {len(subset)} |")
    lines += [
        "",
        "Errors (references only):",
        "",
        "| cluster | doc | offset | mention | gold | predicted |",
        "|---|---|---|---|---|---|",
    ]
    for o in outcomes:
        if not o.correct:
            predicted = o.predicted.value if o.predicted else "-"
            lines.append(
                f"| {o.label['cluster']} | {o.label['document']} | {o.label['offset']} | {o.label['mention']} "
                f"| {o.label['gold']} | {predicted} |"
            )
    return "\n".join(lines) + "\n"
