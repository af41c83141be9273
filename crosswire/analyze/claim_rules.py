"""Accusations read from the dependency parse: who asserts what about whom.

Two constructions that carry an accusation without an accusing verb:

- "Hayes, who allegedly rear-ended the Mercedes": the subject of a verb that
  "allegedly" modifies is the accused; the accuser is whoever the sentence
  reports (an "according to" source, a speaker), or not named;
- "the studio filed suit against the film's producers", "police are filing a
  second charge against Hayes": a lawsuit, complaint or charge *against* a
  party accuses that party; the accuser is the subject of the verb the noun
  hangs on (filed, threatened, brought), or the sentence's speaker.
"""

from __future__ import annotations

import re
from typing import Any

from crosswire.analyze.attribution_cues import (
    ASSERTING_VERBS,
    DENIAL_PHRASES,
    REPORTING_VERBS,
    WRONGDOING,
    according_to_object,
    child_of,
    negated,
)
from crosswire.analyze.attribution_parties import Parties
from crosswire.analyze.claim_parties import PEOPLE_NOUNS
from crosswire.analyze.context import doc_text
from crosswire.model import Sentence

# Nouns that accuse the party they are "against" ("a lawsuit against the city").
CHARGE_NOUNS = frozenset(
    {"lawsuit", "suit", "complaint", "charge", "allegation", "accusation", "indictment", "case", "claim"}
)
# "legal action against", "criminal proceedings against": these need their legal modifier.
LEGAL_NOUNS = frozenset({"action", "proceeding", "proceedings"})
LEGAL_MODIFIERS = frozenset({"legal", "criminal", "civil", "disciplinary", "court"})
_VAGUE_SUBJECTS = frozenset({"it", "they", "this", "that", "which", "who"})


def reported_by(article: str, sentence: Sentence, tokens: Any, parties: Parties) -> str | None:
    """Whose word a sentence gives: the "according to" source, else the speaker of its reported speech."""
    for token in tokens:
        source = according_to_object(token)
        if source is not None:
            return parties.names(article, source)
    return parties.speaker_in(article, sentence.start, sentence.end)


# Acts done to a victim: the subject of their passive suffered the wrong.
HARMED = frozenset(
    {"kill", "murder", "shoot", "stab", "attack", "assault", "beat", "abuse", "rape", "injure", "hurt", "rob"}
)


def alleged_wrong(
    article: str, sentence: Sentence, tokens: Any, parties: Parties
) -> tuple[str | None, str] | None:
    """ "Hayes, who allegedly rear-ended the Mercedes": (claimant or None, accused)."""
    for token in tokens:
        if token.lower_ != "allegedly" or token.dep_ != "advmod":
            continue
        verb = token.head
        if verb.pos_ not in ("VERB", "AUX") or negated(verb):
            continue
        subject = child_of(verb, "nsubj", "nsubjpass")
        if subject is None and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            subject = verb.head  # "the man allegedly seen fleeing": the noun it describes
        if subject is None or (subject.pos_ == "PRON" and subject.tag_ not in ("WP", "WDT")):
            continue  # "she allegedly found notes", "it (allegedly) gets worse": whose act is unclear
        if subject.dep_ == "nsubjpass" and verb.lemma_.lower() in HARMED:
            continue  # "her son, who was allegedly killed": the victim; the accused is not named
        accused = parties.names(article, subject)
        if accused:
            return reported_by(article, sentence, tokens, parties), accused
    return None


def _legal(noun: Any) -> bool:
    lemma = noun.lemma_.lower()
    if lemma in CHARGE_NOUNS:
        return True
    return lemma in LEGAL_NOUNS and any(c.lower_ in LEGAL_MODIFIERS for c in noun.children)


