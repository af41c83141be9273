"""The sentence table's similarity matrix: the sparse product equals the dense one."""

from __future__ import annotations

import numpy as np

from crosswire.embed import TfidfEmbedder
from crosswire.summarize import features
from crosswire.summarize.features import cosine_matrix

SENTENCES = [
    "The council voted to close the old bridge on Monday.",
    "On Monday the council voted to shut the bridge.",
    "Rain is expected across the valley this weekend.",
    "The bridge had carried 12,000 cars a day.",
    "",
]


def test_hashed_tfidf_rows_take_the_sparse_product_and_match_the_dense_one(monkeypatch) -> None:
    vectors = TfidfEmbedder().encode(SENTENCES * 3)
    assert np.count_nonzero(vectors) <= features.SPARSE_SHARE * vectors.size
    monkeypatch.setattr(features, "SPARSE_BLOCK", 4)  # several blocks, the last one short
    similarity = cosine_matrix(vectors)
    assert similarity.dtype == np.float32 and similarity.shape == (15, 15)
    np.testing.assert_allclose(similarity, vectors @ vectors.T, atol=1e-6)
    assert similarity[0, 1] > 0.3 and similarity[0, 2] == 0.0


def test_dense_rows_and_empty_tables() -> None:
    dense = np.random.default_rng(0).normal(size=(6, 8)).astype(np.float32)
    np.testing.assert_allclose(cosine_matrix(dense), dense @ dense.T, rtol=1e-6)
    assert cosine_matrix(np.zeros((0, 1), dtype=np.float32)).shape == (0, 0)


def test_candidates_of_an_article_in_another_language_keep_its_sentences() -> None:
    from dataclasses import replace

    from crosswire.model import Article
    from crosswire.segment import segment_story
    from crosswire.stories import assemble_stories

    text = (
        "Die Regierung hat am Montag beschlossen, die Steuern zu senken, sagte der Minister. "
        "Das Parlament stimmt am Freitag über den Plan des Ministers ab."
    )
    english_read = segment_story(assemble_stories([Article(text=text, source="de.txt")])[0])
    german = replace(english_read, articles=tuple(replace(a, language="de") for a in english_read.articles))
    assert len(features.candidate_sentences(german)) == 2
    # Read as English, the first sentence has no English verb and is dropped ("Ministers" passes as one).
    assert [s.index for s in features.candidate_sentences(english_read)] == [1]


def test_article_best_is_each_article_s_closest_candidate_in_any_row_order() -> None:
    from crosswire.model import Article
    from crosswire.segment import segment_story
    from crosswire.stories import assemble_stories
    from crosswire.summarize.features import build_table

    texts = [" ".join(SENTENCES[:2]), " ".join(SENTENCES[2:4]), "The valley bridge reopened. Rain fell."]
    articles = [Article(text=text, source=f"a{i}.txt") for i, text in enumerate(texts)]
    story = segment_story(assemble_stories(articles)[0])
    table = build_table(story, TfidfEmbedder(), sentences=story.sentences)
    shuffled = build_table(story, TfidfEmbedder(), sentences=story.sentences[::-1])
    for each in (table, shuffled):
        expected = np.column_stack(
            [each.similarity[:, each.article_index == k].max(axis=1) for k in np.unique(each.article_index)]
        )
        assert (each.article_best == expected).all() and expected.shape[1] == 3
