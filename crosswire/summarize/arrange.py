"""How a brief reads: its opening lead, its paragraphs by development, and its headline.

- The opener is the main news: an article's first or second sentence, the one
  with the best score plus a bonus for how many outlets report the same thing,
  one for saying when it happened (a weekday, a date, "yesterday") and one for
  the development most articles report, or, when the story has a single
  development, for being close to its centroid (what all its candidates are about).
- Developments come from ``Story.developments`` (the story tracker) or, while
  those are empty, from the articles' own publication dates (explicit or
  inferred): articles whose dates lie within ``DATE_GAP_DAYS`` of each other
  form one development. Undated articles join the largest one.
- With more than one development, the opener stands alone as the top
  paragraph and each development gets a paragraph of its own, in date order;
  with one, the brief is one paragraph, opener first (after its article's
  first sentence when the opener is the second and both are chosen). Within a paragraph,
  sentences keep reading order (article date, article order, position), so a
  sentence that leans on its article's previous sentence follows it, except that
  each sentence is followed by the earliest one on its sub-topic and the brief
  does not close on a quote (``flow.py``).
- The headline is the article title closest to what the brief says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

import numpy as np

from crosswire.model import Story
from crosswire.summarize.features import SentenceTable
from crosswire.summarize.flow import closing_not_quote, grouped, units
from crosswire.summarize.references import needs_antecedent

LEAD_POSITIONS = 2  # the first or second sentence of an article
DATE_GAP_DAYS = 3  # articles dated this close report one development
SUPPORT_WEIGHT = 0.5  # bonus per unit of mean closest cosine in the other articles
DEVELOPMENT_WEIGHT = 0.3  # bonus for a lead of the development most articles report
# A quote or aside does not open a brief, nor a sentence that answers another ("Except seven of those ...").
_WEAK_OPENING = re.compile(r"^(?:[\"“‘'(\[]|(?:Except|Unlike|Besides|Otherwise|Likewise|Similarly)\b)")
WHEN_WEIGHT = 0.15  # bonus for a lead that says when: a news lede tells who did what, when
# Bonus per unit of cosine to the story's centroid (over the best) when the story has one development: the
# lead about what the whole story is about, not a teaser or an abstract's background (docs/experiments.md).
CENTRALITY_WEIGHT = 2.0
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_WHEN = re.compile(
    r"\b(?:(?:on|late|early) )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?:yesterday|today|tonight|overnight)\b"
    r"|\b(?:this|last) (?:morning|afternoon|evening|night|week|weekend)\b"
    rf"|\b(?:{_MONTHS})\.? \d{{1,2}}\b"
)


def article_developments(story: Story) -> dict[str, int]:
    """Each article's development number (0, 1, ... in date order)."""
    if story.developments:
        numbers: dict[str, int] = {}
        for number, development in enumerate(story.developments):
            for article_id in development.article_ids:
                numbers.setdefault(article_id, number)
        rest = max(numbers.values(), default=0)
        return {a.id: numbers.get(a.id, rest) for a in story.articles}
    return _dated_developments(story)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _dated_developments(story: Story) -> dict[str, int]:
    days = {a.id: _day(a.published) for a in story.articles}
    dated = sorted({d for d in days.values() if d is not None})
    if len(dated) < 2:
        return {a.id: 0 for a in story.articles}
    group_of_day: dict[date, int] = {}
    group = 0
    for previous, current in zip([None, *dated], dated, strict=False):
        if previous is not None and (current - previous).days > DATE_GAP_DAYS:
            group += 1
        group_of_day[current] = group
    numbers = {a: group_of_day[d] for a, d in days.items() if d is not None}
    sizes = np.bincount(list(numbers.values()))
    largest = int(np.argmax(sizes))
    return {a.id: numbers.get(a.id, largest) for a in story.articles}


def lead_rows(table: SentenceTable) -> np.ndarray:
    """Candidates that are an article's first or second sentence."""
    return np.array([s.index < LEAD_POSITIONS for s in table.sentences], dtype=bool)


def outlet_support(table: SentenceTable) -> np.ndarray:
    """How much the other articles say the same: the mean, over them, of their closest candidate's cosine."""
    if table.article_count < 2:
        return np.zeros(table.size, dtype=np.float32)
    articles = table.article_index
    support = np.zeros(table.size, dtype=np.float32)
    for column, number in enumerate(np.unique(articles)):  # the articles with candidates, in order
        support += np.where(articles == number, 0.0, table.article_best[:, column])
    return support / (table.article_count - 1)


def centrality(table: SentenceTable) -> np.ndarray:
    """Each candidate's cosine to the mean of all candidates' vectors, over the highest (0 when none)."""
    if table.size == 0:
        return np.zeros(0, dtype=np.float32)
    centre = table.vectors.mean(axis=0)
    cosine = table.vectors @ (centre / max(float(np.linalg.norm(centre)), 1e-9))
    return np.asarray(cosine / max(float(cosine.max()), 1e-9), dtype=np.float32)


