"""Selection: pick scored sentences under a word budget, without repeating content.

Greedy maximal marginal relevance: at each step take the candidate with the
best ``score - redundancy * max cosine to what is already chosen`` that still
fits the budget; near-copies of chosen sentences are never taken. With a
``Coverage`` of weighted concepts (``concepts.py``), ``concept_weight`` times
the weight of the concepts a candidate would newly cover (scaled by the best
such weight at the start) is added to that value. Skipping
what does not fit and going on fills the budget tightly. With
``cross_budget`` the best remaining candidate is then added although it runs
past the budget: for scoring that cuts every summary at the budget (DUC),
where the words up to the cut would otherwise be left empty. The chosen
sentences are then ordered for reading (``arrange.py``): by article date, then article
order, then position in the article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from crosswire.summarize.concepts import Coverage
from crosswire.summarize.restate import Restatements


@dataclass(frozen=True)
class Selector:
    words: int = 250
    redundancy: float = 0.7  # weight of the max cosine to already-chosen sentences
    duplicate_cosine: float = 0.8  # at or above this a candidate repeats a chosen sentence
    min_score: float = float("-inf")  # candidates scoring below this are never taken
    cross_budget: bool = False  # end on one sentence past the budget (for scoring that truncates there)
    concept_weight: float = 0.2  # weight of newly covered concepts, when a Coverage is given
    name_weight: float = 0.0  # weight of newly named widely reported names (``names.py``), when given
    ilp_score_weight: float | None = (
        None  # set: concepts chosen by program (``concept_select.py``), then filled
    )

    def select(
        self,
        scores: np.ndarray,
        lengths: Sequence[int],
        similarity: np.ndarray,
        *,
        excluded: np.ndarray | None = None,
        coverage: Coverage | None = None,
        rules: ReaderRules | None = None,
        names: Coverage | None = None,
    ) -> list[int]:
        """Indices of the chosen candidates, in the order they were chosen.

        ``scores`` are rank-normalised or otherwise on a [0, 1]-like scale;
        ``lengths`` are word counts of the texts that will be printed;
        ``rules`` (optional) add what a reader needs (see ``ReaderRules``);
        ``names`` (optional) the widely reported names each candidate prints.
        """
        n = len(lengths)
        available = np.ones(n, dtype=bool) if excluded is None else ~excluded
        available &= np.asarray(scores) >= self.min_score
        closest = np.zeros(n, dtype=np.float32)  # max cosine to anything chosen so far
        chosen: list[int] = []
        remaining = self.words
        sizes = np.asarray(lengths)
        concepts = coverage if coverage is not None and self.concept_weight > 0 else None
        covered = concepts.covered if concepts is not None else np.zeros(0, dtype=bool)
        gain_scale = _gain_scale(concepts, self.concept_weight)
        names = names if names is not None and self.name_weight > 0 else None
        named = names.covered if names is not None else np.zeros(0, dtype=bool)
        name_scale = _gain_scale(names, self.name_weight)
        state = _RuleState(rules, n) if rules is not None else None
        for pick in self._program(scores, sizes, similarity, available, concepts, rules):
            chosen.append(pick)
            remaining -= int(sizes[pick])
            available[pick] = False
            closest = np.maximum(closest, similarity[pick])
            if state is not None:
                state.opened = True  # the program chose the brief; the opener rule is the greedy's
                available &= state.take(pick)
            if concepts is not None:
                covered = concepts.union(covered, pick)
        if chosen:
            available &= closest < self.duplicate_cosine
        while remaining > 0:
            allowed = available if state is None else available & state.allowed(available)
            need = sizes if state is None else state.chain_sizes(sizes)
            fits = allowed & (need <= remaining) & (sizes > 0)
            last = False
            if not fits.any():
                fits = allowed & (sizes > 0)
                last = True
                if not (self.cross_budget and fits.any()):
                    break
            value = scores - self.redundancy * closest
            if concepts is not None:
                value = value + gain_scale * concepts.gains(covered)
            if names is not None:
                value = value + name_scale * names.gains(named)
            best = _best_fit(value, fits, sizes, state)
            for pick in state.chain(best) if state is not None else [best]:
                chosen.append(pick)
                remaining -= int(sizes[pick])
                available[pick] = False
                closest = np.maximum(closest, similarity[pick])
                if state is not None:
                    available &= state.take(pick)
                if concepts is not None:
                    covered = concepts.union(covered, pick)
                if names is not None:
                    named = names.union(named, pick)
            if last:
                break
            available &= closest < self.duplicate_cosine
        return chosen

    def _program(
        self,
        scores: np.ndarray,
        sizes: np.ndarray,
        similarity: np.ndarray,
        available: np.ndarray,
        concepts: Coverage | None,
        rules: ReaderRules | None,
    ) -> list[int]:
        """The concept program's choice (``concept_select.py``) when it is on; the greedy fills what is left."""
        if self.ilp_score_weight is None or concepts is None:
            return []
        from crosswire.summarize.concept_select import ilp_select

        return ilp_select(
            scores,
            sizes.tolist(),
            similarity,
            concepts,
            words=self.words,
            score_weight=self.ilp_score_weight,
            available=available.copy(),
            duplicate_cosine=self.duplicate_cosine,
            rules=rules,
        )


