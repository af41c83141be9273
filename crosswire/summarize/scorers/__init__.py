"""Sentence scorers, one per file (rating is kept apart from selection, as in sumy).

``FEATURE_SCORERS`` produce the columns the supervised model is trained on;
``QueryScorer`` is mixed in at run time when a query is given.
"""

from __future__ import annotations

from crosswire.summarize.scorers.base import Scorer, rank_normalise
from crosswire.summarize.scorers.centrality import CentralityScorer
from crosswire.summarize.scorers.centroid import CentroidScorer
from crosswire.summarize.scorers.corroboration import CorroborationScorer
from crosswire.summarize.scorers.entities import EntityScorer
from crosswire.summarize.scorers.length import LengthScorer
from crosswire.summarize.scorers.position import PositionScorer
from crosswire.summarize.scorers.query import QueryScorer
from crosswire.summarize.scorers.supervised import SupervisedScorer

FEATURE_SCORERS: tuple[Scorer, ...] = (
    PositionScorer(),
    LengthScorer(),
    CentralityScorer(),
    CentroidScorer(),
    CorroborationScorer(),
    EntityScorer(),
)

__all__ = [
    "FEATURE_SCORERS",
    "CentralityScorer",
    "CentroidScorer",
    "CorroborationScorer",
    "EntityScorer",
    "LengthScorer",
    "PositionScorer",
    "QueryScorer",
    "Scorer",
    "SupervisedScorer",
    "rank_normalise",
]
