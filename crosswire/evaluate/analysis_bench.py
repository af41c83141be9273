"""Analysis sections against hand-labelled real stories (Multi-News validation).

The gold files (bench/analysis/gold/*.json, guide: bench/analysis/README.md)
hold ids, short strings and labels; the articles are read at bench time from
``multinews/validation.jsonl`` under the data directory. For each section:
recall over the gold items; precision over the items a reader sees first (the
top ``SHOWN`` per story, in the order Markdown shows them) and over all items.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crosswire.model import Brief, Claim, Entity, FigureGroup, Quote, Story, StoryAnalysis, TimelineEvent

GOLD_DIR = Path(__file__).resolve().parents[2] / "bench" / "analysis" / "gold"
SECTIONS = ("quotes", "figures", "claims", "timeline", "entities")
SHOWN = 8


_PUNCTUATION: dict[str, str | int | None] = {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"}
_TABLE = str.maketrans(_PUNCTUATION)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().translate(_TABLE)
    return " ".join(re.sub(r"[^\w$%&@.,'\- ]+", " ", text).split()).strip(" .,'-")


def _contains(a: str, b: str) -> bool:
    """Whole-word containment of folded ``b`` in folded ``a``."""
    a, b = fold(a), fold(b)
    return bool(b) and re.search(r"(?<![\w])" + re.escape(b) + r"(?![\w])", a) is not None


def same_text(predicted: str, gold: str) -> bool:
    """The gold piece lies in the predicted text, or the prediction is most of the gold piece."""
    if _contains(predicted, gold):
        return True
    return _contains(gold, predicted) and len(fold(predicted)) >= 0.6 * len(fold(gold))


_FILLER = frozenset(["the", "a", "an", "of"])


def _party_words(text: str) -> set[str]:
    # Initials and articles do not tell parties apart ("Donald J. Trump" / "Donald Trump").
    return {w for w in fold(text).replace("'s", "").split() if w not in _FILLER and len(w.strip(".")) > 1}


def same_party(predicted: str | None, gold: str | None) -> bool:
    """One names the other: "Shah" / "Raj Shah", "a source" / "a source close to the couple"."""
    if not predicted or not gold:
        return False
    for option in gold.split("|"):
        a, b = _party_words(predicted), _party_words(option)
        if a and b and (a <= b or b <= a):
            return True
    return False


@dataclass
class Tally:
    gold: int = 0
    found: int = 0  # gold items matched (recall numerator)
    shown: int = 0
    shown_right: int = 0
    judged: int = 0
    judged_right: int = 0
    extra: dict[str, list[int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)  # gold items not recalled (claims only)

    def judge(self, rank: int, right: bool, what: str) -> None:
        self.judged += 1
        self.judged_right += right
        if rank < SHOWN:
            self.shown += 1
            self.shown_right += right
            if not right:
                self.errors.append(what)


@dataclass
class GoldStory:
    data: dict[str, Any]
    story: Story
    doc_of: dict[str, int]  # article id -> 1-based document number

    def skipped_docs(self) -> set[int]:
        return set(self.data.get("offtopic_docs", ())) | set(self.data.get("partial_docs", ()))

    def ignored(self, text: str) -> bool:
        return any(same_text(text, piece) or _contains(piece, text) for piece in self.data.get("ignore", ()))

    def only_in(self, articles: Iterable[str], docs: set[int]) -> bool:
        found = [self.doc_of.get(a) for a in articles]
        return bool(found) and all(d in docs for d in found)


def _quotes(gold: GoldStory, quotes: Sequence[Quote], tally: Tally) -> None:
    entries = gold.data["quotes"]
    tally.gold += len(entries)
    hit = [False] * len(entries)
    for rank, quote in enumerate(quotes):
        matches = [i for i, e in enumerate(entries) if same_text(quote.text, e[1])]
        if not matches:
            if gold.ignored(quote.text) or gold.only_in(quote.articles, gold.skipped_docs()):
                continue
            tally.judge(rank, False, f"not a gold quote: {quote.text[:60]!r} — {quote.speaker!r}")
            continue
        right = any(same_party(quote.speaker, entries[i][2]) for i in matches)
        for i in matches:
            hit[i] = hit[i] or same_party(quote.speaker, entries[i][2])
        tally.judge(
            rank,
            right,
            f"speaker {quote.speaker!r} for {quote.text[:50]!r} (gold {entries[matches[0]][2]!r})",
        )
    tally.found += sum(hit)


def _gold_spans(gold: GoldStory, doc: int, piece: str) -> list[tuple[str, int, int]]:
    spans = []
    for article in gold.story.articles:
        if gold.doc_of.get(article.id) != doc:
            continue
        for match in re.finditer(re.escape(piece), article.text):
            spans.append((article.id, match.start(), match.end()))
    return spans


def _figures(gold: GoldStory, groups: Sequence[FigureGroup], tally: Tally) -> None:
    entries = gold.data["figures"]
    tally.gold += len(entries)
    located = [(e, _gold_spans(gold, e[0], e[1])) for e in entries]
    covered = [False] * len(entries)
    disagreements = {d[0]: d[1] for d in gold.data.get("disagreements", ())}
    tally.extra.setdefault("disagreements", [0, 0])
    tally.extra["disagreements"][0] += len(disagreements)
    flagged: set[str] = set()
    skipped = gold.skipped_docs()
    for rank, group in enumerate(groups):
        labels: set[str] = set()
        unmatched = []
        for mention in group.mentions:
            hits = [
                i
                for i, (_, spans) in enumerate(located)
                if any(a == mention.article and s < mention.end and mention.start < e for a, s, e in spans)
            ]
            for i in hits:
                covered[i] = True
                labels.add(entries[i][2])
            if (
                not hits
                and not gold.ignored(mention.text)
                and gold.doc_of.get(mention.article) not in skipped
            ):
                unmatched.append(mention.text)
        if not labels and not unmatched:
            continue  # only furniture-free skipped or ignored mentions
        what = f"{group.counts}: {' vs '.join(group.values)} [{group.status}]"
        if unmatched:
            tally.judge(rank, False, f"not a gold figure {unmatched[:2]} in {what}")
            continue
        if len(labels) > 1:
            tally.judge(rank, False, f"different quantities grouped {sorted(labels)} in {what}")
            continue
        label = next(iter(labels))
        if group.status == "conflict":
            if label in disagreements:
                flagged.add(label)
            tally.judge(rank, label in disagreements, f"false conflict: {what}")
        else:
            tally.judge(rank, True, what)
    tally.found += sum(covered)
    tally.extra["disagreements"][1] += len(flagged)


def _claims(gold: GoldStory, claims: Sequence[Claim], tally: Tally) -> None:
    entries = gold.data["claims"]
    tally.gold += len(entries)
    hit = [False] * len(entries)
    tally.extra.setdefault("counters", [0, 0])
    for entry in entries:
        tally.extra["counters"][0] += len(entry["counters"])
    counters_found: dict[int, set[int]] = {}
    for rank, claim in enumerate(claims):
        matches = [
            i
            for i, e in enumerate(entries)
            if any(same_text(claim.statement, t) for t in e["text"].split("|"))
        ]
        what = f"{claim.claimant!r} against {claim.accused!r}: {claim.statement[:60]!r}"
        if not matches:
            if not gold.only_in(claim.articles, gold.skipped_docs()):
                tally.judge(rank, False, f"not a gold claim: {what}")
            continue
        self_accused = bool(claim.claimant and claim.accused and same_party(claim.claimant, claim.accused))
        own_counter = any(same_text(c.statement, claim.statement) for c in claim.counters)
        right = False
        for i in matches:
            entry = entries[i]
            ok = not self_accused and not own_counter
            if entry["claimant"] and claim.claimant:  # an unnamed accuser is not a wrong one
                ok = ok and same_party(claim.claimant, entry["claimant"])
            if entry["accused"] and claim.accused:
                ok = ok and same_party(claim.accused, entry["accused"])
            if ok:
                hit[i] = True
                right = True
                found = counters_found.setdefault(i, set())
                for j, piece in enumerate(entry["counters"]):
                    if any(same_text(c.statement, piece) for c in claim.counters):
                        found.add(j)
        tally.judge(rank, right, f"wrong parties: {what}")
    tally.found += sum(hit)
    tally.extra["counters"][1] += sum(len(v) for v in counters_found.values())
    for i, entry in enumerate(entries):
        missed = [p for j, p in enumerate(entry["counters"]) if j not in counters_found.get(i, set())]
        if not hit[i] or missed:
            what = "claim" if not hit[i] else f"{len(missed)} counter(s)"
            tally.misses.append(
                f"missed {what}: {entry['claimant']!r} against {entry['accused']!r}: {entry['text'][:70]!r}"
                + (f" counters {missed}" if missed else "")
            )


def _date_fits(event: TimelineEvent, gold_date: str) -> bool:
    if len(gold_date) == 10:
        return event.first <= gold_date <= event.last
    return event.date.startswith(gold_date) or (
        event.first.startswith(gold_date) and event.last.startswith(gold_date)
    )


def _event_texts(gold: GoldStory, event: TimelineEvent) -> list[str]:
    texts = [event.description, event.mention, *event.mentions]
    for span in event.spans:
        article = gold.story.article(span.article)
        texts.append(article.text[max(0, span.start - 80) : span.end + 80])
    return texts


def _timeline(gold: GoldStory, events: Sequence[TimelineEvent], tally: Tally) -> None:
    entries = gold.data["timeline"]
    tally.gold += len(entries)
    hit = [False] * len(entries)
    for rank, event in enumerate(events):
        texts = _event_texts(gold, event)
        matches = [
            i for i, e in enumerate(entries) if any(_contains(t, w) for t in texts for w in e[0].split("|"))
        ]
        what = f"{event.date} — {event.description[:60]!r}"
        if not matches:
            if not gold.ignored(event.description) and not gold.only_in(event.articles, gold.skipped_docs()):
                tally.judge(rank, False, f"not a gold event: {what}")
            continue
        right = False
        for i in matches:
            if _date_fits(event, entries[i][1]):
                hit[i] = right = True
        tally.judge(rank, right, f"wrong date: {what} (gold {entries[matches[0]][1]})")
    tally.found += sum(hit)


def _entities(gold: GoldStory, entities: Sequence[Entity], tally: Tally) -> None:
    entries = gold.data["entities"]
    tally.gold += len(entries)
    names = [{fold(n) for n in [e[0], *e[2:]]} for e in entries]
    hit = [False] * len(entries)
    skipped = gold.skipped_docs()
    for rank, entity in enumerate(entities):
        forms = {fold(n) for n in (entity.name, *entity.aliases)}
        matches = [i for i, known in enumerate(names) if forms & known]
        what = f"{entity.name!r} ({entity.kind})"
        if not matches:
            articles = entity.articles or tuple(s.article for s in entity.spans)
            if not gold.ignored(entity.name) and not gold.only_in(articles, skipped):
                tally.judge(rank, False, f"not a gold entity: {what}")
            continue
        if len(matches) > 1:
            tally.judge(rank, False, f"merges {[entries[i][0] for i in matches]}: {what}")
            continue
        i = matches[0]
        right = entity.kind in entries[i][1].split("|") and fold(entity.name) in names[i]
        hit[i] = hit[i] or right
        tally.judge(rank, right, f"wrong kind or name: {what} (gold {entries[i][0]!r} {entries[i][1]})")
    tally.found += sum(hit)


def load_gold(directory: Path = GOLD_DIR) -> list[dict[str, Any]]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.json"))]


def _validation_lines(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def brief_gold_story(documents: Sequence[str], pipeline: Any) -> Brief:
    brief: Brief = pipeline.brief_documents(list(documents))
    return brief


def score(
    gold_stories: Sequence[tuple[dict[str, Any], Brief]],
    order: Callable[[StoryAnalysis], dict[str, Sequence[Any]]] | None = None,
) -> dict[str, Tally]:
    """Tallies per section; ``order(analysis)`` gives each section's items as the reader sees them."""
    from crosswire.render.sections import reader_order

    ranked = order or reader_order
    tallies = {name: Tally() for name in SECTIONS}
    scorers: dict[str, Callable[[GoldStory, Any, Tally], None]] = {
        "quotes": _quotes,
        "figures": _figures,
        "claims": _claims,
        "timeline": _timeline,
        "entities": _entities,
    }
    for data, brief in gold_stories:
        if brief.analysis is None:
            continue
        doc_of = {a.id: int(a.source.rsplit(":", 1)[1]) for a in brief.story.articles if ":" in a.source}
        gold = GoldStory(data, brief.story, doc_of)
        shown = ranked(brief.analysis)
        for name in SECTIONS:
            before, missed_before = len(tallies[name].errors), len(tallies[name].misses)
            scorers[name](gold, shown[name], tallies[name])
            tallies[name].errors[before:] = [f"[{data['line']}] {e}" for e in tallies[name].errors[before:]]
            misses = tallies[name].misses
            misses[missed_before:] = [f"[{data['line']}] {m}" for m in misses[missed_before:]]
    return tallies


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a"