def _accuser_of(article: str, noun: Any, parties: Parties) -> str | None:
    """The subject of the verb chain a charge noun hangs on ("the estate did threaten legal action")."""
    head = noun.head
    for _ in range(4):
        if head.dep_ == "xcomp" and child_of(head.head, "dobj") is not None:
            return "NEGATED"  # "urged the nations to submit a complaint against Syria": asked of others
        if head.pos_ in ("VERB", "AUX"):
            if negated(head):
                return "NEGATED"
            client = child_of(head, "dobj") if head.lemma_.lower() == "represent" else None
            if client is not None:  # "who represented the family in their lawsuit against": the family sues
                return parties.names(article, client)
            subject = child_of(head, "nsubj")
            if subject is not None:
                return parties.of(article, subject) if subject.lower_ not in _VAGUE_SUBJECTS else None
            if child_of(head, "nsubjpass") is not None:
                agent = child_of(head, "agent")
                pobj = child_of(agent, "pobj") if agent is not None else None
                return parties.names(article, pobj) if pobj is not None else None
        if head.head is head:
            break
        head = head.head
    return None


def charge_against(
    article: str, sentence: Sentence, tokens: Any, parties: Parties
) -> tuple[str | None, str] | None:
    """ "the studio filed suit against the film's producers": (claimant or None, accused)."""
    for noun in tokens:
        if noun.pos_ != "NOUN" or not _legal(noun):
            continue
        # "filed a lawsuit against X": the parse may hang "against" on the noun or on its verb.
        holders = [noun, noun.head] if noun.dep_ in ("dobj", "nsubjpass") else [noun]
        against = next(
            (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "against"), None
        )
        target = child_of(against, "pobj") if against is not None else None
        if target is None:
            continue
        claimant = _accuser_of(article, noun, parties)
        if claimant == "NEGATED":
            continue  # "did not file a lawsuit against": nobody accuses
        accused = parties.names(article, target)
        if accused:
            return claimant or reported_by(article, sentence, tokens, parties), accused
    return suit_by(article, tokens, parties)


# What a party does with a charge brought against it: "is fighting a lawsuit by former players".
_ANSWERING_VERBS = frozenset({"fight", "face", "defend", "settle", "contest", "battle", "lose"})


def suit_by(article: str, tokens: Any, parties: Parties) -> tuple[str, str] | None:
    """ "The NCAA is fighting a lawsuit by former players": (the plaintiffs, the party fighting it)."""
    for noun in tokens:
        if noun.pos_ != "NOUN" or not _legal(noun) or noun.dep_ != "dobj":
            continue
        verb = noun.head
        if verb.lemma_.lower() not in _ANSWERING_VERBS or negated(verb):
            continue
        by = next(
            (c for h in (noun, verb) for c in h.children if c.dep_ == "prep" and c.lower_ == "by"), None
        )
        plaintiffs = child_of(by, "pobj") if by is not None else None
        # "The NCAA has been under scrutiny and is fighting ...": the subject of the first conjunct.
        subject = child_of(verb, "nsubj") or (child_of(verb.head, "nsubj") if verb.dep_ == "conj" else None)
        if plaintiffs is None or subject is None or subject.pos_ == "PRON":
            continue
        claimant, accused = parties.names(article, plaintiffs), parties.names(article, subject)
        if claimant and accused and claimant != accused:
            return claimant, accused
    return None


# "X faces two counts of cyberstalking": the charges a party faces accuse it (the accuser unnamed).
_FACED = frozenset({"charge", "count", "lawsuit", "suit", "allegation", "accusation", "indictment"})


def faces_charges(
    article: str, sentence: Sentence, tokens: Any, parties: Parties
) -> tuple[str | None, str] | None:
    """ "Browne-Louis faces two counts of obstruction of justice": (claimant or None, accused)."""
    for verb in tokens:
        if verb.lemma_.lower() != "face" or verb.pos_ != "VERB" or negated(verb):
            continue
        charges = child_of(verb, "dobj")
        subject = child_of(verb, "nsubj")
        if charges is None or subject is None or charges.lemma_.lower() not in _FACED:
            continue
        if subject.pos_ == "PRON":
            continue  # "she faces": whose charges the pronoun leaves to the sentence before
        accused = parties.names(article, subject)
        if accused:
            source = next(
                (according_to_object(t) for t in tokens if according_to_object(t) is not None), None
            )
            return (parties.names(article, source) if source is not None else None), accused
    return None


