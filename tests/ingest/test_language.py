from __future__ import annotations

import warnings

import pytest

from crosswire.errors import CrosswireWarning
from crosswire.ingest import read_bytes
from crosswire.ingest.language import guess_language

ENGLISH = (
    "The council of Wendle said on Friday that the new sea wall would be finished by the end of the year, "
    "and that the work had been delayed by storms in the spring. Residents have asked for a meeting."
)
FRENCH = (
    "Le conseil de Wendle a annoncé vendredi que la nouvelle digue serait terminée avant la fin de "
    "l'année, et que les travaux ont été retardés par les tempêtes du printemps. Les habitants "
    "demandent une réunion avec le maire."
)
GERMAN = (
    "Der Rat von Wendle hat am Freitag mitgeteilt, dass die neue Ufermauer bis zum Ende des Jahres "
    "fertig sein wird und dass die Arbeiten durch die Stürme im Frühjahr verzögert wurden. Die "
    "Bewohner haben um ein Treffen gebeten."
)
RUSSIAN = "Совет города Вендл заявил в пятницу, что новая дамба будет закончена к концу года."
CHINESE = "温德尔市议会周五表示，新的海堤将在年底前完工，工程因春季风暴而推迟。"


@pytest.mark.parametrize(
    ("text", "code"),
    [(ENGLISH, "en"), (FRENCH, "fr"), (GERMAN, "de"), (RUSSIAN, "ru"), (CHINESE, "zh")],
)
def test_guess_language(text: str, code: str) -> None:
    guess = guess_language(text)
    assert guess.code == code
    assert guess.sure


def test_short_text_is_not_judged() -> None:
    assert not guess_language("Wendle sea wall").sure


def test_english_article_gets_en_without_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", CrosswireWarning)
        (article,) = read_bytes(f"Sea wall delayed\n\n{ENGLISH}".encode(), "en.txt")
    assert article.language == "en"


def test_non_english_article_is_kept_with_one_warning() -> None:
    with pytest.warns(CrosswireWarning) as caught:
        (article,) = read_bytes(f"Digue retardée\n\n{FRENCH}".encode(), "fr.txt")
    assert article.language == "fr"
    messages = [str(w.message) for w in caught]
    assert messages == [
        "fr.txt: article 'Digue retardée' looks like French, not English; results may be poor "
        "and its figures are left out (they are read with English number conventions)"
    ]


POLISH = (
    "Rada miasta Wendle poinformowała w piątek, że nowy wał przeciwpowodziowy zostanie ukończony do "
    "końca roku, a prace opóźniły wiosenne burze. Mieszkańcy poprosili o spotkanie z burmistrzem, "
    "który obiecał odpowiedzieć na wszystkie pytania przed zimą."
)


def test_a_language_without_a_function_word_list_is_named() -> None:
    # The function-word step knows seven Latin-script languages; py3langid names the rest.
    guess = guess_language(POLISH)
    assert guess.code == "pl"
    assert guess.name == "Polish"
