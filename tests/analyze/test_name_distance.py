import random

from crosswire.analyze.name_distance import SURNAME_DISTANCE, edit_ratio, near_words, one_edit_apart


def test_one_edit_apart():
    assert one_edit_apart("sergei", "sergey")  # substitution
    assert one_edit_apart("asad", "assad")  # insertion
    assert one_edit_apart("assad", "asad")  # deletion
    assert one_edit_apart("kerry", "kerry")
    assert not one_edit_apart("kerry", "karey")
    assert not one_edit_apart("assad", "sad")


def test_near_words_agrees_with_the_full_edit_ratio():
    rng = random.Random(7)
    for _ in range(20000):
        a = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 14)))
        b = list(a)
        for _ in range(rng.randint(0, 3)):
            at = rng.randint(0, len(b))
            operation = rng.randint(0, 2)
            if operation == 0:
                b.insert(at, rng.choice("abcd"))
            elif b:
                if operation == 1:
                    del b[min(at, len(b) - 1)]
                else:
                    b[min(at, len(b) - 1)] = rng.choice("abcd")
        other = "".join(b)
        assert near_words(a, other) == (edit_ratio(a, other) <= SURNAME_DISTANCE), (a, other)
