"""Publication dates inferred from the text, and the story's dated events.

Relative mentions ("on Tuesday") need the article's publication date. When
the metadata lacks it, ``infer_publication_dates`` estimates it from the text
(a "Published: ..." line, else the latest explicit past date, moved forward
to fit the weekdays the article mentions) and marks it inferred.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import numpy as np

from crosswire.analyze.context import AnalysisContext, article_centroids, doc_text
from crosswire.analyze.cosine_scale import on_scale
from crosswire.analyze.date_uses import in_condition, names_a_law
from crosswire.analyze.dates import (
    DateMention,
    ResolvedDate,
    clause_tense,
    closest_year,
    find_date_mentions,
    generic_today,
    inside_quote,
    narrow_to_part,
    parse_anchor,
    resolve,
    tense_near,
)
from crosswire.model import Article, Sentence, SourceSpan, Story, TimelineEvent

# Two mentions of one date are the same event when their sentences are this
# similar (cosine of L2-normalised all-MiniLM-L6-v2 vectors; paraphrases of one
# statement score 0.6-0.9 in the sample stories, different events on one day
# mostly below 0.5).
SAME_EVENT_SIMILARITY = 0.55
# Folding a vague date ("earlier this month") into a precise one inside it is
# riskier than merging equal dates, so it needs closer sentences.
CONTAINED_EVENT_SIMILARITY = 0.65
MAX_DESCRIPTION_WORDS = 40
# Articles of one story appear within weeks of each other; an inferred date far
# older than the story's latest comes from an article citing only history.
MAX_STORY_SPREAD_DAYS = 60
# An article with no date of its own resolves "on Sunday" against another article's date only when
# the two report the same news (cosine of article centroids; one story's reports of the same events
# score 0.85-0.9, a feature or a preview of the same people 0.6-0.7).
BORROWED_ANCHOR_SIMILARITY = 0.8
# Two outlets' mentions of one date whose clauses share this many content words, or a verb and a
# name ("returned from Dubai on Sunday" / "Since returning from Dubai on Sunday"), are one event
# even when their sentences differ elsewhere.
SHARED_EVENT_WORDS = 3
MIN_EVENT_WORDS = 3  # a bare dateline or posting date ("April 11, 2015") is not an event
_PUBLISHED_LINE = re.compile(
    r"^\s*(?:published|posted|updated|last updated|first published|date)\s*(?:on|at)?\s*:?\s*(?P<value>.{6,80})$",
    re.IGNORECASE | re.MULTILINE,
)
# "... stripped of her crown. (Published Friday, June 27, 2014)": a posting note inside a line.
_PUBLISHED_NOTE = re.compile(
    r"\((?:published|posted|updated|last updated)\s*(?:on|at)?\s*:?\s*(?P<value>[^()]{6,60})\)", re.IGNORECASE
)
# A file photo's caption dates the photo, not the article ("... March 15, 2016. REUTERS/.../File Photo").
_FILE_PHOTO = re.compile(r"\b(?:file|archive)\s+(?:photo|picture|image)\b", re.IGNORECASE)
_YEAR_IN = re.compile(r"\b(?:19|20)\d\d\b")
# "CREDIT: AP Photo/Ann Roe Dana Voss performs in Tarsk on Jan. 17, 2015.": a date after a photo's credit
# is the caption's, the day the picture was taken, page furniture and no event of the story.
_PHOTO_CREDIT = re.compile(
    r"\bCREDIT:|\bPhoto\s+credit:|\b(?:AP|AFP|EPA|Reuters|REUTERS|Getty)\s+(?:Photo|Images)\s*/|\bREUTERS/",
)
# "in this photograph provided by the town hall April 22, 2015": the day a wire photo was handed out is
# the day of the story, not a day before weekday events ("on Sunday") that the text tells of. So is the
# signature of a post the page embeds ("... pic.twitter.com/x — Ann Roe (@AnnRoe) September 5, 2018"):
# a reporter's post of the day, after the weekday events it shows, not before them.
_PROVIDED_BEFORE = re.compile(
    r"\b(?:photo(?:graph)?|picture|image)\s+(?:provided|released|distributed)\s+"
    r"(?:by\s+[^,.;\n]{1,60}?\s+)?(?:on\s+)?$"
    r"|\(@\w{1,30}\)\s*$",
    re.IGNORECASE,
)
# A wire dateline opening the text ("VELDMARK, March 11 (CPA) -") is the day
# the copy was filed.
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Za-z .]{2,30})?,\s*(?P<value>[A-Z][a-z]{2,8}\.? \d{1,2})\b"
)
# Weekday events a day or two before the latest explicit date are normal when
# that date is the publication day; further back, the date was an event.
WEEKDAY_GRACE_DAYS = 2


# ----------------------------------------------------------------------------- publication dates


def _published_line(text: str) -> date | None:
    """A "Published: 30 Dec 2015" style line near the top or bottom of the text."""
    import dateparser

    lines = text.splitlines()
    candidates = [*lines[:12], *lines[-8:]]
    for line in candidates:
        match = _PUBLISHED_LINE.match(line) or _PUBLISHED_NOTE.search(line)
        value = match.group("value") if match else None
        if value is None:
            # a line that is nothing but a full date, as bylines often are
            mentions = [m for m in find_date_mentions(line) if m.year and m.day]
            if mentions and len(mentions[0].text) >= 0.5 * len(line.strip()):
                value = line
        if value is None or not _YEAR_IN.search(value):
            continue
        parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False})
        if parsed is not None:
            return parsed.date()
    return None


def _dateline(text: str, reference: date | None) -> date | None:
    """The date of a wire dateline on the first line, its year from ``reference``."""
    match = _DATELINE.match(text.lstrip().split("\n", 1)[0])
    if match is None or reference is None:
        return None
    mentions = [m for m in find_date_mentions(match.group("value")) if m.month and m.day]
    if not mentions:
        return None
    month, day = mentions[0].month, mentions[0].day
    assert month is not None and day is not None
    try:
        return date(closest_year(month, day, reference, "past"), month, day)
    except ValueError:
        return None


# ", whose city was devastated by a similar tornado on May 22, 2011, said": a date inside a
# non-restrictive relative clause tells of something else, background, not of the article's day.
_BACKGROUND_CLAUSE = re.compile(r",\s+(?:whose|which|who|where)\s[^,.;:!?\n]*$")


def _background(text: str, start: int) -> bool:
    return _BACKGROUND_CLAUSE.search(text[max(0, start - 200) : start]) is not None


def _explicit_dates(text: str, reference: date | None) -> list[date]:
    """Day-precise explicit dates in past context, years filled from ``reference``."""
    found = []
    for mention in find_date_mentions(text):
        if mention.kind != "explicit" or mention.day is None or mention.month is None:
            continue
        if _background(text, mention.start):
            continue
        if tense_near(text, mention.start, mention.end) == "future":
            continue
        year = mention.year
        if year is None:
            if reference is None:
                continue
            year = closest_year(mention.month, mention.day, reference, "past")
        try:
            found.append(date(year, mention.month, mention.day))
        except ValueError:
            continue
    return found


def _provided_day(text: str) -> date | None:
    """The full date a photo caption says the photo was provided on, or an embedded post is signed with."""
    for mention in find_date_mentions(text):
        before = text[max(0, mention.start - 90) : mention.start]
        if mention.year and mention.month and mention.day and _PROVIDED_BEFORE.search(before):
            with contextlib.suppress(ValueError):
                return date(mention.year, mention.month, mention.day)
    return None


def _past_weekdays(text: str) -> list[DateMention]:
    return [
        m
        for m in find_date_mentions(text)
        if m.rule == "weekday" and m.modifier is None and tense_near(text, m.start, m.end) == "past"
    ]


_OWN_DAY_WORDS = frozenset(["today", "this morning", "this afternoon", "this evening", "tonight"])


def _names_its_own_day(text: str) -> bool:
    """Whether the article calls its own day "today" or "this afternoon" in its own words (not in a
    quote, not "today" as nowadays): a bare weekday it names is then another day."""
    for mention in find_date_mentions(text):
        if mention.rule != "day" or (mention.modifier or "") not in _OWN_DAY_WORDS:
            continue
        tense = tense_near(text, mention.start, mention.end)
        if not inside_quote(text, mention.start) and not generic_today(text, mention, tense):
            return True
    return False


def _fit_weekdays(floor: date, weekdays: list[DateMention], names_its_day: bool = False) -> date:
    """The earliest day in [floor, floor + 6] after which the fewest past-tense
    weekday mentions fall well before ``floor`` (recent events get weekdays, older
    ones dates, so the weekdays should mostly land near or after the latest date).
    When the article calls its own day "today" (``names_its_day``), a day on which a
    weekday it names would fall is a worse fit, as a tie-break."""
    best, best_misses = floor, (len(weekdays) + 1, 0)
    for shift in range(7):
        candidate = floor + timedelta(days=shift)
        misses, on_own_day = 0, 0
        for mention in weekdays:
            assert mention.weekday is not None
            back = (candidate.weekday() - mention.weekday) % 7
            if candidate - timedelta(days=back) < floor - timedelta(days=WEEKDAY_GRACE_DAYS):
                misses += 1
            on_own_day += names_its_day and back == 0
        if (misses, on_own_day) < best_misses:
            best, best_misses = candidate, (misses, on_own_day)
    return best


def _with_removed(article: Article) -> str:
    """The text plus the lines cleaning removed: captions and bylines carry dates
    that are evidence of when the article appeared, though not events of it. A
    file photo's caption is left out: its date is the photo's."""
    own = [line if _FILE_PHOTO.search(line) else _without_credited_caption(line) for line in article.text.split("\n")]
    return "\n".join(" " * len(line) if _FILE_PHOTO.search(line) else line for line in (*own, *article.removed))


def _without_credited_caption(line: str) -> str:
    """A line of the text that holds a photo's credit and its caption after it ("... CREDIT: AP Photo/Ann Roe
    Ann Roe performs in Denver on Jan. 17, 2015."): the caption dates the photo, a day the page may be months
    after; it is left out as a file photo's is (a caption cleaning removed stays evidence)."""
    credit = _PHOTO_CREDIT.search(line)
    return line if credit is None else line[: credit.start()] + " " * (len(line) - credit.start())


