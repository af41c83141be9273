"""Attributions found in one parsed document: who said (or thinks) what.

This is the local, per-document layer used by quotes, claims and the
PolNeAR evaluation: spans are character offsets into the document text, and
the source is the phrase as written ("he", "a spokesman", "Toner"); resolving
it to a person across the story happens in ``crosswire.analyze.quotes``.

Direct quotes are found from quotation marks (straight or curly) and given the
speech verb of their sentence, or the previous quote's source when a quote
continues without one. Indirect attributions come from the dependency parse:
a cue verb with a clausal complement ("X said that ..."), or "according to X".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from crosswire.analyze.attribution_cues import according_to_object
from crosswire.analyze.context import doc_sentences, doc_text

# Verbs that report speech, writing or a stance; lemmas as spaCy gives them.
SPEECH_CUES = frozenset(
    [
        "say",
        "tell",
        "add",
        "state",
        "claim",
        "deny",
        "argue",
        "note",
        "explain",
        "insist",
        "warn",
        "announce",
        "report",
        "write",
        "tweet",
        "reply",
        "respond",
        "ask",
        "acknowledge",
        "admit",
        "allege",
        "accuse",
        "contend",
        "maintain",
        "suggest",
        "predict",
        "recall",
        "complain",
        "charge",
        "declare",
        "assert",
        "confirm",
        "concede",
        "continue",
        "stress",
        "emphasize",
        "emphasise",
        "testify",
        "observe",
        "promise",
        "vow",
        "urge",
        "reveal",
        "mention",
        "joke",
        "quip",
        "comment",
        "counter",
        "retort",
        "remark",
        "conclude",
        "estimate",
        "agree",
        "disagree",
        "dispute",
        "reject",
        "dismiss",
        "criticize",
        "criticise",
        "blast",
        "slam",
        "question",
        "wonder",
        "concur",
        "indicate",
        "demand",
        "propose",
        "recommend",
        "caution",
        "boast",
        "brag",
        "lament",
        "acknowledge",
        "pledge",
        "threaten",
        "vow",
        "post",
        "write",
        "recount",
        "describe",
        "call",
        "repeat",
        "reiterate",
        "point",
        "cite",
        "announce",
    ]
)
# Stance and cognition verbs: attributions in PolNeAR's sense, never quote cues on their own.
COGNITION_CUES = frozenset(
    ["believe", "think", "feel", "know", "fear", "hope", "worry", "expect", "doubt", "say"]
)
ALL_CUES = SPEECH_CUES | COGNITION_CUES

_SOURCE_DEPS = ("nsubj", "nsubjpass")
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "our"])
MIN_QUOTE_CHARS = 3


@dataclass(frozen=True)
class LocalAttribution:
    """One attribution inside one document; ``source_*`` is -1 when no source was found."""

    kind: str  # "direct" | "indirect"
    content_start: int
    content_end: int
    source_start: int
    source_end: int
    cue: str  # lemma of the cue ("according to" for that construction)
    cue_start: int
    cue_end: int
    source_text: str
    content_text: str
    continued: bool = False  # a quote that took the previous quote's source
    source_head: int = -1  # character offset of the source phrase's head token

    @property
    def has_source(self) -> bool:
        return self.source_start >= 0


_DOUBLE = re.compile(r"[“”\"]")
_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘']([^‘'’\n]*?[^\s‘'’])[’'](?=[\s.,;:!?)\]—–-]|$)", re.MULTILINE
)
MAX_QUOTE_CHARS = 2000


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each quotation, in order, no overlaps.

    Double quotes pair up line by line (curly ones by direction, straight ones
    in order); a quote left open at the end of a line runs to the line's end,
    the newspaper convention for a quote that goes on in the next paragraph.
    Single quotes count only at word boundaries (so apostrophes are not
    quotes), with two words or more, and only outside double quotes.
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        open_at: int | None = None
        for mark in _DOUBLE.finditer(line.group()):
            char = mark.group()
            position = line.start() + mark.start()
            if open_at is None:
                if char != "”":
                    open_at = position + 1
            elif char != "“":
                spans.append((open_at, position))
                open_at = None
            else:  # a second opening curly quote: the first was never closed
                open_at = position + 1
        if open_at is not None and line.end() - open_at > 20:
            spans.append((open_at, line.end()))
    for match in _SINGLE.finditer(text):
        inner = (match.start(1), match.end(1))
        if not any(s <= inner[0] and inner[1] <= e for s, e in spans) and len(match.group(1).split()) >= 2:
            spans.append(inner)
    spans.sort()
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if end - start < MIN_QUOTE_CHARS or end - start > MAX_QUOTE_CHARS or not text[start:end].strip():
            continue
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _is_cue(token: Any) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in ALL_CUES


def _inside(token: Any, spans: list[tuple[int, int]]) -> bool:
    return any(s <= token.idx < e for s, e in spans)


def conjunct_before(noun: Any, pronoun: Any) -> Any:
    """What a relative pronoun after ``noun`` stands for: of ``noun`` and its conjuncts, the last one
    before the pronoun ("between the makers and Orbis Pictures, which says": Orbis Pictures)."""
    before = [t for t in (noun, *noun.conjuncts) if t.i < pronoun.i]
    return max(before, key=lambda t: t.i) if before else noun


def source_token(verb: Any, spans: list[tuple[int, int]] | None = None) -> Any | None:
    """The head of the speaker phrase of a cue verb (None when it has none or it is not a noun phrase).

    Subjects inside a quotation are never the speaker; when the parse gives
    none outside, the noun right before ("Jordan said") or after ("said Jordan")
    the verb is taken.
    """
    spans = spans or []
    source = _raw_source(verb, spans)
    if source is None or (source.pos_ == "VERB" and source.tag_ == "VBG"):
        # "Reporting from Beirut, Al Jazeera's Rula Amin said:" parsed with the participle as the
        # subject: the name right before the verb is the speaker.
        source = _adjacent_noun(verb, spans)
    if source is None:
        return None
    # "Graham, who said ...": the speaker is the relative pronoun's antecedent.
    if source.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
        source = conjunct_before(verb.head, source)
    if source.pos_ not in ("NOUN", "PROPN", "PRON") or source.ent_type_ in ("DATE", "TIME"):
        return None
    return source


def _raw_source(verb: Any, spans: list[tuple[int, int]]) -> Any | None:
    # With two subjects (a mis-parsed "Minister Adel al-Jubeir said"), the one nearest the verb.
    subjects = [c for c in verb.children if c.dep_ in _SOURCE_DEPS and not _inside(c, spans)]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and not _inside(grandchild, spans):
                    return grandchild
    # "He had surgery and school officials said": a noun right before a coordinated verb is its
    # subject (a verb sharing the first one's subject follows "and", not a noun), whatever the parse.
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (
        verb.dep_ == "conj"
        and before is not None
        and before.pos_ in ("NOUN", "PROPN")
        and before.dep_ == "conj"
        and not _inside(before, spans)
    ):
        return before
    # "Trump tied it to the deal, a pact his administration withdrew from, falsely claiming ...": a
    # participle after a contact clause ("his administration withdrew") goes with the main verb.
    main = _main_verb_past_contact_clause(verb)
    if main is not None:
        return _raw_source(main, spans)
    # "... and added", "..., saying": the speaker is the governing verb's subject.
    if (
        verb.dep_ in ("conj", "advcl", "xcomp")
        and verb.head is not verb
        and verb.head.pos_ in ("VERB", "AUX")
        and not _inside(verb.head, spans)
    ):
        return _raw_source(verb.head, spans)
    return None


def _main_verb_past_contact_clause(verb: Any) -> Any | None:
    """The verb governing the noun that a relative clause with no relative word describes, when a
    participle set off by a comma hangs from that clause ("a pact his administration withdrew from
    earlier this year, falsely claiming"); None otherwise ("Graham, who left, saying" is Graham's)."""
    clause = verb.head
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or clause.dep_ != "relcl" or clause.i > verb.i:
        return None
    if any(c.tag_ in ("WDT", "WP", "WP$") or c.lower_ == "that" for c in clause.subtree if c.i < clause.i):
        return None
    first = min(t.i for t in verb.subtree)
    if first == 0 or verb.doc[first - 1].text != ",":
        return None
    head = clause.head
    while head.pos_ not in ("VERB", "AUX") and head.head is not head:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "i", "we", "it"])


