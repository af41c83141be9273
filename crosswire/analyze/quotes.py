"""Quotes section: who said what, with the speaker named as fully as the story allows.

Each article's attributions (``attribution_spans``) get a speaker: the entity
at the source phrase ("Toner" -> Mark Toner, the full name possibly given in
another article), the previous speaker for "he"/"she", an earlier "a US
official" for "the official", or the phrase itself ("a spokesman") when no
name is known. The words before the name, or an appositive, are the speaker's
role ("State Department spokesman"). The same quote carried by several
articles (same or near-same words) becomes one record citing all of them
(``quote_merge``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any

from crosswire.analyze.attribution_spans import (
    PRONOUNS,
    SPEECH_CUES,
    LocalAttribution,
    find_attributions,
    phrase_span,
    quote_spans,
)
from crosswire.analyze.context import AnalysisContext, doc_sentences, doc_text
from crosswire.analyze.entities import Entity, EntityIndex, fold
from crosswire.analyze.entity_mentions import SPEAKER_LABEL
from crosswire.analyze.person_nouns import noun_gender, person_noun
from crosswire.analyze.quote_merge import (
    ArticleQuote,
    Speaker,
    clean_role,
    fill_roles,
    merge_quotes,
    same_statement,
)
from crosswire.analyze.speaker_gender import pronouns_of
from crosswire.model import Quote

__all__ = ["ArticleQuote", "Quote", "Speaker", "article_quotes", "extract_quotes", "same_statement"]

_PERSON_PRONOUNS = frozenset(["he", "she", "him", "her", "his", "i"])
_GROUP_PRONOUNS = frozenset(["they", "it", "we", "their", "its", "our"])
_GENDER = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she"}


def _appositive(doc: Any, start: int, end: int) -> str | None:
    """ "Steve Warren, a Baghdad-based spokesman for the coalition, said": the appositive."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    for token in span:
        for child in token.children:
            if child.dep_ == "appos" and child.i >= span.end:
                words = list(child.subtree)
                return clean_role(doc[words[0].i : words[-1].i + 1].text)
    return None


