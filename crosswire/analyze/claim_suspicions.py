"""Charges told as suspicion or questioning, read from the parse: who suspects whom of what.

- "police arrested a man suspected of planning an attack", "Hale is suspected in the killing": the one
  suspected (the noun the participle describes, or the passive subject) is the accused;
- "his family suspected the boy's mother was behind it": the subject suspects the clause's subject;
- "police arrested Hale on suspicion of theft", "The arrests were made on suspicion of battery" (the
  arrested party of the sentence before): the one arrested is the accused;
- "Hale was questioned over the murder": questioning about a crime accuses the one questioned.

- "He was fired from Twitter for poor management", "Its facility was closed for failing to follow its
  safety plan": a penalty given for a reason charges the one penalised with it; the one who penalised
  ("from Twitter", the subject of "Twitter fired him") is the accuser.

The accuser is the one who suspects, else the sentence's source ("the interior minister said"), else
nobody named. A suspect told only as "a man" or "the 24-year-old student" is nobody named: the claim
stands with its accused unnamed rather than against "man".
"""

from __future__ import annotations

from typing import Any

from crosswire.analyze.attribution_cues import WRONGDOING, child_of, negated
from crosswire.analyze.attribution_parties import Parties
from crosswire.analyze.claim_parties import party_like, same
from crosswire.analyze.claim_rules import HARMS, reported_by
from crosswire.model import Sentence

_DETAINING = frozenset({"arrest", "detain", "hold", "jail", "charge", "book", "question"})
_QUESTIONING = frozenset({"question", "interrogate"})
_QUESTIONED_OVER = frozenset({"over", "about", "in", "on"})
_ARRESTS = frozenset({"arrest", "detention"})


def _described_suspect(article: str, token: Any, parties: Parties) -> str | None:
    """The suspect's name; None for a pronoun or a bare description ("a man", "the 24-year-old
    student"): whom it stands for is told elsewhere. "the boy's mother" names her by her tie."""
    if token.pos_ == "PRON" and token.lower_ not in ("he", "she"):
        return None
    if token.pos_ == "NOUN" and child_of(token, "poss") is None:
        return None
    name = parties.names(article, token)
    return name if party_like(name) else None


def _suspected_one(verb: Any) -> Any | None:
    """ "a man suspected of planning", "Hale was suspected in the killing": the one suspected."""
    if verb.lemma_.lower() != "suspect" or verb.tag_ != "VBN" or negated(verb):
        return None
    if not any(c.dep_ == "prep" and c.lower_ in ("of", "in") for c in verb.children):
        return None
    subject = child_of(verb, "nsubjpass")
    if subject is not None and not (subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl"):
        return subject
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _crime(noun: Any | None) -> bool:
    """A noun naming a crime or harm ("the murder", "spousal battery", "theft")."""
    if noun is None:
        return False
    lemma = noun.lemma_.lower()
    return lemma in HARMS or lemma in WRONGDOING or lemma in _CRIMES


_CRIMES = frozenset(
    {"battery", "theft", "robbery", "burglary", "arson", "rape", "manslaughter", "homicide", "embezzlement",
     "trafficking", "smuggling", "possession", "vandalism", "stalking", "espionage", "terrorism", "plot"}
)  # fmt: skip


def _on_suspicion(verb: Any) -> Any | None:
    """ "arrested Hale on suspicion of theft": the one arrested (or the noun "arrests" itself)."""
    if verb.pos_ != "VERB" or negated(verb):
        return None
    on = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"), None)
    suspicion = child_of(on, "pobj") if on is not None else None
    if suspicion is None or suspicion.lemma_.lower() != "suspicion":
        return None
    return child_of(verb, "dobj") or child_of(verb, "nsubjpass")


def _questioned(verb: Any) -> Any | None:
    """ "Hale was questioned over the murder": the one questioned about a crime."""
    if verb.lemma_.lower() not in _QUESTIONING or verb.pos_ != "VERB" or negated(verb):
        return None
    about = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in _QUESTIONED_OVER), None)
    if about is None or not _crime(child_of(about, "pobj")):
        return None
    return child_of(verb, "nsubjpass") or child_of(verb, "dobj")


