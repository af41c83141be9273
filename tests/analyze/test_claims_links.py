"""Counters linked to the claims they answer, and accusation forms read as claims (invented stories)."""

from __future__ import annotations

import pytest

from crosswire.analyze.claims import Claim, extract_claims
from crosswire.analyze.context import AnalysisContext, build_context
from crosswire.analyze.entities import extract_entities
from crosswire.analyze.quotes import extract_quotes
from crosswire.embed import default_embedder
from crosswire.model import Article, Story
from crosswire.segment import segment_story


def _claims(*texts: str) -> tuple[Claim, ...]:
    articles = tuple(Article(id=f"a{n}", source=f"fixture:{n}", text=t) for n, t in enumerate(texts, 1))
    story = segment_story(Story(id="s", headline="h", articles=articles))
    ctx: AnalysisContext = build_context(story, default_embedder())
    entities = extract_entities(ctx)
    return extract_claims(ctx, entities, extract_quotes(ctx, entities))


@pytest.fixture(scope="module")
def mine_claims() -> tuple[Claim, ...]:
    return _claims(
        "The Tarsk fishermen's union accused Halden Minerals of poisoning the Varna river with cyanide.\n\n"
        "Halden Minerals contends that the Tarsk fishermen's union is an illegal cartel, however.\n\n"
        "The Kelby Rowing Club criticized Halden Minerals for closing the riverside path last spring."
    )


def test_a_counter_accusation_answers_only_a_claim_it_bears_on(mine_claims: tuple[Claim, ...]) -> None:
    """The accused's own charge ("the union is an illegal cartel") may answer the union's charge (it
    turns on the accuser), never the rowing club's charge about a path: it shares nothing with it
    beyond the parties' names."""
    [path] = [claim for claim in mine_claims if "riverside path" in claim.statement]
    assert not any("cartel" in c.statement for c in path.counters), path


def test_it_in_the_second_clause_is_the_first_clause_s_subject() -> None:
    """ "X has not commented ..., but it has denied": the denier is X, not the party named before."""
    claims = _claims(
        "Rebel chief Ivan Dars of the Free Valley Army group was killed in an air strike on Friday.\n\n"
        "Norvia and Kelby contend that Dars's Free Valley Army group is a terrorist organization, however.\n\n"
        "Norvia has not commented on the Dars killing, but it has angrily denied reports from Amnesty "
        "International, Human Rights Watch and Kelby rights groups that its air campaign is hitting civilians."
    )
    deniers = [c.party for claim in claims for c in claim.counters if "angrily denied" in c.statement]
    assert deniers and all(d == "Norvia" for d in deniers), deniers
    accused = [claim.accused for claim in claims if "hitting civilians" in claim.statement]
    assert accused and all(a == "Norvia" for a in accused), accused


def test_a_lawsuit_a_party_is_fighting_accuses_it() -> None:
    """ "The league is fighting a lawsuit by former employees": the riders accuse the league."""
    claims = _claims(
        "The Kelby Cycling League has been under scrutiny over its safety rules and is fighting a federal "
        "lawsuit by former employees seeking damages for head injuries."
    )
    found = [(c.claimant, c.accused) for c in claims if "lawsuit by former employees" in c.statement]
    assert found, claims
    [(claimant, accused)] = found
    assert claimant and "employees" in claimant and accused and "Kelby Cycling League" in accused


def test_an_argument_answered_by_the_other_party_is_a_disputed_claim() -> None:
    """ "The union argued ... The league countered that ...": the union's claim against the league,
    disputed by the league, though no accusing word is used."""
    claims = _claims(
        "The Kelby Riders Union has argued that racing generates enormous profits on the riders' labor.\n\n"
        "The Varna Cycling League countered that riders should not be treated as employees."
    )
    found = [c for c in claims if "enormous profits" in c.statement]
    assert found, claims
    [claim] = found
    assert claim.claimant and "Riders Union" in claim.claimant
    assert claim.accused and "Varna Cycling League" in claim.accused
    assert [c.kind for c in claim.counters] == ["dispute"] and "countered" in claim.counters[0].statement


def test_a_claim_about_a_person_s_conduct_accuses_the_person() -> None:
    """ "Female employees claimed his behavior made them uncomfortable": his, not the behaviour."""
    claims = _claims(
        "Dana Kroll was named chief executive of Glint Labs in 2018.\n\n"
        "Female employees claimed his behavior made them uncomfortable, however, no complaints were ever filed."
    )
    found = [(c.claimant, c.accused) for c in claims if "uncomfortable" in c.statement]
    assert found == [("Female employees", "Dana Kroll")], claims


def test_a_claim_answered_in_its_own_sentence_is_cut_from_its_answer() -> None:
    found = _contrast_claims(
        "The Velm ministry blames the Korrin rebels for the bombings in Tarrow, but the opposition says "
        "that the regime itself may be carrying them out.\n\n"
        "Dario Venn accused Lena Hoff of arson, though police have said there is no evidence "
        "of that."
    )
    blamed = [c for c in found if c.accused and "rebels" in c.accused]
    assert blamed, found
    assert blamed[0].statement.endswith("bombings in Tarrow")
    assert any("regime itself" in k.statement and "opposition" in (k.party or "") for k in blamed[0].counters)
    assert any("opposition" in (c.claimant or "") and c.accused and "regime" in c.accused for c in found), found
    arson = [c for c in found if c.accused and "Hoff" in c.accused]
    assert arson and "police" not in arson[0].statement, found
    assert any(k.statement.startswith("police have said there is no evidence") for k in arson[0].counters)


def _contrast_claims(text: str) -> tuple[Claim, ...]:
    from crosswire.analyze.context import build_context
    from crosswire.analyze.entities import extract_entities
    from crosswire.analyze.quotes import extract_quotes
    from crosswire.embed import default_embedder
    from crosswire.model import Article, Story
    from crosswire.segment import segment_story

    story = segment_story(Story(id="s", headline="Invented story", articles=(Article(id="a1", title="", text=text),)))
    ctx = build_context(story, default_embedder())
    entities = extract_entities(ctx)
    return extract_claims(ctx, entities, extract_quotes(ctx, entities))
