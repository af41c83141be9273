from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.evaluate.duc import read_official, rouge2_recall


def test_read_official_scores(tmp_path: Path) -> None:
    path = tmp_path / "official_rouge2.jk.m.avg"
    path.write_text("C 0.13260 (95%-conf.int. 0.11596 - 0.15197)\n24 0.09505 (95%-conf.int. 0.09 - 0.1)\n")
    assert read_official(path) == {"C": 0.1326, "24": 0.09505}


def test_rouge2_recall_means_references_and_cuts_at_the_limit() -> None:
    references = ["the harbour fire spread fast", "the harbour fire was put out"]
    summary = "The harbour fire spread fast.\nUnrelated words follow here."
    # bigrams: first reference 4/4, second 2/5
    assert rouge2_recall(references, summary, words=100) == pytest.approx((1.0 + 0.4) / 2)
    # cut to two words, only "the harbour" remains
    assert rouge2_recall(references, summary, words=2) == pytest.approx((0.25 + 0.2) / 2)


def test_generic_run_shows_crosswire_out_of_fold_beside_the_peers(tmp_path: Path) -> None:
    from crosswire.evaluate.duc import OUT_OF_FOLD, evaluate_duc_generic
    from tests.evaluate.duc_toys import duc_folder

    results = evaluate_duc_generic(duc_folder(tmp_path), peers=("lead",))
    assert list(results) == ["DUC 2006", "DUC 2007 set A"]
    assert list(results["DUC 2006"]["systems"]) == ["crosswire", OUT_OF_FOLD, "lead"]
    assert results["DUC 2006"]["systems"]["crosswire"]["n"] == 4
    assert results["DUC 2007 set A"]["systems"][OUT_OF_FOLD]["n"] == 2  # set A only
    assert results["DUC 2006"]["measure"] == "recall"
