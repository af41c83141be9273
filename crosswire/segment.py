"""Sentence segmentation with character offsets, paragraph by paragraph.

pysbd splits each paragraph (a run of non-blank lines, or a single line when
the text has one paragraph per line, as scraped text usually does); each
sentence is then located in the original text, so offsets stay exact.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

import pysbd
from pysbd.lang.english import English
from pysbd.utils import TextSpan

from crosswire.model import Article, Sentence, Story

_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
_LINE = re.compile(r"[^\n]+")
# pysbd splits on a colon-less line break inside a paragraph poorly; very long
# "sentences" are almost always lists or tables glued together.
MAX_SENTENCE_CHARS = 1200


class _Segmenter(pysbd.Segmenter):
    """pysbd's segmenter, locating its sentences with ``str.find`` instead of one regex each.

    pysbd finds each sentence in the paragraph with ``re.finditer(re.escape(sentence) + r"\\s*")``:
    a new pattern per sentence, compiled every time, that also pushes pysbd's own
    patterns out of ``re``'s cache (together over half of segmentation time).
    This is the same search (the first non-overlapping occurrence, with its
    trailing whitespace, that ends past the previous sentence), without regexes.
    """

    def __init__(self) -> None:
        super().__init__(language="en", clean=False, char_span=False)
        self.language_module = _English

    def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
        text = self.original_text
        spans: list[TextSpan] = []
        prior_end = 0
        for sentence in sentences:
            position = 0
            while sentence and (found := text.find(sentence, position)) >= 0:
                end = found + len(sentence)
                while end < len(text) and text[end].isspace():
                    end += 1
                if end > prior_end:
                    spans.append(TextSpan(text[found:end], found, end))
                    prior_end = end
                    break
                position = end
        return spans


_pattern = lru_cache(maxsize=4096)(re.compile)


class _AbbreviationReplacer(English.AbbreviationReplacer):
    """pysbd's English abbreviation rules, each pattern compiled once.

    pysbd writes up to three patterns for every abbreviation it meets and hands
    them to ``re`` as strings: several hundred in all, more than ``re``'s cache
    of 512 (dropped oldest first), so they, pysbd's fixed rules and crosswire's
    own patterns were compiled again and again. The same patterns, applied in
    the same order (pysbd 0.3.4's code, with ``_pattern`` for ``re``).
    """

    def search_for_abbreviations_in_string(self, text: str) -> str:
        lowered = text.lower()
        for stripped in _stripped_abbreviations():
            if "." not in stripped and stripped not in lowered:
                continue  # pysbd's pattern leaves the abbreviation unescaped: "a.m" also matches "aim"
            abbrev_match = _pattern(rf"(?:^|\s|\r|\n){stripped}", re.IGNORECASE).findall(text)
            if not abbrev_match:
                continue
            char_array = _pattern(r"(?<={" + str(re.escape(stripped)) + "} ).{1}").findall(text)
            for ind, match in enumerate(abbrev_match):
                text = self.scan_for_replacements(text, match, ind, char_array)
        return text

    def scan_for_replacements(self, txt: str, am: str, ind: int, char_array: list[str]) -> str:
        char = char_array[ind] if ind < len(char_array) else ""
        prepositive = self.lang.Abbreviation.PREPOSITIVE_ABBREVIATIONS
        abbreviation = am.strip()
        if not str(char).isupper() or abbreviation.lower() in prepositive:
            if abbreviation.lower() in prepositive:
                txt = _substituted(rf"(?<=\s{abbreviation})\.(?=(\s|:\d+))", txt)
            elif abbreviation.lower() in self.lang.Abbreviation.NUMBER_ABBREVIATIONS:
                txt = _substituted(rf"(?<=\s{abbreviation})\.(?=(\s\d|\s+\())", txt)
            else:
                txt = self.replace_period_of_abbr(txt, am)
        return txt

    def replace_period_of_abbr(self, txt: str, abbr: str) -> str:
        pattern = r"(?<=\s{abbr})\.(?=((\.|\:|-|\?|,)|(\s([a-z]|I\s|I'm|I'll|\d|\())))"
        return _substituted(pattern.format(abbr=re.escape(abbr.strip())), txt)


def _substituted(pattern: str, text: str) -> str:
    """The abbreviation's period replaced as pysbd does it (a space in front stands for the start)."""
    return str(_pattern(pattern).sub("\u222f", " " + text)[1:])


@lru_cache(maxsize=1)
def _stripped_abbreviations() -> tuple[str, ...]:
    return tuple(abbreviation.strip() for abbreviation in English.Abbreviation.ABBREVIATIONS)


class _English(English):
    AbbreviationReplacer = _AbbreviationReplacer


_THREAD_STATE = threading.local()


def _segmenter() -> pysbd.Segmenter:
    """This thread's segmenter. pysbd keeps the text it is splitting on the instance
    (``original_text``), so one instance shared by threads (the service's requests and its
    brief worker) gave one thread the spans of another's text, and sentences went missing."""
    segmenter: pysbd.Segmenter | None = getattr(_THREAD_STATE, "segmenter", None)
    if segmenter is None:
        segmenter = _THREAD_STATE.segmenter = _Segmenter()
    return segmenter


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph as pysbd sees them (stripped).

    pysbd's time grows with the square of its input (one 600 kB paragraph
    took 90 s), so a paragraph longer than any news paragraph goes to it in
    chunks cut at likely sentence ends.
    """
    chunks = [text] if len(text) <= PYSBD_WHOLE_CHARS else _chunks(text)
    return [s.strip() for chunk in chunks for s in _segmenter().segment(chunk) if s.strip()]


PYSBD_WHOLE_CHARS = 30_000  # the longest Multi-News paragraph is 26,415 characters
PYSBD_CHUNK_CHARS = 5_000
_LIKELY_END = re.compile(r"[.!?][\"'\u201d\u2019)]?\s+(?=[\"\u201c(]?[A-Z])")


def _chunks(text: str) -> Iterator[str]:
    start = 0
    while len(text) - start > PYSBD_CHUNK_CHARS:
        window = text[start : start + PYSBD_CHUNK_CHARS]
        ends = [m.end() for m in _LIKELY_END.finditer(window)]
        cut = ends[-1] if ends and ends[-1] > PYSBD_CHUNK_CHARS // 2 else window.rfind(" ") + 1
        if cut <= 0:  # one unbroken run of characters: cut anywhere
            cut = PYSBD_CHUNK_CHARS
        yield text[start : start + cut]
        start += cut
    yield text[start:]


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph.

    Blank-line separated blocks are paragraphs; when a block is made of
    several lines that each end a sentence, each line is its own paragraph.
    """
    for block in _PARAGRAPH.finditer(text):
        lines = list(_LINE.finditer(block.group()))
        if len(lines) > 1 and sum(_ends_sentence(m.group()) for m in lines) >= len(lines) - 1:
            for line in lines:
                yield block.start() + line.start(), block.start() + line.end()
            continue
        # A subhead line ("FOILING TESTS") is a paragraph of its own, not the start of the next sentence.
        start = block.start()
        for line in lines[:-1]:
            if _is_subhead(line.group()):
                if line.start() > 0:
                    yield start, block.start() + line.start() - 1
                yield block.start() + line.start(), block.start() + line.end()
                start = block.start() + line.end() + 1
        yield start, block.end()


