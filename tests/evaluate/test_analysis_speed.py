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
