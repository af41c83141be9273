"""Entities section: people, organisations and places, one record per real-world referent.

spaCy's named entities are collected over every article, cleaned ("the",
possessive 's, titles such as "Secretary of State"), and merged across
articles: a surname or a short form joins the longest full name it ends
(or, for organisations, starts) ("Lavrov" -> "Sergei Lavrov"), spellings that
differ by transliteration join by normalised edit distance ("Sergey" /
"Sergei"), acronyms join their expansion ("SOHR"), and a small alias table
joins "US", "U.S." and "the United States". ``EntityIndex`` maps any mention
string back to its canonical entity for the quotes and claims sections.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from crosswire.analyze.context import AnalysisContext
from crosswire.analyze.entity_mentions import (
    PAGE_WORDS,
    PARTICLES,
    TITLE_WORDS,
    Mention,
    clean_mention,
    collect_mentions,
    fold,
    name_key,
    strip_titles,
)
from crosswire.analyze.entity_names import ALIASES, DEMONYMS
from crosswire.analyze.name_distance import SURNAME_DISTANCE, edit_ratio, near_words
from crosswire.model import Entity, SourceSpan

__all__ = [  # the mention helpers other sections import from here
    "DEMONYMS",
    "PAGE_WORDS",
    "PARTICLES",
    "TITLE_WORDS",
    "Entity",
    "EntityIndex",
    "Mention",
    "build_entities",
    "clean_mention",
    "collect_mentions",
    "edit_ratio",
    "entity_index",
    "extract_entities",
    "fold",
    "name_key",
    "strip_titles",
]

# A bare surname goes to the person named this many times as often as the one named just before it.
DOMINANT_NAMING = 3
OPENED_NAMES = 2


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


_ALIAS_OF: dict[str, str] = {}
for _canonical, _names in ALIASES.items():
    _ALIAS_OF[fold(_canonical)] = _canonical
    for _alias in _names:
        _ALIAS_OF[fold(_alias)] = _canonical


@dataclass(eq=False)
class _Cluster:
    kind: str
    names: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    mentions: list[Mention] = field(default_factory=list)

    def canonical(self) -> str:
        fixed = _ALIAS_OF.get(fold(next(iter(self.names))))
        if fixed and all(_ALIAS_OF.get(fold(n)) == fixed for n in self.names):
            return fixed
        # People and organisations: the longest full name; places: the most frequent name.
        if self.kind == "place":
            return max(self.names, key=lambda n: (self.names[n], len(n)))
        return max(self.names, key=lambda n: (len(n.split()), self.names[n], len(n)))


class EntityIndex:
    """Resolve a mention (any spelling, surname, alias) to its canonical entity."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities = tuple(entities)
        self._by_key: dict[str, Entity] = {}
        self._by_surname: dict[str, list[Entity]] = defaultdict(list)
        self._by_span: dict[str, list[tuple[int, int, Entity]]] = defaultdict(list)
        for entity in self.entities:
            for alias in (entity.name, *entity.aliases):
                self._by_key.setdefault(fold(alias), entity)
                self._by_key.setdefault(name_key(alias), entity)
            if entity.kind == "person" and len(entity.name.split()) > 1:
                self._by_surname[name_key(entity.name).split()[-1]].append(entity)
            for span in entity.spans:
                self._by_span[span.article].append((span.start, span.end, entity))

    def resolve(self, mention: str, kind: str | None = None) -> Entity | None:
        """The entity a mention names, or None; ``kind`` restricts the answer."""
        cleaned = clean_mention(mention)
        candidates = [cleaned, strip_titles(cleaned)]
        for text in candidates:
            for key in (fold(text), name_key(text), fold(_ALIAS_OF.get(fold(text), text))):
                entity = self._by_key.get(key)
                if entity is not None and (kind is None or entity.kind == kind):
                    return entity
        words = name_key(strip_titles(cleaned)).split()
        if words and (kind in (None, "person")):
            surname = words[-1]
            people = self._by_surname.get(surname, [])
            if len(people) == 1:
                return people[0]
            for entity in self.entities:
                if entity.kind == "person" and _same_person(name_key(entity.name), " ".join(words)):
                    return entity
        return None

    def at(self, article: str, start: int, end: int, kind: str | None = None) -> Entity | None:
        """The entity with a mention overlapping this span of an article (longest overlap)."""
        best: tuple[int, Entity] | None = None
        for s, e, entity in self._by_span.get(article, ()):
            overlap = min(e, end) - max(s, start)
            if overlap > 0 and (kind is None or entity.kind == kind) and (best is None or overlap > best[0]):
                best = (overlap, entity)
        return best[1] if best else None