# "FOILING TESTS", "REMEDIES: Taking Vitamin E, for Better or for Worse"
_SUBHEAD = re.compile(r"^(?:[^a-z]*[A-Z]{2}[^a-z]*|[A-Z][A-Z ]{2,30}: [A-Z].*)$")


def _is_subhead(line: str) -> bool:
    stripped = line.strip()
    return len(stripped.split()) <= 12 and not _ends_sentence(stripped) and bool(_SUBHEAD.match(stripped))


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", "!", "?", '"', "\u201d", "'", "\u2019", ":"))


def _locate(text: str, piece: str, cursor: int, limit: int) -> tuple[int, int] | None:
    """Find ``piece`` in ``text[cursor:limit]``, tolerating whitespace changes."""
    found = text.find(piece, cursor, limit)
    if found >= 0:
        return found, found + len(piece)
    pattern = r"\s+".join(re.escape(word) for word in piece.split())
    match = re.compile(pattern).search(text, cursor, limit)
    return (match.start(), match.end()) if match else None


def segment_article(article: Article) -> tuple[Sentence, ...]:
    text = article.text
    sentences: list[Sentence] = []
    # Line breaks inside a paragraph are wrapping, not sentence ends; replacing
    # them with spaces keeps every offset the same.
    flat = text.replace("\n", " ")
    for paragraph_index, (start, end) in enumerate(_paragraphs(text)):
        cursor = start
        for piece in split_sentences(flat[start:end]):
            span = _locate(flat, piece, cursor, end)
            if span is None:
                continue
            for s_start, s_end in _sentence_spans(text, *span):
                previous = sentences[-1] if sentences and sentences[-1].paragraph == paragraph_index else None
                if previous is not None:
                    previous_end, s_start = _belongs_to_previous(text, previous.end, s_start, s_end)
                    if previous_end != previous.end:
                        sentences[-1] = replace(
                            previous, end=previous_end, text=text[previous.start : previous_end]
                        )
                    if s_start >= s_end:
                        continue
                sentences.append(
                    Sentence(
                        article_id=article.id,
                        index=len(sentences),
                        paragraph=paragraph_index,
                        start=s_start,
                        end=s_end,
                        text=text[s_start:s_end],
                    )
                )
            cursor = span[1]
    return tuple(sentences)


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A pysbd sentence's span, split where sentences are glued, then where it is over-long."""
    for glued_start, glued_end in _split_at(_GLUED_END, text, start, end):
        for quoted_start, quoted_end in _split_at(_CLOSED_QUOTE_END, text, glued_start, glued_end):
            yield from _cut_long(text, quoted_start, quoted_end)


