"""A claim answered in its own sentence: "Anderson accused his wife of infidelity, though police have
said there is no evidence of that"; "The government blames 'terrorists' for the bombings but the
opposition says that the regime itself may be carrying them out".

A clause joined to the accusation by "but" (or opened by "though", "although", "while"), in which
another named party says something, answers the accusation. The sentence is cut in two: the
accusation before the clause, the answer in it (a claim whose only counter repeated its own words
would answer nothing). When the answering party asserts something of a third party ("the regime
itself may be carrying them out"), that assertion is its own claim against that party.
"""

from __future__ import annotations

from typing import Any

from crosswire.analyze.attribution_cues import child_of, negated
from crosswire.analyze.attribution_parties import Parties
from crosswire.analyze.attribution_statements import Statement, sentence_tokens
from crosswire.analyze.claim_parties import one_side, party_like, same
from crosswire.analyze.context import AnalysisContext, doc_text

_JOINING = frozenset({"but", "yet"})  # "X blamed Y, but Z said ..."
_OPENING = frozenset({"though", "although", "while", "whereas"})  # "..., though Z said ..."
ANSWERING_VERBS = frozenset(
    {"say", "argue", "insist", "contend", "maintain", "doubt", "counter", "respond", "reply", "note",
     "believe", "dispute", "deny", "reject", "question", "suggest", "tell"}
)  # fmt: skip
COUNTER_ROLES = ("denial", "rejection", "dispute")
_TRIM = " ,;:—–-"


def _contrast_clause(tokens: Any) -> tuple[Any, int] | None:
    """The answering clause's verb and the offset where the accusation before it ends."""
    for verb in tokens:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ANSWERING_VERBS or negated(verb):
            continue
        if verb.dep_ == "conj":
            joint = next(
                (c for c in verb.head.children if c.dep_ == "cc" and c.lower_ in _JOINING and c.i < verb.i), None
            )
            if joint is not None:
                return verb, joint.idx
        if verb.dep_ == "advcl" and verb.i > verb.head.i:
            mark = child_of(verb, "mark")
            if mark is not None and mark.lower_ in _OPENING:
                return verb, verb.left_edge.idx
    return None


def _retold(item: Statement, text: str, start: int, end: int) -> None:
    """The statement cut to ``text[start:end]`` (its span with it)."""
    item.text, item.start, item.end = " ".join(text[start:end].split()), start, end


def contrasts(ctx: AnalysisContext, items: list[Statement], parties: Parties) -> list[Statement]:
    """Cut each claim answered in its own sentence from its answer; returns the new statements (the
    answers no rule had found, and the answering party's own claims), already linked."""
    found: list[Statement] = []
    for claim in [i for i in items if i.role in ("claim", "blame") and not i.counters and i.claim is None]:
        doc = ctx.docs[claim.article]
        text = doc_text(doc)
        tokens = sentence_tokens(doc, claim.sentence)
        contrast = _contrast_clause(tokens)
        if contrast is None or not (claim.target and party_like(claim.target)):
            continue
        verb, cut = contrast
        subject = child_of(verb, "nsubj")
        answerer = parties.of(claim.article, subject) if subject is not None and subject.pos_ != "PRON" else None
        if answerer is None or not party_like(answerer) or same(answerer, claim.party):
            continue
        if claim.party and one_side(answerer, claim.party):
            continue  # "the ministry blamed ..., but ministry officials said": one side
        end = verb.right_edge.idx + len(verb.right_edge.text)
        start = next(t.idx for t in verb.subtree if t.lower_ not in _OPENING)
        here = [i for i in items if i.article == claim.article and i.sentence == claim.sentence]
        counters = [i for i in here if i.role in COUNTER_ROLES and i.claim is None]
        if not counters:
            counters = [Statement(claim.article, claim.sentence, "dispute", answerer, "", start, end)]
            found.extend(counters)
        before = text[claim.sentence.start : cut].rstrip(_TRIM)
        for accusation in [i for i in here if i.role in ("claim", "blame") and not i.counters]:
            _retold(accusation, text, claim.sentence.start, claim.sentence.start + len(before))
            if accusation.role == "blame":
                accusation.role = "claim"
        for counter in counters:
            _retold(counter, text, start, end)
            counter.claim = claim
            claim.counters.append(counter)
        claim.claim = claim  # linked; never revisited
        found.extend(_answerers_claim(claim, verb, answerer, parties, text, (start, end)))
    return found


def _answerers_claim(
    claim: Statement, verb: Any, answerer: str, parties: Parties, text: str, span: tuple[int, int]
) -> list[Statement]:
    """ "the opposition says that the regime itself may be carrying them out": the opposition's claim
    against the regime (a named party, not a pronoun, not the answerer's own side)."""
    clause = child_of(verb, "ccomp")
    accused_token = child_of(clause, "nsubj", "nsubjpass") if clause is not None else None
    if accused_token is None or accused_token.pos_ == "PRON":
        return []
    accused = parties.names(claim.article, accused_token)
    if not party_like(accused) or same(accused, answerer) or same(accused, claim.target):
        return []
    own = Statement(claim.article, claim.sentence, "claim", answerer, "", *span, accused)
    _retold(own, text, *span)
    own.claim = own  # linked; never revisited
    return [own]