def format_tallies(tallies: dict[str, Tally], stories: int) -> str:
    lines = [
        f"{stories} hand-labelled Multi-News validation stories (bench/analysis/). Precision over the first "
        f"{SHOWN} items per section per story as Markdown orders them, and over all items; recall over gold items.",
        "",
        f"| section | precision (top {SHOWN}) | precision (all) | recall |",
        "|---|---|---|---|",
    ]
    for name, tally in tallies.items():
        lines.append(
            f"| {name} | {_ratio(tally.shown_right, tally.shown)} | {_ratio(tally.judged_right, tally.judged)} "
            f"| {_ratio(tally.found, tally.gold)} |"
        )
    extras = []
    for name, tally in tallies.items():
        for key, (total, found) in tally.extra.items():
            extras.append(f"{name}: {key} recalled {_ratio(found, total)}")
    if extras:
        lines += ["", "; ".join(extras)]
    return "\n".join(lines)


GROUPS = (
    "tuned",
    "heldout",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
)


def split_of(data: dict[str, Any]) -> str:
    """A gold story's group: "heldout" to "heldout12" (annotated before scoring) or "tuned" (the default)."""
    split = data.get("split")
    return split if split in GROUPS else "tuned"


def score_groups(
    gold_stories: Sequence[tuple[dict[str, Any], Brief]],
) -> dict[str, tuple[int, dict[str, Tally]]]:
    """Stories and tallies for the tuned and held-out groups and for all stories together."""
    groups: dict[str, tuple[int, dict[str, Tally]]] = {}
    for name in GROUPS:
        members = [pair for pair in gold_stories if split_of(pair[0]) == name]
        if members:
            groups[name] = (len(members), score(members))
    groups["all"] = (len(gold_stories), score(gold_stories))
    return groups


