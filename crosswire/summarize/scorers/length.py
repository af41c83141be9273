"""Length: very short and very long sentences rarely summarise well."""

from __future__ import annotations

import numpy as np

from crosswire.summarize.features import SentenceTable


class LengthScorer:
    names = ("words", "content_share", "ends_cleanly")

    def columns(self, table: SentenceTable) -> np.ndarray:
        rows = []
        for sentence, stems in zip(table.sentences, table.stems, strict=True):
            words = max(len(sentence.text.split()), 1)
            rows.append([words, len(stems) / words, float(sentence.text.rstrip()[-1:] in '.!?"\u201d')])
        return np.array(rows, dtype=np.float32).reshape(table.size, len(self.names))