class SpeakerResolver:
    """Resolves source phrases of one article in text order, remembering the previous speakers."""

    def __init__(self, index: EntityIndex, article: str, doc: Any) -> None:
        self.index = index
        self.article = article
        self.doc = doc
        self.last_person: Speaker | None = None
        self.last_person_at = -1
        self.last_group: Speaker | None = None
        self.descriptions: list[tuple[str, Speaker]] = []
        self.resolved_at: dict[int, Speaker] = {}  # a source's head -> whom it was resolved to
        self.quoted = quote_spans(doc_text(doc))
        self._token_starts: list[int] | None = None  # each token's offset, for "the tokens before" lookups
        people = [e for e in index.entities if e.kind == "person"]
        # person -> "he" or "she", as the article's words or a pronoun named them
        self.called: dict[str, str] = pronouns_of(people, article, doc_text(doc))

    def resolve(self, attribution: LocalAttribution) -> Speaker:
        if not attribution.has_source:
            return Speaker("", "unknown", None)
        text = attribution.source_text
        words = fold(text).split()
        if len(words) == 1 and words[0] in PRONOUNS:
            # “...,” she said: the person is named before the quotation opens, not inside it
            before = attribution.content_start if attribution.kind == "direct" else attribution.source_start
            speaker = self._pronoun(words[0], min(before, attribution.source_start))
            if speaker.kind == "person" and _GENDER.get(words[0]):
                self.called.setdefault(speaker.name, _GENDER[words[0]])
        else:
            speaker = self._named(attribution) or self._description(attribution)
            if (
                speaker.kind == "description"
                and _definite_person(speaker.name)
                and attribution.cue != "according to"
                and not self._renames_subject(attribution, speaker)
            ):
                # "said the 40-year-old mountaineer": the person who spoke or was the subject just before.
                speaker = self._recent_speaker(attribution.source_start) or speaker
        if speaker.kind == "person" or (speaker.kind == "description" and _bare_name(speaker.name)):
            # "Steck said" with Steck unknown to the entities is still the person who spoke last
            self.last_person = speaker
            self.last_person_at = attribution.source_start
        elif speaker.kind in ("organization", "place", "description"):
            self.last_group = speaker
        if attribution.source_head >= 0:
            self.resolved_at[attribution.source_head] = speaker
        return speaker

    def _renames_subject(self, attribution: LocalAttribution, speaker: Speaker) -> bool:
        """ "Hale's ex-wife filed for a restraining order ..., the woman wrote": the description names
        again its sentence's own subject (a person noun of the same sex), not the person quoted before."""
        gender = noun_gender(speaker.name.split()[-1].lower())
        head = self._token_at(attribution.source_start)
        if gender is None or head is None:
            return False
        return any(
            token.dep_ in ("nsubj", "nsubjpass")
            and not any(a <= token.idx < b for a, b in self.quoted)
            and (lemma := person_noun(token)) is not None
            and noun_gender(lemma) == gender
            for token in head.sent
            if token.idx < attribution.source_start
        )

    def _described(self, token: Any, gender: str | None, spoke: bool, strict: bool) -> Speaker | None:
        """The one person a subject describes ("Another witness", "One of Hale's girlfriends"), when
        "he" or "she" can stand for them: whom the subject was resolved to when it spoke, else its own
        words (``spoke``: only a subject that spoke counts)."""
        lemma = person_noun(token) if gender is not None else None
        if lemma is None or noun_gender(lemma) not in ((gender,) if strict else (None, gender)):
            return None
        earlier = self.resolved_at.get(token.idx)
        if earlier is not None:
            fits = earlier.kind == "description" or (
                earlier.kind == "person" and self.called.get(earlier.name, gender) == gender
            )
            return earlier if fits else None
        if spoke:
            return None
        start, end = phrase_span(token, self.quoted)
        words = " ".join(doc_text(self.doc)[start:end].split())
        words = re.sub(r"\s+(?:speaking|who|which|that|familiar)\b.*$", "", words)
        return Speaker(words, "description", None) if words else None

    def _recent_speaker(self, start: int) -> Speaker | None:
        """The person quoted in one of the two sentences before ``start``, else None."""
        sentences = [s for s in doc_sentences(self.doc) if s.start_char < start]
        window = sentences[-4] if len(sentences) >= 4 else (sentences[0] if sentences else None)
        if self.last_person is not None and window is not None and self.last_person_at >= window.start_char:
            return self.last_person
        return None

    def _pronoun(self, pronoun: str, start: int) -> Speaker:
        if pronoun in _PERSON_PRONOUNS:
            # "she said ... “...?” he asked": a person the article called "she" is not "he".
            gender = _GENDER.get(pronoun)
            candidates = (
                lambda: self._antecedent_person(start, lambda name: self.called.get(name) == gender, gender, True),
                lambda: self._antecedent_person(start, described=gender),
                lambda: self._recent_speaker(start),
                lambda: self.last_person,
            )
            own = self._line_speaker(start)
            for candidate in candidates:
                found = candidate()
                if found is None or self._is_body(found) or found.name == own:
                    continue  # "he" is no organisation or place, nor the speaker of the line it is in
                if self.called.get(found.name, gender) == gender:
                    return found
            entity = self._previous_entity(
                start, "person", lambda e: self.called.get(e.name, gender) == gender and e.name != own
            )
            if entity is not None:
                return Speaker(entity.name, "person", None)
        elif pronoun in _GROUP_PRONOUNS:
            # "they" is usually the last group that spoke; "it" the last body that was a subject.
            subject = self._previous_subject(start)
            ordered = (
                [self.last_group, subject]
                if pronoun in ("they", "their", "we", "our")
                else [subject, self.last_group]
            )
            found = next((speaker for speaker in ordered if speaker is not None), None)
            if found is not None:
                return found
        return Speaker(pronoun, "unknown", None)

    def _line_speaker(self, start: int) -> str | None:
        """ "MARTIN: And she says ...": the person whose transcript label opens the line; "she" in the
        line is someone else, the speaker would say "I"."""
        text = doc_text(self.doc)
        line = text.rfind("\n", 0, start) + 1
        match = SPEAKER_LABEL.match(text, line)
        if match is None:
            return None
        entity = self.index.at(self.article, match.start("name"), match.end("name"), "person")
        return entity.name if entity is not None else None

    def _is_body(self, speaker: Speaker) -> bool:
        known = self.index.resolve(speaker.name)
        return speaker.kind in ("organization", "place") or (known is not None and known.kind != "person")

    def _antecedent_person(
        self,
        before: int,
        allowed: Callable[[str], bool] = lambda name: True,
        described: str | None = None,
        strict: bool = False,
    ) -> Speaker | None:
        """ "Rivlin referred to the trial ... “...,” he said.": a person who is a subject (or a possessor:
        "Michelle's interview, in which she said") earlier in the same sentence, outside quotes, else the
        person who was the subject of the sentence before. With ``described`` ("he" or "she"), a subject
        describing one person of that sex counts too (in the sentence before, only one that spoke;
        ``strict``: only a noun that says the sex, "the woman", as ``allowed`` asks a known sex)."""
        sentences = [s for s in doc_sentences(self.doc) if s.start_char < before]
        if not sentences:
            return None
        text = doc_text(self.doc)
        current = sentences[-1]
        quoted = quote_spans(text[current.start_char : before])
        shared = self._conjunct_subject(before, allowed)
        if shared is not None:
            return shared
        for token in reversed([t for t in current if t.idx < before]):
            if token.dep_ not in ("nsubj", "nsubjpass", "poss"):
                continue
            if any(a <= token.idx - current.start_char < b for a, b in quoted):
                continue
            for word in [token, *(c for c in token.children if c.dep_ == "appos")]:  # "the manager, Ada Lind,"
                entity = self._person_at(word)
                if entity is not None and allowed(entity.name):
                    return Speaker(entity.name, "person", None)
            description = self._described(token, described, False, strict) if token.dep_ != "poss" else None
            if description is not None:
                return description
        for sentence in sentences[-2:-1]:
            for token in sentence:
                if token.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                # "TCM host and film historian Robert Osborne believes ...": a person named in the subject.
                named = [token] if token.pos_ == "PROPN" or self._person_at(token) is not None else [
                    t
                    for t in token.subtree
                    if t.pos_ == "PROPN"
                    and t.dep_ in ("compound", "appos", "conj")
                    and t.head.dep_ != "poss"
                    and not any(c.dep_ == "case" for c in t.children)  # "Rivlin's office" is not Rivlin
                ]
                for word in named:
                    entity = self._person_at(word)
                    if entity is not None and allowed(entity.name):
                        return Speaker(entity.name, "person", None)
                description = self._described(token, described, True, strict)
                if description is not None:
                    return description
        return None

    def _person_at(self, word: Any) -> Entity | None:
        """The person a word names; a known person's capitalised surname counts even where the tagger
        missed it ("Camp defended the release.", "Sanders" tagged a plural noun)."""
        entity = self.index.at(self.article, word.idx, word.idx + len(word.text), "person")
        untagged = self.index.at(self.article, word.idx, word.idx + 1) is None
        if entity is None and untagged and word.text[:1].isupper():
            entity = self.index.resolve(word.text, kind="person")
        return entity

    def _conjunct_subject(self, before: int, allowed: Callable[[str], bool]) -> Speaker | None:
        """ "Ada Lind said that Tom Vell would ..., and he noted that ...": a pronoun subject of a verb
        joined to a speech verb stands for that verb's subject, not the person named in between."""
        pronoun = self._token_at(before)
        if pronoun is None or pronoun.pos_ != "PRON" or pronoun.dep_ != "nsubj":
            return None
        if pronoun.head.dep_ != "conj":
            return None
        first = pronoun.head.head
        if first.lemma_.lower() not in SPEECH_CUES:
            return None
        for child in first.children:
            if child.dep_ == "nsubj":
                entity = self._person_at(child)
                if entity is not None and allowed(entity.name):
                    return Speaker(entity.name, "person", None)
        return None

    def _tokens_before(self, before: int, limit: int) -> list[Any]:
        """The last ``limit`` tokens that start before offset ``before`` (found by bisection: walking the
        whole doc each time made this the analysis's costliest line)."""
        if self._token_starts is None:
            self._token_starts = [t.idx for t in self.doc]
        end = bisect_left(self._token_starts, before)
        return list(self.doc[max(0, end - limit) : end])

    def _previous_subject(self, before: int) -> Speaker | None:
        """ "Moscow denied the reports. It insists ...": the last organisation or place that was a subject."""
        for token in reversed(self._tokens_before(before, 200)):
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ == "PRON":
                continue
            for kind in ("organization", "place"):
                entity = self.index.at(self.article, token.idx, token.idx + len(token.text), kind=kind)
                if entity is not None:
                    return Speaker(entity.name, kind, None)
            if token.pos_ == "PROPN":  # a person: "it" is not about them
                continue
        return None

    def _previous_entity(
        self, before: int, kind: str, allowed: Callable[[Entity], bool] = lambda e: True
    ) -> Entity | None:
        best: tuple[int, Entity] | None = None
        for entity in self.index.entities:
            if entity.kind != kind or not allowed(entity):
                continue
            for span in entity.spans:
                if (
                    span.article == self.article
                    and span.end <= before
                    and (best is None or span.end > best[0])
                ):
                    best = (span.end, entity)
        return best[1] if best else None

    def _named(self, attribution: LocalAttribution) -> Speaker | None:
        head = self._token_at(attribution.source_head)
        if head is None:
            return None
        start, end = attribution.source_start, attribution.source_end
        for kind in ("person", "organization", "place"):
            entity = self.index.at(self.article, head.idx, head.idx + len(head.text), kind=kind)
            if entity is None and kind == "person" and head.pos_ == "PROPN":
                entity = self.index.resolve(head.text, kind="person")
            if entity is None:
                continue
            if kind == "person":
                return Speaker(entity.name, kind, self._role_around(entity, start, end))
            # "the State Department said" is the body; "a State Department official said" is a person in it.
            if head.i + 1 < len(head.doc) and head.doc[head.i + 1].dep_ == "compound":
                return None
            return Speaker(entity.name, kind, None)
        # "the envoy, Brett McGurk, said": a person named in apposition.
        for child in head.children:
            if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN":
                entity = self.index.at(self.article, child.idx, child.idx + len(child.text), kind="person")
                if entity is not None:
                    return Speaker(entity.name, "person", clean_role(attribution.source_text))
                entity = self.index.at(
                    self.article, child.idx, child.idx + len(child.text), kind="organization"
                )
                if entity is not None and child.dep_ == "appos":  # "a monitoring group, Fair Count, said"
                    return Speaker(entity.name, "organization", None)
        return None

    def _token_at(self, offset: int) -> Any | None:
        if offset < 0:
            return None
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _role_around(self, entity: Entity, start: int, end: int) -> str | None:
        """Words of the source phrase before the person's name, and an appositive."""
        parts = []
        mention = next(
            (s for s in entity.spans if s.article == self.article and start <= s.start and s.end <= end), None
        )
        if mention is not None and mention.start > start:
            before = clean_role(doc_text(self.doc)[start : mention.start])
            if before:
                parts.append(before)
        appositive = _appositive(self.doc, start, end)
        if appositive:
            parts.append(appositive)
        return ", ".join(parts) or None

    def _description(self, attribution: LocalAttribution) -> Speaker:
        cleaned = " ".join(attribution.source_text.split())
        cleaned = re.sub(r"\s+(?:speaking|who|which|familiar)\b.*$", "", cleaned)
        head = self._token_at(attribution.source_head)
        noun = head.lemma_.lower() if head is not None else ""
        definite = fold(cleaned).startswith("the ")
        # "the statement said": whoever last spoke for a body in this article.
        if definite and noun in ("statement", "report", "release") and self.last_group is not None:
            return self.last_group
        # "the official" after "a US military official": the same unnamed speaker.
        if definite:
            for earlier_noun, earlier in reversed(self.descriptions):
                if earlier_noun == noun:
                    return earlier
        if cleaned.lower() in _RELATIVE_WORDS:  # "for what was described by one source as ...": nobody named
            return Speaker("", "unknown", None)
        speaker = Speaker(cleaned, "description", None)
        self.descriptions.append((noun, speaker))
        return speaker