def _gain_scale(coverage: Coverage | None, weight: float) -> float:
    """Gains are scaled so the best opening gain weighs ``weight``, as scores peak at 1."""
    if coverage is None:
        return 0.0
    return weight / max(float(coverage.gains(coverage.covered).max(initial=0.0)), 1e-9)


@dataclass(frozen=True)
class ReaderRules:
    """What a reader needs of a selection, beside importance and novelty.

    - ``opener``: the candidate taken first (the main news).
    - ``requires[i]``: -1 when candidate i reads on its own; else the
      candidate it leans on (its article's previous sentence), which must be
      chosen before it; -2 when it can never be taken.
    - ``groups``: each candidate's development; while the budget allows, the
      best candidate of each development not yet covered is taken first.
    - ``speakers``: who each candidate quotes ("" for nobody); at most
      ``max_per_speaker`` sentences each.
    - ``quote_words``: the words of each candidate that sit in direct quotes;
      at most ``max_quote_words`` in all.
    - ``same_fact[i, j]``: candidate j restates candidate i (redundancy by
      meaning, beyond word overlap); once i is chosen, j is not taken.
    - ``restatements``: a candidate close to a chosen one whose every number and name some chosen
      sentence already has is not taken (``restate.Restatements``; built fresh for each selection).
    """

    opener: int | None = None
    requires: Sequence[int] | None = None
    groups: Sequence[int] | None = None
    speakers: Sequence[str] | None = None
    max_per_speaker: int = 3
    max_quotes_per_speaker: int | None = None  # of those, sentences with a direct quote
    quote_words: Sequence[int] | None = None
    max_quote_words: int | None = None
    same_fact: np.ndarray | None = None  # (n, n) bool: candidate j says nothing candidate i has not
    restatements: Restatements | None = None


MAX_CHAIN = 3  # a sentence and up to two before it in its article


