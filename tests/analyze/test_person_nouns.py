from crosswire.analyze.person_nouns import JOB_NOUNS, VOCABULARY, noun_gender, nouns_for


def test_every_word_has_a_use_and_the_uses_are_the_documented_ones() -> None:
    assert VOCABULARY
    assert all(VOCABULARY.values())
    assert set().union(*VOCABULARY.values()) == {"she", "he", "either", "job"}


def test_a_word_keeps_every_use_it_is_given() -> None:
    assert VOCABULARY["widow"] == {"she", "job"}
    assert VOCABULARY["lawyer"] == {"either", "job"}
    assert "musician" in JOB_NOUNS and "astronaut" in JOB_NOUNS  # one list for both jobs' uses
    assert "official" not in JOB_NOUNS  # "official Twitter account": not a person's description


def test_noun_gender_reads_the_vocabulary() -> None:
    assert noun_gender("spokeswoman") == "she"
    assert noun_gender("nephew") == "he"
    assert noun_gender("witness") is None
    assert nouns_for("he") & nouns_for("she") == frozenset()