def _adjacent_noun(verb: Any, spans: list[tuple[int, int]]) -> Any | None:
    """ "Jordan said" / "said Jordan": a name or subject pronoun right next to the verb."""
    doc = verb.doc
    for index in (verb.i - 1, verb.i + 1):
        if 0 <= index < len(doc):
            token = doc[index]
            if _inside(token, spans) or token.ent_type_ in ("DATE", "TIME"):
                continue
            if token.pos_ == "PROPN" or (token.pos_ == "PRON" and token.lower_ in _SUBJECT_PRONOUNS):
                return token
    return None


_STOPS = frozenset({",", "“", "”", '"', "‘", "’", "(", ")", "—", "–", "―", ":", ";", "[", "]"})


def phrase_span(head: Any, exclude: list[tuple[int, int]]) -> tuple[int, int]:
    """Character span of a speaker phrase: the head's subtree, cut at commas, dashes and quotes."""
    tokens = [t for t in head.subtree if not _inside(t, exclude)]
    if not tokens:
        return head.idx, head.idx + len(head.text)
    # Keep the contiguous run of tokens around the head, stopping at punctuation
    # that opens an appositive or a quote, so "Toner, citing reports ..." gives "Toner".
    index = {t.i for t in tokens}
    doc = head.doc

    def stop(token: Any) -> bool:
        return token.text in _STOPS or token.is_space or "\n" in token.text

    left = head.i
    while left - 1 in index and not stop(doc[left - 1]):
        left -= 1
    # A name and title the parse split off: "Saudi Foreign Minister Adel al-Jubeir".
    while (
        left - 1 >= 0
        and not stop(doc[left - 1])
        and not _inside(doc[left - 1], exclude)
        and (
            doc[left - 1].pos_ == "PROPN"
            or doc[left - 1].ent_type_ in ("NORP", "PERSON")
            or doc[left - 1].text == "-"
        )
    ):
        left -= 1
    right = head.i
    while right + 1 in index and not stop(doc[right + 1]):
        right += 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def governing_cue(tokens: list[Any], spans: list[tuple[int, int]], window: list[Any]) -> Any | None:
    """The nearest cue verb above a quotation in the parse (outside any quotation, inside the window)."""
    inside = {t.i for t in tokens}
    allowed = {t.i for t in window}
    for token in tokens:
        if token.head.i in inside and token.head is not token:
            continue
        node = token
        for _ in range(6):
            if node.head is node:
                break
            node = node.head
            if node.i in inside or _inside(node, spans):
                continue
            if node.i in allowed and _is_cue(node) and node.lemma_.lower() in SPEECH_CUES:
                return node
    return None


