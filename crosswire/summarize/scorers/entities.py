"""Names, numbers, quotes and attribution: what facts look like on the surface."""

from __future__ import annotations

import re

import numpy as np

from crosswire.summarize.features import SentenceTable

_CAPITALISED = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")
_NUMBER = re.compile(r"\d")
_QUOTE = re.compile(r"[\"\u201c\u201d]")
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to|reported|announced|added)\b", re.IGNORECASE)
_PRONOUN_START = re.compile(r"^(?:He|She|It|They|This|That|These|Those|But|And|Also|However|Still)\b")


class EntityScorer:
    names = (
        "capitalised_share",
        "number_count",
        "quote_marks",
        "starts_with_quote",
        "attribution",
        "pronoun_start",
    )

    def columns(self, table: SentenceTable) -> np.ndarray:
        rows = []
        for sentence in table.sentences:
            text = sentence.text
            words = max(len(text.split()), 1)
            rows.append(
                [
                    len(_CAPITALISED.findall(text)) / words,
                    min(len(_NUMBER.findall(text)), 10),
                    len(_QUOTE.findall(text)),
                    float(text.lstrip()[:1] in "\"\u201c'"),
                    float(bool(_ATTRIBUTION.search(text))),
                    float(bool(_PRONOUN_START.match(text.lstrip()))),
                ]
            )
        return np.array(rows, dtype=np.float32).reshape(table.size, len(self.names))
