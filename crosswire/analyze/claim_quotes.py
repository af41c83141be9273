"""Criticism inside a speaker's own words, with no accusing verb: "'Those officials lied to the
public,' Smith said"; "'This borders on the unethical conduct of the company's managers,' she
wrote"; "Jones called it the 'reckless policy of the council'".

A quote accuses when a word of wrongdoing in it is told *of* a named party: the party is the
subject of the wrong ("the agency lied"), the agent of a passive one ("was misled by the agency"),
the one an adjective describes ("the corrupt minister", "the board was negligent"), or the owner or
doer of a wrong noun ("the agency's negligence", "fraud by the company", "the problem with our
clerk"). A party only mentioned in a modifier ("the former House speaker") or in a quote that tells
no wrong of it is not accused; the speaker of the quote holding the wrong word is the claimant.
"""

from __future__ import annotations

from typing import Any

from crosswire.analyze.attribution_cues import WRONGDOING, child_of
from crosswire.analyze.attribution_parties import Parties
from crosswire.analyze.claim_parties import PEOPLE_NOUNS, one_side, party_like, same
from crosswire.analyze.claim_rules import operation_account
from crosswire.model import Sentence

_NEGATIONS = frozenset({"not", "n't", "never", "nothing", "no", "nobody", "none", "without"})
# A pronoun whose party is too often not the one named last, or none of the story's parties.
_VAGUE = frozenset({"it", "they", "them", "this", "that", "these", "those", "i", "we", "us", "you", "me",
                    "which", "who", "what", "there", "something", "anyone", "everyone"})  # fmt: skip
# Prepositions that name the doer of a wrong told as a noun ("fraud by the firm", "the crimes of the
# regime", "the problem with our clerk"); "against", "on", "to" name whom it was done to.
_DOER_PREPOSITIONS = frozenset({"by", "of", "with"})
# Harms whose "of" names the victim: "the murder of a woman", "the kidnap of two aid workers".
_SUFFERED_NOUNS = frozenset({"murder", "killing", "kill", "kidnap", "kidnapping", "torture", "massacre",
                             "assault", "abuse", "harassment", "rape", "death"})  # fmt: skip


def _wrong_word(token: Any) -> bool:
    """A word of wrongdoing as the quote's own statement: not a name's word, not negated ("did not
    lie", "no problem"), not a wrong suffered ("felt threatened")."""
    if token.pos_ not in ("VERB", "ADJ", "NOUN") or token.ent_type_:
        return False
    if token.lemma_.lower() not in WRONGDOING and token.lower_ not in WRONGDOING:
        return False
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    if before in _NEGATIONS or any(c.dep_ == "neg" for c in token.children):
        return False
    head = token.head
    if token.pos_ != "VERB" and head.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in head.children):
        return False  # "the agency was not negligent"
    return not (token.tag_ == "VBN" and token.dep_ in ("acomp", "oprd", "amod"))


def _owner(noun: Any) -> Any | None:
    """Whose wrong a noun tells: its possessor, or the object of "by", "of", "with"; after a harm
    done to someone ("the murder of a woman") "of" names the one who suffered it, not the doer."""
    owner = child_of(noun, "poss")
    if owner is not None:
        return owner
    doers = _DOER_PREPOSITIONS - {"of"} if noun.lemma_.lower() in _SUFFERED_NOUNS else _DOER_PREPOSITIONS
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in doers:
            found = child_of(prep, "pobj")
            if found is not None:
                return found
    # "the odious crimes that the regime is committing": the doer is the relative clause's subject
    clause = next((c for c in noun.children if c.dep_ == "relcl"), None)
    doer = child_of(clause, "nsubj") if clause is not None else None
    return doer if doer is not None and doer.tag_ not in ("WDT", "WP") else None


