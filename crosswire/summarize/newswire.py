"""Short briefs of classic newswire: the budget switch to the newswire sentence model, and its training.

The shipped sentence model (``models/sentence_scorer.*``) learned from
Multi-News, whose references are ~260-word abstracts of web news. At 100
words on classic newswire (DUC) it rated the sentences poorly: out of fold,
a model of the same features trained on DUC 2006 and DUC 2007 update set A
(generic, queries ignored) scored R2 recall 5.01 / 10.99 at 100 words
against the Multi-News model's 3.55 / 9.42 (BENCHMARKS.md, issue 17). So a
Summarizer whose budget is at most ``NEWSWIRE_MAX_WORDS`` words and that is
given no model of its own scores with ``models/newswire_scorer.*`` (sentence
model, word priors and concept model, trained as ``crosswire train --model
newswire`` trains them); longer briefs keep the Multi-News model. When the
newswire model is missing, short briefs use the Multi-News model.

Training data: DUC 2006 (all 50 topics) and DUC 2007 update set A (10
topics), never sets B/C (they are the update evaluation) nor Multi-News
test.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from crosswire.summarize.novelty import UpdateSettings
from crosswire.summarize.scorers.supervised import MODEL_DIR

if TYPE_CHECKING:
    from crosswire.evaluate.datasets import EvalCluster

NEWSWIRE_MAX_WORDS = 150  # budgets up to this use the newswire model (DUC's 100 words; Multi-News is 250)
NEWSWIRE_MODEL_FILE = MODEL_DIR / "newswire_scorer.txt"
NEWSWIRE_WORDS = 100  # the budget the model is cross-validated at
# Query and update briefs (h-update2, docs/experiments.md; decided on DUC 2007 set A out of fold and the
# DUC 2006 simulated update together, never on sets B/C): the concept ILP with the sentence scores at
# weight 0.5, and the bigrams the reader has seen at full weight (only the seen-sentence discount acts).
QUERY_PROGRAM = 0.5
SEEN_CONCEPT_SHARE = 1.0


@dataclass(frozen=True)
class NewswireSettings:
    """How a brief of at most ``NEWSWIRE_MAX_WORDS`` words selects (four or five sentences of newswire).

    Decided out of fold on DUC 2006 and DUC 2007 update set A (generic and
    with their queries) and, for update mode, on the simulated update of
    DUC 2006 (``evaluate/update_proxy.py``); never on DUC 2007 sets B/C.
    See docs/experiments.md, branch h-update.
    """

    concept_program: float | None = 1.0  # generic briefs: the concept ILP's score weight (None: greedy)
    query_concept_weight: float = 0.5  # with a query: the concept gain's weight, not shrunk by the query's
    query_program: float | None = QUERY_PROGRAM  # with a query: the concept ILP's score weight (None: greedy)
    update: UpdateSettings = field(default_factory=lambda: UpdateSettings(seen_concept_share=SEEN_CONCEPT_SHARE))


def model_for_budget(words: int, model_path: str | None = None) -> str | None:
    """The sentence model a Summarizer of ``words`` uses: the given one, else the newswire model for short briefs.

    ``None`` means the default (Multi-News) model.
    """
    if model_path is not None:
        return model_path
    if words <= NEWSWIRE_MAX_WORDS and NEWSWIRE_MODEL_FILE.is_file():
        return str(NEWSWIRE_MODEL_FILE)
    return None


def newswire_files(data_dir: str | Path) -> tuple[Path, Path]:
    """DUC 2006 and DUC 2007 update test files under ``data_dir``."""
    from crosswire.evaluate.datasets import data_file

    return (
        data_file(data_dir, "duc2006", "test.jsonl"),
        data_file(data_dir, "duc2007_update", "test.jsonl"),
    )


def newswire_clusters(data_dir: str | Path) -> tuple[EvalCluster, ...]:
    """The training clusters: DUC 2006 and DUC 2007 update set A, without their queries."""
    from crosswire.evaluate.datasets import load_duc2006, load_duc2007_update

    duc2006, duc2007 = newswire_files(data_dir)
    clusters = (*load_duc2006(duc2006), *(c for c in load_duc2007_update(duc2007) if c.update_set == "A"))
    return tuple(replace(c, query=None, since_documents=()) for c in clusters)


def train_newswire_model(
    data_dir: str | Path, out_path: str | Path = NEWSWIRE_MODEL_FILE, seed: int = 13
) -> dict[str, float]:
    """Train the newswire sentence and concept models on ``newswire_clusters`` and write them to ``out_path``.

    The metrics' ``cv_*`` are out-of-fold ROUGE of 100-word briefs cut at 100 words.
    """
    from crosswire.summarize.train import train_model

    return train_model(
        newswire_files(data_dir), out_path, seed, clusters=newswire_clusters(data_dir), words=NEWSWIRE_WORDS
    )
