"""Exchanges: one party argues, the other answers it ("CAPA likened scholarships to pay.
Northwestern balked at that claim"; "the union argued ... The league countered that ...").

The argument carries no accusing word, so no rule reads it as a claim; the answer that follows
within two sentences, by another party with a verb of disagreement, makes it one: the arguing
party's claim against the answering party, disputed by it.
"""

from __future__ import annotations

from typing import Any

from crosswire.analyze.attribution_cues import child_of, negated
from crosswire.analyze.attribution_parties import Parties
from crosswire.analyze.attribution_statements import Statement, sentence_text, sentence_tokens
from crosswire.analyze.claim_parties import country, one_side, party_like, same
from crosswire.analyze.context import AnalysisContext
from crosswire.model import Sentence

DISAGREEING = frozenset({"counter", "balk", "disagree", "rebut", "refute", "dispute", "contest"})
ARGUING = frozenset({"say", "argue", "contend", "claim", "liken", "assert", "insist", "maintain", "compare"})
EXCHANGE_WINDOW = 2  # sentences back from the answer to the argument it answers
COUNTER_ROLES = ("denial", "rejection", "dispute")


def _subject_party(article: str, tokens: Any, verbs: frozenset[str], parties: Parties) -> str | None:
    """The named party that is the subject of the first of these verbs (not negated, not a pronoun:
    whom "it" or "we" stands for is a guess too weak to build a dispute on)."""
    for verb in tokens:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs or negated(verb):
            continue
        if verbs is ARGUING and child_of(verb, "ccomp", "dobj") is None:
            continue  # "CAPA said" with nothing said, or "as the union says"
        subject = child_of(verb, "nsubj")
        if subject is None or subject.pos_ == "PRON":
            continue
        name = parties.of(article, subject)
        if party_like(name):
            return name
    return None


def _apart(a: str, b: str) -> bool:
    return not same(a, b) and not one_side(a, b) and country(a) != country(b)


def _argument(
    ctx: AnalysisContext, article: str, before: list[Sentence], answerer: str, parties: Parties
) -> tuple[Sentence, str] | None:
    """The nearest earlier sentence in which another party argues something."""
    for sentence in reversed(before):
        arguer = _subject_party(article, sentence_tokens(ctx.docs[article], sentence), ARGUING, parties)
        if arguer is not None:
            return (sentence, arguer) if _apart(arguer, answerer) else None
    return None


def exchanges(ctx: AnalysisContext, items: list[Statement], parties: Parties) -> list[Statement]:
    """New statements (claims and their disputes, already linked) for the exchanges in the story;
    an argument already read as a claim takes the dispute itself."""
    countered = {(i.article, i.sentence.start) for i in items if i.role in COUNTER_ROLES}
    found: list[Statement] = []
    for article in ctx.story.articles:
        sentences = list(ctx.sentences_of(article.id))
        for n, sentence in enumerate(sentences):
            if (article.id, sentence.start) in countered:
                continue
            tokens = sentence_tokens(ctx.docs[article.id], sentence)
            answerer = _subject_party(article.id, tokens, DISAGREEING, parties)
            if answerer is None:
                continue
            argued = _argument(ctx, article.id, sentences[max(0, n - EXCHANGE_WINDOW) : n], answerer, parties)
            if argued is None:
                continue
            earlier, arguer = argued
            claim = next(
                (i for i in [*items, *found] if i.role == "claim" and i.article == article.id and i.sentence == earlier),
                None,
            )
            if claim is None:
                claim = Statement(
                    article.id, earlier, "claim", arguer, sentence_text(earlier), earlier.start, earlier.end, answerer
                )
                claim.claim = claim  # linked; never revisited
                found.append(claim)
            counter = Statement(
                article.id, sentence, "dispute", answerer, sentence_text(sentence), sentence.start, sentence.end
            )
            counter.claim = claim
            claim.counters.append(counter)
            found.append(counter)
    return found
