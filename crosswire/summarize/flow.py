"""The order of sentences inside a paragraph: one sub-topic after another, and no quote to close.

- A *jump* is two adjacent sentences that share no content stem (``shares_topic``): a reader
  meets a new place, person or event with nothing to tie it to what came before.
- ``grouped`` keeps a paragraph's reading order (article date, article order, position) but,
  after each sentence, takes the earliest remaining one that shares two content stems with it, so
  that what is said about one place or sub-event is said together; a sentence that leans on its
  article's previous sentence stays right after it (a unit). When none shares, reading order goes on.
  Grouping never puts a sentence before an earlier sentence of its own article: only the first
  remaining unit of each article can be pulled forward (a later one reads after what it builds on).
- ``closing_not_quote``: a brief does not end on a direct quote (half its words or more inside
  quotes) when a unit of the last paragraph ending on a statement can be moved to close it, and
  moving it puts it after no later sentence of its own article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from crosswire.summarize.references import quoted_words

QUOTE_SHARE = 0.5  # a sentence with this share of its words inside quotes reads as a quote
LINK_STEMS = 2  # stems two sentences share to be grouped: one common word ("girl", "week") is no sub-topic


def is_quote(text: str) -> bool:
    """Whether ``text`` is mostly a direct quote."""
    return quoted_words(text) >= QUOTE_SHARE * max(len(text.split()), 1)


def shares_topic(first: Sequence[str], second: Sequence[str]) -> bool:
    """Whether two sentences' content stems overlap."""
    return bool(set(first) & set(second))


def linked(first: Sequence[str], second: Sequence[str]) -> bool:
    """Whether two sentences are on one sub-topic: they share ``LINK_STEMS`` content stems or more."""
    return len(set(first) & set(second)) >= LINK_STEMS


def units(rows: Sequence[int], joins: Callable[[int, int], bool]) -> list[list[int]]:
    """``rows`` cut into runs where each row after the first ``joins`` the row before it."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and joins(runs[-1][-1], row):
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs


def grouped(
    runs: Sequence[Sequence[int]],
    stems: Callable[[int], Sequence[str]],
    before: int | None = None,
    article: Callable[[int], str] | None = None,
) -> list[int]:
    """The rows of ``runs`` (units in reading order), each followed by the earliest unit on its topic
    that is its article's first remaining unit.

    ``before``: the row printed just before the first unit (the opener's), or None. ``article``: a
    row's article (None: every row its own article).
    """
    remaining = [list(run) for run in runs]
    order: list[int] = []
    last = before
    while remaining:
        pick = 0
        if last is not None:
            pick = next(
                (
                    k
                    for k, run in enumerate(remaining)
                    if linked(stems(last), stems(run[0])) and _first_of_article(remaining, k, article)
                ),
                0,
            )
        run = remaining.pop(pick)
        order.extend(run)
        last = run[-1]
    return order


def _first_of_article(runs: Sequence[Sequence[int]], k: int, article: Callable[[int], str] | None) -> bool:
    """Whether no unit before ``runs[k]`` comes from its article (units never span two articles)."""
    if article is None:
        return True
    own = article(runs[k][0])
    return all(article(run[0]) != own for run in runs[:k])


def closing_not_quote(
    runs: Sequence[Sequence[int]], text: Callable[[int], str], article: Callable[[int], str] | None = None
) -> list[int]:
    """The rows of ``runs`` with the last unit ending on a statement moved to the end, when the last
    unit ends on a quote (unchanged when every unit ends on a quote, or there is one unit).

    ``article``: a row's article; a unit followed by a later unit of its article never moves.
    """
    order = [list(run) for run in runs]
    if len(order) < 2 or not is_quote(text(order[-1][-1])):
        return [row for run in order for row in run]
    for k in range(len(order) - 2, -1, -1):
        later = order[k + 1 :]
        if article is not None and any(article(run[0]) == article(order[k][0]) for run in later):
            continue
        if not is_quote(text(order[k][-1])):
            order.append(order.pop(k))
            break
    return [row for run in order for row in run]
