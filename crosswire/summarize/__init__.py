"""Extractive, cited summaries of a story (rating kept apart from selection, after sumy).

``Summarizer(words=..., query=..., embedder=...).summarize(story, since=None)``
returns a ``Brief``. Pieces: ``junk`` (sentences never worth printing),
``features`` (the per-story sentence table), ``scorers/`` (one scorer per
file, combined by a trained model), ``concepts`` (learned bigram weights
for coverage), ``selector`` (budget, redundancy, coverage, reading order),
``compress`` (deletion-only compression), ``train``.
"""

from __future__ import annotations

from crosswire.summarize.compress import Compressor, compress
from crosswire.summarize.selector import Selector
from crosswire.summarize.summarizer import Summarizer, UpdateSettings

__all__ = ["Compressor", "Selector", "Summarizer", "UpdateSettings", "compress"]
