from __future__ import annotations

import json
from pathlib import Path

import pytest

from crosswire.errors import CrosswireError
from crosswire.evaluate.budget import Selection
from crosswire.evaluate.datasets import EvalCluster
from crosswire.evaluate.summaries import evaluate_summaries, format_table, interval_text, run_systems

# Two invented clusters.
CLUSTERS = [
    {
        "id": "inv-1",
        "documents": [
            "The Tallow river burst its banks in Brenly on Sunday night. Forty homes were evacuated by boat.\n\n"
            "Mayor Odile Fenn said the town hall would stay open as a shelter. Rain is expected until Wednesday.",
            "Floodwater reached the market square of Brenly after the Tallow river rose two metres. "
            "Forty homes were evacuated, the fire service said. The stone bridge was closed to traffic.",
        ],
        "summary": "– The Tallow river flooded Brenly and forty homes were evacuated. The town hall is a shelter.",
    },
    {
        "id": "inv-2",
        "documents": [
            "A cargo ship lost power off Carrow Head on Friday. Tugs from Port Alvin towed it to safety.",
            "The ship, the Merrin Star, drifted for six hours before the tugs reached it. "
            "Its crew of nineteen was unharmed, the coastguard said.",
        ],
        "summary": "– The Merrin Star lost power off Carrow Head and was towed to Port Alvin; its crew is safe.",
    },
]


@pytest.fixture()
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "clusters.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in CLUSTERS), encoding="utf-8")
    return path


def test_evaluate_summaries_runs_crosswire_and_peers(data_file: Path) -> None:
    result = evaluate_summaries(data_file, words=30, peers=("lead", "lexrank"))
    assert list(result["systems"]) == ["crosswire", "lead", "lexrank"]
    for values in result["systems"].values():
        assert values["n"] == 2
        assert 0 < values["rouge1"] <= 100
        assert 0 <= values["rouge2"] <= values["rouge1"]
        assert values["sec_per_cluster"] > 0 and values["median_sec_per_cluster"] > 0
    table = format_table(result)
    assert table.splitlines()[0].startswith("| system | R1 f1 | R2 f1 | RLsum f1 |")
    assert "| lexrank |" in table
    for system, by_type in result["intervals"].items():
        for name in ("rouge1", "rouge2", "rougeLsum"):
            mean, low, high = by_type[name]
            assert low <= mean <= high
            assert mean == pytest.approx(result["systems"][system][name], abs=0.01)
    assert list(result["crosswire_minus_peer"]) == ["lead", "lexrank"]
    lead_gap = result["crosswire_minus_peer"]["lead"]["rouge1"][0]
    assert lead_gap == pytest.approx(
        result["systems"]["crosswire"]["rouge1"] - result["systems"]["lead"]["rouge1"], abs=0.02
    )
    text = interval_text(result)
    assert "over the 2 clusters" in text
    assert "- crosswire minus lexrank, paired by cluster: R1 " in text


def test_custom_systems_and_budget_at_scoring_time() -> None:
    cluster = EvalCluster(id="c", documents=("x",), references=("alpha beta gamma delta",))
    chatty = Selection.in_order(["alpha beta", "gamma delta", "epsilon zeta"])
    runs = run_systems([cluster], {"chatty": lambda _: chatty}, words=3, keep_summaries=True)
    assert runs["chatty"].summaries["c"] == ["alpha beta", "gamma delta"]
    assert runs["chatty"].report("f1")["rouge1"] == 100.0
    cut = run_systems([cluster], {"chatty": lambda _: chatty}, words=3, keep_summaries=True, cut=True)
    assert cut["chatty"].summaries["c"] == ["alpha beta", "gamma"]


def test_unknown_peer_and_empty_input(data_file: Path) -> None:
    with pytest.raises(CrosswireError, match="unknown peer"):
        evaluate_summaries(data_file, peers=("oracle",))
    with pytest.raises(CrosswireError):
        run_systems([], {}, words=10)