_RELATIVE_WORDS = frozenset(["what", "which", "that", "who", "whom", "whatever"])


def article_quotes(ctx: AnalysisContext, index: EntityIndex) -> list[ArticleQuote]:
    """Every attributed statement of every article, with its speaker resolved."""
    found = []
    for article in ctx.story.articles:
        if not ctx.on_topic(article.id):
            continue
        doc = ctx.docs[article.id]
        resolver = SpeakerResolver(index, article.id, doc)
        # In text order, so "he" finds the speaker named just before (direct quotes come first otherwise).
        ordered = sorted(find_attributions(doc, include_cognition=False), key=_position)
        for attribution in ordered:
            speaker = resolver.resolve(attribution)
            if not speaker.name and attribution.kind == "direct":
                speaker = _dash_speaker(doc, attribution, index) or speaker
            words = len(attribution.content_text.split())
            if not speaker.name or speaker.kind == "unknown":
                continue  # a statement with no one to credit is not a quote a reader can use
            if (
                _STATISTIC.search(speaker.name)
                or _addressee(doc, attribution)
                or _dateline_place(attribution, speaker)
            ):
                continue
            if words < MIN_QUOTE_WORDS or _is_data_source(attribution, speaker) or _label_phrase(doc, attribution):
                continue
            if attribution.kind == "indirect" and (
                words < 4
                or _no_statement(attribution.content_text)
                or _asked_question(doc, attribution)
                or _negated_cue(doc, attribution)
            ):
                continue
            found.append(ArticleQuote(article.id, attribution, speaker))
    return found