def _content_of(verb: Any, exclude: list[tuple[int, int]]) -> tuple[int, int] | None:
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis") or (
            child.dep_ == "xcomp" and verb.lemma_ in ("claim", "deny")
        ):
            if child.i == verb.i + 1 and child.tag_ in ("VBD", "VBN") and not _has_subject(child):
                continue  # "Alcorn alleged exchanged texts": "allegedly" misspelt, not reported speech
            tokens = [t for t in child.subtree if not _inside(t, exclude)]
            if len(tokens) < 2:
                continue
            start = min(t.idx for t in tokens)
            end = max(t.idx + len(t.text) for t in tokens)
            return start, end
    return None


def _has_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)


def _according_to(doc: Any, exclude: list[tuple[int, int]]) -> Iterator[LocalAttribution]:
    text = doc_text(doc)
    for token in doc:
        source = according_to_object(token)
        if source is None:
            continue
        to = doc[token.i + 1]
        s_start, s_end = phrase_span(source, exclude)
        sentence = token.sent
        phrase_end = max(t.idx + len(t.text) for t in source.subtree)
        # The content stays on the cue's line: a parse can run a sentence across a line break.
        line_start = text.rfind("\n", 0, token.idx) + 1
        line_end = text.find("\n", token.idx)
        line_end = len(text) if line_end < 0 else line_end
        before = _strip_span(text, max(sentence.start_char, line_start), token.idx)
        after = _strip_span(text, phrase_end, min(sentence.end_char, line_end))
        c_start, c_end = before if before[1] - before[0] >= after[1] - after[0] else after
        c_end = c_end - 1 if c_end > c_start and text[c_end - 1] in ".!?" else c_end
        if c_end - c_start < 8:
            continue
        yield LocalAttribution(
            kind="indirect",
            content_start=c_start,
            content_end=c_end,
            source_start=s_start,
            source_end=s_end,
            cue="according to",
            cue_start=token.idx,
            cue_end=to.idx + len(to.text),
            source_text=text[s_start:s_end],
            content_text=text[c_start:c_end],
            source_head=source.idx,
        )