def format_groups(groups: dict[str, tuple[int, dict[str, Tally]]]) -> str:
    """Top-8 precision and recall per section, one column per group (held out = never tuned on)."""
    names = list(groups)
    heads = [f"{n} ({groups[n][0]} stories)" for n in names]
    lines = [
        f"By group (tuned: tuned on; heldout to heldout12: annotated before crosswire's output was looked at). "
        f"Precision over "
        f"the first {SHOWN} items per section per story; recall over gold items.",
        "",
        "| section | "
        + " | ".join(f"P top {SHOWN}, {h}" for h in heads)
        + " | "
        + " | ".join(f"R, {n}" for n in names)
        + " |",
        "|---|" + "---|" * (2 * len(names)),
    ]
    for section in SECTIONS:
        tallies = [groups[n][1][section] for n in names]
        lines.append(
            f"| {section} | "
            + " | ".join(_ratio(t.shown_right, t.shown) for t in tallies)
            + " | "
            + " | ".join(_ratio(t.found, t.gold) for t in tallies)
            + " |"
        )
    return "\n".join(lines)


def _summarized(row: dict[str, Any], pipeline: Any, cache: Path | None) -> Brief:
    """The brief without its analysis, kept under ``cache`` (a development aid: only the analysis
    is recomputed on later runs)."""
    import pickle

    from crosswire.pipeline import story_of_texts

    target = cache / f"{row['id']}.pickle" if cache else None
    if target is not None and target.exists():
        kept: Brief = pickle.loads(target.read_bytes())
        return _redated(kept)
    brief: Brief = pipeline.summarize(story_of_texts(row["documents"], "eval"))
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pickle.dumps(brief))
    return brief