def _same_person(a: str, b: str) -> bool:
    """Two folded full names for one person: same surname, first names near-identical."""
    wa, wb = a.split(), b.split()
    if len(wa) < 2 or len(wb) < 2:
        return False
    if edit_ratio(wa[-1], wb[-1]) > SURNAME_DISTANCE:
        return False
    return edit_ratio(" ".join(wa[:-1]), " ".join(wb[:-1])) <= 0.25 or (
        wa[0][:1] == wb[0][:1] and edit_ratio(a, b) <= 0.2
    )


def _told_apart(cluster: _Cluster, mention: Mention, key: str) -> bool:
    """ "Bobby Tarsk, the son of Rep. Bob Tarsk": one article naming both in full, with first names that
    differ (not an initial), names two people; a misspelling is not told beside the right spelling."""
    first, last = key.split()[0], key.split()[-1]
    return any(
        len(words) > 1 and words[-1] == last and words[0] != first and min(len(words[0]), len(first)) > 2
        for words in (name_key(m.text).split() for m in cluster.mentions if m.article == mention.article)
    )


class _PeopleIndex:
    """Person clusters by the first and last words of their names, kept up to date as names join,
    in the order the clusters were made. Clustering asked every cluster about every mention before,
    which grew with the square of the story; a cluster that shares no near surname cannot match."""

    def __init__(self) -> None:
        self.order: dict[int, int] = {}
        self.by_first: dict[str, dict[int, _Cluster]] = defaultdict(dict)
        self.by_last: dict[str, dict[int, _Cluster]] = defaultdict(dict)
        self.lasts: list[str] = []  # distinct last words, as they came
        self._near: dict[str, tuple[int, list[str]]] = {}  # surname -> (lasts looked at, the near ones)

    def add_cluster(self, cluster: _Cluster) -> None:
        self.order[id(cluster)] = len(self.order)

    def add_name(self, cluster: _Cluster, name: str) -> None:
        words = name_key(name).split()
        if not words:
            return
        self.by_first[words[0]][id(cluster)] = cluster
        if words[-1] not in self.by_last:
            self.lasts.append(words[-1])
        self.by_last[words[-1]][id(cluster)] = cluster

    def _ordered(self, found: dict[int, _Cluster]) -> list[_Cluster]:
        return [found[i] for i in sorted(found, key=self.order.__getitem__)]

    def with_first(self, word: str) -> list[_Cluster]:
        return self._ordered(self.by_first.get(word, {}))

    def near_surname(self, surname: str) -> list[_Cluster]:
        """Clusters with a name whose last word is within ``SURNAME_DISTANCE`` of ``surname``."""
        looked, near = self._near.get(surname, (0, []))
        for last in self.lasts[looked:]:
            if near_words(last, surname):
                near.append(last)
        self._near[surname] = (len(self.lasts), near)
        found: dict[int, _Cluster] = {}
        for last in near:
            found.update(self.by_last[last])
        return self._ordered(found)