# What a party can be "responsible for" when it is blamed, not when it is described ("is responsible
# for operations in air"): a harm.
HARMS = frozenset(
    """attack attacks bombing bombings blast blasts explosion explosions killing killings death deaths
    murder murders shooting shootings crash crashes fire fires damage leak leaks hack hacking breach
    outbreak collapse injuries injury loss losses failure failures abuse violence massacre kidnapping
    assault disaster accident spill poisoning fraud theft""".split()  # noqa: SIM905
)
_DUTY = re.compile(r"\b(?:was|were|is|are)\s+(?:solely\s+)?responsible\b", re.IGNORECASE)


def describes_a_duty(sentence_text: str, match: Any) -> bool:
    """ "The Air Component is responsible for any of the operations in air": a role, not blame.
    "Be responsible" blames only when a harm follows in the sentence."""
    if not _DUTY.fullmatch(match.group()):
        return False
    after = {w.strip(".,;:\"'“”()").lower() for w in sentence_text[match.end() :].split()[:12]}
    return not after & HARMS


# "a fake name", "false and misleading statements": an adjective on a thing is no dispute of a claim.
_DISPUTED_NOUNS = frozenset(
    {"claim", "accusation", "allegation", "charge", "report", "story", "account", "news", "rumor", "rumour",
     "information", "assertion", "narrative", "suggestion"}
)  # fmt: skip


def disputes_nothing(doc: Any, offset: int) -> bool:
    """The dispute word at ``offset`` qualifies a noun that is no claim ("a fake name")."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    word = span[0]
    if word.dep_ not in ("amod", "conj") or word.head.pos_ not in ("NOUN", "PROPN"):
        return False
    head = word.head
    while head.dep_ in ("amod", "conj") and head.pos_ == "ADJ" and head.head is not head:
        head = head.head  # "false and misleading statements": the noun both qualify
    return head.lemma_.lower() not in _DISPUTED_NOUNS


# Denials the subject makes itself ("X pleaded not guilty"), unlike those a speaker makes of the
# subject ("Nelson confirms that Longacre did nothing wrong").
_OWN_DENIAL = re.compile(r"^(?:plead\w*|maintain\w*)\b", re.IGNORECASE)


def denier(article: str, doc: Any, offset: int, parties: Parties) -> str | None:
    """Who denies in "Browne-Louis pleaded not guilty ..., authorities said": the named subject of the
    denial's verb (not the speaker who reports it); None for a pronoun, no subject, or a denial a
    speaker makes of someone else."""
    if not _OWN_DENIAL.match(doc_text(doc)[offset : offset + 12]):
        return None
    return _named_subject_at(article, doc, offset, parties)


def _named_subject_at(article: str, doc: Any, offset: int, parties: Parties) -> str | None:
    """The party named as the subject of the verb at (or just above) ``offset``; None for a pronoun."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = span[0]
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    subject = child_of(verb, "nsubj", "nsubjpass")
    if subject is None or subject.pos_ == "PRON":
        return None
    return parties.of(article, subject)


# "want her charged", "urged prosecutors to charge him": the one who wishes it accuses.
_WISH_VERBS = frozenset({"want", "urge", "ask", "demand", "call", "push", "press", "seek"})


def wished_accusation(verb: Any) -> tuple[Any, Any] | None:
    """ "Republicans want her charged": (the wisher's token, the accused's token)."""
    head = verb.head
    if verb.dep_ not in ("ccomp", "xcomp") or head.lemma_.lower() not in _WISH_VERBS:
        return None
    wisher = child_of(head, "nsubj")
    accused = child_of(verb, "nsubj", "nsubjpass") or child_of(verb, "dobj") or child_of(head, "dobj")
    if wisher is None or accused is None or wisher.i == accused.i:
        return None
    return wisher, accused


def hypothetical_accusation(verb: Any) -> bool:
    """ "a bill making it illegal to accuse the nation", "unfair to blame him": an accusation
    nobody makes, only one spoken of."""
    head = verb.head
    return (
        verb.dep_ in ("xcomp", "advcl")
        and head.pos_ == "ADJ"
        and verb.i > head.i
        and head.lemma_.lower() in _HYPOTHETICAL  # "quick to blame Obama" is a blame made
    )