def development_share(table: SentenceTable, developments: dict[str, int]) -> np.ndarray:
    """Share of the story's articles in each candidate's development (what most outlets cover)."""
    numbers = [developments.get(a.id, 0) for a in table.story.articles]
    share = {n: numbers.count(n) / len(numbers) for n in set(numbers)}
    return np.array([share[developments.get(s.article_id, 0)] for s in table.sentences], dtype=np.float32)


def choose_opener(
    table: SentenceTable,
    scores: np.ndarray,
    texts: Sequence[str],
    available: np.ndarray,
    developments: dict[str, int] | None = None,
) -> int | None:
    """The main news: the best-supported, best-scored lead that can open a brief."""
    if table.size == 0:
        return None
    can_open = np.array(
        [
            not needs_antecedent(t) and not _WEAK_OPENING.match(t.lstrip()) and not t.rstrip().endswith("?")
            for t in texts
        ],
        dtype=bool,
    )
    says_when = np.array([bool(_WHEN.search(t)) for t in texts], dtype=np.float32)
    value = scores + SUPPORT_WEIGHT * outlet_support(table) + WHEN_WEIGHT * says_when
    if len(set((developments or {}).values())) > 1:
        value = value + DEVELOPMENT_WEIGHT * development_share(table, developments or {})
    else:  # no dated developments to say what most outlets cover: the story's centroid says it
        value = value + CENTRALITY_WEIGHT * centrality(table)
    for pool in (lead_rows(table), table.rank_in_article() == 0):
        candidates = pool & can_open & available
        if candidates.any():
            return int(np.argmax(np.where(candidates, value, -np.inf)))
    return None


def paragraphs(
    table: SentenceTable,
    chosen: Sequence[int],
    opener: int | None,
    developments: dict[str, int],
    leaning: frozenset[int] = frozenset(),
    flow: bool = True,
) -> list[tuple[int, int]]:
    """``(row, paragraph)`` for each chosen row, in printed order.

    ``leaning`` rows read only after their article's previous sentence: they stay with it.
    ``flow``: order each paragraph by sub-topic and close on no quote (``flow.py``); else reading order.
    """
    story = table.story
    order = {a.id: i for i, a in enumerate(story.articles)}
    dates = {a.id: (a.published or "")[:10] or "9999" for a in story.articles}

    def key(row: int) -> tuple[str, int, int]:
        sentence = table.sentences[row]
        return (dates[sentence.article_id], order[sentence.article_id], sentence.index)

    rows = sorted(chosen, key=key)
    development = {row: developments.get(table.sentences[row].article_id, 0) for row in rows}
    numbers = sorted(set(development.values()))
    if opener is None or opener not in rows:
        top: list[int] = []
        rest, offset = rows, 0
    else:
        top = _chain(table, rows, opener, leaning)
        lede = _lede_before(table, rows, opener, leaning)
        if lede is not None:  # the article's first sentence, chosen too, reads before its second
            top = [lede, *top]
        rest = [row for row in rows if row not in top]
        offset = 0 if len(numbers) == 1 else 1
    bodies = [[row for row in rest if numbers.index(development[row]) == n] for n in range(len(numbers))]
    if flow:
        bodies = _flowing(table, bodies, top, leaning, offset == 0)
    return [(row, 0) for row in top] + [(row, n + offset) for n, body in enumerate(bodies) for row in body]


def _flowing(
    table: SentenceTable, bodies: list[list[int]], top: list[int], leaning: frozenset[int], joined: bool
) -> list[list[int]]:
    """Each paragraph's body by sub-topic (``flow.grouped``), the brief closing on no quote.

    ``joined``: the first body shares its paragraph with ``top``, so it follows top's last row.
    """

    def joins(first: int, second: int) -> bool:
        a, b = table.sentences[first], table.sentences[second]
        return second in leaning and a.article_id == b.article_id and b.index == a.index + 1

    def stems(row: int) -> tuple[str, ...]:
        return table.stems[row]

    def article(row: int) -> str:
        return table.sentences[row].article_id

    flowing = [
        grouped(units(body, joins), stems, top[-1] if joined and n == 0 and top else None, article)
        for n, body in enumerate(bodies)
    ]
    last = max((n for n, body in enumerate(flowing) if body), default=None)
    if last is not None:
        flowing[last] = closing_not_quote(
            units(flowing[last], joins), lambda row: table.sentences[row].text, article
        )
    return flowing


