"""What a reader sees: dangling sentences and whether a brief opens on an article's lead.

*Dangling* (issue 17's definition): a brief sentence that opens with a pronoun
or connective (``DANGLING_OPENERS``) or contains "he/she/they said|says|
added|told", and whose own article's previous sentence is not the brief's
previous sentence. Human references have no source article, so for them (and,
beside it, for crosswire) the *opening-word rule* alone is reported: every
sentence the word rule matches counts, the first of a summary included. That
rule over-counts (a reference may lean on its own previous sentence), so it
is an upper bound, comparable between the two.

*Unintroduced reference* (``summarize.mentions.unintroduced``): a sentence
with a definite description ("the spokesperson", "the report", "The two"),
a bare surname ("Hackett said", "Mr. Oppenheim") or an opening such as "The
best of them" that nothing before it in the summary introduces. It reads the
text alone (brackets as plain words), so it is counted the same way on briefs
and on human references.

*Ends on a quote*: the summary's last sentence is mostly a direct quote (``summarize.flow.is_quote``:
half its words or more inside quotation marks). Counted per summary, on briefs and on references.

*Superseded status* (``summarize.supersede``): a sentence saying an event has not (yet, so far)
happened ("No arrests have yet been made", "has not yet been identified") while another sentence of
the same summary, from an article dated no earlier (undated counts as same-dated), reports it
happened. Counted per summary; references are read as one undated text.

*Unmarked jump* (``summarize.flow.shares_topic``): two adjacent sentences of one paragraph that share
no content stem (a place, person or event the reader has nothing to tie to). Share of adjacent
pairs. References are one paragraph. (The hashed TF-IDF vectors add nothing here: with no shared
stem their cosine is at most what a shared unstemmed bigram gives, i.e. near zero.)

*Main news* (briefs only, against the first reference): ROUGE-1 and ROUGE-2 recall of the
reference's first sentence (which states the news in Multi-News) by the brief's first sentence
and by the whole brief, and the share of briefs whose sentence covering it best (ROUGE-1 recall)
is among their first two.

*Lead-first*: the brief's first sentence is the first or second sentence of
its source article (``Sentence.index`` 0 or 1 in the segmented, cleaned
article), or of another article that carries it (a citation whose article
has the same text among its first two sentences).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from crosswire.evaluate.rouge import score as rouge_score
from crosswire.model import Brief, Sentence
from crosswire.summarize.arrange import LEAD_POSITIONS
from crosswire.summarize.flow import is_quote, shares_topic
from crosswire.summarize.mentions import unintroduced_flags
from crosswire.summarize.references import needs_antecedent
from crosswire.summarize.restate import restated_pairs
from crosswire.summarize.same_count import same_count_pairs
from crosswire.summarize.supersede import superseded
from crosswire.summarize.text import content_stems


def _by_start(brief: Brief) -> dict[tuple[str, int], Sentence]:
    return {(s.article_id, s.start): s for s in brief.story.sentences}


def dangling_flags(brief: Brief) -> list[bool]:
    """One flag per brief sentence: dangling by issue 17's definition."""
    sentences = _by_start(brief)
    flags: list[bool] = []
    previous: Sentence | None = None
    for brief_sentence in brief.sentences:
        source = sentences.get((brief_sentence.source.article, brief_sentence.source.start))
        if not needs_antecedent(brief_sentence.text):
            flags.append(False)
        else:
            follows = (
                source is not None
                and previous is not None
                and previous.article_id == source.article_id
                and previous.index == source.index - 1
            )
            flags.append(not follows)
        previous = source
    return flags


def word_rule_flags(texts: Iterable[str]) -> list[bool]:
    """The opening-word rule alone (for summaries without source articles, such as references)."""
    return [needs_antecedent(text) for text in texts]


def opens_on_lead(brief: Brief) -> bool | None:
    """Whether the brief's first sentence is an article's first or second sentence (None: empty brief)."""
    if not brief.sentences:
        return None
    first = brief.sentences[0]
    source = _by_start(brief).get((first.source.article, first.source.start))
    if source is not None and source.index < LEAD_POSITIONS:
        return True
    cited = set(first.citations)
    wanted = _squash(source.text if source is not None else first.text)
    return any(
        s.article_id in cited and s.index < LEAD_POSITIONS and _squash(s.text) == wanted
        for s in brief.story.sentences
    )


