"""Claims and counter-statements found sentence by sentence, before they are linked to each other."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from crosswire.analyze.attribution_cues import (
    ACCEPTANCE,
    ACCUSATION_NOUNS,
    ATTACK_WORDS,
    BLAME,
    CULPRIT,
    DENIAL_PHRASES,
    DENIED_RESPONSIBILITY,
    DISPUTE_PHRASES,
    NAMING,
    NEUTRAL_AGENT_VERBS,
    REQUEST_NOUNS,
    RESPONSIBILITY,
    STRONG_ACCUSATION,
    child_of,
    counter_kind,
    negated,
    subtree_span,
    subtree_text,
)
from crosswire.analyze.attribution_parties import Parties
from crosswire.analyze.attribution_spans import source_token
from crosswire.analyze.claim_parties import party_like
from crosswire.analyze.claim_quotes import quoted_criticism
from crosswire.analyze.claim_reports import reported_accusation
from crosswire.analyze.claim_rules import (
    accused_name,
    accusing_word,
    alleged_wrong,
    blame_noun,
    charge_against,
    claim_noun,
    claimed_act,
    criticizes,
    denier,
    describes_a_duty,
    disputes_nothing,
    faces_charges,
    habitual,
    hypothetical_accusation,
    wished_accusation,
)
from crosswire.analyze.claim_suspicions import suspected
from crosswire.analyze.context import AnalysisContext, doc_text
from crosswire.analyze.entities import clean_mention, fold
from crosswire.analyze.person_nouns import person_noun
from crosswire.model import Sentence, SourceSpan


@dataclass
class Statement:
    """A claim or counter found in one sentence of one article (mutable while linking)."""

    article: str
    sentence: Sentence
    role: str  # "claim" or a counter kind
    party: str | None
    text: str
    start: int
    end: int
    target: str | None = None  # accused (claim) or culprit (blame-shift)
    claim: Statement | None = None
    counters: list[Statement] = field(default_factory=list)

    @property
    def span(self) -> SourceSpan:
        return SourceSpan(self.article, self.start, self.end)


def sentence_text(sentence: Sentence) -> str:
    return " ".join(sentence.text.split())


def sentence_tokens(doc: Any, sentence: Sentence) -> Any:
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    return span if span is not None else doc[0:0]


def _object_clause(verb: Any) -> Any | None:
    """The clause a counter's verb takes as its object: after the verb and before any noun object of
    its own. A clause before the verb is a frame ("Here's the deal: X denies any ties ...") or the
    sentence's other half, and one after the object ("..., so you know it must be true") a comment."""
    obj = child_of(verb, "dobj")
    return next(
        (c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and (obj is None or c.i < obj.i)), None
    )


def _other_person_denied(verb: Any) -> bool:
    """ "Knox denied that her former boyfriend was abandoning her": the denied clause tells of another
    person, unnamed in it, so the one who denies is not the accused."""
    clause = _object_clause(verb)
    subject = child_of(clause, "nsubj", "nsubjpass") if clause is not None else None
    return subject is not None and person_noun(subject) is not None


def _object_claim(verb: Any, parties: Parties, article: str) -> tuple[str, int, int, str | None] | None:
    """A claim spelled out in a counter's object: (statement, start, end, claimant)."""
    clause = _object_clause(verb)
    if clause is not None:
        start, end = subtree_span(clause)
        return subtree_text(clause), start, end, None
    obj = child_of(verb, "dobj")
    if obj is None:
        return None
    if obj.lemma_.lower() not in ACCUSATION_NOUNS:
        # "contradicted Ostrava Chemicals": the object is the party whose claim is disputed.
        if verb.lemma_.lower() in ("contradict", "refute", "rebut") and obj.pos_ == "PROPN":
            sentence = verb.sent
            return sentence.text, sentence.start_char, sentence.end_char, parties.names(article, obj)
        return None
    claimant = None
    possessor = child_of(obj, "poss")
    if possessor is not None and possessor.pos_ in ("PROPN", "NOUN"):
        claimant = parties.names(article, possessor)
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            pobj = child_of(prep, "pobj")
            if pobj is not None:
                claimant = parties.names(article, pobj)
    content = next(
        (
            c
            for c in obj.subtree
            if c.dep_ in ("acl", "ccomp", "relcl")
            and c.head.i >= obj.i
            and any(t.lower_ == "that" for t in c.lefts)
        ),
        None,
    )
    if content is None:
        of = next((p for p in obj.children if p.dep_ == "prep" and p.lower_ in ("of", "about")), None)
        content = child_of(of, "pobj") if of is not None else None
    if content is None:
        return None if claimant is None else (subtree_text(obj), *subtree_span(obj), claimant)
    start, end = subtree_span(content)
    text = doc_text(verb.doc)[start:end]
    if text.lower().startswith("that "):
        start, text = start + 5, text[5:]
    return text, start, end, claimant


