"""The edge merge: window stories joined into stream stories as the single-process tracker would."""

from __future__ import annotations

from crosswire.batch.articles import ArticleMeta
from crosswire.batch.edges import EdgeMerge, merge_windows
from crosswire.batch.windows import arrival_keys, plan_windows, track_window
from crosswire.model import Article
from crosswire.stories import StoryTracker, with_stable_ids
from crosswire.stories.ids import story_id
from crosswire.stories.profile import ArticleProfile, profile_article
from tests.batch.corpus import corpus_articles

# The ferry story goes on five weeks later, far past the 3-day overlap of the next window.
FOLLOW_UPS = (
    ("Bluefin Lines ferry refloated off Lanmore Point",
     "The passenger ferry of Bluefin Lines that ran aground off Lanmore Point was refloated on Friday.\n\n"
     "Harbour master Ines Varga said divers had found the steering fault that caused the grounding.\n\n"
     "Bluefin Lines said the ferry would return to service once the hull was repaired."),
    ("Lanmore ferry back in port after grounding",
     "Tugs towed the Bluefin Lines ferry from Lanmore Point into port on Friday, weeks after it ran aground.\n\n"
     "Ines Varga, the harbour master, said the passengers' lifeboat rescue had been a model operation.\n\n"
     "Bluefin Lines blamed a steering fault for the grounding of the ferry."),
)


def _articles() -> tuple[Article, ...]:
    rows = [Article(text=r["text"], title=r["title"], url=r["url"], outlet=r["outlet"], published=r["published"])
            for r in corpus_articles()]
    rows += [Article(text=text, title=title, url=f"https://coast-daily.example/news/ferry-later-{i}",
                     outlet="Coast Daily", published=f"2024-06-14T0{8 + i}:00:00")
             for i, (title, text) in enumerate(FOLLOW_UPS)]
    return with_stable_ids(rows)


def _profiles() -> list[ArticleProfile]:
    return [profile_article(a) for a in _articles()]


def _batch(profiles: list[ArticleProfile], merge: EdgeMerge | None = None, days: float = 30.0) -> dict[str, str]:
    metas = [ArticleMeta(p.key, p.day, None, 0) for p in profiles]
    windows = plan_windows(metas, days=days)
    found = [track_window(w, profiles) for w in windows]
    owned = {key: w.number for w in windows for key in w.owned}
    return merge_windows(found, arrival_keys(metas), owned, merge or EdgeMerge())


def _partition(labels: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for key, story in labels.items():
        groups.setdefault(story, set()).add(key)
    return {frozenset(g) for g in groups.values()}


def test_a_story_that_goes_on_in_a_later_window_is_one_story_as_in_one_process() -> None:
    profiles = _profiles()
    assert len(plan_windows([ArticleMeta(p.key, p.day, None, 0) for p in profiles])) == 2
    single = StoryTracker(embed=False).partial_fit_profiles(profiles)
    batch = _batch(profiles)
    assert _partition(batch) == _partition({p.key: single.story_of(p.key) for p in profiles})
    ferry = {batch[a.id] for a in _articles() if "/ferry" in (a.url or "")}
    assert len(ferry) == 1  # the first reports and the follow-ups alike
    assert len(set(batch.values())) == 4  # four events, the follow-ups in the ferry story


def test_stories_idle_past_the_horizon_are_not_joined() -> None:
    batch = _batch(_profiles(), EdgeMerge(max_idle_days=20.0))
    assert len(set(batch.values())) == 5  # the follow-ups come 38 days after the ferry's last article


def test_the_merged_story_is_named_after_its_first_article() -> None:
    profiles = _profiles()
    batch = _batch(profiles)
    order = arrival_keys([ArticleMeta(p.key, p.day, None, 0) for p in profiles])
    for sid in set(batch.values()):
        members = [key for key in order if batch[key] == sid]
        assert sid == story_id(members[0])


def test_window_order_does_not_matter() -> None:
    profiles = _profiles()
    metas = [ArticleMeta(p.key, p.day, None, 0) for p in profiles]
    windows = plan_windows(metas, days=30.0)
    found = [track_window(w, profiles) for w in windows]
    owned = {key: w.number for w in windows for key in w.owned}
    order = arrival_keys(metas)
    assert merge_windows(found, order, owned) == merge_windows(found[::-1], order, owned)


def test_a_story_cut_by_a_window_edge_is_joined_through_its_overlap_articles() -> None:
    profiles = _profiles()
    dam = [a.id for a in _articles() if "/dam" in (a.url or "")]
    metas = [ArticleMeta(p.key, p.day, None, 0) for p in profiles]
    windows = plan_windows(metas, days=13.4)  # the edge falls between the dam's second and third reports
    owner = {key: w.number for w in windows for key in w.owned}
    assert len({owner[key] for key in dam}) == 2
    assert any(key in w.context for w in windows for key in dam)
    batch = _batch(profiles, days=13.4)
    assert len({batch[key] for key in dam}) == 1
    single = StoryTracker(embed=False).partial_fit_profiles(profiles)
    assert _partition(batch) == _partition({p.key: single.story_of(p.key) for p in profiles})
