"""Claims about a party's conduct: "Female employees claimed his behavior made them uncomfortable".

The reported-speech rule takes the subject of the asserted clause as the accused; when that subject
is a thing the party owns or does ("his behavior", "the firm's accounts"), the party is its owner.
"""

from __future__ import annotations

from typing import Any

from crosswire.analyze.attribution_cues import ASSERTING_VERBS, child_of, negated
from crosswire.analyze.attribution_parties import Parties
from crosswire.analyze.attribution_statements import Statement, sentence_tokens
from crosswire.analyze.claim_parties import one_side, party_like, same
from crosswire.analyze.context import AnalysisContext


def _owner_claim(article: str, tokens: Any, parties: Parties) -> tuple[str, str] | None:
    """(claimant, accused) for "X claimed/alleged (that) Y's conduct ...", both named parties."""
    for verb in tokens:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ASSERTING_VERBS or negated(verb):
            continue
        clause = child_of(verb, "ccomp")
        speaker = child_of(verb, "nsubj")
        thing = child_of(clause, "nsubj", "nsubjpass") if clause is not None else None
        if speaker is None or speaker.pos_ == "PRON" or thing is None or thing.pos_ != "NOUN":
            continue
        owner = child_of(thing, "poss")
        if owner is None or (owner.pos_ == "PRON" and owner.lower_ not in ("his", "her")):
            continue  # "its", "their": too often not the party named last
        if owner.pos_ == "PRON":  # whom "his" or "her" stands for: the person named last before it
            person = parties.previous(article, owner.idx, ("person",))
            accused = person.name if person is not None else None
        else:
            accused = parties.of(article, owner)
        claimant = parties.of(article, speaker)
        if party_like(claimant) and party_like(accused):
            assert claimant is not None and accused is not None
            if not same(claimant, accused) and not one_side(claimant, accused):
                return claimant, accused
    return None


def accuse_owners(ctx: AnalysisContext, items: list[Statement], parties: Parties) -> None:
    """A claim whose accused is a thing ("his behavior") accuses the thing's owner, when the sentence
    is "X claimed Y's conduct ..."."""
    for item in items:
        if item.role != "claim" or party_like(item.target):
            continue
        pair = _owner_claim(item.article, sentence_tokens(ctx.docs[item.article], item.sentence), parties)
        if pair is not None and (item.party is None or same(item.party, pair[0])):
            item.party, item.target = pair