def find_statements(ctx: AnalysisContext, parties: Parties) -> list[Statement]:
    found: list[Statement] = []
    for article in ctx.story.articles:
        if not ctx.on_topic(article.id):
            continue
        doc = ctx.docs[article.id]
        for sentence in ctx.sentences_of(article.id):
            if article.title and sentence.text.strip() == article.title.strip():
                continue  # the headline repeats the body
            found.extend(_sentence_statements(article.id, sentence, sentence_tokens(doc, sentence), parties))
    return found


@dataclass
class _Scan:
    """One sentence's statements while they are found (mutable, local to the sentence)."""

    article: str
    sentence: Sentence
    tokens: Any
    parties: Parties
    text: str
    out: list[Statement] = field(default_factory=list)

    def add(self, role: str, party: str | None, target: str | None = None) -> Statement:
        start, end = self.sentence.start, self.sentence.end
        item = Statement(self.article, self.sentence, role, party, self.text, start, end, target)
        self.out.append(item)
        return item

    def has(self, *roles: str) -> bool:
        return any(o.role in roles for o in self.out)

    def subject(self, verb: Any) -> Any | None:
        found = source_token(verb)
        if found is not None and self.sentence.start <= found.idx < self.sentence.end:
            return found
        # The parse of a headline without a full stop can run into the first sentence:
        # take the first noun phrase of this sentence before the verb.
        return next(
            (
                t
                for t in self.tokens
                if t.i < verb.i
                and t.pos_ in ("PROPN", "NOUN")
                and t.dep_ != "pobj"
                and t.ent_type_ not in ("DATE", "TIME")
            ),
            None,
        )


_ROLE_ORDER = {
    "claim": 0,
    "denial": 1,
    "rejection": 1,
    "dispute": 1,
    "responsibility": 1,
    "blame": 2,
    "culprit": 2,
}


def _sentence_statements(article: str, sentence: Sentence, tokens: Any, parties: Parties) -> list[Statement]:
    scan = _Scan(article, sentence, tokens, parties, sentence_text(sentence))
    for token in tokens:
        _token_statement(scan, token)
    if not scan.has("claim"):
        _reported_claim(scan)
    _phrase_counter(scan)
    _responsibility(scan)
    _culprit(scan)
    return sorted(scan.out, key=lambda item: _ROLE_ORDER[item.role])


def _token_statement(scan: _Scan, token: Any) -> None:
    """The counter, claim or blame one word of the sentence makes."""
    article, parties = scan.article, scan.parties
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in ACCEPTANCE and negated(token) and _accusation_object(token):
        scan.add("rejection", parties.of(article, scan.subject(token)))
        return
    if (
        token.pos_ == "VERB"
        and lemma in NAMING
        and _accusation_object(token)
        and _named_as(token)
        and not scan.out
    ):
        scan.add("dispute", parties.of(article, scan.subject(token)))
        return
    if token.pos_ not in ("VERB", "NOUN") or negated(token):
        return
    kind = counter_kind(lemma) if token.pos_ == "VERB" else None
    if kind is not None:
        if not (_turns_down_a_request(token) or _nobody(scan.subject(token)) or _passive_non_claim(token)):
            _counter(scan, token, kind)
    elif token.pos_ == "VERB" and accusing_word(token, STRONG_ACCUSATION | BLAME):
        _accusation(scan, token, lemma)
    elif criticizes(token):
        _accusation(scan, token, "criticize")