def _latest_year(story: Story) -> int | None:
    """The latest year the story's articles mention outside future-tense context."""
    years = []
    for article in story.articles:
        text = article.text
        for mention in find_date_mentions(text):
            # "the 2020 election" in a 2016 article is no sign of the article's year
            attributive = mention.rule == "ya"
            if mention.year and not attributive and tense_near(text, mention.start, mention.end) != "future":
                years.append(mention.year)
    return max(years, default=None)


def infer_publication_dates(story: Story) -> Story:
    """Fill ``published`` (ISO date, ``published_inferred=True``) where metadata lacks it.

    Metadata dates win. Order of evidence: a "Published: ..." line; else the
    latest explicit past date of the article (years from the article's or the
    story's full dates), moved forward to fit its weekday mentions; else, for
    an article with no dates of its own, the story's latest date as is (moving
    it to a weekday the article names would run past the story's evidence).
    """
    anchors: dict[str, date] = {}
    inferred: dict[str, date] = {}
    full_dates: list[date] = []
    for article in story.articles:
        known = parse_anchor(article.published)
        if known is not None:
            anchors[article.id] = known
        text = _with_removed(article)
        for mention in find_date_mentions(text):
            if mention.year and mention.month and mention.day and not _background(text, mention.start):
                with contextlib.suppress(ValueError):
                    full_dates.append(date(mention.year, mention.month, mention.day))
    story_reference = max([*anchors.values(), *full_dates], default=None)
    undated = [a for a in story.articles if a.id not in anchors]
    later: list[Article] = []
    for article in undated:
        from_line = _published_line(article.text) or _dateline(article.text, story_reference)
        if from_line is not None:
            inferred[article.id] = from_line
            continue
        with_removed = _with_removed(article)
        own_full = _explicit_dates(with_removed, None)
        reference = max(own_full, default=None) or story_reference
        explicit = _explicit_dates(with_removed, reference)
        if not explicit:
            later.append(article)
            continue
        latest = max(explicit)
        if latest == _provided_day(with_removed):
            inferred[article.id] = latest  # a wire photo's hand-out day is the story's day
        else:
            weekdays = _past_weekdays(article.text)
            inferred[article.id] = _fit_weekdays(latest, weekdays, _names_its_own_day(article.text))
    story_latest = max([*anchors.values(), *inferred.values()], default=None)
    for article_id, guess in list(inferred.items()):
        if story_latest is not None and (story_latest - guess).days > MAX_STORY_SPREAD_DAYS:
            later.append(story.article(article_id))  # only historic dates: not when it appeared
    for article in later:
        if story_latest is not None:
            inferred[article.id] = story_latest
    latest_year = _latest_year(story)
    # A story that speaks of 2016 was not written in 1962: its dates are history, not its day.
    inferred = {a: d for a, d in inferred.items() if latest_year is None or d.year >= latest_year}
    if not inferred:
        return story
    articles = tuple(
        replace(a, published=inferred[a.id].isoformat(), published_inferred=True) if a.id in inferred else a
        for a in story.articles
    )
    return replace(story, articles=articles)


