"""Stage 2: time windows with overlap, tracked separately, merged across the edges."""

from __future__ import annotations

from crosswire.batch.articles import ArticleMeta
from crosswire.batch.windows import grouped_labels, plan_windows


def _meta(key: str, day: float | None, cluster: str | None = None) -> ArticleMeta:
    return ArticleMeta(key=key, day=day, cluster=cluster, shard=0)


def test_windows_own_each_article_once_and_read_the_previous_overlap() -> None:
    metas = [_meta("a1", 0.5), _meta("a2", 9.0), _meta("a3", 10.5), _meta("a4", 25.0), _meta("a5", None)]
    windows = plan_windows(metas, days=10.0, overlap=2.0)
    assert [w.owned for w in windows] == [("a1", "a2"), ("a3",), ("a4", "a5")]
    assert [w.context for w in windows] == [(), ("a2",), ()]  # a2 is within 2 days of day 10
    assert sorted(k for w in windows for k in w.owned) == ["a1", "a2", "a3", "a4", "a5"]


def test_undated_articles_only_make_one_window() -> None:
    windows = plan_windows([_meta("a2", None), _meta("a1", None)])
    assert [(w.owned, w.context) for w in windows] == [(("a1", "a2"), ())]


def test_grouped_articles_keep_their_groups() -> None:
    found = grouped_labels([_meta("a2", 1.0, "x"), _meta("a1", 2.0, "x"), _meta("a3", None, "y"), _meta("a4", 0.0)])
    assert found == {"a2": "s2", "a1": "s2", "a3": "s3"}
