"""What a figure counts, who did it, when, and who says so, from the parse.

The counted noun is the number's head ("403 civilians") or the object of
its "of" ("hundreds of civilians"); the predicate is the clause verb it is
subject or object of, or that modifies it ("people killed"). Predicates and
nouns map to a few count categories (killed, injured, displaced, ...) so that
"uprooted", "forced to flee their homes" and "displaced" compare equal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from crosswire.analyze.context import doc_text
from crosswire.analyze.dates import find_date_mentions
from crosswire.analyze.numbers import Quantity

# lemma -> category; checked on the counted noun, the predicate and its complements
_CATEGORY_OF: dict[str, str] = {}
for _name_of_category, _lemmas in {
    "killed": "kill die dead death toll slay massacre murder execute perish fatality behead",
    "injured": "injure wound hurt injury maim",
    "displaced": "displace uproot homeless evacuate evacuee",
    "fled abroad": "refugee",
    "arrested": "arrest detain jail imprison",
    "casualties": "casualty",
}.items():
    for _lemma in _lemmas.split():
        _CATEGORY_OF[_lemma] = _name_of_category
COUNT_CATEGORIES = frozenset(_CATEGORY_OF.values())
_PEOPLE = set(
    [
        "people",
        "person",
        "civilian",
        "resident",
        "inhabitant",
        "citizen",
        "individual",
        "man",
        "villager",
        "worker",
        "victim",
    ]
)
_CHILDREN = set(["child", "kid", "minor", "boy", "girl", "woman", "infant", "baby"])
_FORCES = set(
    [
        "soldier",
        "troop",
        "fighter",
        "militant",
        "rebel",
        "personnel",
        "officer",
        "policeman",
        "combatant",
        "insurgent",
        "jihadist",
    ]
)
_SAY = set(
    [
        "say",
        "tell",
        "state",
        "report",
        "estimate",
        "claim",
        "add",
        "cite",
        "announce",
        "suggest",
        "show",
        "find",
        "reveal",
        "confirm",
        "insist",
        "deny",
        "accuse",
        "note",
        "count",
        "document",
        "record",
        "tally",
        "put",
        "warn",
    ]
)
_ACTOR_NOUNS = set(
    [
        "coalition",
        "regime",
        "government",
        "army",
        "military",
        "police",
        "rebels",
        "rebel",
        "militants",
        "forces",
    ]
)
_LOCATION_PREPS = {"in", "at", "across", "near", "inside", "throughout", "around", "into", "within"}
_FRAME_PREP = re.compile(
    r"\b(since|in|during|between|from|through|throughout|over|by|as of|until|for)\s", re.IGNORECASE
)
_SINCE = re.compile(r"\bsince\b[^,;.]{3,80}", re.IGNORECASE)
_JOIN = re.compile(r"^\s*(?:and|to|through|-|–)\s", re.IGNORECASE)


@dataclass(frozen=True)
class MentionParse:
    label: str
    category: str
    noun_class: str
    actor: str | None
    time_frame: str | None
    time_frame_span: tuple[int, int] | None
    source: str | None
    bare: bool = False  # nothing tells what the number counts ("Rosa, 24, ..." or a lone "17")
    place: str | None = None


def _counted_noun(span: Any) -> Any:
    root = span.root
    inside = range(span.start, span.end)
    modifies = root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and root.head.i not in inside
    if modifies and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                noun = objects[0]
                if noun.pos_ == "PRON" and noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].pos_ == "NOUN":
                    return noun.doc[noun.i + 1]  # "a hundred of them children"
                return noun
    return root


def _partitive(span: Any) -> bool:
    """ "three of the injured", "a hundred of them": a part of a count given elsewhere."""
    for child in span.root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and (
                    obj.pos_ == "PRON" or any(d.lower_ in ("the", "those", "these") for d in obj.lefts)
                ):
                    return True
    return False


def _thing(verb: Any, span: Any) -> Any | None:
    """What an amount measures when the number stands alone: "the damage was put at $40 million"."""
    preference = {"dobj": 0, "nsubjpass": 1, "nsubj": 2}  # "insurers put the damage at ...": the damage
    candidates = [
        c
        for c in verb.children
        if c.dep_ in preference and c.i not in range(span.start, span.end) and c.pos_ == "NOUN"
    ]
    return min(candidates, key=lambda c: preference[c.dep_], default=None)


def _measured_after_in(span: Any) -> Any | None:
    """ "more than $10 million in revenue", "$2 million in damages": the noun after "in" is what the
    amount measures (not a date, a place or a name: "$5 million in 2014", "in New York")."""
    for child in span.root.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and not obj.ent_type_:
                    return obj
    return None


def _predicate(noun: Any, depth: int = 0) -> Any | None:
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX"):
            return child
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative") and head.pos_ in ("VERB", "AUX"):
        return head
    if noun.dep_ == "pobj" and depth < 3:
        holder = head.head
        if head.lower_ in ("including", "among") or holder.pos_ in ("NOUN", "PROPN", "NUM"):
            return _predicate(holder, depth + 1) if holder.pos_ != "VERB" else holder
        if holder.pos_ in ("VERB", "AUX"):
            return holder
    if noun.dep_ in ("conj", "appos") and depth < 3:
        return _predicate(head, depth + 1)
    return None


def _category(noun: Any, verb: Any | None, tokens_after: list[Any]) -> str | None:
    candidates = [noun]
    if verb is not None:
        candidates.append(verb)
        candidates.extend(
            c
            for c in verb.children
            if c.dep_ in ("xcomp", "oprd", "acomp", "dobj", "prep", "nsubj") and c is not noun
        )
    for token in candidates:
        lemma = token.lemma_.lower()
        if lemma in ("force", "drive", "chase") and any(c.lower_ in ("home", "homes") for c in token.subtree):
            return "displaced"  # "forced from their homes"
        if lemma == "lose" and any(c.lower_ in ("lives", "life") for c in token.subtree):
            return "killed"
        if lemma == "flee" or (lemma == "force" and any(c.lemma_ == "flee" for c in token.subtree)):
            objects = " ".join(t.lower_ for t in token.subtree)
            return (
                "fled abroad" if re.search(r"\b(country|abroad|border|borders)\b", objects) else "displaced"
            )
        if lemma in _CATEGORY_OF:
            return _CATEGORY_OF[lemma]
    for token in tokens_after:
        if token.lemma_.lower() in _CATEGORY_OF:
            return _CATEGORY_OF[token.lemma_.lower()]
    return None


def _counted_apart(noun: Any) -> bool:
    """ "four floors and six fireplaces", "three women and three children": conjuncts with numbers of
    their own are counted apart (each number counts its own noun); "500 women and children" is one count."""
    others = [c for c in noun.children if c.dep_ == "conj"] + ([noun.head] if noun.dep_ == "conj" else [])
    return any(any(c.dep_ == "nummod" for c in other.children) for other in others if other.pos_ == "NOUN")


def _noun_class(noun: Any, category: str | None) -> str:
    lemma = noun.lemma_.lower()
    if _counted_apart(noun):
        return lemma
    if lemma in _CHILDREN or noun.lower_ in ("women", "children"):
        return "women/children"
    if lemma in _FORCES:
        return "forces"
    human = category in COUNT_CATEGORIES
    if lemma in _PEOPLE or noun.ent_type_ == "NORP" or lemma in _CATEGORY_OF:
        return "people"
    if human and (
        noun.pos_ == "NUM" or noun.like_num or lemma in ("hundred", "thousand", "million", "dozen")
    ):
        return "people"
    return lemma


def _noun_phrase(noun: Any) -> str:
    if noun.pos_ == "NUM" or noun.like_num or noun.lower_ in ("hundreds", "thousands", "millions", "dozens"):
        return "people"
    if noun.lemma_.lower() in _CATEGORY_OF:
        return "people"  # "hundreds of deaths" counts people killed
    words = [c for c in noun.lefts if c.dep_ in ("amod", "compound") and not c.like_num and c.pos_ != "NUM"]
    phrase = " ".join([*(_hyphenated(w) for w in words[-2:]), noun.text])
    joined = [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"]
    return f"{phrase} and {joined[0].text}" if joined and not _counted_apart(noun) else phrase


def _hyphenated(word: Any) -> str:
    """ "full-time": spaCy splits it, and "time" alone would make the label "time jobs"."""
    start = word.i
    while start >= 2 and word.doc[start - 1].text == "-" and not word.doc[start - 2].whitespace_:
        start -= 2
    return str(word.doc[start : word.i + 1].text)


def _area(noun: Any, verb: Any | None) -> list[Any]:
    """Tokens that may name the actor: the predicate's clause without the counted
    noun's own modifiers and without coordinated clauses."""
    if verb is None:
        return []
    skip: set[int] = set()
    for child in verb.children:
        if child.dep_ in ("conj", "ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
            skip.update(t.i for t in child.subtree)
    noun_tokens = {t.i for t in noun.subtree}
    verb_tokens = {t.i for t in verb.subtree}
    if noun.i in verb_tokens:
        skip |= noun_tokens
    area = [t for t in verb.subtree if t.i not in skip]
    has_subject = any(
        c.dep_ in ("nsubj", "nsubjpass", "agent", "csubj") and c.i not in noun_tokens for c in verb.children
    )
    if not has_subject:
        if verb.dep_ == "relcl":
            area.extend(c for c in verb.head.lefts)
        elif verb.dep_ == "pcomp" and verb.head.lower_ == "for":
            area.extend(t for c in verb.head.head.children if c.dep_ == "dobj" for t in c.subtree)
        elif verb.dep_ in ("advcl", "xcomp"):
            area.extend(t for c in verb.head.children if c.dep_ == "nsubj" for t in c.subtree)
        elif verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            # "Ottley was arrested Monday and was being held on $2 million bail": the first verb's subject
            area.extend(t for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
    return area


def _actor(area: list[Any]) -> str | None:
    keys = set()
    for token in area:
        if token.ent_type_ in ("DATE", "TIME", "CARDINAL", "PERCENT", "QUANTITY"):
            continue
        is_name = (
            token.pos_ == "PROPN" or token.ent_type_ in ("NORP", "GPE", "ORG") or token.lower_ in _ACTOR_NOUNS
        )
        if not is_name or not token.text[:1].isalpha():
            continue
        if (
            token.dep_ == "pobj"
            and token.head.lower_ in _LOCATION_PREPS
            and token.ent_type_ in ("GPE", "LOC", "")
        ):
            continue  # "in Syria" is where, not who
        keys.add(re.sub(r"[^a-z]", "", token.lower_)[:5])
    keys.discard("")
    return " ".join(sorted(keys)) or None


def _place(noun: Any, verb: Any | None) -> str | None:
    """Where a count was made: the names after a preposition of place on the counted noun or its verb
    ("killed in the Idlib area", "died across Syria"; not "many of them in Homs"), folded like actors.
    Two counts of one kind made in different places are two quantities."""
    keys = set()
    heads = [noun, verb]
    if verb is not None:
        # "three suicide bombings in Damascus killed 27 people": the cause's place is the count's.
        heads += [c for c in verb.children if c.dep_ == "nsubj" and c.i not in {t.i for t in noun.subtree}]
    preps = [c for head in heads if head is not None for c in head.children if c.dep_ == "prep"]
    for prep in preps:
        if prep.lower_ not in _LOCATION_PREPS:
            continue
        for token in (c for c in prep.children if c.dep_ == "pobj"):
            for word in token.subtree:
                if word.ent_type_ in ("GPE", "LOC", "FAC") or (word.pos_ == "PROPN" and word.ent_type_ == ""):
                    keys.add(re.sub(r"[^a-z]", "", word.lower_)[:5])
    keys.discard("")
    return " ".join(sorted(keys)) or None


def _time_frame(doc: Any, area_start: int, area_end: int) -> tuple[str | None, tuple[int, int] | None]:
    text = doc_text(doc)[area_start:area_end]
    spans: list[tuple[int, int]] = []
    for mention in find_date_mentions(text):
        if mention.rule == "weekday" or mention.rule == "day":
            continue  # "said on Tuesday" dates the statement, not the count
        before = text[max(0, mention.start - 60) : mention.start]
        preps = list(_FRAME_PREP.finditer(before))
        if not preps or re.search(r"[,;]", before[preps[-1].start() :]):
            continue
        chosen = preps[-1]
        bounds = [
            p for p in preps if p.group(1).lower() == "since" and not re.search(r"[,;]", before[p.start() :])
        ]
        if bounds:
            chosen = bounds[-1]  # "since the strikes started in September": the bound is "since"
        start = mention.start - len(before) + chosen.start()
        if (
            (spans and _JOIN.match(text[spans[-1][1] : start + 1]))
            or (spans and text[spans[-1][1] : start].strip() in ("and", ""))
            or (spans and _JOIN.match(text[spans[-1][1] : mention.start]))
        ):
            spans[-1] = (spans[-1][0], mention.end)
        else:
            spans.append((start, mention.end))
    if not spans:
        since = _SINCE.search(text)
        if since is None:
            return None, None
        words = since.group().split()[:10]
        frame = " ".join(words)
        return frame, (area_start + since.start(), area_start + since.start() + len(frame))
    start, end = spans[0]
    return text[start:end], (area_start + start, area_start + end)


def _source(doc: Any, anchor: Any, sentence_start: int, sentence_end: int) -> str | None:
    sentence = doc.char_span(sentence_start, sentence_end, alignment_mode="expand")
    if sentence is None:
        return None
    for token in sentence:
        if token.lower_ == "according":
            for child in token.children:
                objects = (
                    [t for c in child.children if c.dep_ == "pobj" for t in c.subtree]
                    if child.lower_ == "to"
                    else []
                )
                if objects:
                    return _name(doc, objects, sentence_start)
    chain = [anchor, *anchor.ancestors] if anchor is not None else []
    chain += [t for t in sentence if t.dep_ == "ROOT"]
    for token in chain:
        if not sentence_start <= token.idx < sentence_end:
            continue
        if token.lemma_.lower() in _SAY and token.pos_ in ("VERB", "AUX"):
            agents = [t for c in token.children if c.dep_ == "agent" for t in c.subtree][1:]
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if agents:
                return _name(doc, agents, sentence_start)  # "estimated at $40 million by the finance office"
            if subjects and subjects[0].lower_ in ("that", "which", "who") and token.dep_ == "relcl":
                subjects = [token.head]  # "a report by X that stated ...": the report says it
            if subjects:
                named = [c for c in subjects[0].children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
                if named:  # "Obama's special envoy, Brett McGurk"
                    return _name(doc, _core_phrase(named[0]), sentence_start)
                tokens = [t for t in _core_phrase(subjects[0]) if sentence_start <= t.idx < sentence_end]
                if tokens:
                    return _name(doc, tokens, sentence_start)
    return None


def _core_phrase(head: Any) -> list[Any]:
    """The noun phrase without appositions or relative clauses hanging off it."""
    keep = [head]
    for child in head.children:
        by_agent = child.dep_ == "acl" and any(c.dep_ == "agent" for c in child.children)
        if child.i < head.i or child.dep_ in ("prep", "compound", "nmod") or by_agent:
            keep.extend(child.subtree)  # "a report (conducted) by X" names X
    return sorted(keep, key=lambda t: t.i)


def _name(doc: Any, tokens: list[Any], sentence_start: int) -> str | None:
    if len(tokens) == 1 and tokens[0].pos_ == "PRON":
        if tokens[0].lower_ not in ("he", "she", "they", "it"):
            return None
        people = [e for e in doc.ents if e.end_char <= sentence_start and e.label_ in ("PERSON", "ORG")]
        wanted = "PERSON" if tokens[0].lower_ in ("he", "she") else "ORG"
        named = [e for e in people if e.label_ == wanted]
        return named[-1].text if named else None
    text = doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    if len(text.split()) > 8:
        inside = [e for e in doc.ents if e.start <= tokens[-1].i and e.end > tokens[0].i]
        rank = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3}
        entities = sorted((e for e in inside if e.label_ in rank), key=lambda e: (rank[e.label_], -e.end))
        text = entities[0].text if entities else " ".join(text.split()[:8])
    return text


def parse_mention(doc: Any, quantity: Quantity, sentence_start: int, sentence_end: int) -> MentionParse:
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return MentionParse(
            quantity.unit or "count", quantity.unit or "count", "unknown", None, None, None, None, True
        )
    noun = _counted_noun(span)
    verb = _predicate(noun)
    after = [t for t in doc[span.end : min(len(doc), span.end + 8)] if t.idx < sentence_end]
    stop = next((i for i, t in enumerate(after) if t.is_punct and t.text in ",;.:"), len(after))
    category = _category(noun, verb, after[:stop])
    if quantity.unit is not None:
        thing = _thing(verb, span) if verb is not None and noun in span else None
        if noun in span:
            thing = _measured_after_in(span) or thing
        phrase = (
            _noun_phrase(noun)
            if noun not in span
            else (_noun_phrase(thing) if thing is not None else "amount")
        )
        label = f"{phrase} ({quantity.unit})"
        measured = noun if noun not in span else thing
        noun_class = measured.lemma_.lower() if measured is not None else quantity.unit
        category = "measure"
    else:
        noun_class = _noun_class(noun, category)
        phrase = _noun_phrase(noun)
        if category is not None:
            label = phrase if category == "casualties" else f"{phrase} {category}"
        elif verb is not None and verb.lemma_.lower() not in ("be", "have", "do", "include"):
            label = f"{phrase} {verb.text}" if verb.tag_ in ("VBD", "VBN") else f"{phrase} ({verb.lemma_})"
            category = verb.lemma_.lower()
        else:
            label, category = phrase, "count"
    if quantity.unit is None and _partitive(span):
        noun_class, label = f"part of {noun_class}", f"{label} (a part of them)"
    area = _area(noun, verb)
    if area:
        start = max(min(t.idx for t in area), sentence_start)
        end = min(max(t.idx + len(t.text) for t in area), sentence_end)
    else:
        start, end = sentence_start, sentence_end
    frame, frame_span = _time_frame(doc, start, end)
    return MentionParse(
        label=label,
        category=category,
        noun_class=noun_class,
        actor=_actor(area),
        time_frame=frame,
        time_frame_span=frame_span,
        source=_source(doc, verb if verb is not None else span.root, sentence_start, sentence_end),
        bare=noun in span and category not in COUNT_CATEGORIES and quantity.unit is None,
        place=_place(noun, verb),
    )
