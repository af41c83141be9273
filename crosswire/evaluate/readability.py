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

*Lead-first*: the brief's first sentence is the first or second sentence of
its source article (``Sentence.index`` 0 or 1 in the segmented, cleaned
article), or of another article that carries it (a citation whose article
has the same text among its first two sentences).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crosswire.model import Brief, Sentence
from crosswire.summarize.arrange import LEAD_POSITIONS
from crosswire.summarize.mentions import unintroduced_flags
from crosswire.summarize.references import needs_antecedent


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

    def add_brief(self, brief: Brief) -> None:
        flags = dangling_flags(brief)
        self.sentences += len(flags)
        self.dangling += sum(flags)
        self.word_rule += sum(word_rule_flags(s.text for s in brief.sentences))
        self.unintroduced += sum(unintroduced_flags([s.text for s in brief.sentences]))
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

    def report(self) -> dict[str, float]:
        def share(part: int, whole: int) -> float:
            return round(100.0 * part / whole, 2) if whole else 0.0

        return {
            "dangling_pct": share(self.dangling, self.sentences),
            "word_rule_pct": share(self.word_rule, self.sentences),
            "lead_first_pct": share(self.lead_first, self.briefs),
            "reference_word_rule_pct": share(self.reference_word_rule, self.reference_sentences),
            "unintroduced_pct": share(self.unintroduced, self.sentences),
            "reference_unintroduced_pct": share(self.reference_unintroduced, self.reference_sentences),
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
            tally.add_brief(pipeline.brief_documents(list(cluster.documents)))
        tally.add_references([reference_sentences(r) for r in cluster.references])
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
        ]
    )


def run_readability(data: object, limit: int | None = None) -> str:
    from pathlib import Path

    path = Path(str(data)) / "multinews" / "test.jsonl"
    return readability_text(evaluate_readability(str(path), limit=limit), str(path))