# Newswire in the LDC's format (AQUAINT, Gigaword, DUC) quotes ``like this'';
# pysbd does not see '' as a closing quote: it keeps ".'' Next sentence" in
# one piece, or starts the next piece with the closing quote.
_CLOSED_QUOTE_END = re.compile(r"(?<=[a-z0-9)]\.'')\s+(?=[A-Z])")
_CLOSING_QUOTE_START = re.compile(r"''(?=\s|$)")
# "told Microsoft Corp. Friday to ...": a company abbreviation ends no sentence before a weekday.
_COMPANY_ABBREVIATION_END = re.compile(r"(?<![A-Za-z])(?:Corp|Inc|Co|Cos|Ltd|Bros)\.$")
_CONTINUES_AFTER_ABBREVIATION = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[a-z])"
)

# "after 4:30 p.m. Thursday, was anticipating ...": news style dates a time with its day, so "p.m."
# before a day name (not a possessive: "8 p.m. Tuesday's turnout") ends no sentence.
_TIME_ABBREVIATION_END = re.compile(r"(?<![A-Za-z])[ap]\.m\.$")
_DAY_AFTER_TIME = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?![’']s)")


def _belongs_to_previous(text: str, previous_end: int, start: int, end: int) -> tuple[int, int]:
    """(new end of the previous sentence, new start of this one) when pysbd split too early.

    A leading closing quote goes back to the sentence it closes; a piece that
    continues a sentence cut after "Corp." or after "p.m." before a day name joins it whole.
    """
    if text[previous_end:start].strip():
        return previous_end, start
    if _CLOSING_QUOTE_START.match(text, start):
        quote_end = start + 2
        rest = quote_end
        while rest < end and text[rest].isspace():
            rest += 1
        return quote_end, rest
    # Only the previous sentence's last characters are read: searching its whole text would cost a pass per sentence.
    tail = text[max(0, previous_end - 8) : previous_end]
    if _COMPANY_ABBREVIATION_END.search(tail) and _CONTINUES_AFTER_ABBREVIATION.match(text[start:end]):
        return end, end
    if _TIME_ABBREVIATION_END.search(tail) and _DAY_AFTER_TIME.match(text[start:end]):
        return end, end
    return previous_end, start


# A sentence end with no space after it ("on Monday.The mayor"): scraped
# text often loses the space between paragraphs, and pysbd keeps both as one.
_GLUED_END = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?][\"\u201d])(?=[A-Z][a-z])")


def _split_at(boundary: re.Pattern[str], text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split a span at each match of ``boundary``; the matched text (a space, or nothing) is in no piece."""
    piece_start = start
    for match in boundary.finditer(text, start, end):
        yield piece_start, match.start()
        piece_start = match.end()
    yield piece_start, end


def _cut_long(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split an over-long span at line breaks or semicolons, else keep it."""
    if end - start <= MAX_SENTENCE_CHARS:
        yield start, end
        return
    piece_start = start
    for match in re.finditer(r"\n|; ", text[start:end]):
        cut = start + match.start()
        if cut - piece_start >= 40:
            yield from _strip_span(text, piece_start, cut + (1 if match.group() == "; " else 0))
            piece_start = cut + len(match.group())
    yield from _strip_span(text, piece_start, end)


def _strip_span(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def segment_story(story: Story) -> Story:
    """Stage: fill ``story.sentences`` for every article."""
    sentences = tuple(s for article in story.articles for s in segment_article(article))
    return replace(story, sentences=sentences)
