"""Scores of a predicted story clustering against gold stories.

B-cubed (Bagga and Baldwin 1998; Amigó et al. 2009) is computed per item:
an item's precision is the share of its predicted story that shares its gold
story, its recall the share of its gold story that shares its predicted
story; both are averaged over items, and F1 is their harmonic mean. A
singleton prediction has precision 1, so junk pages left alone cost only
recall where they had gold company. NMI (arithmetic normalisation, which is
V-measure) and ARI are scikit-learn's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from typing import Any


def bcubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``predicted`` against ``gold``, item by item."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted")
    n = len(gold)
    if n == 0:
        raise ValueError("no items to score")
    cells = Counter(zip(gold, predicted, strict=True))
    gold_sizes = Counter(gold)
    predicted_sizes = Counter(predicted)
    # Every item of a (gold, predicted) cell of size c has precision c/|predicted| and recall c/|gold|.
    precision = sum(c * c / predicted_sizes[p] for (_, p), c in cells.items()) / n
    recall = sum(c * c / gold_sizes[g] for (g, _), c in cells.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def clustering_scores(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> dict[str, Any]:
    """B-cubed P/R/F1, NMI, ARI and story counts, rounded to four places."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    precision, recall, f1 = bcubed(gold, predicted)
    gold_ids = [str(g) for g in gold]
    predicted_ids = [str(p) for p in predicted]
    return {
        "bcubed_precision": round(precision, 4),
        "bcubed_recall": round(recall, 4),
        "bcubed_f1": round(f1, 4),
        "nmi": round(float(normalized_mutual_info_score(gold_ids, predicted_ids)), 4),
        "ari": round(float(adjusted_rand_score(gold_ids, predicted_ids)), 4),
        "predicted": len(set(predicted_ids)),
        "gold": len(set(gold_ids)),
        "n": len(gold_ids),
    }
