"""Accusations told as reported speech: "police said the driver ran the light", "according to the
lawsuit, the firm hid the losses". The reporter is the claimant, the reported clause's subject the accused,
when the clause tells a wrong (split from ``attribution_statements``)."""

from __future__ import annotations

from typing import Any

from crosswire.analyze.attribution_cues import (
    ASSERTING_VERBS,
    MEDIA_NOUNS,
    REPORTING_VERBS,
    WRONGDOING,
    child_of,
    negated,
    subtree_text,
)
from crosswire.analyze.attribution_parties import Parties
from crosswire.analyze.claim_rules import (
    accused_name,
    conditions_of,
    counterfactual,
    operation_account,
    relaying_speaker,
    wrong_by_agent,
)
from crosswire.analyze.entities import clean_mention, fold

_NEGATIONS = frozenset({"not", "n't", "never", "nothing", "no", "nobody", "none"})


def reported_accusation(
    article: str, tokens: Any, parties: Parties, subject: Any
) -> tuple[str | None, str] | None:
    """ "The magazine claims that Humphries has been spotted partying", "Eichmann says the court
    overstated his role": (claimant, accused) when someone asserts something of another party (an
    asserting verb, or a reporting verb whose clause tells a wrong), read from the parse."""
    for verb in tokens:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or negated(verb) or lemma not in ASSERTING_VERBS | REPORTING_VERBS:
            continue
        clause = child_of(verb, "ccomp")
        if lemma in ("find", "rule", "show", "indicate") and clause is not None and not _tensed(clause):
            continue  # "Jurors found Dunn guilty", "a video shows King telling ...": no clause told
        speaker = relaying_speaker(verb, child_of(verb, "nsubj"))
        # "Le Monde said police believe that the suspect had tried to steal": the believer accuses.
        while (
            clause is not None
            and clause.lemma_.lower() in _BELIEF_VERBS
            and child_of(clause, "ccomp") is not None
        ):
            speaker = child_of(clause, "nsubj") or speaker
            clause = child_of(clause, "ccomp")
        agent = wrong_by_agent(clause)
        accused_token = agent or (child_of(clause, "nsubj", "nsubjpass") if clause is not None else None)
        if clause is None or accused_token is None or speaker is None:
            continue  # "..., insisting the President has them wrong": whose insistence is unclear
        if accused_token.pos_ == "PRON" and accused_token.lower_ not in ("he", "she"):
            continue  # "they", "it": too often not the party named last
        if operation_account(clause, accused_token):
            continue
        words = _wrong_words(clause, accused_token)
        denied = any(c.lower_ in _NEGATIONS for c in clause.children)  # "did nothing wrong"
        if denied and counterfactual(clause):
            continue  # "X would not have been able to kill 26 people without the rifle": no wrong of X's
        asserting = lemma in ASSERTING_VERBS or (lemma == "report" and speaker.lemma_.lower() in MEDIA_NOUNS)
        if not asserting and agent is None and (not words & WRONGDOING or denied):
            continue
        claimant = parties.of(article, speaker)
        accused = accused_name(article, accused_token, parties)
        if claimant and accused and fold(claimant) != fold(accused):
            return claimant, accused
    return _according_to_accusation(article, tokens, parties)


def _tensed(clause: Any) -> bool:
    """A clause with a tensed verb of its own ("a doctor was mistaken"), not "Dunn guilty"."""
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]  # not a clause inside it
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in (clause, *auxiliaries))


_BELIEF_VERBS = frozenset(
    {"believe", "think", "suspect", "say", "allege", "claim", "fear", "conclude", "confirm", "show", "find",
     "reveal", "indicate", "suggest"}
)  # fmt: skip


# What one fails at without doing wrong: to come back, to be found, to win.
_MISHAP = frozenset({"return", "come", "arrive", "appear", "show", "surface", "wake", "survive", "recover", "win",
                     "qualify", "finish", "reach"})  # fmt: skip


def _wrong_words(clause: Any, accused: Any | None = None) -> set[str]:
    """The clause's words that can tell a wrong, without those that tell none: a wrong the subject
    suffered ("felt threatened", "was attacked"), one negated ("plans to plead not guilty"), or one
    inside the accused's own phrase ("a boy wounded by a gunman who killed ... was recovering")."""
    words: set[str] = set()
    own = set(range(accused.left_edge.i, accused.right_edge.i + 1)) if accused is not None else set()
    own |= conditions_of(clause)
    for token in clause.subtree:
        if token.i in own:
            continue
        suffered = token.tag_ == "VBN" and (
            token.dep_ in ("acomp", "oprd", "xcomp") or any(c.dep_ == "auxpass" for c in token.children)
        )
        before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
        if suffered or before in _NEGATIONS or any(c.dep_ == "neg" for c in token.children):
            continue
        if token.pos_ == "PROPN":
            continue  # "a 2010 FSU Criminal Justice graduate": a word of a name tells no wrong
        if token.lemma_.lower() == "fail" and _MISHAP.intersection(c.lemma_.lower() for c in token.children):
            continue  # "after failing to return from a swim": a mishap, no wrong done
        words |= {token.lemma_.lower(), token.lower_}
    return words


def _according_to_accusation(article: str, tokens: Any, parties: Parties) -> tuple[str, str] | None:
    """ "The Bay Park complex has a 'chronic problem' with its elevators, according to complaints":
    a wrong told of a party, on someone's word."""
    root = next((t for t in tokens if t.dep_ == "ROOT"), None)
    if root is None or negated(root):
        return None
    according = next((c for c in root.children if c.lower_ == "according"), None)
    to = child_of(according, "prep") if according is not None else None
    source = child_of(to, "pobj") if to is not None else None
    accused_token = child_of(root, "nsubj", "nsubjpass")
    if according is None or source is None or accused_token is None or accused_token.pos_ == "PRON":
        return None
    aside = range(according.left_edge.i, according.right_edge.i + 1)
    said = {t.lemma_.lower() for t in root.subtree if t.i not in aside}
    if not said & WRONGDOING:
        return None
    claimant = clean_mention(subtree_text(source))
    accused = parties.names(article, accused_token)
    if claimant and accused and fold(claimant) != fold(accused):
        return claimant, accused
    return None
