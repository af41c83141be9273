from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from crosswire.embed import TfidfEmbedder
from crosswire.model import Story
from crosswire.summarize.features import build_table
from crosswire.summarize.scorers.word_prior import WordPriors, WordPriorScorer, cluster_stems
from crosswire.summarize.text import content_stems

# Six invented clusters: "flood" always reaches the summary, "weather" never does.
CLUSTERS = [
    cluster_stems(
        [
            content_stems(f"The flood in town {n} closed roads."),
            content_stems(f"The weather in town {n} was mild."),
        ],
        f"A flood hit town {n}.",
    )
    for n in range(6)
]


def test_words_that_reach_summaries_get_higher_priors() -> None:
    priors = WordPriors.count(CLUSTERS)
    assert priors.prior("flood") > priors.base_rate > priors.prior("weather")
    assert priors.prior("unseen") == priors.base_rate


def test_rare_words_get_the_base_rate() -> None:
    priors = WordPriors.count(CLUSTERS[:2])  # seen in 2 clusters, below the minimum of 3
    assert priors.prior("flood") == priors.base_rate


def test_leaving_a_cluster_out_equals_not_counting_it() -> None:
    everything = WordPriors.count(CLUSTERS)
    # The base rate stays that of all clusters; only the per-word counts change.
    without_last = replace(WordPriors.count(CLUSTERS[:-1]), base_rate=everything.base_rate)
    left_out = everything.leave_out(CLUSTERS[-1])
    for stem in ("flood", "weather", "road", "town", "mild"):
        assert left_out.prior(stem) == without_last.prior(stem)
    assert left_out.prior("flood") != everything.prior("flood")


def test_priors_round_trip_through_their_file(tmp_path: Path) -> None:
    priors = WordPriors.count(CLUSTERS)
    path = tmp_path / "priors.json"
    path.write_text(priors.to_text(), encoding="utf-8")
    loaded = WordPriors.from_text(path.read_text(encoding="utf-8"))
    for stem in ("flood", "weather", "town", "unseen"):
        assert abs(loaded.prior(stem) - priors.prior(stem)) < 1e-12


def test_sentences_with_summary_words_score_higher(bridge_story: Story, tfidf: TfidfEmbedder) -> None:
    table = build_table(bridge_story, tfidf)
    priors = WordPriors.count(
        [cluster_stems(table.stems, "The bridge collapsed and drivers were injured.")] * 3
    )
    columns = WordPriorScorer(priors).columns(table)
    assert columns.shape == (table.size, len(WordPriorScorer.names)) and np.isfinite(columns).all()
    texts = [s.text for s in table.sentences]
    bridge = next(i for i, t in enumerate(texts) if "bridge" in t and "collapsed" in t)
    concert = next(i for i, t in enumerate(texts) if "memorial concert" in t)
    assert columns[bridge, 0] > columns[concert, 0]
