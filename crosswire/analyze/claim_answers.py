"""Which claim a counter-statement answers (split from ``claims``): a claim answered just before, a
claim against the denying side, the nearest claim in the window, or the accusing sentence most like it."""

from __future__ import annotations

import re
from typing import Any

from crosswire.analyze.attribution_cues import (
    ACCUSATION_NOUNS,
    ACCUSATION_VERBS,
    ATTACK_WORDS,
    STRONG_ACCUSATION,
    WRONGDOING,
)
from crosswire.analyze.attribution_parties import Parties
from crosswire.analyze.attribution_spans import ALL_CUES
from crosswire.analyze.attribution_statements import Statement, sentence_text, sentence_tokens
from crosswire.analyze.claim_parties import names_party, party_like, same
from crosswire.analyze.claim_rules import accusing_word, denied_for
from crosswire.analyze.context import AnalysisContext
from crosswire.analyze.entities import fold
from crosswire.model import Sentence

ANTECEDENT_WINDOW = 6  # sentences back to look for the claim a counter answers


def antecedent(
    ctx: AnalysisContext,
    counter: Statement,
    items: list[Statement],
    sentences: list[Sentence],
    parties: Parties,
) -> Statement | None:
    """The claim a counter answers: a claim answered just before (the same dispute going on), else the
    earlier sentence in the window most like the counter, accusing sentences first."""
    here = sentences.index(counter.sentence) if counter.sentence in sentences else 0
    window = sentences[max(0, here - ANTECEDENT_WINDOW) : here + 1]
    for item in reversed(items):
        if (
            item.article == counter.article
            and item is not counter
            and item.claim is not None
            and (item.role in ("denial", "rejection", "dispute") and item.sentence in window[-3:])
        ):
            return item.claim
    # A denial by the accused side answers the claim against that party in its article before the
    # nearest claim ("Browne-Louis pleaded not guilty" after Plaskett condemned the leak).
    against = _claim_against(counter, items, parties)
    if against is not None and against.article == counter.article:
        return against
    claims_here = [
        i
        for i in items
        if i.role == "claim"
        and i.article == counter.article
        and i.sentence in window
        and not same(i.party, counter.party)
        and _may_answer(counter, i, parties)
    ]
    if claims_here:
        return max(claims_here, key=lambda i: sentences.index(i.sentence))
    if against is not None:
        return against
    found = _likeliest_accusation(ctx, counter, sentences[: max(0, here - ANTECEDENT_WINDOW)], window)
    if found is None:
        return None
    sentence, guessed = found
    tokens = sentence_tokens(ctx.docs[counter.article], sentence)
    claimant = parties.speaker_in(counter.article, sentence.start, sentence.end)
    accused = _actor(counter.article, tokens, parties, exclude=claimant)
    if counter.role == "denial" and not party_like(accused):
        # "an investigation found Browne-Louis had deleted texts ... she pleaded not guilty"; "an attempt
        # to vilify Ms. Lerner, said the lawyer ... Ms. Lerner has done nothing wrong"
        cleared = (
            denied_for(counter.article, ctx.docs[counter.article], counter.sentence, parties) or counter.party
        )
        if cleared and names_party(sentence, cleared) and not same(cleared, claimant):
            accused = cleared
    if guessed and not (_defends(ctx, counter, accused, parties) and _tells_a_wrong(tokens)):
        return None  # "the council opened a library ... Lind did nothing wrong": no charge to answer
    return Statement(
        counter.article,
        sentence,
        "claim",
        claimant,
        sentence_text(sentence),
        sentence.start,
        sentence.end,
        accused,
    )


def _likeliest_accusation(
    ctx: AnalysisContext, counter: Statement, before_window: list[Sentence], window: list[Sentence]
) -> tuple[Sentence, bool] | None:
    """The sentence a counter most likely answers, and whether only likeness ties them: the accusing
    sentence of the window most like the counter; with none, the last accusation before the window;
    with none either, the window's sentence most like it (a guess)."""
    vector = ctx.vector_of(counter.sentence)
    best: tuple[float, Sentence] | None = None
    accusing = [s for s in window[:-1] if _accuses(ctx, counter.article, s)]
    if not accusing:
        # No accusation nearby: a counter answers the charge told earlier in the article, however far back.
        earlier = [s for s in before_window if _accuses(ctx, counter.article, s)]
        if earlier:
            best = (1.0, earlier[-1])
    guessed = not accusing and best is None  # only likeness ties the counter to this sentence
    for sentence in accusing or ([] if best else window[:-1]):
        if HEDGED.search(sentence.text):
            continue  # "declined to say whether he will claim self-defence" asserts nothing
        lemmas = {t.lemma_.lower() for t in sentence_tokens(ctx.docs[counter.article], sentence)}
        score = float(ctx.vector_of(sentence) @ vector) + (
            0.15 if lemmas & (ACCUSATION_NOUNS | ACCUSATION_VERBS) else 0
        )
        if best is None or score > best[0]:
            best = (score, sentence)
    return None if best is None else (best[1], guessed)