class _RuleState:
    def __init__(self, rules: ReaderRules, n: int) -> None:
        self.rules = rules
        self.requires = np.asarray(rules.requires if rules.requires is not None else [-1] * n)
        self.groups = np.asarray(rules.groups if rules.groups is not None else [0] * n)
        self.uncovered = set(self.groups.tolist()) if len(set(self.groups.tolist())) > 1 else set()
        self.said: dict[str, int] = {}
        self.quotes_by: dict[str, int] = {}
        self.quoted = 0
        self.quote_words = np.asarray(rules.quote_words if rules.quote_words is not None else [0] * n)
        self.taken = np.zeros(n, dtype=bool)
        self.opened = rules.opener is None

    def chain(self, row: int) -> list[int]:
        """``row`` after the sentences it leans on that are not chosen yet (earliest first)."""
        picks = [row]
        while self.requires[picks[0]] >= 0 and not self.taken[self.requires[picks[0]]]:
            picks.insert(0, int(self.requires[picks[0]]))
        return picks

    def chain_sizes(self, sizes: np.ndarray) -> np.ndarray:
        """Words each candidate costs with the sentences it would bring along."""
        need = sizes.copy()
        row = np.arange(len(sizes))
        for _ in range(MAX_CHAIN - 1):
            before = self.requires[row]
            pending = (before >= 0) & ~self.taken[np.clip(before, 0, None)]
            if not pending.any():
                break
            row = np.where(pending, before, row)
            need = need + np.where(pending, sizes[row], 0)
        return need

    def chain_values(self, value: np.ndarray, sizes: np.ndarray) -> np.ndarray:
        """A candidate that brings its previous sentence along is worth the pair's mean value per word."""
        before = np.clip(self.requires, 0, None)
        pending = (self.requires >= 0) & ~self.taken[before]
        if not pending.any():
            return value
        paired = (value * sizes + value[before] * sizes[before]) / np.maximum(sizes + sizes[before], 1)
        return np.where(pending, paired, value)

    def allowed(self, available: np.ndarray) -> np.ndarray:
        """Candidates whose context is chosen or can come along (at most ``MAX_CHAIN`` sentences in all)."""
        requires = self.requires
        ok = requires == -1
        ok |= (requires >= 0) & self.taken[np.clip(requires, 0, None)]
        # One step back: the previous sentence may come along when it is available and reads on its own,
        # or leans on a sentence already chosen or available itself.
        before = np.clip(requires, 0, None)
        before_ok = available[before] & (
            (requires[before] == -1)
            | ((requires[before] >= 0) & self.taken[np.clip(requires[before], 0, None)])
            | (
                (requires[before] >= 0)
                & available[np.clip(requires[before], 0, None)]
                & (requires[np.clip(requires[before], 0, None)] == -1)
            )
        )
        ok |= (requires >= 0) & before_ok
        if self.rules.max_quote_words is not None:
            ok &= (self.quote_words == 0) | (self.quoted + self.quote_words <= self.rules.max_quote_words)
        return ok

    def forced(self, fits: np.ndarray) -> int | None:
        """The opener first, then (while they fit) one candidate of each development not yet covered."""
        if not self.opened:
            self.opened = True
            opener = self.rules.opener
            if opener is not None and fits[opener]:
                return opener
        return None

    def uncovered_mask(self) -> np.ndarray:
        return np.isin(self.groups, list(self.uncovered))

    def take(self, row: int) -> np.ndarray:
        """Record ``row`` as chosen; the mask of candidates still available under the speaker rule."""
        self.taken[row] = True
        self.uncovered.discard(int(self.groups[row]))
        same_fact = self.rules.same_fact
        self.quoted += int(self.quote_words[row])
        keep = np.ones(len(self.taken), dtype=bool) if same_fact is None else ~same_fact[row]
        if self.rules.restatements is not None:
            keep &= ~self.rules.restatements.of_chosen(np.flatnonzero(self.taken))
        speakers = self.rules.speakers
        if speakers is not None and speakers[row]:
            speaker = speakers[row]
            others = np.array([s != speaker for s in speakers], dtype=bool)
            self.said[speaker] = self.said.get(speaker, 0) + 1
            if self.said[speaker] >= self.rules.max_per_speaker:
                keep &= others
            cap = self.rules.max_quotes_per_speaker
            if cap is not None and self.quote_words[row] > 0:
                self.quotes_by[speaker] = self.quotes_by.get(speaker, 0) + 1
                if self.quotes_by[speaker] >= cap:
                    keep &= others | (self.quote_words == 0)
        return keep


def _best_fit(value: np.ndarray, fits: np.ndarray, sizes: np.ndarray, state: _RuleState | None) -> int:
    """The next candidate: the rules' forced pick, else the best-valued one that fits (the first of an
    uncovered development while one is left)."""
    if state is not None:
        value = state.chain_values(value, sizes)
    value = np.where(fits, value, -np.inf)
    forced = state.forced(fits) if state is not None else None
    if forced is not None:
        return int(forced)
    if state is not None and state.uncovered:
        first_of_new = fits & state.uncovered_mask()
        if first_of_new.any():
            value = np.where(first_of_new, value, -np.inf)
    return int(np.argmax(value))
