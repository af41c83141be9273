"""Stage: remove page furniture from article text, line by line.

A line (or a hard-wrapped run of lines) is removed when it is junk by its own
shape (``crosswire.cleanrules``: navigation, promos, photo credits, captions,
outlet notices, widget text, related links), by its position (everything
after a reader-comment marker; the tail after a closing "With reporting by"
credit when that tail is mostly outlet talk; label-like lines stuck to junk
at the end of an article or between two junk lines), or by repetition (a
short, unsentence-like line found in several unrelated articles; a later
copy of a line within one article). Full sentences are never removed for
repeating across articles: wire copy repeats on purpose.

Kept lines keep their exact text and their paragraph breaks; only a garbage
token glued to a sentence start ("obpuThe ...") and newswire typesetting
codes ("&QL;") are cut from inside a line.
Everything removed is listed, verbatim, in ``Article.removed``.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath
from urllib.parse import urlsplit

from crosswire import cleanrules as rules
from crosswire.cleanshapes import looks_like_code
from crosswire.errors import warn
from crosswire.model import Article

# Junk kind of label-like lines removed for sitting in a run of junk.
EDGE = "edge"

# A comment marker this early is a navigation link, not the start of comments.
COMMENTS_MIN_POSITION = 0.3
# Lines this near the top may be the headline, however much junk surrounds them.
HEADLINE_ZONE = 4
# Articles sharing this share of their longer lines are copies, not different outlets.
NEAR_DUPLICATE_SHARE = 0.5
# Articles of one site compared at a time by the repeated-line rule: bounds its cost.
SITE_WINDOW = 200


@dataclass(frozen=True)
class Line:
    """A unit of text: one line, or a hard-wrapped run of lines."""

    text: str
    blank_before: bool


@dataclass(frozen=True)
class Cleaned:
    """One cleaned text, its (possibly replaced) title, and what was removed."""

    text: str
    title: str | None
    removed: tuple[str, ...]
    published: str | None = None


def split_lines(text: str) -> list[Line]:
    """Non-blank lines, stripped; a line continuing a wrapped sentence joins the previous one."""
    lines: list[Line] = []
    blank = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            blank = True
            continue
        previous = lines[-1] if lines else None
        if previous and not blank and _continues(previous.text, stripped):
            lines[-1] = Line(previous.text + "\n" + stripped, previous.blank_before)
        else:
            lines.append(Line(stripped, blank))
        blank = False
    return lines


def _continues(previous: str, line: str) -> bool:
    # a hard wrap: the previous line stops mid-sentence and this one goes on in lowercase
    return line[0].islower() and not rules.ends_sentence(previous) and len(previous) >= 50


def cleaning_lines(text: str) -> tuple[list[Line], tuple[str, ...]]:
    """The lines every cleaning step reads (typesetting codes cut), and the codes cut.

    Classifying, cleaning and finding repeated lines must read the same lines,
    or a line one of them recognises is missed by another.
    """
    code_free, codes = rules.typesetting_codes(text)
    return split_lines(code_free), codes


def classify_lines(text: str, repeated: frozenset[str] = frozenset()) -> list[tuple[str, str | None]]:
    """Each line of ``text`` with its junk kind (None = kept); for audits and tests.

    ``repeated`` holds ``cleanrules.normalize`` keys of lines that recur
    across unrelated articles (see ``repeated_lines``).
    """
    lines, _ = cleaning_lines(text)
    return list(zip((line.text for line in lines), _kinds(lines, repeated), strict=True))


def _kinds(lines: Sequence[Line], repeated: frozenset[str]) -> list[str | None]:
    texts = [line.text.replace("\n", " ") for line in lines]
    kinds: list[str | None] = [rules.strong_kind(t) for t in texts]
    _mark_comment_section(texts, kinds)
    _mark_notice_page(kinds)
    _mark_captions(texts, kinds)
    _mark_repeats(texts, kinds, repeated)
    _mark_tail_after_credit(texts, kinds)
    _mark_edges(texts, kinds)
    _keep_code(texts, kinds)
    return kinds


def _keep_code(texts: Sequence[str], kinds: list[str | None]) -> None:
    """Code and data lines stay, even repeated or amid junk (a command shown twice)."""
    for index, text in enumerate(texts):
        if kinds[index] not in (None, rules.COMMENTS, rules.SITE_NOTICE) and looks_like_code(text):
            kinds[index] = None


def _position(texts: Sequence[str], index: int) -> float:
    total = sum(len(t) for t in texts) or 1
    return sum(len(t) for t in texts[:index]) / total


def _mark_comment_section(texts: Sequence[str], kinds: list[str | None]) -> None:
    for index, kind in enumerate(kinds):
        if kind == rules.COMMENTS and _position(texts, index) >= COMMENTS_MIN_POSITION:
            if rules.facts(texts[index]).words > 6:
                continue
            for later in range(index, len(kinds)):
                kinds[later] = kinds[later] or rules.COMMENTS
            return


def _mark_notice_page(kinds: list[str | None]) -> None:
    """A page that opens on a site notice and has another is a notice page (a web
    archive's crawl description, an error page): the rest of it is the notice too."""
    if not kinds or kinds[0] != rules.SITE_NOTICE or kinds.count(rules.SITE_NOTICE) < 2:
        return
    kinds[:] = [kind or rules.SITE_NOTICE for kind in kinds]


def _mark_captions(texts: Sequence[str], kinds: list[str | None]) -> None:
    """Picture captions: a place-and-date ending, next to a credit or near the top."""
    for index, text in enumerate(texts):
        if kinds[index] or not rules.looks_like_caption_date(text):
            continue
        neighbours = kinds[max(0, index - 1) : index] + kinds[index + 1 : index + 2]
        if index < 4 or any(k in (rules.CREDIT, rules.CAPTION) for k in neighbours):
            kinds[index] = rules.CAPTION


def _mark_repeats(texts: Sequence[str], kinds: list[str | None], repeated: frozenset[str]) -> None:
    keys = [rules.normalize(t, digits=True) for t in texts]
    counts = Counter(keys)
    seen: set[str] = set()
    for index, (text, key) in enumerate(zip(texts, keys, strict=True)):
        if kinds[index] or not key:
            continue
        words = len(text.split())
        across = rules.normalize(text) in repeated
        # the first line may be a headline shared by copies of one wire story
        if across and rules.is_unsentence(text) and (index >= 1 or words <= 4):
            kinds[index] = rules.REPEATED
        elif key in seen or (counts[key] >= 3 and words <= 4 and rules.is_unsentence(text)):
            kinds[index] = rules.DUPLICATE
        seen.add(key)


def _mark_tail_after_credit(texts: Sequence[str], kinds: list[str | None]) -> None:
    """After a closing credit ("With reporting by ..."), a tail that is mostly outlet talk goes."""
    credits = [i for i, t in enumerate(texts) if rules.is_byline_credit(t) and _position(texts, i) >= 0.5]
    if not credits:
        return
    tail = range(credits[-1] + 1, len(texts))
    if not tail:
        return
    junk_chars = sum(len(texts[i]) for i in tail if kinds[i] or rules.is_weak(texts[i]))
    if junk_chars >= 0.5 * sum(len(texts[i]) for i in tail):
        for index in tail:
            kinds[index] = kinds[index] or rules.OUTLET


def _mark_edges(texts: Sequence[str], kinds: list[str | None]) -> None:
    """Label-like lines in the junk run that closes an article, or between two junk lines."""
    index = len(texts) - 1
    run: list[int] = []
    while index >= 0 and (kinds[index] or rules.is_weak(texts[index])):
        run.append(index)
        index -= 1
    # a phone number or handle in the closing run is the author's contact block ("-- Name", "503-294-4004")
    strong = sum(1 for i in run if kinds[i] or rules.is_contact(texts[i]))
    # a long list of labels before a credit line is content, not furniture
    if strong and len(run) - strong <= max(2, strong):
        for i in run:
            kinds[i] = kinds[i] or EDGE
    furniture = [k is not None and k not in (rules.DUPLICATE, rules.REPEATED) for k in kinds]
    for i in range(1, len(texts) - 1):
        headline = i < HEADLINE_ZONE and rules.is_headline_like(texts[i])
        if (
            not kinds[i]
            and furniture[i - 1]
            and furniture[i + 1]
            and rules.is_weak(texts[i])
            and not headline
        ):
            kinds[i] = EDGE


def _is_junk_title(title: str) -> bool:
    return rules.strong_kind(title) is not None


def clean_text(
    text: str, *, title: str | None = None, repeated: frozenset[str] = frozenset()
) -> tuple[str, tuple[str, ...]]:
    """Clean one text: (kept text, removed lines verbatim)."""
    cleaned = _clean(text, title, repeated)
    return cleaned.text, cleaned.removed


def _clean(text: str, title: str | None, repeated: frozenset[str]) -> Cleaned:
    lines, codes = cleaning_lines(text)
    kinds = _kinds(lines, repeated)
    removed: list[str] = list(codes)
    kept: list[tuple[str, bool]] = []  # (text, paragraph break before)
    paragraph_break = False
    published = None
    for line, kind in zip(lines, kinds, strict=True):
        paragraph_break = paragraph_break or line.blank_before
        if kind == rules.DATELINE and published is None:
            published = _date_of(line.text)
        if kind:
            removed.append(line.text)
            paragraph_break = paragraph_break or bool(kept)
            continue
        prefix = rules.glued_prefix(line.text)
        if prefix:
            removed.append(prefix)
        kept.append((line.text[len(prefix) :], paragraph_break))
        paragraph_break = False
    title = title.strip() if title else title
    if title and _is_junk_title(title):
        removed.insert(0, title)
        title, kept = _title_from_text(kept)
    if title and kept and rules.normalize(kept[0][0]) == rules.normalize(title):
        removed.append(kept[0][0])
        kept = kept[1:]
    return Cleaned(text=_join(kept), title=title or None, removed=tuple(removed), published=published)


def _date_of(line: str) -> str | None:
    """ISO date of a "Published: March 11, 2025" line, if it parses."""
    import dateparser

    value = line.split(":", 1)[1] if ":" in line[:25] else line.split(None, 1)[-1]
    with contextlib.suppress(Exception):  # dateparser raises assorted errors on odd input
        parsed = dateparser.parse(value.strip(), settings={"PREFER_DAY_OF_MONTH": "first"})
        if parsed is not None:
            return parsed.date().isoformat()
    return None


def _title_from_text(kept: list[tuple[str, bool]]) -> tuple[str | None, list[tuple[str, bool]]]:
    """The first headline-like line near the top becomes the title."""
    for index, (line, _) in enumerate(kept[:3]):
        if rules.is_headline_like(line):
            return line, kept[:index] + kept[index + 1 :]
    return None, kept


def _join(kept: Sequence[tuple[str, bool]]) -> str:
    parts: list[str] = []
    for number, (line, paragraph_break) in enumerate(kept):
        if number:
            parts.append("\n\n" if paragraph_break else "\n")
        parts.append(line)
    return "".join(parts)


def repeated_lines(texts: Sequence[str]) -> frozenset[str]:
    """Keys of lines found in two or more texts that are not copies of each other.

    Texts sharing half of their longer lines (six words or more) are copies of
    one story, so their subheads and labels count once. Lines are read as
    cleaning reads them (``cleaning_lines``). Copies are found through the
    long lines they share, so only texts that share one are ever compared.
    """
    lines = [cleaning_lines(t)[0] for t in texts]
    keys = [{rules.normalize(line.text) for line in group} - {""} for group in lines]
    long_keys = [{rules.normalize(x.text) for x in group if len(x.text.split()) >= 6} for group in lines]
    group = list(range(len(texts)))

    def root(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    holders: dict[str, list[int]] = {}
    for i, article_keys in enumerate(long_keys):
        for key in article_keys:
            holders.setdefault(key, []).append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for members in holders.values():
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                shared[members[a], members[b]] += 1
    for (i, j), count in sorted(shared.items()):
        smaller = min(len(long_keys[i]), len(long_keys[j]))
        if smaller >= 3 and count >= NEAR_DUPLICATE_SHARE * smaller:
            group[root(j)] = root(i)
    groups_of: dict[str, set[int]] = {}
    for i, article_keys in enumerate(keys):
        for key in article_keys:
            groups_of.setdefault(key, set()).add(root(i))
    return frozenset(key for key, groups in groups_of.items() if len(groups) >= 2)


def site_of(article: Article) -> str | None:
    """Which articles the repeated-line rule compares this one with.

    A site's furniture repeats across its pages, so pages of one site (URL
    host, else outlet) are compared; then articles that arrived grouped (a
    cluster); then files of one folder. Other articles are not compared, so
    one story's lines never change another story's text.
    """
    if article.url:
        host = urlsplit(article.url).hostname
        if host:
            return "host:" + host.removeprefix("www.")
    if article.outlet:
        return "outlet:" + article.outlet.strip().lower()
    if article.cluster is not None:
        return "cluster:" + article.cluster
    if article.source and ("/" in article.source or "\\" in article.source):
        return "folder:" + str(PurePath(article.source).parent)
    return None


def _repeated_by_site(articles: Sequence[Article]) -> list[frozenset[str]]:
    """The repeated-line keys each article is cleaned with, from windows of its own site."""
    found: list[frozenset[str]] = [frozenset()] * len(articles)
    by_site: dict[str, list[int]] = {}
    for index, article in enumerate(articles):
        site = site_of(article)
        if site is not None:
            by_site.setdefault(site, []).append(index)
    for members in by_site.values():
        for start in range(0, len(members), SITE_WINDOW):
            window = members[start : start + SITE_WINDOW]
            if len(window) < 2:
                continue
            repeated = repeated_lines([articles[i].text for i in window])
            for i in window:
                found[i] = repeated
    return found


def clean_articles(articles: Sequence[Article]) -> tuple[Article, ...]:
    """Stage: every article with junk lines removed and listed in ``removed``."""
    repeated_for = _repeated_by_site(articles)
    cleaned_articles = []
    for article, repeated in zip(articles, repeated_for, strict=True):
        cleaned = _clean(article.text, article.title, repeated)
        if article.text.strip() and not cleaned.text:
            warn("every line looked like page furniture; the article is left empty", source=article.source)
        cleaned_articles.append(
            replace(
                article,
                text=cleaned.text,
                title=cleaned.title,
                removed=(*article.removed, *cleaned.removed),
                # A page's own "Published:" line is metadata, not a guess.
                published=article.published or cleaned.published,
            )
        )
    return tuple(cleaned_articles)
