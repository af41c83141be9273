"""The attribution evaluation: brat parsing, the matching rule, and the claim fixture (no shared data)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.errors import CrosswireError
from crosswire.evaluate.attribution import (
    FIXTURE_DIR,
    GoldAttribution,
    PredictedAttribution,
    load_claim_fixture,
    load_polnear,
    read_brat,
    run_polnear,
    score,
)

TEXT = 'Officials met on Monday. "We will not back down," Mayor Ada Lin said. Critics said the plan was rushed.\n'
ANNOTATION = (
    "T1\tContent 26 48\tWe will not back down,\n"
    "T2\tSource 50 63\tMayor Ada Lin\n"
    "T3\tCue 64 68\tsaid\n"
    "T4\tAttribution 64 68\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3\n"
    "T5\tSource 70 77\tCritics\n"
    "T6\tCue 78 82\tsaid\n"
    "T7\tContent 83 103\tthe plan was rushed.\n"
    "T8\tAttribution 78 82\tsaid\n"
    "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7\n"
)


def test_read_brat_marks_direct_quotes() -> None:
    gold = read_brat(ANNOTATION, TEXT)
    assert len(gold) == 2
    assert gold[0].direct and not gold[1].direct
    assert TEXT[gold[0].source[0][0] : gold[0].source[0][1]] == "Mayor Ada Lin"


def test_score_counts_source_overlap() -> None:
    gold = read_brat(ANNOTATION, TEXT)
    predictions = [
        PredictedAttribution(
            content=(26, 48), source=(56, 63), direct=True
        ),  # "Ada Lin": overlaps gold source
        PredictedAttribution(content=(83, 103), source=(0, 9), direct=False),  # wrong source
    ]
    direct = score([(gold, predictions)], direct_only=True)
    assert (direct.precision, direct.recall) == (1.0, 1.0)
    every = score([(gold, predictions)], direct_only=False)
    assert every.precision == 0.5 and every.recall == 0.5


def test_score_two_quotes_may_match_one_gold_attribution() -> None:
    gold = [GoldAttribution(content=((0, 10), (20, 30)), source=((12, 16),), direct=True)]
    predictions = [
        PredictedAttribution(content=(0, 10), source=(12, 16), direct=True),
        PredictedAttribution(content=(20, 30), source=(12, 16), direct=True),
    ]
    result = score([(gold, predictions)], direct_only=True)
    assert result.precision == 1.0 and result.recall == 1.0


def test_polnear_layout_is_checked(tmp_path: Path) -> None:
    with pytest.raises(CrosswireError):
        load_polnear(tmp_path)


def test_run_polnear_on_a_tiny_split(tmp_path: Path) -> None:
    split = tmp_path / "test"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "story.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "story_ab12.ann").write_text(ANNOTATION, encoding="utf-8")
    report = run_polnear(tmp_path, "test")
    assert "| crosswire | direct | 1.000 | 1.000 | 1.000 |" in report
    assert "textacy" in report


@pytest.mark.parametrize("directory", [FIXTURE_DIR, FIXTURE_DIR / "heldout"])
def test_claim_fixture_labels_point_into_the_texts(directory: Path) -> None:
    stories, labels = load_claim_fixture(directory)
    texts = {(name, ident): text for name, articles in stories for ident, text in articles}
    assert len(labels) >= 10
    assert "heldout" not in {name for name, _ in stories}
    for label in labels:
        assert label["evidence"] in texts[(label["story"], label["article"])], label
        assert label["kind"] in {"denial", "rejection", "dispute", "blame-shift", "responsibility"}
