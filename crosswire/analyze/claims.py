"""Claims section: who asserted what, and who denied, rejected, disputed it or pointed elsewhere.

Counter-statements are found from their cues (deny, reject, dismiss, dispute,
"no evidence", "claimed responsibility", blame, "carried out by") and linked to
the claim they answer: a claim spelled out inside the counter ("denied reports
from Amnesty that its campaign hits civilians"), or else the nearest earlier
accusation in the same article ("Russia rejected the claims"). Strong
accusations (accuse, allege, blame, condemn ...) are claims even when nobody
answers them. The same claim reported by several articles is merged, with its
counters, when the statements say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from crosswire.analyze.attribution_cues import (
    ACCEPTANCE,
    ACCUSATION_NOUNS,
    ACCUSATION_VERBS,
    ATTACK_WORDS,
    BLAME,
    CULPRIT,
    DENIAL_PHRASES,
    DENIED_RESPONSIBILITY,
    DISPUTE_PHRASES,
    NAMING,
    NEUTRAL_AGENT_VERBS,
    RESPONSIBILITY,
    STRONG_ACCUSATION,
    counter_kind,
    negated,
    subtree_span,
    subtree_text,
)
from crosswire.analyze.attribution_spans import ALL_CUES, PRONOUNS, phrase_span, source_token
from crosswire.analyze.context import AnalysisContext
from crosswire.analyze.entities import DEMONYMS, Entity, EntityIndex, clean_mention, fold
from crosswire.analyze.quotes import ArticleQuote, Quote, article_quotes
from crosswire.model import Sentence, SourceSpan

# "the group", "the company": the organisation named last.
_BODIES = frozenset({"group", "organization", "organisation", "agency", "ministry", "body", "watchdog", "company",
                     "firm", "gang", "party", "union", "militia", "movement", "government", "regulator"})
# A capital or seat of government speaks for its country ("Moscow denied", "the Kremlin said").
METONYMS = {
    "moscow": "russia", "kremlin": "russia", "washington": "united states", "white house": "united states",
    "pentagon": "united states", "damascus": "syria", "beijing": "china", "london": "united kingdom",
    "paris": "france", "berlin": "germany", "tehran": "iran", "kyiv": "ukraine", "kiev": "ukraine",
    "ankara": "turkey", "riyadh": "saudi arabia", "jerusalem": "israel", "baghdad": "iraq", "tokyo": "japan",
}
ANTECEDENT_WINDOW = 6  # sentences back to look for the claim a counter answers
MERGE_SIMILARITY = 0.72  # cosine of statement vectors: the same claim whoever makes it
RELATED_SIMILARITY = 0.45  # enough when the accused (or a claim of responsibility) is shared


@dataclass(frozen=True)
class Counter:
    """A statement against a claim: a denial, rejection, dispute, blame-shift or claim of responsibility."""

    statement: str
    party: str | None
    kind: str  # "denial" | "rejection" | "dispute" | "blame-shift" | "responsibility"
    articles: tuple[str, ...]
    spans: tuple[SourceSpan, ...] = ()
    culprit: str | None = None  # for a blame-shift: who is blamed instead


@dataclass(frozen=True)
class Claim:
    """An assertion by a party (``claimant``) about another (``accused``), with its counters."""

    statement: str
    claimant: str | None
    accused: str | None
    counters: tuple[Counter, ...]
    articles: tuple[str, ...]
    spans: tuple[SourceSpan, ...] = ()


@dataclass
class _Statement:
    """A claim or counter found in one sentence of one article (mutable while linking)."""

    article: str
    sentence: Sentence
    role: str  # "claim" or a counter kind
    party: str | None
    text: str
    start: int
    end: int
    target: str | None = None  # accused (claim) or culprit (blame-shift)
    claim: _Statement | None = None
    counters: list[_Statement] = field(default_factory=list)

    @property
    def span(self) -> SourceSpan:
        return SourceSpan(self.article, self.start, self.end)


class _Parties:
    """Names the party behind a subject token, using the quotes' resolved speakers and the entities."""

    def __init__(self, index: EntityIndex, quotes: Sequence[ArticleQuote]) -> None:
        self.index = index
        self.by_head = {(q.article, q.attribution.source_head): q for q in quotes if q.attribution.has_source}
        self.quotes = quotes
        self.last: dict[str, str] = {}
        self.last_person: dict[str, str] = {}

    def of(self, article: str, token: Any | None) -> str | None:
        """Names in order of trust: a named speaker, an entity at (or in apposition to) the token,
        "the company" as the organisation named last, a pronoun's antecedent, then the words."""
        if token is None:
            return None
        quote = self.by_head.get((article, token.idx))
        if quote is not None and quote.speaker.kind in ("person", "organization", "place"):
            return self._remember(article, quote.speaker.name, quote.speaker.kind == "person")
        entity = self._entity(article, token)
        if entity is None and token.pos_ == "PROPN":
            entity = self.index.resolve(token.text, kind="person")
        if entity is None and token.lemma_.lower() in _BODIES and [c.lower_ for c in token.children] == ["the"]:
            entity = self._previous(article, token.idx, ("organization",))
        if entity is not None:
            return self._remember(article, entity.name, entity.kind == "person")
        if token.lower_ in PRONOUNS:
            return self._pronoun(article, token)
        if quote is not None and quote.speaker.name:
            return self._remember(article, quote.speaker.name, False)
        chunk = next((c for c in token.doc.noun_chunks if c.start <= token.i < c.end and "\n" not in c.text), None)
        start, end = (chunk.start_char, chunk.end_char) if chunk is not None else phrase_span(token, [])
        text = clean_mention(token.doc.text[start:end])
        return self._remember(article, text, False) if text else None

    def _pronoun(self, article: str, token: Any) -> str | None:
        personal = token.lower_ in ("he", "she", "him", "her")
        remembered = (self.last_person if personal else self.last).get(article)
        if remembered is not None:
            return remembered
        kinds = ("person",) if personal else ("organization", "place")
        previous = self._previous(article, token.idx, kinds)
        return previous.name if previous is not None else None

    def _previous(self, article: str, before: int, kinds: tuple[str, ...]) -> Entity | None:
        """The entity of this kind mentioned last before an offset ("the group" -> Amnesty International)."""
        best: tuple[int, Entity] | None = None
        for entity in self.index.entities:
            if entity.kind in kinds:
                for span in entity.spans:
                    if span.article == article and span.end <= before and (best is None or span.end > best[0]):
                        best = (span.end, entity)
        return best[1] if best else None

    def _entity(self, article: str, token: Any) -> Entity | None:
        for candidate in (token, *[c for c in token.children if c.dep_ in ("appos", "compound")]):
            for kind in ("person", "organization", "place"):
                entity = self.index.at(article, candidate.idx, candidate.idx + len(candidate.text), kind=kind)
                # "the US-led coalition": a place mention used as a modifier is not the party.
                if entity is not None and (candidate is token or kind == "person" or candidate.dep_ == "appos"):
                    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].dep_ == "compound":
                        continue
                    return entity
        return None

    def speaker_in(self, article: str, start: int, end: int) -> str | None:
        """The speaker of the first quote or reported statement inside a sentence."""
        for quote in self.quotes:
            a = quote.attribution
            if quote.article == article and start <= a.content_start < end and quote.speaker.kind != "unknown":
                return quote.speaker.name
        return None

    def speaker_at(self, article: str, offset: int) -> str | None:
        """The speaker of a quote or reported statement covering this offset."""
        for quote in self.quotes:
            a = quote.attribution
            if quote.article == article and a.content_start <= offset < a.content_end and quote.speaker.name:
                if quote.speaker.kind != "unknown":
                    return quote.speaker.name
        return None

    def _remember(self, article: str, name: str, person: bool) -> str:
        (self.last_person if person else self.last)[article] = name
        return name

    def names(self, article: str, token: Any) -> str | None:
        """A party, or several joined ("Amnesty International, Human Rights Watch and Syrian rights groups")."""
        parts = [token, *[c for c in token.conjuncts if c.i > token.i]]
        named = [self.of(article, part) for part in parts]
        clean = [n for n in dict.fromkeys(named) if n]
        if not clean:
            return None
        return clean[0] if len(clean) == 1 else ", ".join(clean[:-1]) + " and " + clean[-1]


