"""The shared word helpers, as the summarizer's modules import them."""

from crosswire.text import STOP_WORDS, content_stems, stems, words

__all__ = ["STOP_WORDS", "content_stems", "stems", "words"]