def _counter(scan: _Scan, token: Any, kind: str) -> None:
    """A counter, and the claim it answers where its object spells that out."""
    party = scan.parties.of(scan.article, scan.subject(token))
    counter = scan.add(kind, party)
    embedded = _object_claim(token, scan.parties, scan.article)
    if embedded is not None and not DENIED_RESPONSIBILITY.search(scan.text):
        statement, start, end, claimant = embedded
        accused = None if _other_person_denied(token) else party
        claim = Statement(scan.article, scan.sentence, "claim", claimant, statement, start, end, target=accused)
        claim.counters.append(counter)
        counter.claim = claim
        scan.out.insert(0, claim)


def _accusation(scan: _Scan, token: Any, lemma: str) -> None:
    """An accusing or blaming verb: wished, passive, blame, or active, in that order of trial."""
    article, parties, sentence, tokens = scan.article, scan.parties, scan.sentence, scan.tokens
    if lemma in STRONG_ACCUSATION and (wish := wished_accusation(token)):
        # "Republicans want her charged": Republicans against her (a pronoun's party is not guessed)
        if not scan.has("claim"):
            wisher, wished = wish
            accused = None if wished.tag_ == "PRP" else parties.names(article, wished)
            scan.add("claim", parties.of(article, wisher), accused)
    elif lemma in STRONG_ACCUSATION and _passive_accused(token) is not None:
        # "He is accused of killing ...": the subject is the accused; the accuser is the agent
        # ("by prosecutors"), the source of "according to", or not named.
        if not scan.has("claim"):
            accused = _passive_accused(token)
            # "In 2011, he was charged with assault": whom "he" is, is a guess too weak to show.
            unsure = accused is not None and accused.tag_ == "PRP"
            scan.add(
                "claim",
                _accuser(article, sentence, token, tokens, parties),
                None if unsure else parties.names(article, accused),
            )
    elif lemma in BLAME and not hypothetical_accusation(token):
        culprit = child_of(token, "dobj")
        scan.add(
            "blame",
            parties.of(article, _active_subject(token, scan.subject)),
            parties.names(article, culprit) if culprit is not None else None,
        )
    elif (
        lemma in STRONG_ACCUSATION
        and token.dep_ not in ("amod", "acl")
        and not scan.has("claim")
        and not hypothetical_accusation(token)
    ):
        target = child_of(token, "dobj")
        clause = child_of(token, "ccomp")
        if target is None and clause is not None:  # "alleges that Reyes contacted ...": Reyes
            target = child_of(clause, "nsubj", "nsubjpass")
        scan.add(
            "claim",
            parties.of(article, _active_subject(token, scan.subject)),
            accused_name(article, target, parties) if target is not None else None,
        )


def _reported_claim(scan: _Scan) -> None:
    """A claim told without an accusing verb: reported, alleged, or a charge."""
    article, sentence, tokens, parties = scan.article, scan.sentence, scan.tokens, scan.parties
    reported: tuple[str | None, str | None] | None = reported_accusation(article, tokens, parties, scan.subject)
    if reported is None:
        reported = (
            alleged_wrong(article, sentence, tokens, parties)
            or charge_against(article, sentence, tokens, parties)
            or faces_charges(article, sentence, tokens, parties)
            or claimed_act(article, tokens, parties)
            or suspected(article, sentence, tokens, parties)
            or blame_noun(article, sentence, tokens, parties)
            or claim_noun(article, tokens, parties)
        )
    else:
        # "he notes that the estate did threaten legal action against a writer": the writer is
        # accused by the estate, not the estate by the one who tells of it.
        against = charge_against(article, sentence, tokens, parties)
        if against is not None and against[0] and fold(against[0]) == fold(reported[1]):
            reported = against
    if reported is None or not party_like(reported[1]):
        # "A raid derailed the inquiry when the attorney lied, officials said": not the raid, the attorney
        reported = quoted_criticism(article, sentence, tokens, parties) or reported
    if reported is not None:
        scan.add("claim", *reported)