def _sentence_text(sentence: Sentence) -> str:
    return " ".join(sentence.text.split())


def _tokens(doc: Any, sentence: Sentence) -> Any:
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    return span if span is not None else doc[0:0]


def _child(token: Any, *deps: str) -> Any | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _object_claim(verb: Any, parties: _Parties, article: str) -> tuple[str, int, int, str | None] | None:
    """A claim spelled out in a counter's object: (statement, start, end, claimant)."""
    clause = _child(verb, "ccomp")
    if clause is not None:
        start, end = subtree_span(clause)
        return subtree_text(clause), start, end, None
    obj = _child(verb, "dobj")
    if obj is None:
        return None
    if obj.lemma_.lower() not in ACCUSATION_NOUNS:
        # "contradicted Ostrava Chemicals": the object is the party whose claim is disputed.
        if verb.lemma_.lower() in ("contradict", "refute", "rebut") and obj.pos_ == "PROPN":
            sentence = verb.sent
            return sentence.text, sentence.start_char, sentence.end_char, parties.names(article, obj)
        return None
    claimant = None
    possessor = _child(obj, "poss")
    if possessor is not None and possessor.pos_ in ("PROPN", "NOUN"):
        claimant = parties.names(article, possessor)
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
            pobj = _child(prep, "pobj")
            if pobj is not None:
                claimant = parties.names(article, pobj)
    content = next((c for c in obj.subtree if c.dep_ in ("acl", "ccomp", "relcl") and c.head.i >= obj.i
                    and any(t.lower_ == "that" for t in c.lefts)), None)
    if content is None:
        of = next((p for p in obj.children if p.dep_ == "prep" and p.lower_ in ("of", "about")), None)
        content = _child(of, "pobj") if of is not None else None
    if content is None:
        return None if claimant is None else (subtree_text(obj), *subtree_span(obj), claimant)
    start, end = subtree_span(content)
    text = verb.doc.text[start:end]
    if text.lower().startswith("that "):
        start, text = start + 5, text[5:]
    return text, start, end, claimant


