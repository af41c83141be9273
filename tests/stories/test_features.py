"""Story features: norms kept up to date term by term, document frequencies that forget stale terms."""

from __future__ import annotations

import math
import pickle

import pytest

from crosswire.stories.features import MAX_STORY_TERMS, SPACES, Frequencies, StoryState, squared_norm
from crosswire.stories.profile import ArticleProfile


def _profile(key: str, terms: list[str], names: list[str] = ()) -> ArticleProfile:  # type: ignore[assignment]
    return ArticleProfile(
        key=key,
        body={t: 1.0 + (i % 3) * 0.5 for i, t in enumerate(terms)},
        title={t: 1.0 for t in terms[:3]},
        names={n: 1.0 for n in names},
        day=None,
        words=len(terms),
    )


def test_a_story_norm_kept_term_by_term_equals_one_computed_afresh() -> None:
    df = Frequencies()
    story = StoryState(id="s1", keys=[])
    for i in range(40):
        profile = _profile(f"a{i}", [f"w{(i * 7 + j) % 900}" for j in range(60)], [f"name{i % 5}"])
        df.add(profile)
        story.norm("body", df)  # a cached norm is what absorb then updates
        story.norm("names", df)
        story.absorb(profile, i + 1, df)
    assert len(story.body) <= MAX_STORY_TERMS * 3 // 2  # the story was cut to its strongest terms
    for space in SPACES:
        # the IDF memo is shared, so both sums read the same IDF values
        fresh = math.sqrt(squared_norm(getattr(story, space), space, df))
        cached = story.squares.get(space)
        assert cached is not None or space == "title"
        assert story.norm(space, df) == pytest.approx(fresh, rel=0.02)


def test_absorbing_without_frequencies_forgets_the_norm() -> None:
    df = Frequencies()
    story = StoryState(id="s1", keys=[])
    profile = _profile("a1", ["harbour", "crane"])
    df.add(profile)
    story.absorb(profile, 1, df)
    story.norm("body", df)
    story.absorb(_profile("a2", ["harbour", "strike"]), 2)
    assert "body" not in story.squares
    assert story.norm("body", df) == pytest.approx(math.sqrt(squared_norm(story.body, "body", df)))


def test_frequencies_forget_terms_unseen_for_long() -> None:
    df = Frequencies(forget_after=10)
    df.add(_profile("a0", ["comet"]))
    for i in range(30):
        df.add(_profile(f"a{i + 1}", ["harbour", f"rare{i}"]))
    assert "comet" not in df.counts["body"]
    assert df.counts["body"]["harbour"] == 30
    assert df.forget(df.documents - 10) > 0
    assert set(df.counts["body"]) == {"harbour", *(f"rare{i}" for i in range(20, 30))}
    assert set(df.last_seen["body"]) == set(df.counts["body"])


def test_frequencies_that_never_forget_keep_every_term() -> None:
    df = Frequencies(forget_after=0)
    for i in range(12_000):
        df.add(_profile(f"a{i}", [f"t{i}"]))
    assert len(df.counts["body"]) == 12_000


def test_frequencies_pickle_with_their_setting() -> None:
    df = Frequencies(forget_after=50)
    df.add(_profile("a1", ["harbour"]))
    loaded = pickle.loads(pickle.dumps(df))
    assert loaded.forget_after == 50
    assert loaded.counts == df.counts and loaded.last_seen == df.last_seen
    assert loaded.idf("body", "harbour") == df.idf("body", "harbour")