def _may_answer(counter: Statement, claim: Statement, parties: Parties) -> bool:
    """A party denying ("Browne-Louis pleaded not guilty") answers a claim against itself (or its
    client), never the nearest claim against someone else or against no one."""
    if counter.role != "denial" or not counter.party:
        return True
    side = [counter.party, parties.client_of(counter.article, counter.party)]
    return claim.target is not None and any(same(claim.target, s) for s in side if s)


def _tells_a_wrong(tokens: Any) -> bool:
    """A sentence that accuses or tells a wrong; a tribute or a description answers no denial."""
    lemmas = {t.lemma_.lower() for t in tokens}
    # A wrong as a verb or an adjective ("misled", "illegal"); "the problems faced by our country" tells none.
    acts = {t.lemma_.lower() for t in tokens if t.pos_ in ("VERB", "ADJ", "ADV")}
    return bool(
        lemmas & (ACCUSATION_NOUNS | ACCUSATION_VERBS | ATTACK_WORDS | CHARGING | SANCTIONS)
        or acts & WRONGDOING
    )


# A penalty implies a charge: "stripped of her title because she's too old".
SANCTIONS = frozenset(
    {"strip", "fire", "suspend", "ban", "arrest", "convict", "sentence", "disqualify", "expel", "sanction",
     "punish", "fine", "oust", "jail", "detain", "dethrone", "revoke"}
)  # fmt: skip


def _defends(ctx: AnalysisContext, counter: Statement, accused: str | None, parties: Parties) -> bool:
    """The counter speaks for the party a sentence is about: by it, by its lawyer, or of it ("Carolyn
    Nelson confirms that Longacre did nothing wrong")."""
    if not accused:
        return False
    tokens = sentence_tokens(ctx.docs[counter.article], counter.sentence)
    subjects = [parties.of(counter.article, t) for t in tokens if t.dep_ in ("nsubj", "nsubjpass")]
    side = [counter.party, parties.client_of(counter.article, counter.party), *subjects]
    words = set(fold(accused).split())
    return any(name and words & set(fold(name).split()) for name in side)


def _claim_against(counter: Statement, items: list[Statement], parties: Parties) -> Statement | None:
    """A denial by the accused side ("Hayes' attorney said he plans to plead not guilty") answers the
    claim against that party: the one in the counter's article first, else one in another article."""
    side = {fold(p) for p in (counter.party, parties.client_of(counter.article, counter.party)) if p}
    if not side:
        return None
    against = [i for i in items if i.role == "claim" and i.target and fold(i.target) in side]
    here = [i for i in against if i.article == counter.article]
    if here:
        return min(here, key=lambda i: abs(i.start - counter.start))
    return against[0] if against else None


# An indirect question or a refusal to say: nothing is asserted.
HEDGED = re.compile(
    r"\bwhether\b|\b(?:declined|refused|would not|wouldn't|did not|didn't|could not|couldn't)\s+(?:to\s+)?"
    r"(?:say|comment|confirm|disclose)\b",
    re.IGNORECASE,
)


# Words that make a sentence an accusation outright (not "say" or "suggest").
CHARGING = STRONG_ACCUSATION | {"accusation", "allegation", "charge", "lawsuit", "indictment", "allegedly"}


def _accuses(ctx: AnalysisContext, article: str, sentence: Sentence) -> bool:
    if HEDGED.search(sentence.text):
        return False
    doc = ctx.docs[article]
    # Kept on the Doc itself: the answers live and die with the parse they were read from
    # (a cache keyed by id(doc) could hand a new Doc the answers of a freed one).
    known: dict[tuple[int, str], bool] = doc.user_data.setdefault(_ACCUSES_KEY, {})
    key = (sentence.start, sentence.text)
    if key not in known:
        known[key] = any(accusing_word(t, CHARGING) for t in sentence_tokens(doc, sentence))
    return known[key]


_ACCUSES_KEY = "crosswire_accuses"


def _actor(article: str, tokens: Any, parties: Parties, exclude: str | None) -> str | None:
    """Who acts in a sentence: the subject of its first verb that is not a speech verb."""
    for token in tokens:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "VERB" and token.pos_ != "PRON":
            if token.head.lemma_.lower() in ALL_CUES or token.head.lemma_.lower() in ("be", "concern"):
                continue
            name = parties.of(article, token)
            if name and not same(name, exclude):
                return name
    return None
