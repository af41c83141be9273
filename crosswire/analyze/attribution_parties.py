"""Who a claim or counter is by: names for subject phrases, from the quotes' speakers and the entities."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from crosswire.analyze.attribution_spans import PRONOUNS, conjunct_before, phrase_span
from crosswire.analyze.context import doc_text, noun_chunk_at
from crosswire.analyze.entities import Entity, EntityIndex, clean_mention
from crosswire.analyze.quotes import ArticleQuote

# "the group", "the company": the organisation named last.
_BODIES = frozenset(
    {
        "group",
        "organization",
        "organisation",
        "agency",
        "ministry",
        "body",
        "watchdog",
        "company",
        "firm",
        "gang",
        "party",
        "union",
        "militia",
        "movement",
        "government",
        "regulator",
    }
)


_COUNSEL = r"(?:attorney|lawyer|counsel|solicitor|spokes(?:man|woman|person)|representative)s?"
_FOR_CLIENT = re.compile(_COUNSEL + r"\s+(?:for|of|representing)\s+((?:[A-Z][\w.'-]*\s?){1,4})")
_CLIENTS = re.compile(r"((?:[A-Z][\w.-]*\s){0,3}[A-Z][\w.-]*)['’]s?\s+(?:\w+\s)?" + _COUNSEL + r"\b")


def _antecedent(pronoun: Any) -> Any | None:
    """The noun a relative pronoun stands for: its clause's head noun when the parse gives one,
    else the noun right before it (a comma between)."""
    clause = pronoun.head
    if clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
        return conjunct_before(clause.head, pronoun)
    i = pronoun.i - 1
    while i >= 0 and pronoun.doc[i].is_punct:
        i -= 1
    previous = pronoun.doc[i] if i >= 0 else None
    return previous if previous is not None and previous.pos_ in ("NOUN", "PROPN") else None


class Parties:
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
        if token is None or token.lower_ in ("you", "your", "yourself"):
            return None  # "or you'll get sued": the reader, no party of the story
        if token.lower_ in ("which", "who", "that") and token.tag_ in ("WDT", "WP"):
            return self.of(article, _antecedent(token))  # "Orbis Pictures, which says": Orbis Pictures
        quote = self.by_head.get((article, token.idx))
        if quote is not None and quote.speaker.kind in ("person", "organization", "place"):
            return self._remember(article, quote.speaker.name, quote.speaker.kind == "person")
        entity = self._entity(article, token)
        if entity is None and token.pos_ == "PROPN":
            entity = self.index.resolve(token.text, kind="person")
        if (
            entity is None
            and token.lemma_.lower() in _BODIES
            and [c.lower_ for c in token.children] == ["the"]
        ):
            entity = self.previous(article, token.idx, ("organization",))
        if entity is not None:
            return self._remember(article, entity.name, entity.kind == "person")
        if token.lower_ in PRONOUNS:
            return self._pronoun(article, token)
        named = next(
            (
                c
                for c in token.children
                if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and c.i > token.i
            ),
            None,
        )
        if token.pos_ == "NOUN" and named is not None:  # "the operator Halvard Power"
            return self.of(article, named)
        if quote is not None and quote.speaker.name:
            return self._remember(article, quote.speaker.name, False)
        chunk = noun_chunk_at(token.doc, token.i)
        start, end = (chunk.start_char, chunk.end_char) if chunk is not None else phrase_span(token, [])
        text = clean_mention(doc_text(token.doc)[start:end])
        return self._remember(article, text, False) if text else None

    def _pronoun(self, article: str, token: Any) -> str | None:
        personal = token.lower_ in ("he", "she", "him", "her")
        remembered = (self.last_person if personal else self.last).get(article)
        if remembered is not None:
            return remembered
        kinds = ("person",) if personal else ("organization", "place")
        previous = self.previous(article, token.idx, kinds)
        return previous.name if previous is not None else None

    def previous(self, article: str, before: int, kinds: tuple[str, ...]) -> Entity | None:
        """The entity of this kind mentioned last before an offset ("the group" -> Amnesty International)."""
        best: tuple[int, Entity] | None = None
        for entity in self.index.entities:
            if entity.kind in kinds:
                for span in entity.spans:
                    if (
                        span.article == article
                        and span.end <= before
                        and (best is None or span.end > best[0])
                    ):
                        best = (span.end, entity)
        return best[1] if best else None

    def _entity(self, article: str, token: Any) -> Entity | None:
        for candidate in (token, *[c for c in token.children if c.dep_ in ("appos", "compound")]):
            for kind in ("person", "organization", "place"):
                entity = self.index.at(article, candidate.idx, candidate.idx + len(candidate.text), kind=kind)
                # "the US-led coalition": a place mention used as a modifier is not the party.
                if entity is not None and (
                    candidate is token or kind == "person" or candidate.dep_ == "appos"
                ):
                    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].dep_ == "compound":
                        continue
                    return entity
        return None

    def speaker_in(self, article: str, start: int, end: int) -> str | None:
        """The speaker of the first quote or reported statement inside a sentence."""
        for quote in self.quotes:
            a = quote.attribution
            if (
                quote.article == article
                and start <= a.content_start < end
                and quote.speaker.kind != "unknown"
            ):
                return quote.speaker.name
        return None

    def speaker_at(self, article: str, offset: int) -> str | None:
        """The speaker of a quote or reported statement covering this offset."""
        for quote in self.quotes:
            a = quote.attribution
            speaker = quote.speaker
            if (
                quote.article == article
                and a.content_start <= offset < a.content_end
                and speaker.kind != "unknown"
            ):
                return speaker.name
        return None

    def client_of(self, article: str, name: str | None) -> str | None:
        """Whom a speaker speaks for, when the article calls them so ("John Fuller, Hayes' attorney",
        "a lawyer for Cardell Hayes"): the accused side includes its lawyers and spokespeople."""
        if not name:
            return None
        for quote in self.quotes:
            if quote.article != article or quote.speaker.name != name:
                continue
            for text in (quote.speaker.role or "", quote.attribution.source_text):
                match = _FOR_CLIENT.search(text) or _CLIENTS.search(text)
                if match is not None:
                    client = clean_mention(match.group(1))
                    entity = self.index.resolve(client, kind="person") if client else None
                    return entity.name if entity is not None else client
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
