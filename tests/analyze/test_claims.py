"""Claims and their counter-statements: linking accuser, accused, denier and culprit (invented story)."""

from __future__ import annotations

import dataclasses
import json

import pytest

from crosswire.analyze.claims import Claim, extract_claims
from crosswire.analyze.context import AnalysisContext, build_context
from crosswire.analyze.entities import extract_entities
from crosswire.analyze.quotes import extract_quotes
from crosswire.embed import default_embedder
from crosswire.model import Article, Story
from crosswire.segment import segment_story

ARTICLES = (
    Article(
        id="a1",
        title="Dam breach floods Corvin valley",
        text=(
            "Dam breach floods Corvin valley\n\n"
            "A dam on the Corvin river burst on Friday, flooding three villages.\n\n"
            "The Corvin regional council accused the operator Halvard Power of ignoring cracks in the dam wall.\n\n"
            "Halvard Power denied that it had ignored any warnings.\n\n"
            "Company chairman Erik Sund blamed heavy rainfall, saying the dam had been built to the required standard.\n\n"
            "A radical group, the Green Fist, claimed responsibility for damaging the dam, though police blamed "
            "a construction crew working upstream."
        ),
    ),
    Article(
        id="a2",
        title="Corvin dam operator rejects council accusation",
        text=(
            "Corvin dam operator rejects council accusation\n\n"
            "Halvard Power on Saturday rejected accusations from the Corvin regional council that it had ignored "
            "cracks in the dam wall.\n\n"
            "Sund said inspectors had found no evidence of neglect during a visit in April."
        ),
    ),
)


@pytest.fixture(scope="module")
def claims() -> tuple[Claim, ...]:
    story = segment_story(Story(id="s", headline="Corvin dam", articles=ARTICLES))
    ctx: AnalysisContext = build_context(story, default_embedder())
    entities = extract_entities(ctx)
    return extract_claims(ctx, entities, extract_quotes(ctx, entities))


def _claim_with(claims: tuple[Claim, ...], kind: str, party_words: str) -> Claim:
    for claim in claims:
        for counter in claim.counters:
            if counter.kind == kind and counter.party and party_words in counter.party:
                return claim
    raise AssertionError(f"no {kind} by {party_words}: {claims}")


def test_denial_is_linked_to_the_accusation(claims: tuple[Claim, ...]) -> None:
    claim = _claim_with(claims, "denial", "Halvard Power")
    assert claim.claimant is not None and "Corvin regional council" in claim.claimant
    assert claim.accused is not None and "Halvard Power" in claim.accused
    assert "a1" in claim.articles


def test_same_claim_in_two_articles_is_merged(claims: tuple[Claim, ...]) -> None:
    claim = _claim_with(claims, "denial", "Halvard Power")
    kinds = {(c.kind, c.articles) for c in claim.counters}
    assert ("rejection", ("a2",)) in kinds
    assert set(claim.articles) == {"a1", "a2"}


def test_blame_shift_names_the_culprit(claims: tuple[Claim, ...]) -> None:
    claim = _claim_with(claims, "denial", "Halvard Power")
    shifts = [c for c in claim.counters if c.kind == "blame-shift"]
    assert shifts and shifts[0].party == "Erik Sund"
    assert shifts[0].culprit is not None and "rainfall" in shifts[0].culprit


def test_no_evidence_is_a_dispute_by_the_speaker(claims: tuple[Claim, ...]) -> None:
    claim = _claim_with(claims, "dispute", "Erik Sund")
    assert "a2" in claim.articles


def test_claimed_responsibility_with_blame_elsewhere(claims: tuple[Claim, ...]) -> None:
    claim = _claim_with(claims, "responsibility", "Green Fist")
    shifts = [c for c in claim.counters if c.kind == "blame-shift"]
    assert shifts and shifts[0].culprit is not None and "construction crew" in shifts[0].culprit


def test_counter_spans_cite_the_articles(claims: tuple[Claim, ...]) -> None:
    texts = {a.id: a.text for a in ARTICLES}
    for claim in claims:
        for counter in claim.counters:
            assert counter.spans and set(counter.articles) == {s.article for s in counter.spans}
            for span in counter.spans:
                assert texts[span.article][span.start : span.end].strip()


def test_records_serialise(claims: tuple[Claim, ...]) -> None:
    json.dumps([dataclasses.asdict(c) for c in claims])