def build_entities(mentions: list[Mention]) -> tuple[Entity, ...]:
    """Cluster cleaned mentions into entities (see module docstring)."""
    mentions = _split_run_together(mentions)
    people: list[_Cluster] = []
    others: dict[tuple[str, str], _Cluster] = {}
    person_full = [m for m in mentions if m.label == "PERSON" and len(name_key(m.text).split()) > 1]
    person_short = [m for m in mentions if m.label == "PERSON" and len(name_key(m.text).split()) <= 1]
    index = _PeopleIndex()
    # 1. Full names, longest first, joined by transliteration distance.
    for mention in sorted(person_full, key=lambda m: -len(m.text)):
        key = name_key(mention.text)
        home = next(
            (
                c
                for c in index.near_surname(key.split()[-1])
                if any(_same_person(name_key(n), key) or name_key(n).endswith(" " + key) for n in c.names)
                and not _told_apart(c, mention, key)
            ),
            None,
        )
        if home is None:
            home = _Cluster("person")
            people.append(home)
            index.add_cluster(home)
        home.names[mention.text] += 1
        home.mentions.append(mention)
        index.add_name(home, mention.text)
    surnames: dict[str, list[_Cluster]] = defaultdict(list)
    for cluster in people:
        for name in cluster.names:
            words = name_key(name).split()
            surnames[words[-1]].append(cluster)
            if len(words) > 2:  # "Bashar al Assad": "Assad"; "Lawrence B. Cummings": "Cummings"
                surnames[words[-1]].append(cluster)
                surnames[" ".join(words[-2:])].append(cluster)  # "Yitzhak Ben-Zvi": "Ben-Zvi"
            surnames[" ".join(words)].append(cluster)  # the full name tagged ORG once ("Kris Humphries")
    # 2. Single names: a surname of one full name (any spaCy label: "Lavrov" is sometimes an ORG).
    openers = _name_openers(mentions)
    families = _family_names(mentions, surnames)
    rest: list[Mention] = []
    for mention in person_short + [m for m in mentions if m.label != "PERSON"]:
        key = name_key(mention.text)
        if key in families:
            rest.append(mention)  # "the Kellers": the family, not one of its members
            continue
        homes = list(dict.fromkeys(surnames.get(key, [])))
        if not homes and mention.label in ("PERSON", "GPE", "ORG") and key not in openers:
            # "Areej was pronounced dead": the first name of exactly one person named in full.
            firsts = index.with_first(key)
            homes = firsts if len(firsts) == 1 and len(key.split()) == 1 else []
        if not homes and mention.label == "PERSON" and len(key.split()) == 1:
            homes = index.near_surname(key)  # a surname spelt a little differently
        if homes and (mention.label == "PERSON" or _ALIAS_OF.get(fold(mention.text)) is None):
            home = _nearest_home(homes, mention)
            home.names[mention.text] += 1
            home.mentions.append(mention)
            index.add_name(home, mention.text)
        else:
            rest.append(mention)
    # 3. Everything else by folded alias key; the kind is the majority label.
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for mention in rest:
        canonical = _ALIAS_OF.get(fold(mention.text), mention.text)
        by_key[name_key(canonical)].append(mention)
    for key, group in by_key.items():
        labels = Counter(m.label for m in group)
        if key in families or labels.get("PERSON", 0) >= max(labels.values()):
            cluster = _Cluster("person")
            people.append(cluster)
        else:
            org, place = labels.get("ORG", 0), labels.get("GPE", 0) + labels.get("LOC", 0)
            kind = "organization" if org >= place else "place"
            cluster = others.setdefault((kind, key), _Cluster(kind))
        for mention in group:
            cluster.names[mention.text] += 1
            cluster.mentions.append(mention)
    organizations = [c for (kind, _), c in others.items() if kind == "organization"]
    places = {fold(n) for (kind, _), c in others.items() if kind == "place" for n in c.names}
    _merge_short_organizations(organizations, places)
    clusters = people + [c for c in others.values() if c.mentions]
    return tuple(sorted((_entity(c) for c in clusters if c.mentions), key=lambda e: (-e.mentions, e.name)))


def _family_names(mentions: list[Mention], surnames: dict[str, list[_Cluster]]) -> set[str]:
    """One-word names that are the plural of a surname the story gives people in full ("the Kellers",
    "the Joneses"): a family, whatever label the tagger gave it."""
    families = set()
    for mention in mentions:
        key = name_key(mention.text)
        if " " in key or not key.endswith("s") or key in surnames:
            continue
        if key[:-1] in surnames or (key.endswith("es") and key[:-2] in surnames):
            families.add(key)
    return families


def _name_openers(mentions: list[Mention]) -> set[str]:
    """One-word names that open ``OPENED_NAMES`` or more other names of organisations or places:
    "Ghana" of "Ghana Police Force" and "Ghana Detective Bureau" is no first name of a "Ghana SWAT"
    spaCy took for a person."""
    opened: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        words = name_key(mention.text).split()
        if mention.label != "PERSON" and len(words) > 1:
            opened[words[0]].add(" ".join(words))
    return {word for word, names in opened.items() if len(names) >= OPENED_NAMES}


def _split_run_together(mentions: list[Mention]) -> list[Mention]:
    """ "Ivo Marr Dana Voss": two people the story names on their own elsewhere, run together by spaCy."""
    people = {m.text for m in mentions if m.label == "PERSON" and len(m.text.split()) >= 2}
    out: list[Mention] = []
    for mention in mentions:
        words = mention.text.split()
        cut = next(
            (
                k
                for k in range(2, len(words) - 1)
                if " ".join(words[:k]) in people and " ".join(words[k:]) in people
            ),
            None,
        )
        if cut is None or mention.text in people:
            out.append(mention)
            continue
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        out.append(Mention(first, "PERSON", mention.article, mention.start, mention.start + len(first)))
        out.append(Mention(second, "PERSON", mention.article, mention.end - len(second), mention.end))
    return out


