"""The speed report's scale rows read back for one plot of every story size."""

from __future__ import annotations

from crosswire.evaluate.analysis_speed import rows_from_reports

HEADER = (
    "| articles | sentences | brief alone (s) | brief and analysis (s) | analysis s/article "
    "| CPU: brief (s) | CPU: analysis (s) | CPU: analysis s/article |\n|---|---|---|---|---|---|---|---|\n"
)


def test_rows_of_two_reports_in_story_size_order() -> None:
    small = (
        HEADER
        + "| 25 | 1112 | 33.6 | 219.1 | 7.422 | 3.6 | 31.9 | 1.275 |\n| 100 | 3224 | 85.0 | 843.5 | 7.585 | 10.2 | 100.0 | 1.000 |\n"
    )
    large = (
        "Load average at the start: 1.0.\n\n"
        + HEADER
        + "| 400 | 12996 | 602.9 | 2368.1 | 4.413 | 72.2 | 425.3 | 1.063 |\n"
    )
    rows = rows_from_reports([large, small])
    assert [r["articles"] for r in rows] == [25.0, 100.0, 400.0]
    assert rows[2] == {
        "articles": 400.0,
        "sentences": 12996.0,
        "brief": 602.9,
        "brief_and_analysis": 2368.1,
        "brief_cpu": 72.2,
        "analysis_cpu": 425.3,
    }
    assert rows_from_reports(["no table here"]) == []


def test_stage_seconds_time_every_stage_of_a_small_story() -> None:
    from crosswire.analyze.context import load_nlp
    from crosswire.embed import TfidfEmbedder
    from crosswire.evaluate.analysis_speed import format_stages, stage_seconds
    from crosswire.pipeline import Pipeline

    brief = Pipeline(analyze=False, embedder=TfidfEmbedder()).brief_documents(
        [
            "The Lanmore ferry terminal closed on Tuesday after a fuel leak, the harbour authority said.",
            "A fuel leak shut the Lanmore ferry terminal on Tuesday, officials said. Divers worked overnight.",
        ]
    )
    seconds = stage_seconds(brief, TfidfEmbedder())
    components = {f"spacy {name.removeprefix('crosswire_')}" for name in load_nlp().pipe_names}
    sections = {"offtopic", "support", "entities", "quotes", "facts", "figures", "claims", "timeline"}
    assert {"encode", "spacy tokenizer", "coverage", "salience"} | components | sections == set(seconds)
    assert all(value >= 0 for value in seconds.values())
    text = format_stages(seconds)
    assert text.startswith("encode ") and "; spaCy " in text and "ner " in text and "quotes " in text
