"""What a brief never prints: sentences that are no news statement.

A writer's own voice or the site's "we", a question or an exclamation outside quotes, a quote cut off
or two run together, a fragment split off mid-sentence, web furniture, asides and pointers, and the page
speaking about itself or to its readers. The selector keeps such sentences as candidates (the model scores
them in context) but never prints them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosswire.model import Sentence
from crosswire.summarize.references import _QUOTED, _VERB

# "we" is left out: outside quotes it is most often a quote's continuation split off by the segmenter,
# and dropping those cost 0.26 ROUGE-2 on Multi-News validation.
_WRITER_VOICE = re.compile(r"(?<!War )\bI\b(?![.'’-])|\b(?i:me|my|mine|myself|you|your|yours|yourself)\b")
# The writer telling the reader what to do, outside quotes ("Don't be too passive though.", "Make sure it's someone
# you trust.", "Look at the cheeky glimpse he gives the referee.", "Check back for details"): a column's or a
# guide's voice. Only imperatives a news sentence never opens with ("Just days later", "Take-off was" stay).
_READER_IMPERATIVE = re.compile(
    r"^(?:Don['’]t|Do not|Make sure|Be sure|Imagine|Remember (?:the|what|when|that|how)|Look (?:at|closely)"
    r"|Think (?:of|about)|Check (?:back|out)|Trust (?:that|me|us)|Note (?:that|:)|Note:|Let['’]s|Keep in mind"
    r"|Keep (?:the|your|it|them))\b"
)
# A sentence split off mid-way: it opens on a lower-case word or on a closing quote (`" is a member ...`).
_FRAGMENT = re.compile(r"^(?:[\"”’']\s|[\"“”]?[a-z](?![a-z]*[A-Z])|[,;:.)\]])")  # "iPhone ..." is whole
# Web furniture that survives cleaning inside a sentence ("Email This", "after the jump").
_FURNITURE = re.compile(
    r"^Email This\b|\bafter the jump\b|^(?:[A-Z][\w.’'-]*\s){1,3}/\s(?:AP|AFP|Reuters|Getty|EPA|Bloomberg)\b",
    re.IGNORECASE,
)  # and a photo credit opening a caption ("Eric Gay / AP Senator ... listens as ...")


# A sentence wholly in parentheses (a review's "(PG-13. 129 minutes ...)", an aside), a pointer to a
# list the brief does not print ("Here's a sampling of ..."), or a sentence announcing one ("...:"),
# a pointer to the page's own media ("Check out the posts below.") or a promise of updates.
_ASIDE = re.compile(
    r"^\([^()]*\)\.?$|^Here(?:['’]s| is| are)\b|.*:$"
    r"|^(?:Check out|See|Watch|Read|Scroll down|Click)\b.*\b(?:below|above)\W*$"
    r"|.*\b(?:story|article|post) (?:is developing|will be updated)\b|^Updates will be (?:provided|posted)\b"
    r"|^(?:Call|Contact|Email|Follow|Reach)\b.*(?:\d{3}[-.]\d{4}|@\w|\bon (?:Twitter|Facebook|Instagram)\b)"
)  # and a reporter's contact line ("Call IndyStar reporter ... at 444-6156.")
_GLUED_QUOTES = re.compile(r"[.!?,][\"”][\"“]")  # two quotes the page ran together: a bad split
# The page speaking about itself or to its readers, not news (outside quotes): an editor's note ("Editor's
# note: ...", "We've added new reports to the article.", a stamp "Updated at 9:23 a.m. to correct ..."), a call
# to readers ("Please ...", "Share your stories in the comments."), a republication credit ("Originally published on ...", "Reprinted with
# permission") and the writer's own greeting ("Congratulations to ...", "Kudos, ...").
_PAGE_VOICE = re.compile(
    r"^(?:Editor['’]?s['’]? [Nn]ote|Correction|Clarification)\s*:"
    r"|\b[Ww]e(?:['’]ve| have|['’]ll| will| had)? (?:\w+ ){0,2}(?:added|updated|corrected|changed|removed|edited)\b"
    r".*\b(?:article|story|post|page|report|piece)\b"
    r"|\b(?:article|story|post|piece) (?:has been|was|is being|will be) (?:updated|corrected|edited)\b"
    r"|^(?:Updated|Corrected|Clarified)\s+(?:at|on)\s+.{0,40}?\bto (?:correct|clarify|reflect|include|add|fix)\b"
    r"|^Please\b|^(?:Share|Post|Leave|Tell us|Let us know|Sound off|Weigh in)\b.*\bcomments?\b"
    r"|\b(?:let us know|tell us what you|keep (?:posting|sending) (?:them|your))\b"
    r"|^(?:Originally|First) (?:published|posted|appeared)\b|\b(?:[Rr]eprinted|[Rr]epublished|[Rr]eposted) "
    r"(?:with|by) (?:the )?(?:kind )?permission\b|^A version of this (?:article|story|post)\b"
    r"|^(?:Congratulations|Congrats|Kudos|Hats off|Shame on)\b(?:,| to\b)"
)


# The site's own "we" ("Our web monitoring ... revealed", "We were wrong, and we apologize"). Kept when a
# reporting verb attributes the sentence, and (``continues_a_quote``) inside a quote an earlier sentence of its
# paragraph opened: that is a speaker's "we", split off by the segmenter.
_SITE_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|ours|ourselves)\b")
_ATTRIBUTED = re.compile(rf"\b{_VERB}\b|\baccording to\b|\b(?:asked|tells|writes|reported)\b")


def speaks_for_the_site(text: str) -> bool:
    """A writer's "we" or "our" outside quotes and unattributed: the site's voice, not news."""
    return bool(_SITE_WE.search(_QUOTED.sub(" ", text))) and not _ATTRIBUTED.search(text)


def continues_a_quote(sentences: Sequence[Sentence]) -> set[tuple[str, int]]:
    """(article, index) of the sentences inside a quote that an earlier sentence of their paragraph opened."""
    inside: set[tuple[str, int]] = set()
    open_quote, paragraph = False, None
    for sentence in sentences:
        if (sentence.article_id, sentence.paragraph) != paragraph:
            open_quote, paragraph = False, (sentence.article_id, sentence.paragraph)
        if open_quote:
            inside.add((sentence.article_id, sentence.index))
        text = sentence.text
        if text.count('"') % 2 or text.count("“") != text.count("”"):
            open_quote = not open_quote
    return inside


def not_brief_material(text: str) -> bool:
    """Not a news statement a brief can print.

    A writer's own voice ("and tells me", "your arteries"), a question or
    an exclamation (a blogger's aside), all outside quotes; a quote cut off; a fragment split off
    mid-sentence; web furniture; an aside in parentheses or a pointer to a list; the page's own voice
    (an editor's note, a call to readers, a republication credit, a greeting); the writer telling the reader what
    to do ("Don't be too passive though."). Such sentences are kept as candidates (the model scores them in
    context) but never printed.
    """
    if text.count("“") != text.count("”") or text.count('"') % 2:
        return True
    if _FRAGMENT.match(text.lstrip()) or _FURNITURE.search(text) or _ASIDE.match(text.strip()):
        return True
    if _GLUED_QUOTES.search(text):
        return True
    outside = _QUOTED.sub(" ", text)
    if _PAGE_VOICE.search(outside.strip()) or _READER_IMPERATIVE.match(text.lstrip()):
        return True
    if re.search(r"[?!]\s*$", outside.rstrip("’'”\" ")):
        return True
    return bool(_WRITER_VOICE.search(outside))
