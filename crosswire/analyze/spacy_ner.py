"""spaCy's entity recogniser, stepped from Python with the GIL held: the same entities, less CPU.

spaCy's compiled greedy loop (``Parser.greedy_parse``) releases the GIL for the whole parse, but the
wheel's Cython code takes it back around every small function call inside the loop: each of the 74
NER moves' validity checks, for every state at every step, pays a ``PyGILState_Ensure`` /
``PyGILState_Release`` pair (a mutex lock, a condition signal and an unlock; perf on DUC
articles: a sixth to a quarter of the NER samples in ``pthread_mutex_lock`` and ``unlock`` under
``TransitionSystem.set_valid``). Held by the caller, the GIL makes each pair a counter update.

This component runs the same steps as ``greedy_parse`` through spaCy's own Python-level API
(``model.predict`` for the step model, ``transition_states`` for the moves): the same step model,
the same scores (the same blis kernels on the same rows) and the same move choice, so each Doc is
byte-identical to the original component's (tested). The parser is left as spaCy runs it:
stepped from Python it costs more than it saves (24 DUC article texts: 1.8-2.4 s CPU against 1.6;
its Python-level step, with 8 features, is dearer than NER's with 3).
"""

from __future__ import annotations

from typing import Any

HELD_GIL_NER = "crosswire_ner"


class HeldGilEntityRecognizer:
    """``EntityRecognizer.pipe`` and ``__call__`` with the transition loop stepped from Python."""

    def __init__(self, ner: Any) -> None:
        self.ner = ner

    def predict(self, docs: list[Any]) -> list[Any]:
        """The final parse states of ``docs``, as ``Parser.greedy_parse`` finds them."""
        from thinc.api import set_dropout_rate

        ner = self.ner
        if not any(len(doc) for doc in docs):
            return list(ner.moves.init_batch(docs))
        ner._ensure_labels_are_added(docs)
        set_dropout_rate(ner.model, 0.0)
        batch = ner.moves.init_batch(docs)
        step_model = ner.model.predict(docs)
        states = [state for state in batch if not state.is_final()]
        while states:
            scores = step_model.predict(states)  # C-contiguous float32, unseen moves at the minimum
            states = ner.transition_states(states, scores)
        step_model.clear_memory()
        return list(batch)

    def __call__(self, doc: Any) -> Any:
        self.ner.set_annotations([doc], self.predict([doc]))
        return doc

    def pipe(self, docs: Any, *, batch_size: int = 256) -> Any:
        """Docs in order, ``batch_size`` per step model: one batch steps all its Docs' states together
        (spaCy sorts a batch by length and steps a quarter of it, at least 2, at a time; each Doc's
        entities do not depend on the others in its batch, tested)."""
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            self.ner.set_annotations(batch, self.predict(batch))
            yield from batch


def register() -> None:
    from spacy.language import Language

    if not Language.has_factory(HELD_GIL_NER):
        Language.factory(HELD_GIL_NER, func=lambda nlp, name: HeldGilEntityRecognizer(nlp.get_pipe("ner")))


def use_held_gil_ner(nlp: Any) -> Any:
    """Run the pipeline's ``ner`` through ``HeldGilEntityRecognizer`` (in place; returns ``nlp``).
    The original stays in the pipeline, disabled, as the model. A pipeline without a transition-based
    ``ner`` keeps what it has."""
    from spacy.pipeline import EntityRecognizer

    if "ner" not in nlp.pipe_names or not isinstance(nlp.get_pipe("ner"), EntityRecognizer):
        return nlp
    if nlp.get_pipe("ner").cfg.get("beam_width", 1) != 1:  # a beam search is not the greedy loop
        return nlp
    register()
    nlp.add_pipe(HELD_GIL_NER, after="ner")
    nlp.disable_pipe("ner")
    return nlp
