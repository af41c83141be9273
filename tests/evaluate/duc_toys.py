"""Invented DUC-shaped data (no real articles): a duc2006 and a duc2007_update folder of tiny clusters."""

from __future__ import annotations

import json
from pathlib import Path

from tests.summarize.test_train_model import TOPICS

# (town, thing, event, outcome): the training test's invented topics, reordered.
EVENTS = [(town, thing, event, outcome) for thing, town, event, outcome in TOPICS]


def _documents(town: str, thing: str, event: str, outcome: str) -> list[str]:
    lead = f"{town.upper()} (AP) -- The {thing} in {town} {event} on Monday and {outcome}, officials said."
    return [
        f"{lead}\nLocal radio in {town} played music all afternoon as usual.\n"
        f"Inspectors will visit the {thing} in {town} next week to find the cause.",
        f"The {thing} in {town} {event} on Monday, the mayor said.\n"
        f"A spokesperson declined to comment further on the {thing}.",
    ]


def _record(cluster_id: str, event: tuple[str, str, str, str]) -> str:
    town, thing, happened, outcome = event
    summaries = [f"The {thing} in {town} {happened} and {outcome}.", f"In {town}, the {thing} {happened}."]
    meta = {"topic": {"title": f"The {thing}", "narrative": f"Describe what happened to the {thing}."}}
    record = {"id": cluster_id, "documents": _documents(*event), "summaries": summaries, "meta": meta}
    return json.dumps(record)


def duc_folder(root: Path) -> Path:
    (root / "duc2006").mkdir(parents=True)
    (root / "duc2007_update").mkdir()
    lines_2006 = [_record(f"D06{k:02d}A", event) for k, event in enumerate(EVENTS[:4])]
    (root / "duc2006" / "test.jsonl").write_text("\n".join(lines_2006) + "\n")
    lines_2007 = [
        _record(f"D07{k:02d}A-{letter}", event) for k, event in enumerate(EVENTS[4:]) for letter in "ABC"
    ]
    (root / "duc2007_update" / "test.jsonl").write_text("\n".join(lines_2007) + "\n")
    return root