_HYPOTHETICAL = frozenset(
    {"illegal", "unlawful", "unfair", "wrong", "easy", "hard", "difficult", "impossible", "tempting",
     "premature", "unreasonable", "possible", "forbidden", "dangerous", "absurd"}
)  # fmt: skip


def denied_for(article: str, doc: Any, sentence: Sentence, parties: Parties) -> str | None:
    """Whom a denial clears: the named subject of "Ms. Lerner has done nothing wrong" (said by her
    lawyer), None when the subject is a pronoun or the sentence holds no denial phrase."""
    match = DENIAL_PHRASES.search(sentence.text)
    return _named_subject_at(article, doc, sentence.start + match.start(), parties) if match else None


# "the forces killed two of the gunmen": a security force's operation against armed opponents, as an
# agency tells it, is an account of its own side's action, not an accusation of a wrong.
_SECURITY_FORCES = frozenset({"force", "forces", "police", "troop", "troops", "army", "soldier", "officer",
                              "military", "guard", "commando", "sniper", "agent"})  # fmt: skip
_ARMED_OPPONENTS = frozenset({"gunman", "gunmen", "terrorist", "militant", "attacker", "assailant", "insurgent",
                              "hijacker", "kidnapper", "shooter", "bomber", "jihadist"})  # fmt: skip


def operation_account(clause: Any, accused: Any) -> bool:
    """Whether ``clause`` tells of security forces (``accused``) acting against armed opponents."""
    if accused.lemma_.lower() not in _SECURITY_FORCES and accused.lower_ not in _SECURITY_FORCES:
        return False
    return any(t.lemma_.lower() in _ARMED_OPPONENTS or t.lower_ in _ARMED_OPPONENTS for t in clause.subtree)


# "which ... have claimed responsibility in the past for attacks": a party's habit, told to describe it.
_HABIT = re.compile(r"\b(?:in the past|previously|repeatedly|often|frequently|routinely|regularly)\b", re.I)


def habitual(text: str) -> bool:
    return _HABIT.search(text) is not None


def owned_by_party(token: Any) -> Any:
    """ "criticized the Warren Commission's report", "Obama's address was naive": a thing a named party
    made or did stands for that party, the accused; a party noun or a pronoun's thing stays as it is."""
    if token.pos_ != "NOUN" or token.lemma_.lower() in PEOPLE_NOUNS:
        return token
    owner = child_of(token, "poss")
    if owner is not None and owner.pos_ == "PROPN":
        return owner
    # "one major Republican tactic": a side's name qualifying the thing (not "the Tarrow flood")
    side = next((c for c in token.children if c.dep_ in ("amod", "compound") and c.ent_type_ in _SIDES), None)
    return side if side is not None else token


_SIDES = frozenset({"NORP", "ORG"})


def accused_name(article: str, token: Any, parties: Parties) -> str | None:
    """The party accused through ``token``: its owner or side (owned_by_party), by name."""
    owner = owned_by_party(token)
    if owner is not token and owner.dep_ in ("amod", "compound"):
        return str(owner.text)  # "Republican": the side's own word, not the phrase it qualifies
    return parties.names(article, owner)


# Verbs that criticise only with a reason given ("attacked TRS for supporting ..."): without one,
# an attack is a deed ("attacked the convoy"), a blast an explosion.
CRITICIZING = frozenset(
    {"attack", "slam", "blast", "lambast", "lambaste", "fault", "rebuke", "chide", "scold", "castigate",
     "excoriate", "berate", "chastise", "assail", "deride", "ridicule", "mock", "needle", "rip", "bash",
     "skewer", "pillory", "upbraid", "lash", "hammer", "knock"}
)  # fmt: skip


