"""crosswire.analyze.claim_answers: which claim a counter-statement answers."""

from __future__ import annotations

from crosswire.analyze.claim_answers import antecedent
from tests.analyze.test_error_classes import _analyse


def test_a_denial_answers_the_accusation_told_before_it() -> None:
    analysis = _analyse(
        "Auditor Ada Veen accused the Orvale ferry company of hiding losses from the harbour board.\n\n"
        "The board met on Tuesday to discuss the new timetable for the summer.\n\n"
        "The Orvale ferry company denied the accusation on Wednesday."
    )
    answered = [c for c in analysis.claims if c.counters]
    assert answered, analysis.claims
    assert any("accused" in c.statement for c in answered)
    assert any("denied" in k.statement for c in answered for k in c.counters)


def test_the_claims_section_links_counters_through_this_module() -> None:
    from crosswire.analyze import claims

    assert claims.antecedent is antecedent
