"""Line-level evidence for boilerplate cleaning: patterns and features.

Each rule names a general *shape* of page furniture (navigation, promos,
photo credits, captions, outlet notices, comment sections, widget text), not
a particular outlet. ``crosswire.clean`` combines these with position and
repetition across articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from crosswire.cleanshapes import looks_like_code, mixed_script_words, unconfuse

# Kinds of junk, as recorded by the cleaner (stable names, used in tests).
NAVIGATION = "navigation"
DATELINE = "dateline"
BYLINE = "byline"
PROMO = "promo"
CREDIT = "credit"
CAPTION = "caption"
OUTLET = "outlet"
COMMENTS = "comments"
WIDGET = "widget"
SITE_NOTICE = "site notice"
WIRE_NOTE = "wire note"
RELATED = "related"
DUPLICATE = "duplicate"
REPEATED = "repeated"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _words(
    "a about above after again against all also am an and any are as at be because been before being "
    "below between both but by can could did do does doing down during each few for from further had "
    "has have having he her here hers him his how i if in into is it its itself just me more most my "
    "no nor not now of off on once only or other our out over own same she should so some such than "
    "that the their them then there these they this those through to too under until up very was we "
    "were what when where which while who whom why will with would you your yours has had said says "
    "told"
)

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?"
    r"|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|stated|states|added|adds|according to|claimed|claims|announced|"
    r"reported|reports|wrote|writes|tweeted|insisted|denied|confirmed|explained|asked|warned)\b",
    re.IGNORECASE,
)
_QUOTE_CHARS = '"“”«»'
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# "us" stays lowercase: "US" is the country.
_FIRST_PERSON_PLURAL_OR_YOU = re.compile(r"\b(?:[Ww]e|[Oo]ur|us|[Yy]ou|[Yy]our|[Ww]e've|[Ww]e're)\b")
_OUTLET_VOICE = re.compile(
    r"\b(?:[Oo]ur|[Ww]e|us)\b.{0,40}\b(?:content|journalism|journalists|reporting|readers|coverage|site|"
    r"website|newsroom|stories|newsletters?|subscribers|app|news)\b|\b[Ww]e (?:provide|publish|report|"
    r"deliver|cover|bring)\b|\bcontact(?:ing)? us\b|\bplease note\b|\b(?:delivers|provides) independent\b"
)

# Whole-line navigation and furniture (compared after lowercasing and
# trimming punctuation at both ends).
_NAVIGATION_LINE = re.compile(
    r"^(?:skip to (?:main )?(?:content|navigation|search)|skip navigation|close this search box|"
    r"(?:open |close |toggle )?(?:main )?(?:menu|navigation|search)|search for|home(?:page)?|"
    r"accessibility links|breaking news|latest news|top stories|popular posts|most popular|most read|"
    r"most viewed|most shared|trending(?: now| news| stories)?|related(?: articles| stories| posts| links|"
    r" coverage| content| news| topics)?|you may also like|recommended(?: for you| stories)?|"
    r"editor'?s picks|more (?:stories|news|videos|from \w+(?: \w+)?)|see (?:also|more)|read more|"
    r"read next|load more|show more|more|next|previous|prev|back to top|top|"
    r"share(?: this(?: article| story| page| post)?| on \w+| via \w+)?|tweet|email|e-mail|print|"
    r"facebook|twitter|linkedin|whatsapp|reddit|pinterest|instagram|youtube|messenger|copy link|"
    r"sign in|log in|login|register|subscribe(?: now| today)?|my account|"
    r"advertisement|advertising|ad|sponsored(?: content)?|paid content|promoted|"
    r"continue reading(?: the main story| below)?|story continued below|article continues below|"
    r"advertisement continue reading the main story|continue reading the main story|"
    r"loading|video|videos|photo|photos|image|images|gallery|photo gallery|slideshow(?: \d+ images?)?|"
    r"watch|watch now|listen|play|play video|close|reset|text size|font size|also|exclusive|"
    r"(?:\d+ )?min(?:ute)? read|view comments|show comments|hide caption|toggle caption|"
    r"enlarge this image|expand|collapse|cookies|accept cookies|cookie settings|privacy policy|"
    r"terms of (?:use|service)|contact us|about us|sitemap|all rights reserved|"
    r"this story is developing|this is a developing story|developing story|"
    r"local news(?: more)?|more>>|click to expand|report this ad|welcome back\. please sign in)$"
)
_SHARE_WORDS = _words(
    "share tweet pin email e-mail print facebook twitter linkedin whatsapp reddit pinterest comment "
    "comments save copy link messenger sms flipboard tumblr google+ x play"
)
_SEPARATORS_ONLY = re.compile(r"^[\W_]+$")
_URL_OR_EMAIL = re.compile(
    r"^(?:[\w .:-]{0,40}[:\-–]\s*)?(?:https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+|"
    r"(?:twitter|facebook|instagram)\.com/\S+)$",
    re.IGNORECASE,
)
_PHONE = re.compile(r"^\(?\+?\d[\d ()./-]{6,}\d$")
_HANDLE = re.compile(r"^@\w{2,30}$")
# A site's name as its domain, alone on a line ("BVINEWS.COM").
_DOMAIN_LINE = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|news|co\.uk|com\.au|tv)$", re.I)

_PROMO_KEYWORDS = re.compile(
    r"\b(?:newsletters?|sign(?:ing)? up|subscribe|subscription|subscribers?|inbox|news alerts|"
    r"email alerts|daily edition|delivered (?:straight )?to your|download (?:the|our)\b.*\bapps?|"
    r"follow (?:us|@?\w+(?: \w+)?) on|like us on|join (?:the|our) (?:conversation|discussion|community)|"
    r"stay (?:informed|up to date|up-to-date|connected|tuned|with)|never miss|don'?t miss|"
    r"get the latest|privacy policy|terms of (?:use|service)|not a robot|invalid email|"
    r"add as an interest|support (?:our|independent) journalism|become a (?:member|subscriber)|"
    r"have a tip|send us (?:a )?tips?|tips@|app now|mailing list|web exclusives?|"
    r"download a (?:free )?copy)\b",
    re.IGNORECASE,
)
# Promo whatever the line's voice or start: app, letter and advertising calls.
_PROMO_CALL = re.compile(
    r"\b(?:download (?:the|our) [\w ]{0,30}apps?\b|submit (?:your|a) letter|"
    r"we want to hear (?:from you|what you think)|subscribers (?:also )?(?:get|receive)\b|"
    r"advertise with (?:us|the)\b)",
    re.IGNORECASE,
)
_PROMO_START = re.compile(
    r"^(?:sign up|subscribe|get|download|follow|join|stay|click|tap|like us|don'?t miss|never miss|"
    r"want|interested|register|support|become|read|watch|listen|find us|connect|have a tip|"
    r"breaking news emails|newsletter|for (?:the )?latest (?:news|stories|updates))\b",
    re.IGNORECASE,
)
_WIDGET = re.compile(
    r"\b(?:enable javascript|javascript (?:is )?(?:disabled|required)|your browser does not support|"
    r"media playback is unsupported|rating is available when|this feature is not available|"
    r"tweet with a location|add location information to your tweets|you can add location information|"
    r"this video is (?:unavailable|no longer available)|please try again later|autoplay|"
    r"wayback machine|alexa internet|archive-it|crawl data|these crawls|the seed for \w+ was|"
    r"we use cookies|by continuing to (?:use|browse)|cookie policy)\b",
    re.IGNORECASE,
)
# Video-player text: the player's buttons run into the clip's title or blurb. Junk even with quotes in it.
_VIDEO_PLAYER = re.compile(
    r"\bSkip in Skip x Embed x Share\b|\bEmbed x Share\b|\bReplay More Videos\b|^JUST WATCHED\b"
)
# What a site or an archive says about itself instead of the page: web-archive
# crawl descriptions, "page not found" and parked-domain pages. Junk even when
# quoted ('Crawls of supported "No More 404" sites'), never when reported.
_SITE_NOTICE = re.compile(
    r"\b(?:no more 404|these crawls|this crawl\b|crawls? of outlinks|crawls? performed by\b|"
    r"crawler configuration|seedlist|warc files?|inter-domain links?|"
    r"(?:page|story|article) you (?:requested|are looking for|were looking for) (?:could not|cannot|can'?t|"
    r"was not|wasn'?t|does not|doesn'?t) (?:be found|exist)|page not found|from a bookmark|"
    r"page url may have changed|contact (?:our|the site'?s?) webmaster|domain mapping|you'?re almost there|"
    r"(?:this|these) (?:data|files?|pages?|collections?) (?:is|are) (?:currently )?not publicly accessible|"
    r"free archives of stories)",
    re.IGNORECASE,
)
# A wire service's notes to the editors who take its copy: trim marks,
# syndication notices, story-end marks (LDC newswire: AQUAINT, Gigaword, DUC).
_WIRE_NOTE = re.compile(
    r"^\(?\s*(?:story (?:can|could|may) end here\b.*|(?:begin|end)(?: first| second)? optional(?: trim)?|"
    r"(?:first |second )?optional (?:trim|material)(?: begins| ends| follows)?|(?:x{3,} )?end of story|x{3,}|"
    r"\(?distributed by\b[^)]{0,80}\)|to publish this\b.*|(?:editors?|nonsubscribers|eds)\s*:.*|"
    r"nn|-0-|[a-z ]{0,30}news service|attention editors?\s*:.*|\(for use by [^)]{0,60}\))\W*$",
    re.IGNORECASE,
)
# The same notes inside a longer line: syndicate sales pitches and advisories.
_WIRE_NOTICE = re.compile(
    r"\b(?:to purchase this (?:material|article|story|package)|syndicate sales|sales executive near you|"
    r"for more information (?:about|on) the package|separate-buy)\b",
    re.IGNORECASE,
)
# Typesetting codes inside LDC newswire lines ("&QL;", "&UR;"): formatting, not text.
_TYPESETTING_CODE = re.compile(r"[ \t]*&(?:QL|QC|QR|UR|LR|HT|TF|TL|TR|QB);")
# A call to readers to comment, not a report about what commenters said.
_COMMENT_CALL = re.compile(
    r"\b(?:share|post|leave|tell us|let us know|sound off|keep posting)\b[^.!?]{0,60}\bin the comments\b|"
    r"\bin the comments (?:below|section below)\b",
    re.IGNORECASE,
)
_CREDIT_LINE = re.compile(
    r"^(?:(?:photo|photograph|picture|image|video|source|credit|illustration|graphic|map)s?"
    r"(?: (?:by|credit|courtesy(?: of)?))?\s*[:\-–—|]\s*\S.{0,80}|"
    r"(?:photo|picture|image|video)s? (?:by|courtesy(?: of)?)\s+\S.{0,60}|"
    r"image copyright\b.*|image caption\b.*|media caption\b.*|getty images|istock|shutterstock|"
    r".{0,3}toggle caption\b.*|"
    r"(?:ap|afp|epa|reuters|associated press)(?: photo)?(?:/.*)?|"
    r"(?:enlarge this image|toggle caption|hide caption)\b.*)$",
    re.IGNORECASE,
)
# "Name/Agency" or "Agency/Agency/Agency" credits, no sentence around them.
_SLASH_CREDIT = re.compile(r"^[A-Z][\w.'’ -]{1,40}(?:/[A-Z][\w.'’ -]{1,40})+$")
_CREDIT_TAIL = re.compile(
    r"(?:\b(?:REUTERS|AFP|AP Photo|AFP PHOTO|EPA|Getty Images|Shutterstock|Photo|Picture|Image)"
    r"(?:/[\w.'’ -]+)+|\((?:[Pp]hoto|[Ii]mage|[Pp]icture|[Cc]redit|via|published)\b[^)]*\)|"
    r"\((?:AFP|AP|Associated Press|Reuters|EPA|Getty(?: Images)?|file|file photo)\)|"
    r"\b[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+)*/(?:Getty Images|AFP|AP|Reuters|EPA)\b|"
    # an agency credit in capitals after the caption: "... in Las Croabas. By U.S. CUSTOMS AND BORDER PROTECTION"
    r"(?<=[.!?] )By (?:[A-Z][A-Z.'’&-]+ ?){2,})\W*$"
)
# A photo gallery's caption cut short and credited: "Police arrested several people and are widening... (Associated Press)".
_CUT_CAPTION = re.compile(r"(?:\.\.\.|…)\s*\((?:Associated Press|AP|Reuters|AFP)\)\W*$")
# An agency's re-sent caption: "CORRECTS NUMBER DEAD TO TWO ... - This photo provided by ...".
_CORRECTED_CAPTION = re.compile(r"^CORRECTS?\b(?: [A-Z0-9,'’.-]+){2,}")
# A wire's photo-budget entry: "(NYT35) GUADALAJARA, Mexico -- Oct. 28, 1998 -- GUADALAJARA-ARCHITECTURE, 10-28 -- ...".
_PHOTO_BUDGET = re.compile(
    rf"--\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\s+--\s+(?:ADV\.[^-]{{0,40}}--\s+)?[A-Z][A-Z0-9&' -]*,\s+\d{{1,2}}-\d{{1,2}}\s+--"
)
_CAPTION_START = re.compile(
    r"^(?:file(?: photo)?\s*[-–—:,]|file photo\b|pictured\b|in this (?:file )?(?:photo|image|picture)\b|"
    r"this (?:photo|image|picture)\b|(?:photo|image|picture) (?:shows|showing)\b)",
    re.IGNORECASE,
)
_POSITION_MARK = re.compile(
    r"\((?:L|R|C|left|right|centre|center|top|bottom|front|back|second (?:from )?(?:left|right)|"
    r"(?:top|bottom|front|back) (?:left|right|row))\)",
    re.IGNORECASE,
)
# Reuters-style caption end: "... in Vienna, October 30, 2015" (a place, then
# a full date, closing the line), not "... on October 30, 2015" nor a lede's
# "... the alliance: March 31, 2021." (a colon announces the date as news).
_DATE_TAIL = re.compile(
    rf"(?<!\bon)(?<!\bsince)(?<!\buntil)(?<!\bby)(?<!\bof)(?<!\bbefore)(?<!\bafter)"
    rf"(?<!:)\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}}\.?$"
)
_BYLINE_CREDIT = re.compile(
    r"^[-–—\s]*(?:\(?(?:with )?(?:additional )?(?:reporting|writing|editing|research) by\b.{0,200}|"
    r"(?:write to|to contact the (?:reporter|editor)s?|contact the (?:reporter|writer))\b.{0,200}|"
    r"[\w .&'’-]{1,40} and agencies|(?:\w+ )?(?:staff and )?agencies|"
    r".{0,80}\bcontributed (?:to )?(?:this|the) (?:report|story|article)|"
    r"(?:©|\(c\)|copyright\b).{0,200}|"
    r"with [A-Z][\w.'’-]+ [A-Z][\w.'’-]+(?:, [A-Z][\w.'’-]+ [A-Z][\w.'’-]+)+)\W*$",
    re.IGNORECASE,
)
_OUTLET_NOTICE = re.compile(
    r"\b(?:republish(?:ing)?|reprint(?:ing)?|syndication department|reuse (?:any|this|our) content|"
    r"all rights reserved|may not be (?:published|reproduced|copied)|redistributed|"
    r"more about \w+ can be found|fill out this form|read or share this story|"
    # how an outlet describes its own standards and advertising
    r"^our standards\s*:|trust principles|advertiser disclosure|contains references to products from|"
    r"we may (?:receive|earn) (?:a )?(?:compensation|commission)|advertisers do not influence|"
    r"estimated value calculated by)\b",
    re.IGNORECASE,
)
# Link calls that are junk only in a short line or one that is all call ("To learn more, click here.").
_LINK_CALL = re.compile(r"\b(?:click here|find out more|learn more|more info|can be found here)\b", re.IGNORECASE)
_LINK_CALL_START = re.compile(r"^\(?(?:to|for|click|visit|learn|find|more|see|read)\b", re.IGNORECASE)
_COMMENT_MARKER = re.compile(
    r"^(?:\d+\s+(?:responses?|comments?|replies|thoughts on\b.*)|(?:responses?|comments?|replies)"
    r"(?:\s*\(\d+\))?|(?:leave|post|add|write|submit) a (?:reply|comment|response)|"
    r"(?:show|view|read|load) (?:all )?(?:\d+ )?comments|comments are closed|join the discussion|"
    r"reader comments|your comment|what do you think)$",
    re.IGNORECASE,
)
_REPLY_LINE = re.compile(r"^(?:reply|report|flag|like|\d+ likes?|reply to this comment|permalink)$", re.I)
_RELATED_PREFIX = re.compile(
    r"^[^\w\[(]{0,3}(?:topics|tags|categor(?:y|ies)|filed under|related(?: stories| articles| coverage| content| links| video)?|read(?: more)?|see(?: also| more)?|"
    r"also(?: read| see)?|more|watch(?: more)?|listen|don'?t miss|recommended|full list|our view|"
    r"other views|trending(?: news)?|more from [\w ]{1,30}|read more about|related links?)\s*[:»>|]",
    re.IGNORECASE,
)
# "(Also on POLITICO: ...)", "(MORE: ...)": a link to another story, in brackets. The colon
# keeps "(More than 200 people came.)" and "(Also on Tuesday, ...)" as text.
_BRACKETED_LINK = re.compile(
    r"^\((?:also on [^:()]{1,40}|read(?: more)?|see(?: also)?|related|more)\s*:[^()]*\)$", re.IGNORECASE
)
_TRAILING_NAV = re.compile(r"(?:\bread more|\bmore|[»>]{1,2}|\.\.\.more|\[ ?edit ?\])\s*$", re.IGNORECASE)
_URL_IN_LINE = re.compile(r"https?://\S+|www\.\S+|\b\w+\.(?:com|org|net|ly)/\S*")
_BRACKETED = re.compile(r"^\[[^\[\]]{1,200}\]$")
_PIPE_MENU = re.compile(r"^(?:[^|]{1,40}\|){2,}[^|]{0,40}$")


@dataclass(frozen=True)
class LineFacts:
    """Cheap facts about one line, shared by every rule."""

    text: str
    words: int
    stop_ratio: float
    ends_sentence: bool
    has_quote: bool
    reporting: bool
    addresses_reader: bool


def facts(text: str) -> LineFacts:
    tokens = _WORD.findall(text)
    stops = sum(t.lower() in STOPWORDS for t in tokens)
    unquoted = re.sub(r"[\"“][^\"“”]*[\"”]", " ", text)
    return LineFacts(
        text=text,
        words=len(text.split()),
        stop_ratio=stops / len(tokens) if tokens else 0.0,
        ends_sentence=ends_sentence(text),
        has_quote=any(c in text for c in _QUOTE_CHARS),
        reporting=bool(_REPORTING.search(text)),
        addresses_reader=bool(_FIRST_PERSON_PLURAL_OR_YOU.search(unquoted)),
    )


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip()
    if stripped.endswith((".", "!", "?", "…")):
        return True
    # a closing quote or bracket after sentence punctuation
    return bool(re.search(r"[.!?,][\"”’')\]]+$", stripped))


def normalize(text: str, *, digits: bool = False) -> str:
    """Comparison key: case, punctuation and spacing do not matter (nor digits unless ``digits``)."""
    lowered = text.lower() if digits else re.sub(r"\d+", "0", text.lower())
    return " ".join(re.findall(r"[^\W_]+", lowered))


@lru_cache(maxsize=4096)
def _nav_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().strip(" \t.:;,!|•·*-–—>»<«()[]\u00a0")).replace("’", "'")


def strong_kind(text: str) -> str | None:
    """The junk kind of a line that is furniture whatever its position.

    Code and data lines are never junk; look-alike letters are read as Latin.
    """
    if looks_like_code(text):
        return None
    mixed = mixed_script_words(text)
    if mixed >= 2 and mixed >= 0.2 * len(text.split()):
        return PROMO  # letters swapped for look-alikes: an ad dodging filters
    text = unconfuse(text)
    line = facts(text)
    if is_date_line(text):
        return DATELINE
    if line.words <= 10 and not line.ends_sentence and _BYLINE.match(text.strip()):
        return BYLINE
    key = _nav_key(text)
    if not key or _SEPARATORS_ONLY.match(text):
        return NAVIGATION
    if _NAVIGATION_LINE.match(key):
        return NAVIGATION
    if _COMMENT_MARKER.match(key) or _REPLY_LINE.match(key):
        return COMMENTS
    if line.words <= 12 and _is_share_bar(key):
        return NAVIGATION
    if _URL_OR_EMAIL.match(text.strip()) or _DOMAIN_LINE.match(text.strip()):
        return NAVIGATION
    if _URL_IN_LINE.search(text) and len(_URL_IN_LINE.sub(" ", text).split()) <= 8 and not line.reporting:
        return NAVIGATION
    if len(text.replace("|", " ").split()) <= 12 and not line.ends_sentence and _PIPE_MENU.match(text):
        return NAVIGATION
    if (_WIDGET.search(text) and not line.has_quote) or _VIDEO_PLAYER.search(text):
        return WIDGET
    if not line.reporting and _SITE_NOTICE.search(text):
        return SITE_NOTICE
    if _WIRE_NOTE.match(text.strip()) or (
        line.words <= 60 and not line.reporting and _WIRE_NOTICE.search(text)
    ):
        return WIRE_NOTE
    if _BYLINE_CREDIT.match(text.strip()) and line.words <= 40:
        return OUTLET
    kind = _credit_or_caption(text, line)
    if kind:
        return kind
    if _is_promo(line):
        return PROMO
    if line.words <= 80 and not line.reporting and _OUTLET_NOTICE.search(text):
        return OUTLET
    if _LINK_CALL.search(text) and not line.has_quote and (line.words <= 12 or _LINK_CALL_START.match(text)):
        return OUTLET
    if _is_related_link(text, line):
        return RELATED
    return None


def _is_share_bar(key: str) -> bool:
    words = key.replace("|", " ").split()
    return bool(words) and all(w.strip(",:") in _SHARE_WORDS for w in words)


def _is_promo(line: LineFacts) -> bool:
    if line.reporting or line.words > 60 or (line.has_quote and line.words > 12):
        return False
    if _PROMO_CALL.search(line.text) or _is_comment_call(line.text):
        return True
    if not _PROMO_KEYWORDS.search(line.text):
        return False
    return bool(_PROMO_START.match(line.text)) or line.addresses_reader or not line.ends_sentence


def _is_comment_call(text: str) -> bool:
    """A call to comment that is most of its line: a line of text ending on one keeps its text."""
    call = _COMMENT_CALL.search(text)
    if not call:
        return False
    sentences = re.split(r"(?<=[.!?])\s+", text)
    calling = sum(len(part.split()) for part in sentences if _COMMENT_CALL.search(part))
    return calling * 2 >= len(text.split())


def _credit_or_caption(text: str, line: LineFacts) -> str | None:
    stripped = text.strip()
    if line.words <= 16 and _CREDIT_LINE.match(stripped):
        return CREDIT
    if line.words <= 8 and not line.ends_sentence and _SLASH_CREDIT.match(stripped):
        return CREDIT
    if line.words <= 150 and (_CUT_CAPTION.search(stripped) or _CORRECTED_CAPTION.match(stripped)):
        return CAPTION
    if _PHOTO_BUDGET.search(stripped[:200]):
        return CAPTION
    if line.reporting and line.has_quote:
        return None
    if line.words <= 80 and _CREDIT_TAIL.search(stripped):
        return CAPTION
    if line.words <= 80 and _CAPTION_START.match(stripped):
        return CAPTION
    if line.words <= 80 and not line.reporting and _has_position_marks(stripped, line):
        return CAPTION
    return None


def _has_position_marks(text: str, line: LineFacts) -> bool:
    """Picture position marks: "(L)", "(left)", "(second from right)".

    A lone "(R)" in a full sentence is more likely a party ("Sen. X (R) said").
    """
    marks = {m.group().lower() for m in _POSITION_MARK.finditer(text)}
    if not marks:
        return False
    return marks != {"(r)"} or not line.ends_sentence


def _is_related_link(text: str, line: LineFacts) -> bool:
    if line.words > 25 or line.reporting:
        return False
    stripped = text.strip()
    if _RELATED_PREFIX.match(stripped):
        return True
    if _BRACKETED.match(stripped) and not line.has_quote:
        return True
    if _BRACKETED_LINK.match(stripped):
        return True
    return not line.ends_sentence and bool(_TRAILING_NAV.search(stripped)) and line.words >= 2


# "By Hanna Lindqvist, Courier staff": a byline, not a sentence.
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|de|van|al))*(?:\s*[,|/–—-].*)?$")
_DATE_LINE_START = re.compile(
    r"^\W*(?:published|posted|updated|last updated|last modified|first published|"
    r"(?:news |release |publication )?date|dated|released)\b",
    re.I,
)
# A date label on its own ("Release Date:"), or a page's stamp ("... - Last Modified: 03-10-2004").
_DATE_LABEL = re.compile(r"^\W*(?:[\w]+ ){0,2}(?:date|modified|updated|published|posted)\s*:\s*$", re.I)
_DATE_STAMP = re.compile(r"\blast (?:modified|updated)\s*:\s*\d", re.I)
_DATE_VALUE = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b"
)
_EMBED_SIGNATURE = re.compile(r"[—–-]\s*[^—–]{1,60}\(@\w+\)")
# "— Mike Pompeo, College Station, TX, April 15, 2019": who said a quote, where and when.
_ATTRIBUTION = re.compile(r"^\s*[—–―-]")


def looks_like_caption_date(text: str) -> bool:
    """A Reuters-style caption ending: place, full date, end of line.

    Not a "Published: ..." line (the timeline reads those) nor an embedded
    post signed "— Name (@handle) March 5, 2017".
    """
    line = facts(text)
    if line.words > 60 or line.words < 8 or line.reporting or line.has_quote:
        return False
    if _DATE_LINE_START.match(text) or _EMBED_SIGNATURE.search(text) or _ATTRIBUTION.match(text):
        return False
    return bool(_DATE_TAIL.search(text))


def is_byline_credit(text: str) -> bool:
    """Lines that usually close the article body ("With reporting by ...")."""
    return bool(_BYLINE_CREDIT.match(text.strip())) and len(text.split()) <= 40


def is_contact(text: str) -> bool:
    """A phone number or a social handle alone on a line: an author's or outlet's contact at an edge.

    Not junk in the body (a travel article's ticket office number); ``clean`` treats it as
    furniture only in the run of junk that closes an article.
    """
    stripped = text.strip()
    return bool(_PHONE.match(stripped) or _HANDLE.match(stripped))


def is_weak(text: str) -> bool:
    """Not junk alone, but junk when it sits in a run of junk at an edge.

    Short label-like lines ("Tina Fey", "Photofest") and lines that speak to
    the reader or as "we" outside quotes (an outlet describing itself).
    """
    if looks_like_code(text):
        return False
    line = facts(text)
    if line.reporting:
        return False
    if line.words <= 5 and not line.ends_sentence and not line.has_quote:
        return True
    return line.addresses_reader and not line.has_quote and bool(_OUTLET_VOICE.search(text))


def is_headline_like(text: str) -> bool:
    """A line that can stand as a title: short, several words, no full stop."""
    words = text.split()
    if not 3 <= len(words) <= 25 or len(text) > 200:
        return False
    return not text.rstrip().endswith((".", ",", ";", ":")) or text.rstrip().endswith("...")


def is_date_line(text: str) -> bool:
    """A "Published: ..." / "Updated ..." line: removed, its date becomes metadata."""
    if len(text.split()) > 14:
        return False
    if _DATE_LABEL.match(text) or _DATE_STAMP.search(text):
        return True
    if not _DATE_LINE_START.match(text):
        return False
    # "Date rape cases rose." is a sentence; a date line names a date.
    return bool(_DATE_VALUE.search(text)) and not (ends_sentence(text) and len(text.split()) > 8)


def is_unsentence(text: str) -> bool:
    """Short and not sentence-shaped: a label, a menu item, a button (never a date line)."""
    if is_date_line(text) or looks_like_code(text):
        return False
    line = facts(text)
    if line.has_quote and line.words > 3:
        return False
    return line.words <= 12 and not line.ends_sentence


_GLUED_PREFIX = re.compile(r"^([a-z]{2,8})([A-Z][a-z]*)\b")
# Real lowercase name particles that may precede a capital ("deGrom", "al-Assad" is hyphenated).
_NAME_PARTICLES = _words("mc mac de di da du van von le la al el ibn bin ben dos das del della")


# A caption's share buttons before its text: "Facebook Twitter Pinterest UBC researchers test ...".
_SHARE_BAR_PREFIX = re.compile(
    r"^(?:(?:Facebook|Twitter|Pinterest|LinkedIn|WhatsApp|Reddit|Instagram|Email|E-mail|Share|Tweet|Print"
    r"|Messenger|Tumblr|Flipboard)\s+){2,}(?=\S)"
)


def glued_prefix(text: str) -> str:
    """A garbage token glued to a sentence start ("obpuThe ..." -> "obpu") or a run of share buttons
    before a caption ("Facebook Twitter Pinterest "), else ""."""
    share_bar = _SHARE_BAR_PREFIX.match(text)
    if share_bar:
        return share_bar.group()
    match = _GLUED_PREFIX.match(text)
    if not match:
        return ""
    prefix, word = match.group(1), match.group(2)
    if prefix in _NAME_PARTICLES or prefix in STOPWORDS:
        return ""
    return prefix if word.lower() in STOPWORDS else ""


def typesetting_codes(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without LDC typesetting codes, and the codes removed."""
    codes = tuple(m.group().strip() for m in _TYPESETTING_CODE.finditer(text))
    return (_TYPESETTING_CODE.sub("", text), codes) if codes else (text, ())