def _phrase_counter(scan: _Scan) -> None:
    """A denial or dispute told by a phrase ("denied any wrongdoing"), where no verb gave one."""
    sentence, tokens = scan.sentence, scan.tokens
    for kind, pattern in (("denial", DENIAL_PHRASES), ("dispute", DISPUTE_PHRASES)):
        if scan.has("denial", "rejection", "dispute"):
            break
        match = next(
            (
                m
                for m in pattern.finditer(sentence.text)
                if kind != "dispute" or not disputes_nothing(tokens.doc, sentence.start + m.start())
            ),
            None,
        )
        if match is not None:
            offset = sentence.start + match.start()
            speaker = (kind == "denial" and denier(scan.article, tokens.doc, offset, scan.parties)) or (
                scan.parties.speaker_at(scan.article, offset)
            )
            if speaker is not None:
                scan.add(kind, speaker)


def _responsibility(scan: _Scan) -> None:
    sentence = scan.sentence
    match = RESPONSIBILITY.search(sentence.text)
    if (
        match is not None
        and not DENIED_RESPONSIBILITY.search(sentence.text)
        and not _conditional(sentence, match)
        and not describes_a_duty(sentence.text, match)
        and not _RELATIVE_BEFORE.search(sentence.text[: match.start()])
        and not habitual(sentence.text)
    ):
        party = _responsible_party(scan.article, sentence, scan.tokens, match, scan.parties)
        scan.add("responsibility", party)


def _culprit(scan: _Scan) -> None:
    """ "was carried out by X": a culprit named, and who names it."""
    sentence, tokens, article, parties = scan.sentence, scan.tokens, scan.article, scan.parties
    match = CULPRIT.search(sentence.text)
    if match is not None and NEUTRAL_AGENT_VERBS.search(sentence.text[: match.end()]):
        before = {w.strip(".,;:\"'“”").lower() for w in sentence.text[: match.start()].split()[-6:]}
        if not before & ATTACK_WORDS:
            match = None
    if match is None:
        return
    by = sentence.start + match.end()
    culprit = tokens.doc.char_span(by, sentence.end, alignment_mode="expand")
    name = None
    if culprit is not None and len(culprit):
        head = culprit[0]
        while head.head.i > head.i and head.head.i < culprit.end:
            head = head.head
        name = clean_mention(subtree_text(head))
    speaker = parties.speaker_at(article, sentence.start + match.start())
    root = next((t for t in tokens if t.dep_ == "ROOT"), None)
    if speaker is None and root is not None and root.pos_ == "VERB":
        speaker = parties.of(article, source_token(root))
    scan.add("culprit", speaker, name)


def _passive_accused(verb: Any) -> Any | None:
    """The accused of a passive accusation: the passive subject ("Alcorn is accused of"), or the
    noun a reduced relative modifies ("a teacher ... accused of having")."""
    subject = child_of(verb, "nsubjpass")
    if subject is not None:
        return subject
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and any(c.dep_ == "prep" for c in verb.children):
        # "Hayes was arrested and charged with murder": the first verb's passive subject
        return child_of(verb.head, "nsubjpass")
    if (
        verb.dep_ in ("acl", "advcl")
        and verb.tag_ == "VBN"
        and any(c.lower_ in ("of", "with") for c in verb.children)
    ):
        head = verb.head
        while head.dep_ in ("acl", "advcl", "conj") and head.head is not head:
            head = head.head
        nominal = head if head.pos_ in ("NOUN", "PROPN", "PRON") else child_of(head, "nsubj", "nsubjpass")
        return nominal
    return None


