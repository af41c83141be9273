"""The story tracker on invented articles: three events, incremental batches, stable ids."""

from __future__ import annotations

import pickle
import random
from dataclasses import replace
from pathlib import Path

import pytest

from crosswire.clean import clean_articles
from crosswire.ingest import read_inputs
from crosswire.model import Article
from crosswire.stories import StoryTracker, with_stable_ids
from crosswire.stories.index import CandidateIndex
from crosswire.stories.tracker import arrival_order

THREE_EVENTS = Path(__file__).resolve().parents[1] / "fixtures" / "stories" / "three-events"


def _articles() -> tuple[Article, ...]:
    return clean_articles(with_stable_ids(read_inputs([THREE_EVENTS])))


def _event(article: Article) -> str:
    return Path(article.source).name.split("-")[0]


def _partition(articles: list[Article], labels: list[str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for article, label in zip(articles, labels, strict=True):
        groups.setdefault(label, set()).add(article.id)
    return {frozenset(g) for g in groups.values()}


def test_three_unrelated_events_give_three_stories() -> None:
    articles = list(_articles())
    labels = StoryTracker(embed=False).fit_predict(articles)
    by_event: dict[str, set[str]] = {}
    for article, label in zip(articles, labels, strict=True):
        by_event.setdefault(_event(article), set()).add(label)
    assert all(len(found) == 1 for found in by_event.values()), by_event
    assert len(set(labels)) == 3


def test_two_batches_give_the_same_stories_as_one() -> None:
    articles = list(_articles())
    whole = StoryTracker(embed=False).fit_predict(articles)
    tracker = StoryTracker(embed=False)
    tracker.partial_fit(articles[:4]).partial_fit(articles[4:])
    split = [tracker.story_of(a.id) for a in articles]
    assert _partition(articles, whole) == _partition(articles, split)


def test_reingesting_an_article_changes_nothing() -> None:
    articles = list(_articles())
    tracker = StoryTracker(embed=False).partial_fit(articles)
    before = {a.id: tracker.story_of(a.id) for a in articles}
    steps = tracker.step_
    tracker.partial_fit(articles[:3])
    assert {a.id: tracker.story_of(a.id) for a in articles} == before
    assert tracker.step_ == steps


def test_same_timestamp_order_does_not_matter() -> None:
    articles = [replace(a, published="2024-05-01") for a in _articles()]
    expected = _partition(articles, StoryTracker(embed=False).fit_predict(articles))
    for seed in (1, 2, 3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        labels = StoryTracker(embed=False).fit_predict(shuffled)
        assert _partition(shuffled, labels) == expected


def test_story_ids_are_stable_across_runs() -> None:
    articles = list(_articles())
    first = StoryTracker(embed=False).fit_predict(articles)
    second = StoryTracker(embed=False).fit_predict(articles)
    assert first == second
    assert all(label.startswith("s") for label in first)


def test_arrival_is_by_time_then_input_order() -> None:
    tracker = StoryTracker(embed=False)
    undated = Article(text="one two three four", id="ax1")
    later = Article(text="one two three five", id="ax2", published="2024-01-02")
    earlier = Article(text="one two three six", id="ax3", published="2024-01-01")
    order = [p.key for p in arrival_order(tracker.profiles([undated, later, earlier]))]
    assert order == ["ax3", "ax2", "ax1"]


def test_the_window_is_bounded_by_count() -> None:
    tracker = StoryTracker(embed=False, max_active=5, merge=False)
    words = ["harbour", "cyclone", "tariff", "vaccine", "striker", "orchestra", "glacier", "senate", "comet", "bakery"]
    articles = [
        Article(text=f"{w} {w} {w}x {w}y {w}z report number {i}", id=f"aw{i:02d}") for i, w in enumerate(words * 30)
    ]
    tracker.partial_fit(articles)
    assert len(tracker.stories_) <= 5 + 256  # eviction runs every 256 steps


def test_the_window_is_bounded_by_time() -> None:
    tracker = StoryTracker(embed=False, max_idle_days=10, merge=False)
    old = [Article(text=f"glacier melt record alpine valley {i}", id=f"ao{i}", published="2024-01-01") for i in range(3)]
    new = [
        Article(text=f"orchestra tour concert season violin {i}", id=f"an{i}", published=f"2024-03-{1 + i % 28:02d}")
        for i in range(300)
    ]
    tracker.partial_fit([*old, *new])
    assert all(tracker.story_of(a.id) not in tracker.stories_ for a in old)


def test_candidate_index_skips_terms_posted_under_too_many_stories() -> None:
    from crosswire.stories.features import StoryState

    index = CandidateIndex()
    for i in range(500):
        index.post(StoryState(id=f"s{i}", keys=[]), [("body:common", 1.0)])
    index.post(StoryState(id="s-rare", keys=[]), [("body:rare", 1.0)])
    assert index.candidates([("body:common", 1.0)]) == []
    assert index.candidates([("body:rare", 1.0), ("body:common", 1.0)]) == ["s-rare"]


def test_a_tracker_pickles_and_resumes() -> None:
    articles = list(_articles())
    tracker = StoryTracker(embed=False).partial_fit(articles[:4])
    resumed = pickle.loads(pickle.dumps(tracker))
    resumed.partial_fit(articles[4:])
    tracker.partial_fit(articles[4:])
    assert [resumed.story_of(a.id) for a in articles] == [tracker.story_of(a.id) for a in articles]


def test_fit_predict_needs_no_ids() -> None:
    labels = StoryTracker(embed=False).fit_predict([Article(text="a short note about harbour cranes")])
    assert len(labels) == 1


@pytest.mark.parametrize("text", ["", "the and of"])
def test_articles_without_content_words_stay_singletons(text: str) -> None:
    articles = [Article(text=text or " ", id="ae1"), Article(text=text or " ", id="ae2")]
    labels = StoryTracker(embed=False).fit_predict(articles)
    assert labels[0] != labels[1]


def _old_and_new() -> tuple[list[Article], list[Article]]:
    old = [Article(text=f"glacier melt record alpine valley {i}", id=f"ao{i}", published="2024-01-01") for i in range(3)]
    new = [
        Article(text=f"orchestra tour concert season violin {i}", id=f"an{i}", published=f"2024-03-{1 + i % 28:02d}")
        for i in range(300)
    ]
    return old, new


def test_closed_stories_leave_memory_but_still_answer() -> None:
    old, new = _old_and_new()
    tracker = StoryTracker(embed=False, max_idle_days=10, merge=False)
    tracker.partial_fit(old[:1])
    story = tracker.story_of(old[0].id)
    tracker.partial_fit([*old[1:], *new])
    assert story not in tracker.stories_
    assert all(a.id not in tracker.labels_ for a in old)
    assert tracker.closed_.stories >= 1
    assert [tracker.story_of(a.id) for a in old] == [story] * 3
    assert tracker.size(story) == 3
    assert len(tracker.labels_) == sum(len(s.keys) for s in tracker.stories_.values())


def test_reingesting_a_closed_article_changes_nothing() -> None:
    old, new = _old_and_new()
    tracker = StoryTracker(embed=False, max_idle_days=10, merge=False).partial_fit([*old, *new])
    steps, story = tracker.step_, tracker.story_of(old[0].id)
    tracker.partial_fit(old)
    assert tracker.step_ == steps
    assert tracker.story_of(old[0].id) == story
    assert story not in tracker.stories_


def test_a_tracker_with_closed_stories_pickles_whole() -> None:
    old, new = _old_and_new()
    tracker = StoryTracker(embed=False, max_idle_days=10, merge=False).partial_fit([*old, *new])
    resumed = pickle.loads(pickle.dumps(tracker))
    assert [resumed.story_of(a.id) for a in [*old, *new]] == [tracker.story_of(a.id) for a in [*old, *new]]
    assert resumed.size(tracker.story_of(old[0].id)) == 3


def test_an_unseen_article_is_a_key_error() -> None:
    tracker = StoryTracker(embed=False).partial_fit(list(_articles()))
    with pytest.raises(KeyError):
        tracker.story_of("a-never-seen")


def test_merged_ids_of_a_closed_story_still_lead_to_it() -> None:
    tracker = StoryTracker(embed=False, max_idle_days=10, merge=False)
    first = [
        Article(text="volcano ash cloud flights grounded airport", id="av1", published="2024-01-01"),
        Article(text="bakery bread flour prices ovens rise", id="av2", published="2024-01-01"),
    ]
    tracker.partial_fit(first)
    a, b = (tracker.stories_[tracker.story_of(x.id)] for x in first)
    assert a is not b
    tracker._join_stories(a, b)  # as the merge step would
    kept = tracker.story_of(first[0].id)
    gone = b.id if kept == a.id else a.id
    assert tracker.current_story(gone) == kept
    _, new = _old_and_new()
    tracker.partial_fit(new)
    assert kept not in tracker.stories_ and gone not in tracker.merged_
    assert tracker.current_story(gone) == kept
    assert tracker.size(gone) == 2


def test_weak_candidates_are_not_scored_beyond_the_best_few() -> None:
    from crosswire.stories.features import StoryState
    from crosswire.stories.index import MIN_CANDIDATE_SHARE, MIN_CANDIDATES

    index = CandidateIndex()
    index.post(StoryState(id="s-strong", keys=[]), [("body:quake", 1.0), ("body:tremor", 1.0)])
    for i in range(MIN_CANDIDATES + 3):
        index.post(StoryState(id=f"s-weak{i}", keys=[]), [("body:city", 1.0)])
    query = [("body:quake", 5.0), ("body:tremor", 5.0), ("body:city", 10.0 * MIN_CANDIDATE_SHARE / 2)]
    found = index.candidates(query)
    assert found[0] == "s-strong"
    assert len(found) == MIN_CANDIDATES  # the weak ones fill the best few, no more
    close = [("body:quake", 1.0), ("body:city", 1.0)]
    assert len(index.candidates(close)) == MIN_CANDIDATES + 4  # all within the share of the best


def _long_story(n: int) -> list[Article]:
    return [
        Article(text=f"orchestra tour concert season violin cello {i}", id=f"al{i}", published="2024-03-01")
        for i in range(n)
    ]


def test_a_long_story_keeps_only_its_latest_keys_in_memory() -> None:
    articles = _long_story(40)
    tracker = StoryTracker(embed=False, keep_keys=5).partial_fit(articles)
    (story,) = tracker.stories_.values()
    assert story.size == 40
    assert 5 <= len(story.keys) <= 10  # spilled once it held twice as many
    assert len(tracker.labels_) == len(story.keys)
    assert [tracker.story_of(a.id) for a in articles] == [story.id] * 40
    assert tracker.size(story.id) == 40
    steps = tracker.step_
    tracker.partial_fit(articles[:3])  # spilled keys are still seen: re-ingesting changes nothing
    assert tracker.step_ == steps and story.size == 40
    resumed = pickle.loads(pickle.dumps(tracker))
    assert [resumed.story_of(a.id) for a in articles] == [story.id] * 40


def test_spilling_keys_changes_no_story() -> None:
    old, new = _old_and_new()
    stream = [*old, *_long_story(30), *new]
    spilling = StoryTracker(embed=False, max_idle_days=10, keep_keys=4).fit_predict(stream)
    assert spilling == StoryTracker(embed=False, max_idle_days=10, keep_keys=0).fit_predict(stream)


def test_a_merged_story_leads_its_spilled_keys_to_the_story_it_joined() -> None:
    tracker = StoryTracker(embed=False, merge=False, keep_keys=2)
    first = [Article(text=f"volcano ash cloud flights grounded airport {i}", id=f"av{i}") for i in range(6)]
    other = Article(text="bakery bread flour prices ovens rise", id="ab1")
    tracker.partial_fit([*first, other])
    a, b = tracker.stories_[tracker.story_of("av0")], tracker.stories_[tracker.story_of("ab1")]
    assert len(a.keys) < 6  # some of the volcano story's keys were spilled before the merge
    tracker._join_stories(a, b)  # as the merge step would
    kept = tracker.story_of("ab1")
    assert {tracker.story_of(x.id) for x in first} == {kept}
    assert tracker.size(kept) == 7


def test_a_story_stays_posted_under_its_most_recently_used_keys() -> None:
    from crosswire.stories.features import StoryState

    index = CandidateIndex()
    story = StoryState(id="s1", keys=[])
    index.post(story, [("body:old", 1.0), ("body:kept", 1.0)], limit=3)
    index.post(story, [("body:new", 1.0), ("body:kept", 1.0)], limit=3)
    index.post(story, [("body:newer", 1.0)], limit=3)
    assert list(story.indexed) == ["body:new", "body:kept", "body:newer"]
    assert "body:old" not in index.postings
    assert index.candidates([("body:old", 1.0)]) == []
    assert index.candidates([("body:kept", 1.0)]) == ["s1"]


UNRELATED_SPANISH = (
    "La panadería de la familia Ortal celebró este sábado su fiesta anual en el barrio de Sorven. "
    "Los vecinos probaron más de veinte clases de pan dulce y el concurso de roscones lo ganó una "
    "maestra jubilada. Los organizadores dijeron que la fiesta se repetirá el próximo año con más puestos.",
    "El club deportivo Almeral fichó al delantero Tomás Brivel por tres temporadas, según anunció la "
    "directiva en una rueda de prensa. El jugador, que marcó catorce goles en la última liga, pasó el "
    "reconocimiento médico por la mañana y se entrenará con sus nuevos compañeros desde el lunes.",
    "El volcán de la isla de Quelma entró en erupción durante la noche y obligó a evacuar a los "
    "habitantes de dos aldeas cercanas. Los geólogos del observatorio regional explicaron que la lava "
    "avanza despacio hacia el mar y que, por ahora, no amenaza el puerto ni el aeropuerto de la isla.",
    "La empresa de programas Nubetra publicó una actualización de su aplicación de correo que corrige "
    "un fallo de seguridad en los archivos adjuntos. Los usuarios deben instalarla cuanto antes, "
    "advirtieron sus técnicos, porque el error permitía leer mensajes ajenos desde una red pública.",
)


def test_unrelated_articles_in_another_language_stay_apart(tmp_path: Path) -> None:
    # Pages in one other language share its function words; they must not make one story.
    for number, text in enumerate(UNRELATED_SPANISH):
        (tmp_path / f"noticia-{number}.txt").write_text(text, encoding="utf-8")
    with pytest.warns(Warning):
        articles = clean_articles(with_stable_ids(read_inputs([tmp_path])))
    assert {a.language for a in articles} == {"es"}
    labels = StoryTracker(embed=False).fit_predict(list(articles))
    assert len(set(labels)) == len(UNRELATED_SPANISH)