def ends_on_quote(texts: Sequence[str]) -> bool:
    """Whether the summary's last sentence is mostly a direct quote."""
    return bool(texts) and is_quote(texts[-1])


def superseded_status(texts: Sequence[str], days: Sequence[str] | None = None) -> bool:
    """Whether the summary states an event pending that another of its sentences reports as done."""
    return any(superseded(texts, days if days is not None else [""] * len(texts)))


def brief_days(brief: Brief) -> list[str]:
    """Each brief sentence's article date (ISO day, "" when undated)."""
    dates = {a.id: (a.published or "")[:10] for a in brief.story.articles}
    return [dates.get(s.source.article, "") for s in brief.sentences]


def restated_count(texts: Sequence[str]) -> tuple[int, int]:
    """(sentence pairs, pairs where one restates the other: cosine >= 0.4 and no new number, name or
    more than half new content stems; ``summarize.restate``), on the summarizer's default vectors."""
    from crosswire.embed import TfidfEmbedder

    if len(texts) < 2:
        return 0, 0
    return restated_pairs(texts, TfidfEmbedder().encode(list(texts)))


def same_count_count(texts: Sequence[str]) -> int:
    """Pairs of ``texts`` giving one count of one thing about the same participants (``same_count``)."""
    found = same_count_pairs(texts)  # directional: either sentence may be the one that restates
    return int(np.triu(found | found.T, k=1).sum())


def jump_flags(texts: Sequence[str], paragraphs: Sequence[int] | None = None) -> list[bool]:
    """One flag per adjacent pair in one paragraph: True when they share no content stem."""
    numbers = paragraphs if paragraphs is not None else [0] * len(texts)
    stems = [content_stems(t) for t in texts]
    return [
        not shares_topic(stems[k - 1], stems[k]) for k in range(1, len(texts)) if numbers[k] == numbers[k - 1]
    ]


@dataclass(frozen=True)
class MainNews:
    """How much of the reference's first sentence a brief states, and how early."""

    first_r1: float
    first_r2: float
    brief_r1: float
    brief_r2: float
    early: bool  # the sentence covering it best is among the brief's first two


def main_news(texts: Sequence[str], reference: Sequence[str]) -> MainNews | None:
    """``texts`` (a brief) against ``reference``'s first sentence (None when either is empty)."""
    if not texts or not reference:
        return None
    lead = reference[0]
    first = rouge_score(lead, texts[0])
    whole = rouge_score(lead, "\n".join(texts))
    each = [rouge_score(lead, t)["rouge1"].recall for t in texts]
    best = max(range(len(texts)), key=lambda k: (each[k], -k))
    return MainNews(
        first["rouge1"].recall, first["rouge2"].recall, whole["rouge1"].recall, whole["rouge2"].recall, best < 2
    )