def has_own_date(article: Article) -> bool:
    """Whether an article's publication date rests on its own evidence (metadata, a posting line,
    a dateline, a full date in its text) rather than on another article's."""
    if article.published and not article.published_inferred:
        return True
    reference = parse_anchor(article.published)
    return bool(
        _published_line(article.text)
        or _dateline(article.text, reference)
        or _explicit_dates(_with_removed(article), reference)
    )


# ----------------------------------------------------------------------------- timeline


def _sentence_at(sentences: tuple[Sentence, ...], start: int) -> Sentence | None:
    for sentence in sentences:
        if sentence.start <= start < sentence.end:
            return sentence
    return None


def _describe(doc: Any, sentence: Sentence, mention: DateMention, crowded: bool) -> str:
    """The sentence; in a long or many-dated sentence, the clause the date belongs to
    (its governing verb's subtree) so each date gets its own event."""
    text = sentence.text
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand") if doc is not None else None
    if span is not None and (crowded or len(text.split()) > MAX_DESCRIPTION_WORDS):
        verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            tokens = list(verb.subtree)
            start = max(tokens[0].idx, sentence.start)
            end = min(tokens[-1].idx + len(tokens[-1].text), sentence.end)
            clause = doc_text(doc)[start:end]
            if len(clause.split()) >= 6:
                text = clause
    words = text.split()
    if len(words) > MAX_DESCRIPTION_WORDS:
        text = " ".join(words[:MAX_DESCRIPTION_WORDS]) + " …"
    return text.strip(" ,;:\"“”'‘’").strip()


