"""Claims section: who asserted what, and who denied, rejected, disputed it or pointed elsewhere.

Counter-statements are found from their cues (deny, reject, dismiss, dispute,
"no evidence", "claimed responsibility", blame, "carried out by") and linked to
the claim they answer: a claim spelled out inside the counter ("denied reports
from Amnesty that its campaign hits civilians"), or else the nearest earlier
accusation in the same article ("Russia rejected the claims"). Strong
accusations (accuse, allege, blame, condemn ...) are claims even when nobody
answers them. The same claim reported by several articles is merged, with its
counters, when the statements say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from crosswire.analyze.attribution_cues import (
    child_of,
)
from crosswire.analyze.attribution_parties import Parties
from crosswire.analyze.attribution_statements import (
    Statement,
    find_statements,
    sentence_tokens,
)
from crosswire.analyze.claim_answers import ANTECEDENT_WINDOW, antecedent
from crosswire.analyze.claim_contrasts import contrasts
from crosswire.analyze.claim_exchanges import exchanges
from crosswire.analyze.claim_parties import (
    apart,
    country,
    names_party,
    one_side,
    party_like,
    record_like,
    same,
    shares_content,
)
from crosswire.analyze.claim_possessors import accuse_owners
from crosswire.analyze.claim_rules import denied_for, link_line
from crosswire.analyze.context import AnalysisContext, doc_text
from crosswire.analyze.cosine_scale import on_scale
from crosswire.analyze.entities import Entity, EntityIndex, fold
from crosswire.analyze.quotes import Quote, article_quotes
from crosswire.model import Claim, Counter, Sentence

MERGE_SIMILARITY = 0.72  # cosine of statement vectors: the same claim whoever makes it
RELATED_SIMILARITY = 0.45  # enough when the accused (or a claim of responsibility) is shared


def _first_clause_subject(ctx: AnalysisContext, item: Statement, parties: Parties) -> None:
    """ "Moscow has not commented on the killing, but it has denied reports that its campaign ...":
    the "it" of the second clause is the first clause's subject, not the party named last before
    the sentence. A party or accused the sentence does not name is replaced by that subject."""
    tokens = sentence_tokens(ctx.docs[item.article], item.sentence)
    subject = None
    for token in tokens:
        verb = token.head
        if token.dep_ == "nsubj" and token.lower_ in ("it", "they") and verb.dep_ == "conj":
            first = child_of(verb.head, "nsubj", "nsubjpass")
            if first is not None and first.pos_ == "PROPN" and first.i < token.i:
                subject = parties.names(item.article, first)
                break
    if not subject:
        return
    for statement in (item, item.claim):
        if statement is None or statement.sentence != item.sentence:
            continue
        if statement.party and not names_party(statement.sentence, statement.party):
            statement.party = subject
        if statement.target and not names_party(statement.sentence, statement.target):
            statement.target = subject


def _link(ctx: AnalysisContext, items: list[Statement], parties: Parties) -> list[Statement]:
    """Attach every counter to a claim, in text order; returns the claims."""
    sentences = {a.id: list(ctx.sentences_of(a.id)) for a in ctx.story.articles}
    answered: dict[int, Statement] = {}  # id of a blame-shift -> the claim it became when answered
    for item in items:
        if (
            item.claim is not None
            and item.claim.party is None
            and item.role in ("denial", "rejection", "dispute")
        ):
            _adopt_accusation(item, items, sentences[item.article])
        if item.claim is not None:
            continue
        if item.role in ("blame", "culprit"):
            _link_blame(item, items, sentences[item.article])
            continue
        if item.role == "responsibility":
            # Who did it: the event is the claim; blame elsewhere nearby becomes its blame-shift.
            claim = Statement(
                item.article, item.sentence, "claim", item.party, item.text, item.start, item.end
            )
        elif item.role in ("denial", "rejection", "dispute"):
            shift = _answered_shift(item, items, sentences[item.article])
            if shift is not None:
                claim = answered.setdefault(
                    id(shift),
                    Statement(
                        shift.article,
                        shift.sentence,
                        "claim",
                        shift.party,
                        shift.text,
                        shift.start,
                        shift.end,
                        shift.target,
                    ),
                )
            else:
                found = antecedent(ctx, item, items, sentences[item.article], parties)
                claim = found or Statement(
                    item.article, item.sentence, "claim", None, item.text, item.start, item.end
                )
            if claim.target is None:  # the one the denial clears, the lawyer's client, or the denier
                claim.target = (
                    denied_for(item.article, ctx.docs[item.article], item.sentence, parties)
                    or parties.client_of(item.article, item.party)
                    or item.party
                )
        else:
            continue
        claim.counters.append(item)
        item.claim = claim
        if claim not in items:
            items.append(claim)
            claim.claim = claim  # linked; never revisited by this loop
    return [i for i in items if i.role == "claim"]


def _adopt_accusation(counter: Statement, items: list[Statement], sentences: list[Sentence]) -> None:
    """ "X accused Y of Z. Y denied that it did Z": the denial answers X's accusation, not a claim by nobody."""
    embedded = counter.claim
    if embedded is None or counter.sentence not in sentences:
        return
    here = sentences.index(counter.sentence)
    window = sentences[max(0, here - ANTECEDENT_WINDOW) : here]
    earlier = [
        i
        for i in items
        if i.role == "claim"
        and i is not embedded
        and i.article == counter.article
        and i.sentence in window
        and i.party is not None
        and not same(i.party, counter.party)
    ]
    if not earlier:
        return
    accusation = max(earlier, key=lambda i: sentences.index(i.sentence))
    for moved in embedded.counters:
        moved.claim = accusation
        accusation.counters.append(moved)
    embedded.counters.clear()
    embedded.role = "answered"
    if accusation.target is None:
        accusation.target = counter.party