def _squash(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


@dataclass
class ReadabilityTally:
    """Counts over many briefs (and, beside them, their references)."""

    sentences: int = 0
    dangling: int = 0
    word_rule: int = 0
    briefs: int = 0
    lead_first: int = 0
    reference_sentences: int = 0
    reference_word_rule: int = 0
    unintroduced: int = 0
    reference_unintroduced: int = 0
    summaries: int = 0  # briefs with a sentence (the per-summary measures' denominator)
    quote_endings: int = 0
    superseded: int = 0
    pairs: int = 0  # adjacent sentence pairs within one paragraph
    jumps: int = 0
    references: int = 0
    reference_quote_endings: int = 0
    reference_superseded: int = 0
    reference_pairs: int = 0
    reference_jumps: int = 0
    news_briefs: int = 0
    news_first_r1: float = 0.0
    news_first_r2: float = 0.0
    news_brief_r1: float = 0.0
    news_brief_r2: float = 0.0
    news_early: int = 0
    sentence_pairs: int = 0  # every pair of one brief's sentences (the restated proxy's denominator)
    restated: int = 0
    reference_sentence_pairs: int = 0
    reference_restated: int = 0
    same_count: int = 0  # pairs of one brief's sentences telling one count twice (``same_count``)
    reference_same_count: int = 0

    def add_brief(self, brief: Brief) -> None:
        texts = [s.text for s in brief.sentences]
        if texts:
            self.summaries += 1
            self.quote_endings += int(ends_on_quote(texts))
            self.superseded += int(superseded_status(texts, brief_days(brief)))
        jumps = jump_flags(texts, [s.paragraph for s in brief.sentences])
        self.pairs += len(jumps)
        self.jumps += sum(jumps)
        flags = dangling_flags(brief)
        self.sentences += len(flags)
        self.dangling += sum(flags)
        self.word_rule += sum(word_rule_flags(s.text for s in brief.sentences))
        self.unintroduced += sum(unintroduced_flags([s.text for s in brief.sentences]))
        pairs, restated = restated_count(texts)
        self.sentence_pairs += pairs
        self.restated += restated
        self.same_count += same_count_count(texts)
        lead = opens_on_lead(brief)
        if lead is not None:
            self.briefs += 1
            self.lead_first += int(lead)

    def add_references(self, references: Sequence[Sequence[str]]) -> None:
        """Each reference is a list of its sentences."""
        for reference in references:
            flags = word_rule_flags(reference)
            self.reference_sentences += len(flags)
            self.reference_word_rule += sum(flags)
            self.reference_unintroduced += sum(unintroduced_flags(list(reference)))
            if reference:
                self.references += 1
                self.reference_quote_endings += int(ends_on_quote(reference))
                self.reference_superseded += int(superseded_status(reference))
            pairs, restated = restated_count(list(reference))
            self.reference_sentence_pairs += pairs
            self.reference_restated += restated
            self.reference_same_count += same_count_count(list(reference))
            jumps = jump_flags(reference)
            self.reference_pairs += len(jumps)
            self.reference_jumps += sum(jumps)

    def add_main_news(self, brief: Brief, reference: Sequence[str]) -> None:
        """The brief against its (first) reference, split into sentences."""
        found = main_news([s.text for s in brief.sentences], reference)
        if found is None:
            return
        self.news_briefs += 1
        self.news_first_r1 += found.first_r1
        self.news_first_r2 += found.first_r2
        self.news_brief_r1 += found.brief_r1
        self.news_brief_r2 += found.brief_r2
        self.news_early += int(found.early)

    def report(self) -> dict[str, float]:
        def share(part: int, whole: int) -> float:
            return round(100.0 * part / whole, 2) if whole else 0.0

        def mean(total: float, count: int) -> float:
            return round(100.0 * total / count, 2) if count else 0.0

        return {
            "dangling_pct": share(self.dangling, self.sentences),
            "word_rule_pct": share(self.word_rule, self.sentences),
            "lead_first_pct": share(self.lead_first, self.briefs),
            "reference_word_rule_pct": share(self.reference_word_rule, self.reference_sentences),
            "unintroduced_pct": share(self.unintroduced, self.sentences),
            "reference_unintroduced_pct": share(self.reference_unintroduced, self.reference_sentences),
            "quote_ending_pct": share(self.quote_endings, self.summaries),
            "reference_quote_ending_pct": share(self.reference_quote_endings, self.references),
            "superseded_pct": share(self.superseded, self.summaries),
            "reference_superseded_pct": share(self.reference_superseded, self.references),
            "jump_pct": share(self.jumps, self.pairs),
            "reference_jump_pct": share(self.reference_jumps, self.reference_pairs),
            "news_first_r1": mean(self.news_first_r1, self.news_briefs),
            "news_first_r2": mean(self.news_first_r2, self.news_briefs),
            "news_brief_r1": mean(self.news_brief_r1, self.news_briefs),
            "news_brief_r2": mean(self.news_brief_r2, self.news_briefs),
            "news_early_pct": share(self.news_early, self.news_briefs),
            "restated_pct": share(self.restated, self.sentence_pairs),
            "reference_restated_pct": share(self.reference_restated, self.reference_sentence_pairs),
            "same_count_pct": share(self.same_count, self.sentence_pairs),
            "reference_same_count_pct": share(self.reference_same_count, self.reference_sentence_pairs),
            "sentences": self.sentences,
            "briefs": self.briefs,
            "reference_sentences": self.reference_sentences,
        }


def reference_sentences(reference: str) -> list[str]:
    """A human reference split as crosswire splits articles (they come as one paragraph)."""
    from crosswire.model import Article
    from crosswire.segment import segment_article

    return [s.text for s in segment_article(Article(text=reference, id="reference"))]


def evaluate_readability(path: str, words: int = 250, limit: int | None = None) -> dict[str, float]:
    """The readability measures of crosswire's briefs of a Multi-News-style file, and of its references."""
    import warnings

    from crosswire.errors import CrosswireWarning
    from crosswire.evaluate.datasets import load_clusters
    from crosswire.pipeline import Pipeline

    tally = ReadabilityTally()
    pipeline = Pipeline(words=words, analyze=False)
    for cluster in load_clusters(path, limit=limit):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CrosswireWarning)
            brief = pipeline.brief_documents(list(cluster.documents))
        tally.add_brief(brief)
        references = [reference_sentences(r) for r in cluster.references]
        tally.add_references(references)
        if references:
            tally.add_main_news(brief, references[0])
    return tally.report()