def _lede_before(
    table: SentenceTable, rows: Sequence[int], opener: int, leaning: frozenset[int]
) -> int | None:
    """The chosen sentence just before ``opener`` in its article, when both are its lead sentences."""
    sentence = table.sentences[opener]
    if not 0 < sentence.index < LEAD_POSITIONS:
        return None
    for row in rows:
        before = table.sentences[row]
        if before.article_id == sentence.article_id and before.index == sentence.index - 1:
            return row if row not in leaning else None
    return None


def _chain(table: SentenceTable, rows: Sequence[int], first: int, leaning: frozenset[int]) -> list[int]:
    """``first`` and the chosen sentences that follow it directly in its article and lean on it."""
    chain = [first]
    by_place = {(table.sentences[r].article_id, table.sentences[r].index): r for r in rows}
    while True:
        last = table.sentences[chain[-1]]
        following = by_place.get((last.article_id, last.index + 1))
        if following is None or following not in leaning:
            return chain
        chain.append(following)


# A page's furniture in the title slot ("Follow CBSMIAMI.COM: Facebook | Twitter"), not a headline.
_PAGE_TITLE = re.compile(r"^Follow\b|\b\w+\.(?:com|org|net)\b|\bFacebook\b.*\bTwitter\b", re.IGNORECASE)


def best_headline(story: Story, brief_vector: np.ndarray | None, title_vectors: np.ndarray | None) -> str:
    """The article title closest to the brief (the story's headline when none is better)."""
    titles = [a.title for a in story.articles]
    if brief_vector is None or title_vectors is None or not any(titles):
        return story.headline
    similarity = title_vectors @ brief_vector
    usable = [i for i, t in enumerate(titles) if t and len(t.split()) >= 3 and not _PAGE_TITLE.search(t)]
    if not usable:
        return story.headline
    best = max(usable, key=lambda i: float(similarity[i]))
    return re.sub(r"^[^\w\"“‘'(]+", "", str(titles[best])).strip()  # a page's "► " or "| " before it


def lead_headline(opening: str, most_words: int = 14) -> str:
    """A headline from the brief's opening sentence, for stories whose articles have no titles.

    An untitled text's first line is often a photo credit, a review's cast list or a site's blurb,
    while the opening is the main news. A bracketed name loses its brackets; a quote is no headline.
    Cut at a clause end when the sentence is long.
    """
    text = re.sub(r"\[([^\]]+)\]", r"\1", opening).strip().rstrip(".")
    if not text or text[0] in "\"“‘'(":
        return ""
    words = text.split()
    if len(words) <= most_words:
        return text
    head = " ".join(words[: most_words + 1])
    clause = re.search(r"[,;:—–]\s", head)
    if clause and len(head[: clause.start()].split()) >= 6:
        return head[: clause.start()]
    return " ".join(words[:most_words]) + " ..."


def same_fact(table: SentenceTable, share: float, lead_share: float | None = None) -> np.ndarray:
    """``[i, j]``: at least ``share`` of candidate j's content stems are in candidate i, and i is the longer.

    With ``lead_share``, also two leads (first or second sentences) of different articles that share at
    least that much of the shorter one's content stems ("A berm ... collapsed early Sunday", "... where a
    berm collapsed Sunday"), whichever is chosen first.

    One fact told twice in other words ("has died in Edinburgh aged 66", "died on Saturday in
    Edinburgh") shares its content words though the sentences' vectors differ.
    """
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, stems in enumerate(table.stems):
        for stem in set(stems):
            rows.append(row)
            cols.append(vocabulary.setdefault(stem, len(vocabulary)))
    if not rows:
        return np.zeros((table.size, table.size), dtype=bool)
    matrix = csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(table.size, len(vocabulary))
    )
    sizes = np.asarray(matrix.sum(axis=1)).ravel()
    product = matrix @ matrix.T
    if share > 0 and (lead_share is None or lead_share > 0):  # only candidates sharing a stem can qualify
        pairs = product.tocoo()
        first, second, shared = pairs.row, pairs.col, pairs.data
    else:
        first, second = (index.ravel() for index in np.indices((table.size, table.size)))
        shared = product.toarray().ravel()
    # Entry by entry, the same float32 arithmetic as over the whole n x n matrix.
    first_size, second_size = sizes[first], sizes[second]
    keep = (
        (shared / np.maximum(second_size, 1) >= share)
        & (first_size >= second_size)
        & (second_size >= 3)
        & (first != second)
    )
    if lead_share is not None:
        # Two outlets' leads tell the story's news each in its own words: half the shorter one's stems is enough.
        leads, articles = lead_rows(table), table.article_index
        smaller = np.minimum(first_size, second_size)
        keep |= (
            (shared / np.maximum(smaller, 1) >= lead_share)
            & leads[first]
            & leads[second]
            & (articles[first] != articles[second])
            & (smaller >= 3)
        )
    found = np.zeros((table.size, table.size), dtype=bool)
    found[first[keep], second[keep]] = True
    return found
