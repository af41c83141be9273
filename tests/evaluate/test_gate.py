"""The summary-quality gate: crosswire on 42 fixed Multi-News validation clusters.

Needs the evaluation data (../shared/data beside the repository, or
$CROSSWIRE_DATA); skipped without it. Takes about a minute.
"""

from __future__ import annotations

import pytest

from crosswire.evaluate.gate import FLOORS, GATE_FILE, default_data_dir, run_gate

DATA = default_data_dir()


@pytest.mark.skipif(
    not (DATA / GATE_FILE).is_file(),
    reason=f"evaluation data not found at {DATA / GATE_FILE} (set CROSSWIRE_DATA to run the gate)",
)
def test_crosswire_meets_the_rouge_floors() -> None:
    result = run_gate(DATA)
    assert result.n == 42
    assert result.passed, "; ".join(result.failures)
    assert set(result.scores) == set(FLOORS)