@dataclass
class _Found:
    resolved: ResolvedDate
    mention: DateMention
    article: Article
    sentence: Sentence
    vector: np.ndarray
    description: str
    words: frozenset[str] = frozenset()


def _mentions_of(ctx: AnalysisContext, article: Article, relative: bool = True) -> list[_Found]:
    """The article's dated mentions; ``relative=False`` keeps only those that need no anchor."""
    anchor = parse_anchor(article.published)
    doc = ctx.docs.get(article.id)
    sentences = ctx.sentences_of(article.id)
    text = article.text
    mentions = find_date_mentions(text)
    per_sentence: dict[int, int] = {}
    located = []
    for mention in mentions:
        if mention.relative and not relative:
            continue
        preceding = text[max(0, mention.start - 7) : mention.start].lower()
        if preceding.rstrip().endswith(("since", "until", "till")):
            continue  # a time frame's bound, not an event on that date
        sentence = _sentence_at(sentences, mention.start)
        if sentence is not None and _stamp(doc, sentence, mention):
            continue
        if sentence is not None and _PHOTO_CREDIT.search(text[sentence.start : mention.start]):
            continue  # a caption's date
        if sentence is not None and len(sentence.text.split()) - len(mention.text.split()) >= MIN_EVENT_WORDS:
            located.append((mention, sentence))
            per_sentence[sentence.start] = per_sentence.get(sentence.start, 0) + 1
    found: list[_Found] = []
    for mention, sentence in located:
        tense = clause_tense(text, mention, doc)
        year = _named_year(mention, doc)
        if year is not None and (
            _ahead_of_page(mention, anchor, tense, year) or _describes_a_party_now(year)
        ):
            continue
        if names_a_law(text, mention) or in_condition(doc, mention):
            continue
        resolved = resolve(mention, anchor, tense)
        if resolved is None:
            continue
        resolved = narrow_to_part(text, mention, resolved)
        description = _describe(doc, sentence, mention, per_sentence[sentence.start] > 1)
        previous = found[-1] if found else None
        if previous and previous.sentence == sentence and previous.description == description:
            # "in October and the first half of November": one event over both
            previous.resolved = _union(previous.resolved, resolved)
            previous.mention = replace(
                previous.mention, end=mention.end, text=text[previous.mention.start : mention.end]
            )
            continue
        words = _content_words(doc, sentence, mention, description)
        found.append(_Found(resolved, mention, article, sentence, ctx.vector_of(sentence), description, words))
    return found