def _accused_token(word: Any) -> Any | None:
    """The token a wrong word is told of (see the module's note), or None."""
    if word.pos_ == "VERB":
        if any(c.dep_ == "auxpass" for c in word.children):
            agent = child_of(word, "agent")
            return child_of(agent, "pobj") if agent is not None else None
        subject = child_of(word, "nsubj")
        if subject is not None and subject.tag_ in ("WP", "WDT") and word.dep_ == "relcl":
            return word.head  # "insurgents who have killed 2,000 soldiers": the insurgents
        return subject
    if word.pos_ == "ADJ":
        if word.dep_ == "amod" and word.head.pos_ in ("NOUN", "PROPN"):
            described = word.head
            if described.pos_ == "NOUN" and described.lemma_.lower() not in PEOPLE_NOUNS:
                return _owner(described)  # "the agency's reckless policy": the agency
            return described
        if word.dep_ in ("acomp", "attr"):
            return child_of(word.head, "nsubj")
        return None
    return _owner(word)


def _named(article: str, token: Any, parties: Parties) -> str | None:
    """The party a token names, a person's pronoun resolved ("he", "she"), else None."""
    if token.pos_ == "PRON" or token.lower_ in _VAGUE:
        return None  # "she had killed him": whose act a pronoun tells is left to the sentence before
    if token.pos_ == "NOUN" and token.lemma_.lower() not in PEOPLE_NOUNS:
        owner = child_of(token, "poss")  # "the company's managers" stays; "the minister's plan": the minister
        # "the prosecution's caricature": a party's thing stands for the party
        if owner is None or not (owner.pos_ == "PROPN" or owner.lemma_.lower() in PEOPLE_NOUNS):
            return None
        token = owner
    name = parties.names(article, token)
    if not party_like(name):
        name = parties.of(article, token)  # "our city clerk and her performance": the clerk alone
    if not party_like(name) and token.dep_ == "poss":
        # "the prosecution's crude caricature": the owner's own words, not the phrase it owns
        name = " ".join(t.text for t in token.subtree if t.dep_ != "case")
    return name if party_like(name) else None


# Words that judge a party's character or conduct ("a reckless, incompetent government"): told by
# the writer with no speaker, they are the writer's blame (an opinion piece names no claimant).
_JUDGMENTS = frozenset(
    {"naive", "cynical", "irresponsible", "unethical", "sloppy", "incompetent", "reckless", "dishonest",
     "hypocritical", "disgraceful", "shameful", "corrupt", "negligent", "racist", "deceitful"}
)  # fmt: skip


_QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'"})


def _scare_quoted(word: Any) -> bool:
    """The wrong word opens a phrase in quotation marks."""
    phrase = word.head if word.dep_ == "amod" else word
    before = [word.doc[i - 1] for i in (word.i, phrase.left_edge.i) if i > 0]
    return phrase.left_edge.text in _QUOTE_MARKS or any(t.text in _QUOTE_MARKS for t in before)


def _bare_plural(token: Any) -> bool:
    """ "corrupt officials": a plural with no determiner, owner or name speaks of a kind of people."""
    return token.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod") or c.pos_ == "PROPN" for c in token.children
    )


def quoted_criticism(
    article: str, sentence: Sentence, tokens: Any, parties: Parties
) -> tuple[str | None, str] | None:
    """(the speaker, the accused) of the first wrong a quote in the sentence tells of a named party;
    (None, the accused) for a judgment the writer makes in its own voice."""
    for word in tokens:
        if not _wrong_word(word):
            continue
        # The quote holding the word, else the sentence's reported speech ("X lied, officials said").
        speaker = parties.speaker_at(article, word.idx) or parties.speaker_in(article, sentence.start, sentence.end)
        if speaker is None and word.lemma_.lower() not in _JUDGMENTS:
            continue
        if speaker is not None and not party_like(speaker):
            continue
        target = _accused_token(word)
        if target is None or operation_account(word, target):
            continue  # "the forces killed two of the gunmen": an operation told by its side
        if speaker is None and (_scare_quoted(word) or _bare_plural(target)):
            continue  # 'time for “corrupt officials”': someone's words, or officials at large, not a party
        accused = _named(article, target, parties)
        if accused is None or (speaker is not None and word.lower_ in accused.lower()):
            continue  # "the most tone-deaf president," X said: X describes someone the phrase does not name
        if speaker is None or not (same(accused, speaker) or one_side(accused, speaker)):
            return speaker, accused
    return None
