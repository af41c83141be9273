"""Lead bias: news puts the gist first, in every outlet."""

from __future__ import annotations

import numpy as np

from crosswire.summarize.features import SentenceTable


class PositionScorer:
    names = (
        "position",
        "position_log",
        "position_relative",
        "is_first",
        "is_lead3",
        "paragraph",
        "article_order",
        "article_sentences",
        "article_count",
    )

    def columns(self, table: SentenceTable) -> np.ndarray:
        position = table.position.astype(np.float32)
        length = np.maximum(table.article_length, 1).astype(np.float32)
        paragraphs = np.array([s.paragraph for s in table.sentences], dtype=np.float32)
        # The first kept (non-junk) sentence of an article is its real lead.
        rank_in_article = table.rank_in_article().astype(np.float32)
        first_kept = (rank_in_article == 0).astype(np.float32)
        return np.column_stack(
            [
                rank_in_article,
                np.log1p(position),
                position / length,
                first_kept,
                (rank_in_article < 3).astype(np.float32),
                np.log1p(paragraphs),
                table.article_index / max(table.article_count, 1),
                np.log1p(length),
                np.full(table.size, np.log1p(table.article_count), dtype=np.float32),
            ]
        )
