"""Cosine thresholds set on MiniLM, read on the scale of the embedder in use.

The analysis's thresholds (facts 0.74, claims 0.72 and 0.45, figures 0.6 / 0.75 / 0.8, timeline 0.55
/ 0.65 / 0.8, off-topic articles 0.5 / 0.6) were set on all-MiniLM-L6-v2. Another embedder spreads
cosines differently: WordLlama's static vectors give a paraphrase a lower cosine than MiniLM does.
An embedder may carry ``cosine_scale``, for each kind of text compared ("sentence", "label" for
figure labels, "centroid" for article mean vectors) pairs (MiniLM cosine, its own cosine) at equal
shares of pairs, measured on unlabelled stories (docs/static-encoding.md); a MiniLM threshold is read
off that table by linear interpolation. Without a table (MiniLM itself) a threshold is unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

Scale = Mapping[str, Sequence[tuple[float, float]]]


def on_scale(minilm_cosine: float, embedder: object, kind: str = "sentence") -> float:
    """The cosine of ``embedder`` that sits where ``minilm_cosine`` sits on MiniLM's scale."""
    scales: Scale = getattr(embedder, "cosine_scale", None) or {}
    table = scales.get(kind)
    if not table:
        return minilm_cosine
    xs, ys = zip(*table, strict=True)
    return float(np.interp(minilm_cosine, xs, ys))