def _answered_shift(
    counter: Statement, items: list[Statement], sentences: list[Sentence]
) -> Statement | None:
    """A counter right after someone pointed the finger elsewhere answers that blame-shift
    ("The gang blamed a former contractor. The contractor rejected that account.")."""
    if counter.claim is not None or counter.sentence not in sentences:
        return None
    here = sentences.index(counter.sentence)
    for item in items:
        if item.role == "blame-shift" and item.article == counter.article and item.sentence in sentences:
            gap = here - sentences.index(item.sentence)
            if gap == 1 and not same(item.party, counter.party):
                return item
    return None


def _link_blame(item: Statement, items: list[Statement], sentences: list[Sentence]) -> None:
    """A blame next to a denial or a claim of responsibility points elsewhere: a blame-shift.
    Otherwise "X blamed Y" is itself an accusation (a claim)."""
    position = {s.start: i for i, s in enumerate(sentences)}
    here = position.get(item.sentence.start, 0)
    nearby = [
        other
        for other in items
        if other.article == item.article
        and other.role in ("denial", "rejection", "dispute", "responsibility")
        and 0 <= here - position.get(other.sentence.start, -99) <= 3
        and other.claim is not None
        and other.claim is not other
    ]
    if nearby:
        other = max(nearby, key=lambda o: o.sentence.start)
        assert other.claim is not None
        item.role = "blame-shift"
        other.claim.counters.append(item)
        item.claim = other.claim
    elif item.role == "blame" and item.target:
        item.role = "claim"