_DASH_NAME = re.compile(r"^[\s,.!?…]*[”\"’']?\s*[—–]\s*((?:[A-Z][\w.'’-]*\s?){1,4})")
# "according to a survey": figures from a document, not something a party said.
DATA_SOURCES = frozenset(
    [
        "survey",
        "study",
        "data",
        "poll",
        "research",
        "statistic",
        "figure",
        "estimate",
        "index",
        "version",
        "analysis",
        "record",
        "census",
        "ranking",
        "list",
        "chart",
        "table",
        "model",
    ]
)
MIN_QUOTE_WORDS = 2  # "terrorists", "Last week": a single word is not a quote
MIN_LISTED_QUOTE_WORDS = 4  # a shorter quote is listed only inside a longer one it was merged into


# "did not say who he believed had the gun", "declined to say whether ...": a question, not a statement;
# "adding he had thought to himself": the frame of a quote, not its words.
_INDIRECT_QUESTION = re.compile(r"^\W*(?:whether|if|who|whom|what|why)\b", re.IGNORECASE)
_SELF_FRAME = re.compile(r"\b(?:to|for)\s+(?:himself|herself|themselves|myself|ourselves)\W*$", re.IGNORECASE)


def _negated_cue(doc: Any, attribution: LocalAttribution) -> bool:
    """ "they didn't tell me to use it", "never said that": a cue negated reports nothing said."""
    cue = doc.char_span(attribution.cue_start, attribution.cue_end, alignment_mode="expand")
    return cue is not None and any(child.dep_ == "neg" for token in cue for child in token.children)