def _find_statements(ctx: AnalysisContext, parties: _Parties) -> list[_Statement]:
    found: list[_Statement] = []
    for article in ctx.story.articles:
        doc = ctx.docs[article.id]
        for sentence in ctx.story.sentences_of(article.id):
            if article.title and sentence.text.strip() == article.title.strip():
                continue  # the headline repeats the body
            found.extend(_sentence_statements(article.id, sentence, _tokens(doc, sentence), parties))
    return found


def _sentence_statements(article: str, sentence: Sentence, tokens: Any, parties: _Parties) -> list[_Statement]:
    text = _sentence_text(sentence)
    out: list[_Statement] = []

    def add(role: str, party: str | None, target: str | None = None) -> _Statement:
        item = _Statement(article, sentence, role, party, text, sentence.start, sentence.end, target)
        out.append(item)
        return item

    def subject(verb: Any) -> Any | None:
        found = source_token(verb)
        if found is not None and sentence.start <= found.idx < sentence.end:
            return found
        # The parse of a headline without a full stop can run into the first sentence:
        # take the first noun phrase of this sentence before the verb.
        return next(
            (
                t for t in tokens
                if t.i < verb.i and t.pos_ in ("PROPN", "NOUN") and t.dep_ != "pobj"
                and t.ent_type_ not in ("DATE", "TIME")
            ),
            None,
        )

    for token in tokens:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in ACCEPTANCE and negated(token) and _accusation_object(token):
            add("rejection", parties.of(article, subject(token)))
            continue
        if token.pos_ == "VERB" and lemma in NAMING and _accusation_object(token) and not out:
            add("dispute", parties.of(article, subject(token)))
            continue
        if token.pos_ not in ("VERB", "NOUN") or negated(token):
            continue
        kind = counter_kind(lemma) if token.pos_ == "VERB" else None
        if kind is not None:
            party = parties.of(article, subject(token))
            counter = add(kind, party)
            embedded = _object_claim(token, parties, article)
            if embedded is not None and not DENIED_RESPONSIBILITY.search(text):
                statement, start, end, claimant = embedded
                claim = _Statement(article, sentence, "claim", claimant, statement, start, end, target=party)
                claim.counters.append(counter)
                counter.claim = claim
                out.insert(0, claim)
        elif lemma in BLAME and token.pos_ == "VERB":
            culprit = _child(token, "dobj")
            add("blame", parties.of(article, subject(token)),
                parties.names(article, culprit) if culprit is not None else None)
        elif lemma in STRONG_ACCUSATION and token.pos_ == "VERB" and not any(o.role == "claim" for o in out):
            target = _child(token, "dobj")
            add("claim", parties.of(article, subject(token)),
                parties.names(article, target) if target is not None else None)
    for kind, pattern in (("denial", DENIAL_PHRASES), ("dispute", DISPUTE_PHRASES)):
        if any(s.role in ("denial", "rejection", "dispute") for s in out):
            break
        match = pattern.search(sentence.text)
        if match is not None:
            speaker = parties.speaker_at(article, sentence.start + match.start())
            if speaker is not None:
                add(kind, speaker)
    match = RESPONSIBILITY.search(sentence.text)
    if match is not None and not DENIED_RESPONSIBILITY.search(sentence.text) and not _conditional(sentence, match):
        add("responsibility", _responsible_party(article, sentence, tokens, match, parties))
    match = CULPRIT.search(sentence.text)
    if match is not None and NEUTRAL_AGENT_VERBS.search(sentence.text[: match.end()]):
        before = {w.strip(".,;:\"'“”").lower() for w in sentence.text[: match.start()].split()[-6:]}
        if not before & ATTACK_WORDS:
            match = None
    if match is not None:
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
        add("culprit", speaker, name)
    order = {"claim": 0, "denial": 1, "rejection": 1, "dispute": 1, "responsibility": 1, "blame": 2, "culprit": 2}
    return sorted(out, key=lambda item: order[item.role])