def _accuser(article: str, sentence: Sentence, verb: Any, tokens: Any, parties: Parties) -> str | None:
    for prep in verb.children:
        if prep.dep_ == "agent":
            pobj = child_of(prep, "pobj")
            if pobj is not None:
                return parties.names(article, pobj)
    for token in tokens:
        if (
            token.lower_ == "according"
            and token.i + 2 < len(token.doc)
            and token.doc[token.i + 1].lower_ == "to"
        ):
            pobj = child_of(token.doc[token.i + 1], "pobj")
            if pobj is not None:
                return parties.names(article, pobj)
    if verb.dep_ == "relcl":
        return None  # "Oren, the attorney for Dahl, who is accused of killing Berg, said": background
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _NEWS_VERBS:
        return None  # "WANE reports that Pasztor was charged": the outlet tells the news, nobody's charge
    return parties.speaker_in(article, sentence.start, sentence.end)


_NEWS_VERBS = frozenset({"report", "reveal", "learn", "confirm"})


def _active_subject(verb: Any, subject: Any) -> Any | None:
    """ "Trump was quick to blame Obama": the subject of the verb an infinitive hangs on."""
    own = child_of(verb, "nsubj")
    if (own is None and verb.dep_ in ("xcomp", "acomp")) or (own is None and verb.head.dep_ == "acomp"):
        head = verb.head
        for _ in range(2):
            found = child_of(head, "nsubj", "nsubjpass")
            if found is not None:
                return found
            head = head.head
    return subject(verb)


# "the leaders who are responsible": describing others, not claiming responsibility.
_RELATIVE_BEFORE = re.compile(r"\b(?:who|that|which)\s+$", re.IGNORECASE)


def _named_as(verb: Any) -> bool:
    """ "called the claims a fantasy", "described the report as false": the naming has a complement
    ("describing their findings" names nothing)."""
    return any(
        c.dep_ in ("oprd", "xcomp", "acomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "as")
        for c in verb.children
    )


def _nobody(token: Any | None) -> bool:
    """ "No one would dispute that ...": agreement said by nobody in particular, not a counter."""
    if token is None:
        return False
    return (
        token.lower_ in ("nobody", "none", "noone")
        or (token.lower_ in ("one", "body") and any(c.lower_ == "no" for c in token.children))
        or (token.i > 0 and token.doc[token.i - 1].lower_ == "no" and token.lower_ == "one")
    )


def _passive_non_claim(verb: Any) -> bool:
    """ "the offer was rejected", "he was denied bail": what was turned down is no claim."""
    subject = child_of(verb, "nsubjpass")
    if subject is None:  # "... offered $3 million -- and was rejected": the offer, whatever the parse
        return any(c.dep_ == "auxpass" for c in verb.children) and child_of(verb, "agent") is None
    return subject.lemma_.lower() not in ACCUSATION_NOUNS | {
        "account",
        "version",
        "story",
        "report",
        "claim",
        "accusation",
        "allegation",
        "charge",
    }


def _turns_down_a_request(verb: Any) -> bool:
    obj = child_of(verb, "dobj")
    return obj is not None and obj.lemma_.lower() in REQUEST_NOUNS


def _accusation_object(verb: Any) -> bool:
    obj = child_of(verb, "dobj")
    return obj is not None and obj.lemma_.lower() in ACCUSATION_NOUNS | {"account", "version", "story"}


def _conditional(sentence: Sentence, match: Any) -> bool:
    before = sentence.text[: match.start()].lower()
    return before.startswith("if ") or " if " in before or "whether" in before


def _responsible_party(
    article: str, sentence: Sentence, tokens: Any, match: Any, parties: Parties
) -> str | None:
    offset = sentence.start + match.start()
    phrase = match.group().lower()
    if phrase.startswith("claimed by"):
        span = tokens.doc.char_span(offset, sentence.end, alignment_mode="expand")
        agent = next((t for t in span if t.dep_ == "pobj"), None) if span is not None else None
        return parties.of(article, agent)
    speaker = parties.speaker_at(article, offset)
    if speaker is not None:
        return speaker
    token = tokens.doc.char_span(offset, offset + 1, alignment_mode="expand")
    verb = token[0] if token is not None and len(token) else tokens.root
    return parties.of(article, source_token(verb) or source_token(verb.head))