def _no_statement(content: str) -> bool:
    return bool(_INDIRECT_QUESTION.match(content) or _SELF_FRAME.search(content))


_ASKED_HOW = re.compile(r"^\W*(?:how|when|where)\b", re.IGNORECASE)


def _asked_question(doc: Any, attribution: LocalAttribution) -> bool:
    """ "When asked how he reconciled that behavior ..., Sollecito said": what the cue "ask" carries
    is the question put to the speaker, not his words ("told reporters how she pushed in" stays)."""
    cue = doc.char_span(attribution.cue_start, attribution.cue_end, alignment_mode="expand")
    asks = cue is not None and any(token.lemma_.lower() == "ask" for token in cue)
    return asks and bool(_ASKED_HOW.match(attribution.content_text))


def _label_phrase(doc: Any, attribution: LocalAttribution) -> bool:
    """ "a large majority", "Last week": a short quoted noun phrase with no verb or adjective at its end
    is a label the writer borrowed, not something a reader can weigh ("extremely disturbing" stays)."""
    if attribution.kind != "direct" or len(attribution.content_text.split()) > 3:
        return False
    span = doc.char_span(attribution.content_start, attribution.content_end, alignment_mode="expand")
    tokens = [t for t in span or () if not t.is_punct]
    if not tokens or any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return False
    return tokens[-1].pos_ in ("NOUN", "PRON", "NUM") or tokens[-1].ent_type_ in ("DATE", "TIME")