def _load_parses(cache: Path) -> None:
    """Fill the process's parse and vector caches from an earlier run's."""
    import pickle

    from spacy.tokens import DocBin

    from crosswire.analyze import reuse
    from crosswire.analyze.context import load_nlp

    path = cache / "parses.pickle"
    if not path.exists():
        return
    texts, docs, vectors = pickle.loads(path.read_bytes())
    for text, doc in zip(texts, DocBin().from_bytes(docs).get_docs(load_nlp().vocab), strict=True):
        reuse.DOCS.put(text, doc)
    for key, vector in vectors:
        reuse.VECTORS.put(key, vector)


def _keep_parses(cache: Path) -> None:
    import pickle

    from spacy.tokens import DocBin

    from crosswire.analyze import reuse

    items = list(reuse.DOCS._items.items())
    docs = DocBin()
    for _, doc in items:
        docs.add(doc)
    vectors = list(reuse.VECTORS._items.items())
    (cache / "parses.pickle").write_bytes(pickle.dumps(([t for t, _ in items], docs.to_bytes(), vectors)))


def _redated(brief: Brief) -> Brief:
    """Publication dates inferred again (the inference is analysis code that may have changed)."""
    from dataclasses import replace

    from crosswire.analyze.timeline import infer_publication_dates

    articles = tuple(replace(a, published=None) if a.published_inferred else a for a in brief.story.articles)
    return replace(brief, story=infer_publication_dates(replace(brief.story, articles=articles)))