def _arrested_before(article: str, token: Any, parties: Parties) -> str | None:
    """ "The arrests were made ...": the party arrested in the sentence before, by name."""
    if token.lemma_.lower() not in _ARRESTS or not any(c.lower_ == "the" for c in token.children):
        return None
    start = token.sent.start
    if start == 0:
        return None
    for verb in token.doc[start - 1].sent:
        if verb.lemma_.lower() in _DETAINING and verb.pos_ == "VERB" and not negated(verb):
            held = child_of(verb, "nsubjpass") or child_of(verb, "dobj")
            if held is not None:
                return _described_suspect(article, held, parties)
    return None


# Penalties that charge the one penalised when given "for" a reason.
_PENALTIES = frozenset(
    {"fire", "sack", "suspend", "expel", "ban", "bar", "fine", "punish", "discipline", "sanction", "close",
     "shut", "strip", "oust", "censure", "reprimand", "disqualify", "jail", "convict", "sentence", "arrest"}
)  # fmt: skip


def _penalised(verb: Any) -> tuple[Any, Any | None] | None:
    """(the one penalised, the one penalising or None) of "was fired from X for ...", "X fired him for ..."."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _PENALTIES or negated(verb):
        return None
    reason = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    what = next((c for c in reason.children if c.dep_ in ("pobj", "pcomp")), None) if reason else None
    if what is None or what.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY") or what.lower_ in ("life", "years"):
        return None  # "suspended for two games", "banned for life": how long, not why
    if any(c.dep_ == "nummod" for c in what.children):
        return None
    one = child_of(verb, "nsubjpass")
    if one is not None:
        by = next((c for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "from")), None)
        return one, child_of(by, "pobj") if by is not None else None
    one = child_of(verb, "dobj")
    return (one, child_of(verb, "nsubj")) if one is not None else None


def _teller(verb: Any, subject: Any | None) -> Any | None:
    """ "Davis told reporters he and his family suspected ...": the pronoun is the teller, the
    subject of the verb that reports the clause (not the person named last)."""
    if subject is None or subject.pos_ != "PRON" or verb.dep_ != "ccomp":
        return subject
    # "The boy's uncle, ..., Marc Dorr told": of two subjects the parse may give, the name
    subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    teller = next((c for c in subjects if c.pos_ == "PROPN"), subjects[0] if subjects else None)
    return teller if teller is not None and teller.pos_ != "PRON" else subject


def suspected(
    article: str, sentence: Sentence, tokens: Any, parties: Parties
) -> tuple[str | None, str | None] | None:
    """(accuser or None, accused or None) of the first suspicion or questioning the sentence tells."""
    for verb in tokens:
        if (
            verb.lemma_.lower() == "suspect"
            and verb.tag_ != "VBN"
            and verb.pos_ == "VERB"
            and not negated(verb)
        ):
            clause = child_of(verb, "ccomp")
            suspect = child_of(clause, "nsubj", "nsubjpass") if clause is not None else None
            suspecter = _teller(verb, child_of(verb, "nsubj"))
            if suspect is None or suspecter is None:
                continue
            claimant, accused = parties.of(article, suspecter), _described_suspect(article, suspect, parties)
            if accused and not same(claimant, accused):
                return claimant, accused
            continue
        penalty = _penalised(verb)
        if penalty is not None:
            one, by = penalty
            accused = _described_suspect(article, one, parties)
            claimant = parties.of(article, by) if by is not None and by.pos_ != "PRON" else None
            if accused and not same(claimant, accused):
                return claimant or reported_by(article, sentence, tokens, parties), accused
            continue
        one = _suspected_one(verb) or _on_suspicion(verb) or _questioned(verb)
        if one is None:
            continue
        accused = _arrested_before(article, one, parties) or _described_suspect(article, one, parties)
        # "Police arrested Hale on suspicion of theft": the ones who arrest suspect him.
        arrester = child_of(verb, "nsubj") if one.dep_ == "dobj" else None
        claimant = parties.of(article, arrester) if arrester is not None and arrester.pos_ != "PRON" else None
        return claimant or reported_by(article, sentence, tokens, parties), accused
    return None