def readability_text(result: dict[str, float], path: str) -> str:
    """The bench section: crosswire's briefs beside the human references."""
    return "\n".join(
        [
            f"Issue 17's measures on the briefs of `{path}` (250 words; definitions in "
            "`crosswire/evaluate/readability.py`). References have no source article, so they get the "
            "opening-word rule alone (an upper bound), shown for crosswire too.",
            "",
            "| summaries | dangling % | opening-word rule % | unintroduced reference % "
            "| opens on an article's lead % | sentences |",
            "|---|---|---|---|---|---|",
            f"| crosswire | {result['dangling_pct']:.2f} | {result['word_rule_pct']:.2f} | "
            f"{result['unintroduced_pct']:.2f} | {result['lead_first_pct']:.1f} | {result['sentences']} |",
            f"| human references | n/a | {result['reference_word_rule_pct']:.2f} | "
            f"{result['reference_unintroduced_pct']:.2f} | n/a | {result['reference_sentences']} |",
            "",
            "Targets: dangling <= 2%, opens on a lead >= 90%.",
            "",
            "Flow (issue 17 items 4-5): summaries ending on a direct quote, summaries with a superseded "
            "'not yet' status, adjacent sentence pairs of one paragraph sharing no content stem; "
            "sentence pairs of one summary where one restates the other (issue 17 class 3: cosine >= 0.4 "
            "and no new number, name or more than half new content stems).",
            "",
            "| summaries | ends on a quote % | superseded status % | unmarked jump % of pairs "
            "| restated % of pairs |",
            "|---|---|---|---|---|",
            f"| crosswire | {result['quote_ending_pct']:.1f} | {result['superseded_pct']:.1f} | "
            f"{result['jump_pct']:.1f} | {result['restated_pct']:.2f} |",
            f"| human references | {result['reference_quote_ending_pct']:.1f} | "
            f"{result['reference_superseded_pct']:.1f} | {result['reference_jump_pct']:.1f} | "
            f"{result['reference_restated_pct']:.2f} |",
            "",
            "Main news: recall (x100) of the first reference's first sentence by the brief's first sentence "
            "and by the whole brief; briefs whose sentence covering it best is among their first two.",
            "",
            "| first sentence R1 / R2 | whole brief R1 / R2 | best-covering sentence in the first two % |",
            "|---|---|---|",
            f"| {result['news_first_r1']:.1f} / {result['news_first_r2']:.1f} | {result['news_brief_r1']:.1f} / "
            f"{result['news_brief_r2']:.1f} | {result['news_early_pct']:.1f} |",
        ]
    )


def run_readability(data: object, limit: int | None = None) -> str:
    from pathlib import Path

    path = Path(str(data)) / "multinews" / "test.jsonl"
    return readability_text(evaluate_readability(str(path), limit=limit), str(path))