def criticizes(verb: Any) -> bool:
    """ "8chan users attacked TRS for supporting ...": a criticising verb with a named object and a reason."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in CRITICIZING or negated(verb):
        return False
    target = child_of(verb, "dobj")
    reason = any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
    return target is not None and reason and (target.pos_ == "PROPN" or target.lemma_.lower() in PEOPLE_NOUNS)


def wrong_by_agent(clause: Any) -> Any | None:
    """ "says that 2,000 members of its forces have been killed by 'terrorists'": the agent of a wrong
    told in the passive is the accused (not the ones who suffered it)."""
    if clause is None or clause.lemma_.lower() not in WRONGDOING or negated(clause):
        return None
    if not any(c.dep_ == "auxpass" for c in clause.children):
        return None
    agent = child_of(clause, "agent")
    doer = child_of(agent, "pobj") if agent is not None else None
    return doer if doer is not None and doer.pos_ != "PRON" else None


def relaying_speaker(verb: Any, speaker: Any | None) -> Any | None:
    """ "'Reports said thugs kidnapped the women,' the network said": the party that relays unnamed
    reports is the one that tells the wrong."""
    if speaker is None or speaker.lemma_.lower() not in ("report", "reports"):
        return speaker
    for other in verb.sent:
        if other.i > verb.i and other.pos_ == "VERB" and other.lemma_.lower() in REPORTING_VERBS:
            outer = child_of(other, "nsubj")
            if outer is not None and outer.pos_ != "PRON":
                return outer
    return speaker


def claimed_act(article: str, tokens: Any, parties: Parties) -> tuple[str, str] | None:
    """ "Antifascist activists claim to have unmasked Mike Enoch": a party claiming an act done to a
    named party asserts something of it (claimant, accused)."""
    for verb in tokens:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ASSERTING_VERBS or negated(verb):
            continue
        act = child_of(verb, "xcomp")
        target = child_of(act, "dobj") if act is not None else None
        subject = child_of(verb, "nsubj")
        if target is None or target.pos_ != "PROPN" or subject is None or subject.pos_ == "PRON":
            continue
        claimant, accused = parties.of(article, subject), parties.names(article, target)
        if claimant and accused and claimant != accused:
            # "An 'antifascist investigation team'": scare quotes are no part of the name
            return " ".join(_SCARE_QUOTES.sub("", claimant).split()), accused
    return None


_SCARE_QUOTES = re.compile(r"[‘’“”\"]|(?<!\w)'|'(?!\w)")


def priced_charge(token: Any) -> bool:
    """ "They charged their customers $6,000": "charge" with an amount of money as its object asks a
    price, as "for no charge" waives one; neither accuses anyone ("charged with stealing $6,000" has the
    money under "with", and accuses)."""
    if token.lemma_.lower() != "charge":
        return False
    # A fee waived: "worked for no charge", "at no charge", "free of charge".
    under = token.head.lower_ if token.dep_ == "pobj" else ""
    if (under in ("for", "at") and any(c.lower_ == "no" for c in token.children)) or (
        under == "of" and token.head.head.lower_ == "free"
    ):
        return True
    return any(
        t.text in ("$", "€", "£") or t.ent_type_ == "MONEY"
        for child in token.children
        if child.dep_ in ("dobj", "dative", "npadvmod", "attr", "oprd")
        for t in child.subtree
    )


def accusing_word(token: Any, words: frozenset[str]) -> bool:
    """The one accusation test of a token: its lemma is one of ``words`` ("accuse", "charge", "blame")
    and it is not a price asked ("charged their customers $6,000", ``priced_charge``)."""
    return token.lemma_.lower() in words and not priced_charge(token)


def link_line(text: str, sentence: Any) -> bool:
    """ "Politicians denounce Bundy's racist remarks" on a line of its own inside an article (``text``),
    with no closing stop: a link to another story, not the article's telling (a first line is its
    headline, and tells)."""
    before, after = text[sentence.start - 1 : sentence.start], text[sentence.end : sentence.end + 1]
    alone = before == "\n" and after in ("\n", "")
    words = sentence.text.split()
    return sentence.start > 0 and alone and 0 < len(words) <= 8 and words[-1][-1:] not in ".!?\"”’')"


def conditions_of(clause: Any) -> set[int]:
    """The tokens of the clause's conditions: "a plan to help if something went wrong" tells no wrong done."""
    found: set[int] = set()
    for token in clause.subtree:
        if token is not clause and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
            found |= set(range(token.left_edge.i, token.right_edge.i + 1))
    return found