def _vectors(ctx: AnalysisContext, texts: list[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, 1))
    vectors = np.asarray(ctx.encode(texts), dtype=float)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def _merge(ctx: AnalysisContext, claims: list[Statement]) -> list[list[Statement]]:
    """Claims from different articles that say the same thing join: very similar statements, or
    similar statements about the same accused party from compatible claimants, or two claims of
    responsibility for similar events."""
    vectors = _vectors(ctx, [c.text for c in claims])
    merge_cut, related_cut = (on_scale(cut, ctx.embedder) for cut in (MERGE_SIMILARITY, RELATED_SIMILARITY))
    parent = list(range(len(claims)))
    targets = [{c.target} if party_like(c.target) else set() for c in claims]  # by root

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        """One group, unless that would put claims against two different parties together."""
        ri, rj = find(i), find(j)
        if ri == rj or any(apart(x, y) for x in targets[ri] for y in targets[rj]):
            return
        parent[rj] = ri
        targets[ri] |= targets[rj]

    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            a, b = claims[i], claims[j]
            same_parties = (
                a.party is not None
                and a.target is not None
                and country(a.party) == country(b.party)
                and country(a.target) == country(b.target)
            )
            similarity = float(vectors[i] @ vectors[j])
            if same_parties and similarity >= related_cut:  # one party's case against another, told twice
                join(i, j)
                continue
            if a.article == b.article and a.sentence.start != b.sentence.start:
                continue
            same_target = country(a.target) is not None and country(a.target) == country(b.target)
            compatible = (a.party is None) == (b.party is None) and country(a.party) == country(b.party)
            both_responsibility = any(c.role == "responsibility" for c in a.counters) and any(
                c.role == "responsibility" for c in b.counters
            )
            if (
                similarity >= merge_cut
                or (same_target and compatible and similarity >= related_cut)
                or (both_responsibility and similarity >= related_cut)
            ):
                join(i, j)
    groups: dict[int, list[Statement]] = {}
    for i, claim in enumerate(claims):
        groups.setdefault(find(i), []).append(claim)
    return list(groups.values())


def _counters(items: list[Statement]) -> tuple[Counter, ...]:
    merged: list[tuple[str, str | None, str | None, list[Statement]]] = []
    for item in items:
        key = (
            item.role,
            fold(item.party) if item.party else None,
            fold(item.target) if item.target else None,
        )
        home = next((m for m in merged if (m[0], m[1], m[2]) == key), None)
        if home is None:
            merged.append((*key, [item]))
        elif all(i.sentence.start != item.sentence.start or i.article != item.article for i in home[3]):
            home[3].append(item)
    result = []
    for kind, _, _, group in merged:
        first = group[0]
        spans = tuple(dict.fromkeys(i.span for i in group))
        result.append(
            Counter(
                statement=first.text,
                party=first.party,
                kind=kind,
                articles=tuple(dict.fromkeys(s.article for s in spans)),
                spans=spans,
                culprit=first.target if kind == "blame-shift" else None,
            )
        )
    return tuple(result)


def _not_own(counter: Counter, claim: Claim) -> bool:
    denies = counter.kind in ("denial", "rejection", "dispute")
    return not denies or " ".join(counter.statement.split()) != claim.statement


def _claim_record(group: list[Statement]) -> Claim:
    main = max(group, key=lambda c: (len(c.counters), c.party is not None, c.target is not None))
    claimant = main.party or next((c.party for c in group if c.party), None)
    # The accused of the group: the main statement's when it names a party, else another's.
    accused = next((c.target for c in (main, *group) if party_like(c.target)), None)
    if (
        claimant
        and accused
        and (
            same(claimant, accused)
            or fold(accused) in fold(claimant).split(", ")
            or one_side(claimant, accused)
        )
    ):
        claimant = None  # whoever is accused did not accuse themselves: the accuser is not named
    spans = tuple(dict.fromkeys(c.span for c in group))
    statement = " ".join(main.text.split())
    counters = [
        counter
        for claim in group
        for counter in claim.counters
        if not any(counter is claim_item for claim_item in group)  # a claim is never its own counter
    ]
    return Claim(
        statement=statement,
        claimant=claimant,
        accused=accused,
        counters=_counters(counters),
        articles=tuple(
            dict.fromkeys(
                [s.article for s in spans] + [a for c in group for x in c.counters for a in [x.article]]
            )
        ),
        spans=spans,
    )


