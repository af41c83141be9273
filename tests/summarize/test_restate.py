import numpy as np

from crosswire.embed import TfidfEmbedder
from crosswire.summarize.restate import adds_nothing, content_of, restated, restated_pairs

PARAPHRASE = "Mayor Olga Trent said the Marlow bridge would close for repairs."
QUOTE = '"The Marlow bridge will close for repairs," Trent said.'
NEW_NUMBER = "Mayor Olga Trent said the Marlow bridge would close for 40 days."
NEW_NAME = "Mayor Olga Trent said the Marlow bridge would close, as Dunmore did."
OTHER = "Ferry traffic across the estuary doubled in the spring."


def test_content_keeps_numbers_names_and_stems() -> None:
    content = content_of("A 10% stake went to Harlan Foods for $1,200 last week.")
    assert content.numbers == {"10", "1200"}
    assert {"harlan", "food"} <= content.names
    assert "stake" in content.stems


def test_a_quote_restating_its_paraphrase_adds_nothing() -> None:
    assert adds_nothing(content_of(QUOTE), content_of(PARAPHRASE))


def test_a_new_number_or_name_is_news() -> None:
    assert not adds_nothing(content_of(NEW_NUMBER), content_of(PARAPHRASE))
    assert not adds_nothing(content_of(NEW_NAME), content_of(PARAPHRASE))


def test_restated_needs_close_vectors() -> None:
    texts = [PARAPHRASE, QUOTE, OTHER]
    vectors = TfidfEmbedder().encode(texts)
    found = restated(texts, vectors @ vectors.T, cosine=0.3)
    assert found[0, 1]
    assert not found[0, 2] and not found[2, 0]
    far = np.eye(3, dtype=np.float32)  # the same texts, but no two close
    assert not restated(texts, far, cosine=0.3).any()


def test_restated_pairs_counts_each_pair_once() -> None:
    texts = [PARAPHRASE, QUOTE, OTHER]
    assert restated_pairs(texts, TfidfEmbedder().encode(texts), cosine=0.3) == (3, 1)
    assert restated_pairs([PARAPHRASE], TfidfEmbedder().encode([PARAPHRASE])) == (0, 0)