def _nearest_home(homes: list[_Cluster], mention: Mention) -> _Cluster:
    """A surname two people share ("Ali": Salah Ali, Areej Ali) is the one named last before it in
    the same article, unless another is the story's main bearer of it (named ``DOMINANT_NAMING`` times
    as often: "his parents, Ivo and Mara Senn" named once leave the defendant Senn's "Senn" his); else
    the one named most."""
    most = max(homes, key=_named)
    if len(homes) > 1:
        before = [
            (m.start, cluster)
            for cluster in homes
            for m in cluster.mentions
            if m.article == mention.article and m.start < mention.start and len(name_key(m.text).split()) > 1
        ]
        if before:
            nearest = max(before, key=lambda pair: pair[0])[1]
            return most if _named(most) >= DOMINANT_NAMING * _named(nearest) else nearest
    return most


def _named(cluster: _Cluster) -> int:
    return sum(cluster.names.values())


def _joins(name: str, other: str) -> bool:
    """Whether the organisation named ``name`` is a short form of the one named ``other``."""
    if len(other) <= len(name):
        return False
    return (
        (name.isupper() and len(name) >= 3 and _acronym(other) == name)
        # "Amnesty" of "Amnesty International"; "People's Daily" of "People's Daily Online" (one word more)
        or (fold(other).startswith(fold(name) + " ") and (len(name.split()) == 1 or _one_word_more(name, other)))
        or (fold(name).endswith(" " + fold(other)) is False and _drop_country(other) == fold(name))
    )


def _one_word_more(name: str, other: str) -> bool:
    """ "People's Daily Online": one more name word ("United Steelworkers union" is not a longer name)."""
    words = other.split()
    return len(words) == len(name.split()) + 1 and words[-1][:1].isupper()


def _short_form_keys(other: str) -> list[str]:
    """The short names ``_joins`` could accept for ``other``: its acronym, the folded word prefixes
    and the name without a country."""
    words = fold(other).split()
    return [_acronym(other), *(" ".join(words[:n]) for n in range(1, len(words))), _drop_country(other)]


def _merge_short_organizations(organizations: list[_Cluster], places: set[str]) -> None:
    """ "SOHR" joins "Syrian Observatory for Human Rights"; "Amnesty" joins "Amnesty International";
    "U.S. State Department" joins "State Department" (a country prefix). "Occupy" does not join
    "Occupy Kelby": a movement's branch in a place is not the movement.

    Candidates come from an index of the keys ``_joins`` compares (not every pair of organisations)."""
    names = {id(c): c.canonical() for c in organizations if c.mentions}
    by_key: dict[str, dict[int, _Cluster]] = defaultdict(dict)

    def index(cluster: _Cluster) -> None:
        for key in _short_form_keys(names[id(cluster)]):
            by_key[key][id(cluster)] = cluster

    for cluster in organizations:
        if cluster.mentions:
            index(cluster)
    for short in organizations:
        if not short.mentions:
            continue
        name = names[id(short)]
        candidates = {**by_key.get(name, {}), **by_key.get(fold(name), {})}
        targets = [
            long
            for long in candidates.values()
            if long is not short and long.mentions and _joins(name, names[id(long)])
            and fold(names[id(long)])[len(fold(name)) + 1 :] not in places
        ]
        if len(targets) == 1:
            target = targets[0]
            target.names.update(short.names)
            target.mentions.extend(short.mentions)
            short.mentions.clear()
            short.names.clear()
            names[id(target)] = target.canonical()
            index(target)


def _drop_country(name: str) -> str:
    words = name.split()
    if len(words) > 2 and (_ALIAS_OF.get(fold(words[0])) or words[0] in DEMONYMS):
        return fold(" ".join(words[1:]))
    return ""


def _entity(cluster: _Cluster) -> Entity:
    name = cluster.canonical()
    aliases = tuple(sorted(n for n in cluster.names if n != name))
    spans = tuple(
        SourceSpan(m.article, m.start, m.end)
        for m in sorted(cluster.mentions, key=lambda m: (m.article, m.start))
    )
    articles = tuple(dict.fromkeys(s.article for s in spans))
    return Entity(
        name=name, kind=cluster.kind, aliases=aliases, mentions=len(spans), articles=articles, spans=spans
    )


def extract_entities(ctx: AnalysisContext) -> tuple[Entity, ...]:
    """People, organisations and places of the story, canonicalised across articles, most mentioned first."""
    return build_entities(collect_mentions(ctx))


def entity_index(entities: Iterable[Entity]) -> EntityIndex:
    return EntityIndex(entities)