def _named_year(mention: DateMention, doc: Any | None) -> Any | None:
    """The parsed span of a year naming a thing ("the 2020 election"), else None."""
    if mention.rule != "ya" or doc is None:
        return None
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def _ahead_of_page(mention: DateMention, anchor: date | None, tense: str, year: Any) -> bool:
    """ "Colbert announced his bid for the 2020 presidential election" on a 2017 page: a year naming a
    thing still ahead of the page, in a past-tense clause, dates the thing, not what the clause tells.
    A modal on the way up ("Democrats could blast them in the 2012 campaign") tells of that time."""
    if anchor is None or (mention.year or 0) <= anchor.year or tense != "past":
        return False
    return not any(c.tag_ == "MD" for head in year.root.ancestors for c in head.children)


_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _describes_a_party_now(year: Any) -> bool:
    """ "said the senator, who's considering a 2016 presidential run": a year naming a thing, inside a
    present-tense relative clause, tells what a party is or plans now; it dates neither the clause nor
    the sentence ("who won the 2012 election" is past, and dates its win)."""
    clause = next((t for t in year.root.ancestors if t.dep_ == "relcl"), None)
    if clause is None:
        return False
    tags = {clause.tag_} | {c.tag_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    return bool(tags & _PRESENT_TAGS) and not tags & {"VBD", "MD"}


_CONTENT_POS = frozenset({"PROPN", "NOUN", "VERB"})
# Words that tell something happened; a line with none of them beside its date is a stamp.
_TELLING_POS = frozenset({"NOUN", "VERB", "AUX", "ADJ", "ADV", "PRON"})
_CLOCK = re.compile(r"^\d{1,2}[:.]\d\d$|^[ap]\.?m\.?$", re.IGNORECASE)


def _stamp(doc: Any, sentence: Sentence, mention: DateMention) -> bool:
    """A page's source-and-time stamp ("(Tarsk Daily Online) 09:25, November 27, 2012"): besides the
    date only names, numbers and a time of day, no word that tells an event."""
    if doc is None:
        return False
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if span is None:
        return False
    rest = [t for t in span if not (mention.start <= t.idx < mention.end) and not (t.is_punct or t.is_space)]
    if not any(_CLOCK.match(t.text) for t in rest):
        return False
    # a capitalised word is a name's, whatever its tag ("People's Daily Online": "People" a NOUN)
    return not any(t.pos_ in _TELLING_POS and not _CLOCK.match(t.text) and not t.text[:1].isupper() for t in rest)


def _content_words(doc: Any, sentence: Sentence, mention: DateMention, description: str) -> frozenset[str]:
    """The nouns, names and verbs of the event's clause ("VERB:return"), the date itself left out."""
    if doc is None:
        return frozenset()
    start = sentence.start + max(0, sentence.text.find(description))
    span = doc.char_span(start, start + len(description), alignment_mode="expand")
    if span is None:
        return frozenset()
    return frozenset(
        f"{t.pos_}:{t.lemma_.lower()}"
        for t in span
        if t.pos_ in _CONTENT_POS
        and not t.is_stop
        and not (mention.start <= t.idx < mention.end)
        and t.ent_type_ not in ("DATE", "TIME")
    )


def _borrowing_too_far(ctx: AnalysisContext) -> set[str]:
    """Articles without a date of their own whose news is not another dated article's: their
    relative dates ("on Sunday") would be resolved against a day they may not share."""
    articles = [a for a in ctx.story.articles if ctx.on_topic(a.id)]
    own = {a.id for a in articles if has_own_date(a)}
    if not own or ctx.vectors.ndim != 2 or len(ctx.vectors) != len(ctx.story.sentences):
        return set()
    centroids = article_centroids(ctx.story, ctx.vectors)
    far = set()
    for article in articles:
        if article.id in own or article.id not in centroids:
            continue
        closest = max(
            (float(centroids[article.id] @ centroids[o]) for o in own if o in centroids), default=-1.0
        )
        if closest < on_scale(BORROWED_ANCHOR_SIMILARITY, ctx.embedder, "centroid"):
            far.add(article.id)
    return far


def _union(a: ResolvedDate, b: ResolvedDate) -> ResolvedDate:
    first, last = min(a.first, b.first), max(a.last, b.last)
    if (first, last) == (a.first, a.last):
        return a
    return ResolvedDate(f"{first}/{last}", first, last, "range")


def extract_timeline(
    ctx: AnalysisContext, similarity: float = SAME_EVENT_SIMILARITY
) -> tuple[TimelineEvent, ...]:
    """Dated events across the story's articles, merged and in date order."""
    groups: list[list[_Found]] = []
    cut = on_scale(similarity, ctx.embedder)  # the default is set on MiniLM's scale
    far = _borrowing_too_far(ctx)
    for article in ctx.story.articles:
        if not ctx.on_topic(article.id):
            continue
        for found in _mentions_of(ctx, article, relative=article.id not in far):
            for group in groups:
                same_date = group[0].resolved.value == found.resolved.value
                if same_date and _same_event(found, group, cut):
                    group.append(found)
                    break
            else:
                groups.append([found])
    groups = _merge_contained(groups, on_scale(max(similarity, CONTAINED_EVENT_SIMILARITY), ctx.embedder))
    events = [_event(group) for group in groups]
    return tuple(sorted(events, key=lambda e: (e.first, e.last, e.articles)))


def _same_event(found: _Found, group: list[_Found], similarity: float) -> bool:
    """Similar sentences, or (from another article) a clause sharing several content words."""
    if max(float(found.vector @ g.vector) for g in group) >= similarity:
        return True
    return any(g.article.id != found.article.id and _share_event_words(g.words, found.words) for g in group)


def _share_event_words(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = a & b
    kinds = {w.split(":", 1)[0] for w in shared}
    return len(shared) >= SHARED_EVENT_WORDS or {"VERB", "PROPN"} <= kinds


def _width(found: _Found) -> int:
    return (date.fromisoformat(found.resolved.last) - date.fromisoformat(found.resolved.first)).days


def _merge_contained(groups: list[list[_Found]], similarity: float) -> list[list[_Found]]:
    """Fold a coarse event ("in late September") into a finer one inside its range
    ("on September 30") when their sentences say the same thing."""
    groups = sorted(groups, key=lambda g: _width(g[0]))
    kept: list[list[_Found]] = []
    for group in groups:
        coarse = group[0].resolved
        for finer in kept:
            inside = coarse.first <= finer[0].resolved.first and finer[0].resolved.last <= coarse.last
            if inside and max(float(f.vector @ g.vector) for f in group for g in finer) >= similarity:
                finer.extend(group)
                break
        else:
            kept.append(group)
    return kept


def _event(group: list[_Found]) -> TimelineEvent:
    # describe by the explicit mention when there is one: it needs no anchor
    finest = min(_width(f) for f in group)
    lead = min(
        (f for f in group if _width(f) == finest), key=lambda f: (f.mention.relative, len(f.description))
    )
    articles = tuple(dict.fromkeys(f.article.id for f in group))
    return TimelineEvent(
        date=lead.resolved.value,
        first=lead.resolved.first,
        last=lead.resolved.last,
        granularity=lead.resolved.granularity,
        description=lead.description,
        mention=lead.mention.text,
        relative=any(f.mention.relative for f in group),
        anchor_inferred=any(f.mention.relative and f.article.published_inferred for f in group),
        articles=articles,
        spans=tuple(SourceSpan(f.article.id, f.mention.start, f.mention.end) for f in group),
        mentions=tuple(dict.fromkeys(f.mention.text for f in group)),
    )
