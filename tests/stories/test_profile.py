from __future__ import annotations

import numpy as np

from crosswire.model import Article
from crosswire.stories.profile import profile_article, profile_terms


def test_english_terms_are_content_stems() -> None:
    assert profile_terms("The ministers said the plans were dropped", "en") == ["minist", "plan", "drop"]


def test_another_language_keeps_whole_words_without_its_stop_words() -> None:
    terms = profile_terms("Les salariés français travaillent-ils assez ? Selon une étude, oui.", "fr")
    assert "salariés" in terms and "français" in terms and "étude" in terms
    assert not {"les", "une", "selon", "ais", "fran"} & set(terms)


def test_an_article_in_another_language_gets_no_vector() -> None:
    vector = np.ones(4) / 2.0
    english = Article(id="a1", text="The council met on Friday.", language="en")
    undetermined = Article(id="a3", text="Council 4 Friday", language="und")
    spanish = Article(id="a2", text=" ".join(["El consejo se reunió el viernes."] * 4), language="es")
    assert profile_article(english, vector).vector is not None
    assert profile_article(undetermined, vector).vector is not None
    assert profile_article(spanish, vector).vector is None


def test_a_few_words_in_another_language_are_matched_as_english() -> None:
    # The guess from a handful of words is unsure: such a text keeps the English terms and its vector.
    short = Article(id="a4", text="Le conseil: sea wall news", language="fr")
    assert profile_article(short, np.ones(4) / 2.0).vector is not None