def _with_counter_accusations(claim: Claim, records: list[Claim]) -> Claim:
    """ "Eichmann was found guilty ... Eichmann says the court overstated his role": a claim the
    accused makes against someone else is part of the accused side's answer (when it answers: _answers)."""
    if not claim.accused:
        return claim
    answers = [
        Counter(statement=r.statement, party=r.claimant, kind="dispute", articles=r.articles, spans=r.spans)
        for r in records
        if r is not claim
        and same(r.claimant, claim.accused)
        and not same(r.accused, claim.accused)
        and not any(c.statement == r.statement for c in claim.counters)
        and _answers(claim, r)
    ]
    return replace(claim, counters=(*claim.counters, *answers)) if answers else claim


# Those who charge or judge: "the judges ignored evidence" answers the charge they tried.
JUDGING = frozenset({"court", "courts", "judge", "judges", "jury", "tribunal", "prosecutor", "prosecutors",
                     "prosecution", "investigators", "police"})  # fmt: skip


def _answers(claim: Claim, other: Claim) -> bool:
    """The accused's own charge answers a claim when it turns on the accuser's side or those who
    judged the case ("Marsk says the judges ignored evidence"), or speaks of what the claim or its
    answers speak of; "Russia contends the rebel group is a terrorist organisation" answers no
    charge of killing civilians."""
    target = other.accused or ""
    if same(target, claim.claimant) or (claim.claimant and one_side(target, claim.claimant)):
        return True
    if target and target.split()[-1].lower() in JUDGING:
        return True
    told = " ".join([claim.statement, *(c.statement for c in claim.counters)])
    return shares_content(told, other.statement, (claim.claimant, claim.accused, other.accused))


def extract_claims(
    ctx: AnalysisContext, entities: Sequence[Entity], quotes: Sequence[Quote] = ()
) -> tuple[Claim, ...]:
    """Claims with their counter-statements, merged across articles; answered claims first.

    ``quotes`` is accepted for the section interface; speakers are re-resolved
    per article here because claims need the local (per-article) attributions.
    """
    index = EntityIndex(entities)
    local_quotes = article_quotes(ctx, index)
    parties = Parties(index, local_quotes)
    items = find_statements(ctx, parties)
    for item in items:
        _first_clause_subject(ctx, item, parties)
    items += contrasts(ctx, items, parties)
    items += exchanges(ctx, items, parties)
    accuse_owners(ctx, items, parties)
    linked = _link(ctx, items, parties)
    claims = [c for c in linked if not link_line(doc_text(ctx.docs[c.article]), c.sentence)]
    records = [_claim_record(group) for group in _merge(ctx, claims)]
    # A claim is about someone: with neither an accused party nor an answer it is only a sentence.
    # An accuser we cannot name as a party is left unnamed ("Other lawsuits allege", "His book accused"),
    # and a counter by a non-party ("104 people") answers nothing.
    records = [
        replace(
            r,
            accused=r.accused if party_like(r.accused) else None,
            claimant=r.claimant if party_like(r.claimant) or record_like(r.claimant) else None,
            counters=tuple(c for c in r.counters if c.party is None or party_like(c.party)),
        )
        for r in records
    ]
    # A counter by the claimant is no answer to its own claim (a claim of responsibility is the
    # claimant's own statement, kept); a claim by nobody against nobody says nothing.
    records = [
        replace(
            r,
            counters=tuple(
                c for c in r.counters if c.kind == "responsibility" or not same(c.party, r.claimant)
            ),
        )
        for r in records
    ]
    records = [r for r in records if (r.accused or r.counters) and (r.accused or r.claimant)]
    # A denial with nothing found to answer is not a claim of its own ("X said Lind did nothing wrong").
    records = [
        r
        for r in records
        if not (
            r.counters and all(c.statement == r.statement and c.kind != "responsibility" for c in r.counters)
        )
    ]
    # A sentence telling a charge and its denial ("X, who denies the charges, ...") is not its own answer.
    records = [replace(r, counters=tuple(c for c in r.counters if _not_own(c, r))) for r in records]
    records = [_with_counter_accusations(r, records) for r in records]
    return tuple(sorted(records, key=lambda c: (-len(c.counters), -len(c.articles))))