def counterfactual(clause: Any) -> bool:
    """ "would not have been able to", "could not have done": a past that did not happen."""
    auxiliaries = [c.lower_ for c in clause.children if c.dep_ == "aux"]
    return "have" in auxiliaries and any(a in ("would", "could", "might") for a in auxiliaries)


# "X will take the blame for the fall", "Y put the blame on X": a blame noun charges X.
_BLAME_TAKING = frozenset({"take", "shoulder", "bear", "deserve", "get", "accept", "carry"})
_BLAME_LAYING = frozenset({"put", "lay", "place", "pin", "shift", "cast"})


def blame_noun(article: str, sentence: Sentence, tokens: Any, parties: Parties) -> tuple[str | None, str] | None:
    """(claimant or None, accused) of "the president stands poised to take the blame for any
    correction" (the one who takes it; the sentence's source accuses) or "Trump laid the blame on
    Obama" (the one the blame is laid on; the one laying it accuses)."""
    for noun in tokens:
        if noun.lemma_.lower() != "blame" or noun.pos_ != "NOUN" or noun.dep_ != "dobj":
            continue
        verb = noun.head
        if negated(verb):
            continue
        lemma = verb.lemma_.lower()
        if lemma in _BLAME_TAKING:
            taker = _subject_up(verb)
            if taker is None or taker.pos_ == "PRON" or any(c.lower_ in ("a", "an") for c in taker.children):
                continue  # "a president who ...": whom the description stands for is told elsewhere
            accused = parties.names(article, taker)
            if accused:
                return reported_by(article, sentence, tokens, parties), accused
        elif lemma in _BLAME_LAYING:
            on = next((c for c in (*verb.children, *noun.children) if c.dep_ == "prep" and c.lower_ == "on"), None)
            target = child_of(on, "pobj") if on is not None else None
            layer = _subject_up(verb)
            if target is None or target.pos_ == "PRON":
                continue
            claimant = parties.of(article, layer) if layer is not None else None
            accused = parties.names(article, target)
            if accused and claimant != accused:
                return claimant or reported_by(article, sentence, tokens, parties), accused
    return None


def _subject_up(verb: Any) -> Any | None:
    """The subject of a verb, or of the verb an infinitive hangs on ("stands poised to take")."""
    head = verb
    for _ in range(3):
        subject = child_of(head, "nsubj", "nsubjpass")
        if subject is not None:
            return subject
        if head.dep_ not in ("xcomp", "acomp", "advcl") or head.head is head:
            return None
        head = head.head
    return None


# Nouns that carry someone's claim in a "that" clause ("her suggestion that her enemies had hacked it").
_CLAIM_NOUNS = frozenset({"claim", "suggestion", "allegation", "accusation", "assertion", "contention", "insistence"})


def claim_noun(article: str, tokens: Any, parties: Parties) -> tuple[str | None, str] | None:
    """(the noun's owner or None, accused) of "her initial suggestion that her political enemies had
    hacked her computer": the clause tells a wrong of its named subject, on the owner's word."""
    for noun in tokens:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _CLAIM_NOUNS:
            continue
        clause = next(
            (c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(m.dep_ == "mark" for m in c.children)),
            None,
        )
        if clause is None or negated(clause) or clause.lemma_.lower() not in WRONGDOING:
            continue
        subject = child_of(clause, "nsubj", "nsubjpass")
        if subject is None or subject.pos_ == "PRON":
            continue
        owner = child_of(noun, "poss")
        # "her suggestion": whose, a pronoun leaves to the sentences before (not guessed)
        claimant = parties.of(article, owner) if owner is not None and owner.pos_ != "PRON" else None
        accused = accused_name(article, subject, parties)
        if accused and claimant != accused:
            return claimant, accused
    return None