def _accusation_object(verb: Any) -> bool:
    obj = _child(verb, "dobj")
    return obj is not None and obj.lemma_.lower() in ACCUSATION_NOUNS | {"account", "version", "story"}


def _conditional(sentence: Sentence, match: Any) -> bool:
    before = sentence.text[: match.start()].lower()
    return before.startswith("if ") or " if " in before or "whether" in before


def _responsible_party(
    article: str, sentence: Sentence, tokens: Any, match: Any, parties: _Parties
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


def _antecedent(
    ctx: AnalysisContext, counter: _Statement, items: list[_Statement], sentences: list[Sentence], parties: _Parties
) -> _Statement | None:
    """The claim a counter answers: a claim answered just before (the same dispute going on), else the
    earlier sentence in the window most like the counter, accusing sentences first."""
    here = sentences.index(counter.sentence) if counter.sentence in sentences else 0
    window = sentences[max(0, here - ANTECEDENT_WINDOW) : here + 1]
    for item in reversed(items):
        if item.article == counter.article and item is not counter and item.claim is not None and (
            item.role in ("denial", "rejection", "dispute") and item.sentence in window[-3:]
        ):
            return item.claim
    claims_here = [i for i in items if i.role == "claim" and i.article == counter.article and i.sentence in window
                   and not _same(i.party, counter.party)]
    if claims_here:
        return max(claims_here, key=lambda i: sentences.index(i.sentence))
    vector = ctx.vector_of(counter.sentence)
    best: tuple[float, Sentence] | None = None
    for sentence in window[:-1]:
        lemmas = {t.lemma_.lower() for t in _tokens(ctx.docs[counter.article], sentence)}
        score = float(ctx.vector_of(sentence) @ vector) + (0.15 if lemmas & (ACCUSATION_NOUNS | ACCUSATION_VERBS) else 0)
        if best is None or score > best[0]:
            best = (score, sentence)
    if best is None:
        return None
    sentence = best[1]
    tokens = _tokens(ctx.docs[counter.article], sentence)
    claimant = parties.speaker_in(counter.article, sentence.start, sentence.end)
    accused = _actor(counter.article, tokens, parties, exclude=claimant)
    return _Statement(
        counter.article, sentence, "claim", claimant, _sentence_text(sentence), sentence.start, sentence.end, accused
    )


def _actor(article: str, tokens: Any, parties: _Parties, exclude: str | None) -> str | None:
    """Who acts in a sentence: the subject of its first verb that is not a speech verb."""
    for token in tokens:
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "VERB" and token.pos_ != "PRON":
            if token.head.lemma_.lower() in ALL_CUES or token.head.lemma_.lower() in ("be", "concern"):
                continue
            name = parties.of(article, token)
            if name and not _same(name, exclude):
                return name
    return None


def _link(ctx: AnalysisContext, items: list[_Statement], parties: _Parties) -> list[_Statement]:
    """Attach every counter to a claim, in text order; returns the claims."""
    sentences = {a.id: list(ctx.story.sentences_of(a.id)) for a in ctx.story.articles}
    answered: dict[int, _Statement] = {}  # id of a blame-shift -> the claim it became when answered
    for item in items:
        if item.claim is not None:
            continue
        if item.role in ("blame", "culprit"):
            _link_blame(item, items, sentences[item.article])
            continue
        if item.role == "responsibility":
            # Who did it: the event is the claim; blame elsewhere nearby becomes its blame-shift.
            claim = _Statement(item.article, item.sentence, "claim", item.party, item.text, item.start, item.end)
        elif item.role in ("denial", "rejection", "dispute"):
            shift = _answered_shift(item, items, sentences[item.article])
            if shift is not None:
                claim = answered.setdefault(id(shift), _Statement(
                    shift.article, shift.sentence, "claim", shift.party, shift.text, shift.start, shift.end,
                    shift.target))
            else:
                found = _antecedent(ctx, item, items, sentences[item.article], parties)
                claim = found or _Statement(item.article, item.sentence, "claim", None, item.text, item.start,
                                            item.end)
            if claim.target is None:
                claim.target = item.party
        else:
            continue
        claim.counters.append(item)
        item.claim = claim
        if claim not in items:
            items.append(claim)
            claim.claim = claim  # linked; never revisited by this loop
    return [i for i in items if i.role == "claim"]


def _answered_shift(counter: _Statement, items: list[_Statement], sentences: list[Sentence]) -> _Statement | None:
    """A counter right after someone pointed the finger elsewhere answers that blame-shift
    ("The gang blamed a former contractor. The contractor rejected that account.")."""
    if counter.claim is not None or counter.sentence not in sentences:
        return None
    here = sentences.index(counter.sentence)
    for item in items:
        if item.role == "blame-shift" and item.article == counter.article and item.sentence in sentences:
            gap = here - sentences.index(item.sentence)
            if gap == 1 and not _same(item.party, counter.party):
                return item
    return None


def _link_blame(item: _Statement, items: list[_Statement], sentences: list[Sentence]) -> None:
    """A blame next to a denial or a claim of responsibility points elsewhere: a blame-shift.
    Otherwise "X blamed Y" is itself an accusation (a claim)."""
    position = {s.start: i for i, s in enumerate(sentences)}
    here = position.get(item.sentence.start, 0)
    nearby = [
        other for other in items
        if other.article == item.article and other.role in ("denial", "rejection", "dispute", "responsibility")
        and 0 <= here - position.get(other.sentence.start, -99) <= 3 and other.claim is not None
        and other.claim is not other
    ]
    if nearby:
        other = max(nearby, key=lambda o: o.sentence.start)
        assert other.claim is not None
        item.role = "blame-shift"
        other.claim.counters.append(item)
        item.claim = other.claim
    elif item.role == "blame" and item.target:
        item.role = "claim"


def _vectors(ctx: AnalysisContext, texts: list[str]) -> np.ndarray:
    if not texts:
        return np.zeros((0, 1))
    vectors = np.asarray(ctx.embedder.encode(texts), dtype=float)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and fold(a) == fold(b)


def _country(name: str | None) -> str | None:
    """The country a party speaks for, when it names one ("Moscow", "Russian officials" -> "russia")."""
    if not name:
        return None
    folded = fold(name)
    if folded in METONYMS:
        return METONYMS[folded]
    first = name.split()[0]
    if first in DEMONYMS:
        return fold(DEMONYMS[first])
    return folded


def _merge(ctx: AnalysisContext, claims: list[_Statement]) -> list[list[_Statement]]:
    """Claims from different articles that say the same thing join: very similar statements, or
    similar statements about the same accused party from compatible claimants, or two claims of
    responsibility for similar events."""
    vectors = _vectors(ctx, [c.text for c in claims])
    parent = list(range(len(claims)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            a, b = claims[i], claims[j]
            if a.article == b.article and a.sentence.start != b.sentence.start:
                continue
            similarity = float(vectors[i] @ vectors[j])
            same_target = _country(a.target) is not None and _country(a.target) == _country(b.target)
            compatible = a.party is None or b.party is None or _country(a.party) == _country(b.party)
            both_responsibility = any(c.role == "responsibility" for c in a.counters) and any(
                c.role == "responsibility" for c in b.counters
            )
            if (
                similarity >= MERGE_SIMILARITY
                or (same_target and compatible and similarity >= RELATED_SIMILARITY)
                or (both_responsibility and similarity >= RELATED_SIMILARITY)
            ):
                parent[find(j)] = find(i)
    groups: dict[int, list[_Statement]] = {}
    for i, claim in enumerate(claims):
        groups.setdefault(find(i), []).append(claim)
    return list(groups.values())


def _counters(items: list[_Statement]) -> tuple[Counter, ...]:
    merged: list[tuple[str, str | None, str | None, list[_Statement]]] = []
    for item in items:
        key = (item.role, fold(item.party) if item.party else None, fold(item.target) if item.target else None)
        home = next((m for m in merged if (m[0], m[1], m[2]) == key), None)
        if home is None:
            merged.append((*key, [item]))
        elif all(i.sentence.start != item.sentence.start or i.article != item.article for i in home[3]):
            home[3].append(item)
    result = []
    for kind, _, _, group in merged:
        first = group[0]
        spans = tuple(dict.fromkeys(i.span for i in group))
        result.append(
            Counter(
                statement=first.text,
                party=first.party,
                kind=kind,
                articles=tuple(dict.fromkeys(s.article for s in spans)),
                spans=spans,
                culprit=first.target if kind == "blame-shift" else None,
            )
        )
    return tuple(result)


def _claim_record(group: list[_Statement]) -> Claim:
    main = max(group, key=lambda c: (len(c.counters), c.party is not None, c.target is not None))
    claimant = main.party or next((c.party for c in group if c.party), None)
    accused = main.target or next((c.target for c in group if c.target), None)
    spans = tuple(dict.fromkeys(c.span for c in group))
    return Claim(
        statement=" ".join(main.text.split()),
        claimant=claimant,
        accused=accused,
        counters=_counters([counter for claim in group for counter in claim.counters]),
        articles=tuple(dict.fromkeys([s.article for s in spans] + [a for c in group for x in c.counters
                                                                     for a in [x.article]])),
        spans=spans,
    )


def extract_claims(ctx: AnalysisContext, entities: Sequence[Entity], quotes: Sequence[Quote] = ()) -> tuple[Claim, ...]:
    """Claims with their counter-statements, merged across articles; answered claims first.

    ``quotes`` is accepted for the section interface; speakers are re-resolved
    per article here because claims need the local (per-article) attributions.
    """
    index = EntityIndex(entities)
    local_quotes = article_quotes(ctx, index)
    parties = _Parties(index, local_quotes)
    items = _find_statements(ctx, parties)
    claims = _link(ctx, items, parties)
    records = [_claim_record(group) for group in _merge(ctx, claims)]
    return tuple(sorted(records, key=lambda c: (-len(c.counters), -len(c.articles))))
