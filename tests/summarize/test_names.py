from __future__ import annotations

import numpy as np

from crosswire.summarize.features import build_table
from crosswire.summarize.names import name_coverage, sentence_names
from crosswire.summarize.selector import Selector
from tests.summarize.conftest import make_story

# An invented story: four outlets; three of them report that the rebel leader Ivo Marten was killed,
# and all four quote the ministry spokesman Lud Ollen at length.
ARTICLES = (
    "Orland's ministry condemned the shelling of Pell on Monday. "
    '"The shelling of Pell is a crime against every family in the valley," spokesman Lud Ollen said. '
    "Rebel leader Ivo Marten was killed in an air strike on Friday, the ministry confirmed.",
    "The ministry condemned Monday's shelling of Pell. "
    '"Every family in the valley has suffered from the shelling of Pell," Ollen told reporters. '
    "The strike that killed Ivo Marten hit his convoy near the border.",
    "Orland condemned the shelling of Pell. "
    '"We condemn the shelling of Pell and every attack on families in the valley," Ollen said. '
    "Marten had agreed to join the peace talks weeks before he was killed.",
    "Officials in Orland condemned the shelling of Pell on Monday. "
    '"The valley will not forget the shelling of Pell," Ollen said.',
)


def test_names_are_capitalised_words_used_inside_a_sentence() -> None:
    inside, capitalised = sentence_names("Rebel leader Ivo Marten was killed on Friday, Ollen’s office said.")
    assert {"ivo", "marten", "ollen"} <= inside
    assert "rebel" not in inside and "rebel" in capitalised  # only as the sentence's first word
    assert "friday" not in capitalised  # days name no actor


def test_only_names_most_articles_use_are_widely_reported(tfidf) -> None:  # type: ignore[no-untyped-def]
    table = build_table(make_story(*ARTICLES), tfidf)
    names = name_coverage(table, [s.text for s in table.sentences])
    assert names is not None
    marten = [i for i, s in enumerate(table.sentences) if "Marten" in s.text]
    assert marten and all(names.gains(names.covered)[i] > 0 for i in marten)
    # "Valley" is in every article but only ever lowercase; "Monday" is a day; "Orland" and "Ollen" count.
    mondays = [i for i, s in enumerate(table.sentences) if s.text.startswith("Orland's ministry")]
    assert names.gains(names.covered)[mondays[0]] > 0


def test_the_brief_names_the_widely_reported_actor_it_would_leave_out(tfidf) -> None:  # type: ignore[no-untyped-def]
    table = build_table(make_story(*ARTICLES), tfidf)
    texts = [s.text for s in table.sentences]
    # The spokesman's quotes score highest, the killing (three outlets) next, the rest lowest.
    scores = np.array([0.6 if "Marten" in t else 1.0 if "Ollen" in t else 0.5 for t in texts])
    lengths = [len(t.split()) for t in texts]
    budget = 45  # three sentences
    names = name_coverage(table, texts)
    without = Selector(words=budget).select(scores, lengths, table.similarity)
    with_names = Selector(words=budget, name_weight=0.5).select(
        scores, lengths, table.similarity, names=names
    )
    assert all("Ollen" in texts[i] for i in without)  # one spokesman three times over
    assert not any("Marten" in texts[i] for i in without)
    assert any("Marten" in texts[i] for i in with_names)


def test_two_article_stories_have_no_widely_reported_names(tfidf) -> None:  # type: ignore[no-untyped-def]
    table = build_table(make_story(*ARTICLES[:2]), tfidf)
    assert name_coverage(table, [s.text for s in table.sentences]) is None
