"""Photo captions left in an article's text: they describe a picture, not the news.

Cleaning removes a caption line by its shape (``crosswire.cleanrules``); these two survive it
because the caption shares its line with a credit or the article's first paragraph:
- a sentence its paragraph follows with a bare picture credit ("... is hoisted back aboard the
  ship. (U.S. Navy / Getty Images / )", "... Photo: Getty Images.");
- a picture described in the present simple with the day it was taken ("Putin takes part in a
  friendly hockey match at ... on Saturday."): news puts a past day in the past tense;
- a sentence that introduces a picture with an indefinite article ("A 2013 photo shows the gates ...",
  "A photo from the 1998 excavation, with ...", "Photograph from the excavations in 1998"): news names "the photo" it told of, a caption "a photo"
  (a past-tense account, "A photo released by the school showed the boy ...", is news and stays).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from crosswire.model import Sentence

# A credit naming a picture or its agency by a slash: "(Photo: Brennan Linsley AP)", "JASON REED / Reuters",
# "Credit: Image courtesy ...". A bare "(The Associated Press)" credits the article, and "[Photos: ...]" or
# "Image Gallery: ..." points to a gallery after an ordinary sentence.
_PICTURE_CREDIT = re.compile(
    r"^\(?\s*(?:(?:Photo|Image|Picture)\s*(?::|by\b|credit\b|courtesy\b)[^()]{0,60}|Credit\b[^()]{0,60}"
    r"|[^()/]{0,40}\b(?:Getty Images|AP Photo|iStock|Shutterstock)\b[^()]{0,40}"
    r"|[A-Z][^()/]{0,40}\s/\s[^()]{0,40})\)?\.?$"
)
_CAPTION_VERB = (
    r"(?:takes? part|speaks|looks? on|arrives?|attends?|poses?|gestures?|waves?|walks?|sits?|stands?|"
    r"listens?|delivers|addresses|greets?|shakes? hands|smiles?|reacts?|celebrates?|pauses?|prays?|"
    r"performs?|salutes?|cheers?|gathers?|is (?:hoisted|escorted|pictured|seen|lowered|carried|greeted)"
    r"|are (?:pictured|seen|carried|escorted))"
)
_PAST_DAY = r"\b(?:on|late|early) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
# The subject, a caption verb in the present simple, then a day: no quote, no reporting, no future.
_PRESENT_CAPTION = re.compile(
    rf"^[A-Z][\w.'’-]*,?\s(?:[\w.'’-]+,?\s){{0,12}}?{_CAPTION_VERB}\b[^\"“”]*{_PAST_DAY}"
)
_A_PICTURE = re.compile(
    r"^\W*(?:An?\s(?:(?:\d{4}|file|handout|undated|recent)\s)?(?:photo(?:graph)?|picture|image|still|screenshot|screengrab)"
    r"\s(?:of|from|shows|taken|provided|courtesy)|(?:Photo(?:graph)?|Picture|Image)\s(?:of|from)\s)\b"
)
_PAST_ACCOUNT = re.compile(r"\b(?:showed|was|were|had|said)\b")
_NOT_A_CAPTION = re.compile(r"\b(?:said|says|told|will|would|plans?|expected|scheduled)\b|[\"“”]")


def caption_rows(sentences: Sequence[Sentence]) -> set[tuple[str, int]]:
    """(article, index) of the sentences that caption a picture (see the module's docstring)."""
    found: set[tuple[str, int]] = set()
    for sentence, following in zip(sentences, [*sentences[1:], None], strict=True):
        text = sentence.text.strip()
        credited = (
            following is not None
            and (following.article_id, following.paragraph) == (sentence.article_id, sentence.paragraph)
            and bool(_PICTURE_CREDIT.match(following.text.strip()))
        )
        described = bool(_PRESENT_CAPTION.match(text)) and not _NOT_A_CAPTION.search(text)
        introduced = bool(_A_PICTURE.match(text)) and not _PAST_ACCOUNT.search(text)
        if credited or described or introduced:
            found.add((sentence.article_id, sentence.index))
    return found
