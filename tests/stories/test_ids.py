from __future__ import annotations

import pytest

from crosswire.model import Article
from crosswire.stories import article_key, with_stable_ids
from crosswire.stories.ids import canonical_url


def test_the_same_page_gets_the_same_id_whatever_the_tracking_parameters() -> None:
    a = Article(text="one", url="https://www.example.com/news/story-1?utm_source=feed#top")
    b = Article(text="two", url="https://WWW.example.com/news/story-1")
    assert article_key(a) == article_key(b)


def test_without_a_url_the_id_comes_from_the_content() -> None:
    a = Article(text="Harbour  cranes\nstopped.", title="Cranes")
    b = Article(text="harbour cranes stopped.", title="cranes")
    c = Article(text="Harbour cranes restarted.", title="Cranes")
    assert article_key(a) == article_key(b) != article_key(c)


def test_a_second_copy_is_skipped_with_a_warning() -> None:
    a = Article(text="Harbour cranes stopped.", source="a.txt")
    with pytest.warns(UserWarning, match="same article"):
        kept = with_stable_ids([a, Article(text="Harbour cranes stopped.", source="b.txt")])
    assert len(kept) == 1 and kept[0].id.startswith("a")


def test_copies_in_different_groups_are_kept() -> None:
    kept = with_stable_ids([Article(text="x", cluster="1"), Article(text="x", cluster="2")])
    assert len(kept) == 2


@pytest.mark.parametrize("url", [None, "", "   "])
def test_no_canonical_url_for_junk(url: str | None) -> None:
    assert canonical_url(url) is None
