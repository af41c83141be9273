"""Figure extraction and disagreement flags against hand-labelled invented stories.

tests/fixtures/figures/stories.json holds invented articles, every figure
mention in them with its normalised bounds, the gold group of each mention
and each group's status. Reported (markdown):

- mentions: a predicted mention is right when it overlaps a gold mention of
  the same article and has the same bounds (precision/recall over mentions;
  also recall ignoring bounds, to separate finding from normalising);
- grouping: pairwise precision/recall over matched mentions (two mentions
  in one predicted group vs in one gold group);
- disagreements: a predicted group flagged "conflict" or "periods" is right
  when most of its matched mentions belong to a gold group with a
  disagreement status; recall over gold groups with one;
- status accuracy: each gold group against the predicted group holding most
  of its mentions.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from crosswire.analyze.context import build_context
from crosswire.analyze.figures import FigureGroup, extract_figures
from crosswire.embed import Embedder, default_embedder
from crosswire.model import Article, Story
from crosswire.segment import segment_story

FIXTURE_DIR = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "figures"
FIXTURE = FIXTURE_DIR / "stories.json"  # written alongside the code (development)
HELD_OUT = FIXTURE_DIR / "heldout.json"  # written after the code was frozen
DISAGREEMENT = ("conflict", "periods")


def load_stories(path: Path = FIXTURE) -> list[tuple[Story, dict[str, Any]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    stories = []
    for entry in data["stories"]:
        articles = tuple(
            Article(
                text=a["text"],
                id=a["id"],
                title=a.get("title"),
                outlet=a.get("outlet"),
                published=a.get("published"),
                source=f"fixture:{a['id']}",
            )
            for a in entry["articles"]
        )
        story = segment_story(Story(id=entry["id"], headline=entry["id"], articles=articles))
        stories.append((story, entry))
    return stories


def _gold_spans(story: Story, entry: dict[str, Any]) -> list[dict[str, Any]]:
    """Gold mentions with their character spans (the n-th occurrence for repeats)."""
    spans = []
    seen: Counter[tuple[str, str]] = Counter()
    for mention in entry["mentions"]:
        text = story.article(mention["article"]).text
        key = (mention["article"], mention["text"])
        start = -1
        for _ in range(seen[key] + 1):
            start = text.find(mention["text"], start + 1)
        seen[key] += 1
        if start < 0:
            raise ValueError(f"gold mention {mention['text']!r} not in {mention['article']}")
        spans.append({**mention, "start": start, "end": start + len(mention["text"])})
    return spans


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def evaluate(embedder: Embedder | None = None, path: Path = FIXTURE) -> dict[str, float]:
    embedder = embedder or default_embedder()
    counts: Counter[str] = Counter()
    for story, entry in load_stories(path):
        gold = _gold_spans(story, entry)
        groups: tuple[FigureGroup, ...] = extract_figures(build_context(story, embedder))
        predicted = [(n, m) for n, g in enumerate(groups) for m in g.mentions]
        counts["predicted"] += len(predicted)
        counts["gold"] += len(gold)
        gold_of: dict[int, int] = {}  # predicted index -> gold index
        for p_index, (_, mention) in enumerate(predicted):
            for g_index, g in enumerate(gold):
                overlaps = (
                    g["article"] == mention.article and mention.start < g["end"] and g["start"] < mention.end
                )
                if overlaps and g_index not in gold_of.values():
                    counts["found"] += 1
                    if _same(mention.low, g["low"]) and _same(mention.high, g["high"]):
                        counts["correct"] += 1
                    gold_of[p_index] = g_index
                    break
        # pairwise grouping over matched mentions
        matched = list(gold_of.items())
        for i, (p_a, g_a) in enumerate(matched):
            for p_b, g_b in matched[i + 1 :]:
                same_predicted = predicted[p_a][0] == predicted[p_b][0]
                same_gold = gold[g_a]["group"] == gold[g_b]["group"]
                counts["pairs_tp"] += same_predicted and same_gold
                counts["pairs_pred"] += same_predicted
                counts["pairs_gold"] += same_gold
        # statuses and disagreement flags
        gold_status = entry["groups"]
        majority_gold_of_group: dict[int, str] = {}
        for n, _ in enumerate(groups):
            names = [gold[g]["group"] for p, g in gold_of.items() if predicted[p][0] == n]
            if names:
                majority_gold_of_group[n] = Counter(names).most_common(1)[0][0]
        for n, group in enumerate(groups):
            if group.status in DISAGREEMENT:
                counts["flags_pred"] += 1
                name = majority_gold_of_group.get(n)
                counts["flags_tp"] += name is not None and gold_status[name] in DISAGREEMENT
        for name, status in gold_status.items():
            members = [p for p, g in gold_of.items() if gold[g]["group"] == name]
            counts["groups"] += 1
            counts["flags_gold"] += status in DISAGREEMENT
            if not members:
                continue
            holder = Counter(predicted[p][0] for p in members).most_common(1)[0][0]
            counts["status_correct"] += groups[holder].status == status
            counts["flags_found"] += status in DISAGREEMENT and groups[holder].status in DISAGREEMENT
    return {
        "gold_mentions": counts["gold"],
        "predicted_mentions": counts["predicted"],
        "mention_precision": _ratio(counts["correct"], counts["predicted"]),
        "mention_recall": _ratio(counts["correct"], counts["gold"]),
        "mention_found_recall": _ratio(counts["found"], counts["gold"]),
        "pair_precision": _ratio(counts["pairs_tp"], counts["pairs_pred"]),
        "pair_recall": _ratio(counts["pairs_tp"], counts["pairs_gold"]),
        "flag_precision": _ratio(counts["flags_tp"], counts["flags_pred"]),
        "flag_recall": _ratio(counts["flags_found"], counts["flags_gold"]),
        "status_accuracy": _ratio(counts["status_correct"], counts["groups"]),
        "gold_groups": counts["groups"],
        "gold_flags": counts["flags_gold"],
    }


def run_fixtures(embedder: Embedder | None = None) -> str:
    """Markdown report of figure extraction, grouping and disagreement flags
    on the development fixture and on the held-out one."""
    embedder = embedder or default_embedder()
    return "\n".join(
        (
            _report(embedder, FIXTURE, "Figures on the invented fixture stories (development)"),
            _report(embedder, HELD_OUT, "Figures on the invented fixture stories (held out)"),
        )
    )


def _report(embedder: Embedder, path: Path, title: str) -> str:
    scores = evaluate(embedder, path)
    return "\n".join(
        [
            f"# {title}",
            "",
            f"{scores['gold_mentions']} gold mentions in {scores['gold_groups']} groups "
            f"({scores['gold_flags']} with a disagreement); embedder: {embedder.name}.",
            "",
            "| measure | precision | recall |",
            "|---|---|---|",
            f"| mention found and normalised | {scores['mention_precision']:.2f} | {scores['mention_recall']:.2f} |",
            f"| mention found (any bounds) | - | {scores['mention_found_recall']:.2f} |",
            f"| grouping (mention pairs) | {scores['pair_precision']:.2f} | {scores['pair_recall']:.2f} |",
            f"| disagreement flags (groups) | {scores['flag_precision']:.2f} | {scores['flag_recall']:.2f} |",
            "",
            f"Group status accuracy: {scores['status_accuracy']:.2f}",
            "",
        ]
    )
