"""Memoised stand-ins for spaCy's two rule components, with the same output.

en_core_web_sm's attribute ruler and rule lemmatizer do their work in Python, token by token (a
Span, a MorphAnalysis and a few strings per token): 2.6 s of the 10 s that spaCy spends on 25 DUC
articles, more than its parser. What they write is a function of a few attributes of each token, so
each distinct key is worked out once (by the original component, so the rules stay spaCy's) and
then only looked up. The originals stay in the pipeline, disabled, as the source of the rules.

- attribute ruler: a pattern of one token matches on that token's LOWER, TAG, DEP and IS_SPACE
  alone, so its matches are memoised by those four values (found by the ruler's own Matcher on
  the one-token span); the few patterns of two tokens ("gon na", "let 's") still run through a
  Matcher of their own over the whole Doc. Matches apply in the ruler's order (later rules win).
- lemmatizer: spaCy's rule lemmatizer already caches by (ORTH, POS, MORPH); the memo does the
  same over the Doc's arrays, so only tokens of a new key meet the Python rules.
"""

from __future__ import annotations

from typing import Any

import numpy as np

MEMO_RULER = "crosswire_attribute_ruler"
MEMO_LEMMATIZER = "crosswire_lemmatizer"
MEMO_LIMIT = 200_000  # distinct keys kept per component before the memo starts again


class _Memoised:
    memo: dict[Any, Any]

    def _table(self, doc: Any, attributes: list[int]) -> np.ndarray | None:
        """The Doc's ``attributes`` per token (None for an empty Doc); a full memo starts again."""
        if not len(doc):
            return None
        if len(self.memo) > MEMO_LIMIT:
            self.memo.clear()
        return np.asarray(doc.to_array(attributes))


class MemoAttributeRuler(_Memoised):
    """``AttributeRuler.__call__`` with the matches of one-token patterns memoised by token key."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        self.single = Matcher(ruler.vocab, validate=False)
        self.multi = Matcher(ruler.vocab, validate=False)
        for key in ruler.matcher._patterns:  # patterns are kept by the key of their rule
            name = ruler.vocab.strings[key]
            for pattern in ruler.matcher.get(key)[1]:
                (self.single if len(pattern) == 1 else self.multi).add(name, [pattern])
        self.memo: dict[tuple[int, ...], tuple[int, ...]] = {}

    def _rules_of(self, doc: Any, index: int) -> tuple[int, ...]:
        found = self.single(doc[index : index + 1], allow_missing=True, as_spans=False)
        return tuple(sorted({int(self.ruler.vocab.strings[match_id]) for match_id, _, _ in found}))

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        keys = self._table(doc, [LOWER, TAG, DEP, IS_SPACE])
        if keys is None:
            return doc
        rules: list[tuple[int, ...]] = []
        for index, row in enumerate(keys.tolist()):
            key = tuple(row)
            found = self.memo.get(key)
            if found is None:
                found = self.memo[key] = self._rules_of(doc, index)
            rules.append(found)
        for match_id, start, end in self.multi(doc, allow_missing=True, as_spans=False):
            rule = int(self.ruler.vocab.strings[match_id])
            target = range(start, end)[self.ruler.indices[rule]]
            rules[target] = tuple(sorted(set(rules[target]) | {rule}))
        # Every token's rules are found before any is applied: the ruler matches on the attributes
        # the Doc had before it ran, and a later rule overrides an earlier one's attribute.
        merged: dict[tuple[int, ...], dict[Any, Any]] = {}
        for index, found in enumerate(rules):
            if not found:
                continue
            attrs = merged.get(found)
            if attrs is None:
                attrs = merged[found] = {}
                for rule in found:
                    attrs.update(self.ruler.attrs[rule])
            set_token_attrs(doc[index], attrs)
        return doc


class MemoLemmatizer(_Memoised):
    """``Lemmatizer.__call__`` (rule mode, no overwrite) with its lemmas memoised by key."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        table = self._table(doc, [ORTH, POS, MORPH, LEMMA])
        if table is None:
            return doc
        lemmas = table[:, 3].copy()
        strings = doc.vocab.strings
        for index in np.flatnonzero(lemmas == 0).tolist():  # a lemma the ruler set stays
            key = (int(table[index, 0]), int(table[index, 1]), int(table[index, 2]))
            lemma = self.memo.get(key)
            if lemma is None:
                lemma = self.memo[key] = strings.add(self.lemmatizer.lemmatize(doc[index])[0])
            lemmas[index] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def register() -> None:
    """The two factories, registered once per process."""
    from spacy.language import Language

    if not Language.has_factory(MEMO_RULER):
        Language.factory(
            MEMO_RULER, func=lambda nlp, name: MemoAttributeRuler(nlp.get_pipe("attribute_ruler"))
        )
    if not Language.has_factory(MEMO_LEMMATIZER):
        Language.factory(MEMO_LEMMATIZER, func=lambda nlp, name: MemoLemmatizer(nlp.get_pipe("lemmatizer")))


def use_memo_rules(nlp: Any) -> Any:
    """Swap in the memoised components (in place; returns ``nlp``). A pipeline without a rule
    lemmatizer or an attribute ruler keeps what it has."""
    register()
    names = nlp.pipe_names
    if "attribute_ruler" in names:
        nlp.add_pipe(MEMO_RULER, after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in names else None
    if lemmatizer is not None and lemmatizer.mode == "rule" and not lemmatizer.overwrite:
        nlp.add_pipe(MEMO_LEMMATIZER, after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    return nlp