def _dash_speaker(doc: Any, attribution: LocalAttribution, index: EntityIndex) -> Speaker | None:
    """ "“...” — Claire Danes, asked how ...": the name after a dash that closes a quote."""
    text = doc_text(doc)
    match = _DASH_NAME.match(text[attribution.content_end : attribution.content_end + 80])
    if match is None:
        return None
    name = match.group(1).strip()
    entity = index.resolve(name, kind="person")
    if entity is not None:
        return Speaker(entity.name, "person", None)
    return Speaker(name, "person", None) if len(name.split()) >= 2 else None


# "Some 43% of Americans say": a poll's finding, not a speaker.
_STATISTIC = re.compile(
    r"^(?:some |about |nearly |almost |only |just )?\d[\d,.]*\s*(?:%|percent|per cent)|^\d",
    re.IGNORECASE,
)
# "the bus matron", "the 40-year-old mountaineer": one person described, not a body.
_DEFINITE_PERSON = re.compile(
    r"^the\s+(?!(?:police|officials|authorities|company|government|group|ministry|department|agency|statement|report|"
    r"letter|complaint|court|council|board|family|families|residents|tenants|neighbors|neighbours|sources|source)\b)"
    r"(?:[\w-]+\s+){0,3}[a-z]+$",
    re.IGNORECASE,
)


_PERSON_NOUN = re.compile(
    r"(?:er|or|ist|ian|man|woman|men|women|matron|mother|father|wife|husband|son|daughter|girl|boy|child|"
    r"resident|star|chief|veteran)$",
    re.IGNORECASE,
)


def _bare_name(text: str) -> bool:
    """ "Steck", "Ueli Steck": one to three capitalised words, nothing else."""
    words = text.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)


def _definite_person(description: str) -> bool:
    """ "the bus matron and mother of four", "the 40-year-old mountaineer from Interlaken": one person
    (a person noun heads it), not a body ("the weather service")."""
    phrase = re.split(r"\s+(?:from|of|at|in|with|for|who|and)\s+", description)[0]  # "the bus matron"
    if not _DEFINITE_PERSON.match(phrase):
        return False
    return bool(_PERSON_NOUN.search(phrase.split()[-1]))


def _position(attribution: LocalAttribution) -> int:
    starts = [attribution.content_start, attribution.cue_start]
    if attribution.has_source:
        starts.append(attribution.source_start)
    return min(s for s in starts if s >= 0)


def _addressee(doc: Any, attribution: LocalAttribution) -> bool:
    """ "She was warned that ...": the subject of a passive cue is who was told, not who spoke."""
    cue = doc.char_span(attribution.cue_start, attribution.cue_end, alignment_mode="expand")
    if cue is None or not len(cue):
        return False
    verb = cue.root
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    return passive and not any(c.dep_ == "agent" for c in verb.children)


def _dateline_place(attribution: LocalAttribution, speaker: Speaker) -> bool:
    """ "KATHMANDU, Nepal (AP) — A Swiss climber ... said": the dateline city is not the speaker."""
    return speaker.kind == "place" and attribution.source_start < 40 and attribution.source_text.isupper()


def _is_data_source(attribution: LocalAttribution, speaker: Speaker) -> bool:
    if speaker.kind != "description":
        return False
    words = [w.rstrip("s") for w in fold(speaker.name).split()]
    return attribution.cue == "according to" and any(w in DATA_SOURCES for w in words[:6])


def extract_quotes(ctx: AnalysisContext, entities: Sequence[Entity]) -> tuple[Quote, ...]:
    """Direct and indirect quotes of the story, speakers resolved, merged across articles."""
    index = EntityIndex(entities)
    merged = merge_quotes(article_quotes(ctx, index))
    # "right away.", "Pass This Bill": a few quoted words join the full quote they are part of when
    # another outlet prints it (merge_quotes), and are no quote of their own when none does
    return fill_roles(tuple(q for q in merged if len(q.text.split()) >= MIN_LISTED_QUOTE_WORDS))
