"""A cheap language guess, good enough to warn about non-English articles.

The guess has two cheap steps and a fallback:

1. Script: if most letters are not Latin, the script names the language
   (Cyrillic -> "ru", or "uk" when Ukrainian-only letters appear; Greek ->
   "el"; Arabic script -> "ar"; Han without kana -> "zh"; kana -> "ja"; ...).
2. Function words: for Latin text, the share of word tokens that are common
   function words of English, French, German, Spanish, Italian, Portuguese and
   Dutch. The language with the highest share wins if that share is at least
   ``MIN_FUNCTION_SHARE``; otherwise, when at least ``MIN_ACCENTED_SHARE``
   of the letters are outside ASCII, py3langid (its model ships in the
   package) names the language: Latin text in a language without a list
   (Polish, Czech, Swedish, ...). Else the result is "und" (undetermined).
   English news text scores 0.33-0.56 on its list (5th percentile to
   maximum; median 0.40 over 687 Multi-News validation articles).

Only the opening ``SAMPLE_CHARS`` characters are looked at. With fewer than
``MIN_TOKENS`` words the guess is kept but marked unsure, so nobody is warned
about a two-word text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from crosswire.ingest.fields import words_of

SAMPLE_CHARS = 2500
MIN_TOKENS = 20
MIN_FUNCTION_SHARE = 0.12
MIN_ACCENTED_SHARE = 0.01  # letters outside ASCII before py3langid is asked

_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": words_of(
        "the of and to in a is that for it was on with he as by at his be from are have this not but "
        "had they has which were an been their said who will would or she her its we also after there "
        "than more about into when could what over up out them other can no if these only"
    ),
    "fr": words_of(
        "le la les de des du et en un une est que qui dans pour pas sur au aux avec il elle ils ne se "
        "ce sont par plus ont été mais cette son sa ses leur nous vous comme aussi entre selon été lui "
        "où dont"
    ),
    "de": words_of(
        "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es als werden "
        "wird aus er hat dass sie nach bei um noch wie einer über zum war haben nur oder aber vor zur "
        "bis mehr durch sind wurde"
    ),
    "es": words_of(
        "el la los las de del y en que un una es por con para se no su sus al lo como más pero ha fue "
        "este esta sobre también entre cuando muy sin ya ser son dijo desde porque hasta está"
    ),
    "it": words_of(
        "il lo la gli le di del della dei e che un una è in per non con si da al alla sono ha come più "
        "anche ma nel nella questo questa stato essere dopo tra fra sul sulla già loro"
    ),
    "pt": words_of(
        "o a os as de do da dos das e que em no na um uma para com não por se mais ao como mas foi ele "
        "ela sua seu também está pelo pela são ser entre depois quando ainda já"
    ),
    "nl": words_of(
        "de het een en van in is dat op te zijn niet met voor die er aan ook als bij door maar om nog "
        "naar heeft werd wordt dit uit over tot hij ze zij worden hebben was geen meer"
    ),
}

LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ru": "Russian",
    "uk": "Ukrainian",
    "el": "Greek",
    "hy": "Armenian",
    "he": "Hebrew",
    "ar": "Arabic",
    "hi": "Hindi",
    "bn": "Bengali",
    "th": "Thai",
    "ka": "Georgian",
    "ko": "Korean",
    "ja": "Japanese",
    "zh": "Chinese",
    "pl": "Polish",
    "cs": "Czech",
    "sk": "Slovak",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian",
    "fi": "Finnish",
    "hu": "Hungarian",
    "ro": "Romanian",
    "tr": "Turkish",
    "und": "an undetermined language",
}

# (first code point, last code point, script) for the scripts we can name.
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x00C0, 0x024F, "latin"),
    (0x1E00, 0x1EFF, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x1F00, 0x1FFF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0E00, 0x0E7F, "thai"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1100, 0x11FF, "hangul"),
    (0xAC00, 0xD7AF, "hangul"),
    (0x3040, 0x30FF, "kana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
)
_SCRIPT_LANGUAGE = {
    "greek": "el",
    "armenian": "hy",
    "hebrew": "he",
    "arabic": "ar",
    "devanagari": "hi",
    "bengali": "bn",
    "thai": "th",
    "georgian": "ka",
    "hangul": "ko",
}
_NOT_ASCII_LETTERS = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_PUNCTUATION = "\"'“”‘’«»„()[]{}<>.,;:!?*_/\\|-–—…"
_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")


def read_as_english(code: str | None) -> bool:
    """Whether text of ``Article.language`` ``code`` is read with English rules: English, or no
    language known (not guessed, or "und"). Figures, brief candidates and story profiles use it."""
    return (code or "") in ("", "en", "und")


@dataclass(frozen=True)
class LanguageGuess:
    code: str  # ISO 639-1, or "und"
    sure: bool  # enough text to act on the guess

    @property
    def is_english(self) -> bool:
        return self.code == "en"

    @property
    def name(self) -> str:
        return LANGUAGE_NAMES.get(self.code, self.code)


def guess_language(text: str) -> LanguageGuess:
    sample = text[:SAMPLE_CHARS]
    by_script = _script_language(sample)
    if by_script is not None:
        return LanguageGuess(by_script, sure=True)
    # Plain split, not a regex: this runs on every article and regexes are slow here.
    words = (word.strip(_PUNCTUATION) for word in sample.lower().split())
    counts = Counter(word for word in words if word.isalpha())
    total = sum(counts.values())
    if not total:
        return LanguageGuess("und", sure=False)
    shares = {
        code: sum(counts[w] for w in listed & counts.keys()) / total
        for code, listed in _FUNCTION_WORDS.items()
    }
    best = max(shares, key=lambda code: (shares[code], code == "en"))
    code = best if shares[best] >= MIN_FUNCTION_SHARE else "und"
    if code == "und" and total >= MIN_TOKENS and _accented_share(sample) >= MIN_ACCENTED_SHARE:
        code = _langid(sample)
    return LanguageGuess(code, sure=total >= MIN_TOKENS)


def _accented_share(sample: str) -> float:
    """The share of letters outside ASCII: Polish, Czech or Turkish text has some in most words; English
    without its function words (a keyword list, a stripped snippet) has none, and py3langid would name
    it some creole."""
    letters = [ch for ch in sample if ch.isalpha()]
    return sum(not ch.isascii() for ch in letters) / len(letters) if letters else 0.0


def _langid(sample: str) -> str:
    """py3langid's language code for ``sample``, or "und" without the package."""
    try:
        import py3langid
    except ImportError:
        return "und"
    return str(py3langid.classify(sample)[0])


def _script_language(sample: str) -> str | None:
    """The language named by a dominant non-Latin script, else None."""
    ascii_letters = sample.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS)
    counts: dict[str, int] = {"latin": len(ascii_letters)}
    for ch in [] if sample.isascii() else _NON_ASCII.findall(sample):
        if ch.isalpha():
            script = _script_of(ord(ch))
            counts[script] = counts.get(script, 0) + 1
    letters = sum(counts.values())
    if letters == 0 or counts["latin"] * 2 >= letters:
        return None
    script = max((s for s in counts if s != "latin"), key=lambda s: counts[s])
    if script == "cyrillic":
        return "uk" if any(ch in _UKRAINIAN_LETTERS for ch in sample) else "ru"
    if script in {"han", "kana"}:
        return "ja" if counts.get("kana", 0) else "zh"
    return _SCRIPT_LANGUAGE.get(script, "und")


def _script_of(code_point: int) -> str:
    for first, last, script in _SCRIPT_RANGES:
        if first <= code_point <= last:
            return script
    return "other"