def _window_tokens(doc: Any, start: int, end: int) -> list[Any]:
    """Tokens of the sentences a quote touches, plus a short following sentence ("he said."),
    within the quote's own lines (a cue in the next paragraph is someone else's)."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    sentences = [s for s in doc_sentences(doc) if s.start_char < end and s.end_char > start]
    if not sentences:
        return []
    tokens = [t for s in sentences for t in s]
    last = sentences[-1]
    if last.end < len(doc):
        following = doc[last.end].sent
        if following.text.strip()[:1].islower() or (
            len(following) <= 8 and not any(c in following.text for c in '“”"')
        ):
            tokens.extend(following)
    return [t for t in tokens if line_start <= t.idx < line_end]


def _direct(doc: Any, spans: list[tuple[int, int]]) -> list[LocalAttribution]:
    text = doc_text(doc)
    found: list[LocalAttribution] = []
    previous: LocalAttribution | None = None
    for start, end in spans:
        window = _window_tokens(doc, start, end)
        cues = [t for t in window if _is_cue(t) and not _inside(t, spans) and t.lemma_.lower() in SPEECH_CUES]
        sourced = [(t, source_token(t, spans)) for t in cues]
        with_source: list[tuple[Any, Any]] = [
            (t, s) for t, s in sourced if s is not None and not _inside(s, spans)
        ]

        def distance(pair: tuple[Any, Any], start: int = start, end: int = end) -> int:
            token = pair[0]
            return int(start - token.idx if token.idx < start else token.idx - end)

        quote_words = len(text[start:end].split())
        quoted = doc.char_span(start, end, alignment_mode="expand")
        quoted_tokens = [t for t in quoted if start <= t.idx < end] if quoted is not None else []
        governing = governing_cue(quoted_tokens, spans, window)
        governing_source = source_token(governing, spans) if governing is not None else None
        if governing is not None and governing_source is not None and not _inside(governing_source, spans):
            with_source = [(governing, governing_source)]
        if not with_source:
            introduced = _colon_subject(doc, text, start, spans)
            if introduced is not None:
                with_source = [introduced]
        if with_source:
            cue, source = min(with_source, key=distance)
            s_start, s_end = phrase_span(source, spans)
            attribution = LocalAttribution(
                kind="direct",
                content_start=start,
                content_end=end,
                source_start=s_start,
                source_end=s_end,
                cue=cue.lemma_.lower(),
                cue_start=cue.idx,
                cue_end=cue.idx + len(cue.text),
                source_text=text[s_start:s_end],
                content_text=text[start:end],
                source_head=int(source.idx),
            )
        elif previous is not None and quote_words >= 4 and _follows(text, previous, start):
            attribution = LocalAttribution(
                kind="direct",
                content_start=start,
                content_end=end,
                source_start=previous.source_start,
                source_end=previous.source_end,
                cue=previous.cue,
                cue_start=previous.cue_start,
                cue_end=previous.cue_end,
                source_text=previous.source_text,
                content_text=text[start:end],
                continued=True,
                source_head=previous.source_head,
            )
        else:
            attribution = LocalAttribution(
                kind="direct",
                content_start=start,
                content_end=end,
                source_start=-1,
                source_end=-1,
                cue="",
                cue_start=-1,
                cue_end=-1,
                source_text="",
                content_text=text[start:end],
            )
        found.append(attribution)
        if attribution.has_source:
            previous = attribution
    return found


def _colon_subject(doc: Any, text: str, start: int, spans: list[tuple[int, int]]) -> tuple[Any, Any] | None:
    """ "Rick Perry was somehow not convinced: “...”": a quote opened right after a colon, with no
    speech cue, is said by the person who is the subject of the clause the colon ends; returns
    (the colon, the subject), else None."""
    at = start
    while at > 0 and at > start - 4 and (text[at - 1].isspace() or text[at - 1] in "“\"‘'"):
        at -= 1
    if at == 0 or text[at - 1] != ":":
        return None
    colon = doc.char_span(at - 1, at)
    if colon is None or not len(colon) or colon[0].i == 0:
        return None
    # spaCy hangs the colon on the quote's clause: climb from the word before it instead
    verb = colon[0].nbor(-1)
    while verb.i > 0 and verb.is_punct:
        verb = verb.nbor(-1)
    while verb.head.i != verb.i and verb.head.idx < colon[0].idx:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.idx < colon[0].idx]
    if len(subjects) != 1 or subjects[0].ent_type_ != "PERSON" or _inside(subjects[0], spans):
        return None
    return colon[0], subjects[0]  # the colon is the cue: "not convinced" negates no saying


def _follows(text: str, previous: LocalAttribution, start: int) -> bool:
    """True when a quote starts within two short paragraphs after the previous quote."""
    gap = text[previous.content_end : start]
    return gap.count("\n") <= 2 and len(gap) < 200


def find_attributions(doc: Any, *, include_cognition: bool = True) -> list[LocalAttribution]:
    """Direct quotes and indirect attributions of one spaCy Doc, in text order."""
    text = doc_text(doc)
    spans = quote_spans(text)
    direct = _direct(doc, spans)
    taken = [(a.content_start, a.content_end) for a in direct]
    used_cues = {a.cue_start for a in direct if a.has_source and not a.continued}
    indirect: list[LocalAttribution] = []
    for token in doc:
        if not _is_cue(token) or token.idx in used_cues or _inside(token, spans):
            continue
        if not include_cognition and token.lemma_.lower() not in SPEECH_CUES:
            continue
        content = _content_of(token, spans)
        if content is None:
            continue
        c_start, c_end = _strip_span(text, *content)
        if any(s < c_end and c_start < e and (e - s) >= 0.5 * (c_end - c_start) for s, e in taken):
            continue
        source = source_token(token, spans)
        if source is None:
            s_start, s_end = -1, -1
        else:
            s_start, s_end = phrase_span(source, spans)
            if s_start < c_end and c_start < s_end:
                continue
        indirect.append(
            LocalAttribution(
                kind="indirect",
                content_start=c_start,
                content_end=c_end,
                source_start=s_start,
                source_end=s_end,
                cue=token.lemma_.lower(),
                cue_start=token.idx,
                cue_end=token.idx + len(token.text),
                source_text=text[s_start:s_end] if s_start >= 0 else "",
                content_text=text[c_start:c_end],
                source_head=source.idx if source is not None else -1,
            )
        )
    indirect.extend(
        a
        for a in _according_to(doc, spans)
        if not any(s < a.content_end and a.content_start < e for s, e in taken)
    )
    return sorted(direct + indirect, key=lambda a: (a.content_start, a.content_end))