def run_analysis_bench(
    data: Path,
    verbose: bool = False,
    lines: set[int] | None = None,
    cache: Path | None = None,
    misses: bool = False,
) -> str:
    """Score every gold story (or only ``lines``); ``cache`` keeps the briefs between runs; ``misses``
    lists the gold claims (and counters) not recalled."""
    from crosswire.pipeline import Pipeline

    path = data / "multinews" / "validation.jsonl"
    if not path.exists():
        return f"not available ({path} missing)"
    rows = _validation_lines(path)
    pipeline = Pipeline(analyze=True)
    if cache is not None:
        _load_parses(cache)
    pairs = []
    for entry in load_gold():
        if lines is not None and entry["line"] not in lines:
            continue
        row = rows[entry["line"]]
        if row["id"] != entry["id"]:
            return f"gold {entry['line']} is {entry['id']} but the data has {row['id']}"
        if cache is None:
            pairs.append((entry, brief_gold_story(row["documents"], pipeline)))
        else:
            pairs.append((entry, pipeline.analyze_brief(_summarized(row, pipeline, cache))))
    if cache is not None:
        _keep_parses(cache)
    groups = score_groups(pairs)
    tallies = groups["all"][1]
    text = format_tallies(tallies, len(pairs))
    if len(groups) > 2:  # both groups present: each on its own as well
        text += "\n\n" + format_groups(groups)
    if verbose:
        held = {str(entry["line"]): split_of(entry) for entry, _ in pairs if split_of(entry) != "tuned"}
        text += "\n\n" + "\n".join(
            f"{name}: {e}" + (f" ({held[line]})" if (line := e[1:].split("]", 1)[0]) in held else "")
            for name, t in tallies.items()
            for e in t.errors
        )
    if misses:
        text += "\n\n" + "\n".join(f"{name}: {m}" for name, t in tallies.items() for m in t.misses)
    return text


def main(argv: Sequence[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", default="../shared/data", type=Path, help="the data directory")
    parser.add_argument("--lines", help="only these gold stories, by validation line: 7,15")
    parser.add_argument("--cache", type=Path, help="keep the briefs (without analysis) here between runs")
    parser.add_argument("--misses", action="store_true", help="also list the gold claims and counters missed")
    args = parser.parse_args(argv)
    lines = {int(n) for n in args.lines.split(",")} if args.lines else None
    print(run_analysis_bench(args.data, verbose=True, lines=lines, cache=args.cache, misses=args.misses))


if __name__ == "__main__":
    main()
