"""The DUC 2006 date evaluation: date parsing, scoring, and the label file (no data needed)."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from crosswire.analyze.dates import ResolvedDate
from crosswire.evaluate.dates import HELD_OUT_LABELS, LABELS, duc_date, score


@pytest.mark.parametrize(
    ("value", "docno", "expected"),
    [
        ("2000-07-02 19:20", "", date(2000, 7, 2)),
        ("2000-08-09", "", date(2000, 8, 9)),
        ("1999-10-08 12:10:17", "", date(1999, 10, 8)),
        ("12/04/1998 18:40:00", "", date(1998, 12, 4)),
        ("1998-30-06 11:49:00", "APW19980630.0763", date(1998, 6, 30)),
        ("garbled", "NYT19990226.0362", date(1999, 2, 26)),
    ],
)
def test_duc_date_formats(value: str, docno: str, expected: date) -> None:
    assert duc_date(value, docno) == expected


def day(iso: str) -> ResolvedDate:
    return ResolvedDate(iso, iso, iso, "day")


def test_score() -> None:
    assert score(day("1999-03-01"), "1999-03-01")
    assert not score(day("1999-03-02"), "1999-03-01")
    assert score(ResolvedDate("1999-03-01/1999-03-07", "1999-03-01", "1999-03-07", "week"), "1999-03-03")
    assert score(ResolvedDate("1998-06", "1998-06-01", "1998-06-30", "month"), "1998-06")
    assert not score(ResolvedDate("1998", "1998-01-01", "1998-12-31", "year"), "1998-06")
    assert score(ResolvedDate("1999", "1999-01-01", "1999-12-31", "year"), "1999")
    assert score(None, None)
    assert not score(day("1999-03-01"), None)
    assert score(
        ResolvedDate("2000-07-31/2000-08-06", "2000-07-31", "2000-08-06", "week"), "2000-07-31/2000-08-06"
    )


@pytest.mark.parametrize("path", [LABELS, HELD_OUT_LABELS])
def test_label_files_hold_only_references(path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= (60 if path == LABELS else 20)
    gold = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}-\d{2}-\d{2})?$")
    for row in rows:
        assert set(row) <= {"cluster", "document", "offset", "mention", "gold", "note"}
        assert re.fullmatch(r"D06\d\d[A-Z]", row["cluster"])
        assert isinstance(row["document"], int) and isinstance(row["offset"], int)
        assert len(row["mention"].split()) <= 4  # the mention words, never article text
        assert row["gold"] is None or gold.match(row["gold"])
        assert len(row.get("note", "")) < 100
