"""Line shapes the cleaning rules must see through or leave alone.

Two concerns, both read before any junk rule runs:

- Confusable letters: ads written with Cyrillic or Greek look-alikes
  ("Yоur соntеnt", Cyrillic "о" and "е") dodge word patterns. In a line that
  is mostly Latin, look-alikes are mapped to the Latin letters they imitate
  before matching; several words mixing both scripts are themselves the mark
  of such an ad (real text never mixes scripts inside a word).
- Code and data lines of technical articles (a shell command, an HTTP
  header, a directory listing): short and unsentence-like, so they look like
  menu items, but they are the article's content.
"""

from __future__ import annotations

import re

# Cyrillic and Greek letters drawn like Latin ones (after Unicode's confusables list).
_LOOKALIKES = {
    "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "һ": "h", "і": "i", "ј": "j", "ӏ": "l", "о": "o",
    "р": "p", "ԛ": "q", "ѕ": "s", "т": "t", "ԝ": "w", "х": "x", "у": "y", "ү": "y",
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K", "М": "M", "О": "O",
    "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "ο": "o",
}  # fmt: skip
_TABLE = str.maketrans(_LOOKALIKES)
_LATIN = re.compile(r"[A-Za-z]")
_NON_LATIN_LETTER = re.compile(r"[\u0370-\u03ff\u0400-\u052f]")
_WORD = re.compile(r"\w+")

# A line is code or data when it has one of these shapes.
_CODE_LINE = re.compile(
    r"^(?:"
    r"(?:\$|>>>|C:\\[^>]*>)\s+\S.*"  # a prompt, then a command
    r"|(?:CMD|RUN|FROM|COPY|ADD|ENV|EXPOSE|WORKDIR|ENTRYPOINT|ARG|VOLUME)\s+[\w\[\"/.$-].*"  # Dockerfile
    r"|(?:sudo|pip3?|npm|npx|yarn|git|docker|kubectl|curl|wget|apt(?:-get)?|brew|python3?|make|"
    r"chmod|chown|mkdir|ssh|scp|rsync|tar|bundle|gem|rails|cargo|conda|go\s+(?:run|build|get|mod))"
    r"\s+[-\w./:=@~'\"]+(?:\s+\S+)*"  # a command with arguments
    r"|(?:GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS)\s+\S+\s+HTTP/\d.*"  # an HTTP request line
    r"|(?:Host|Content-Type|Content-Length|User-Agent|Accept(?:-[A-Za-z]+)?|Cache-Control|Set-Cookie|"
    r"Cookie|Authorization|Connection|X-[A-Za-z-]+)\s*:\s*\S.*"  # an HTTP header
    r"|[|│├└`]\s*(?:--|──|-)\s*\S.*|[│ ]*[├└]──.*"  # a directory tree
    r"|[d-][rwx-]{9}[@+.]?\s+\d.*"  # an ls -l line
    r"|(?:def|class|import|from\s+\S+\s+import|function|const|let|var|return|public|private|#include)\b.*"
    r"[:;{)(=]\s*"  # source code
    # an assignment, spaced as code is ("x = 1"; an HTML attribute, poster="...", is not one)
    r"|[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s+(?:[-+*/%|&^]|//)?=\s+\S.*"
    r"|[\[\]{}()<>,;]+"  # a closing brace or bracket alone
    r"|\[[^\s\]]+(?:\s[^\s\]]+){0,2}\s+for\s+\w+(?:,\s*\w+)?\s+in\s+[^\s\]]+\]"  # a comprehension
    r"|[\[(].*[\])]\.[A-Za-z_]\w*.*"  # a method call on a literal: [1, 2].first
    r")$"
)
_CODE_ENDING = re.compile(r"(?:[;{}]|\)\s*:|=>|->)$")


def unconfuse(text: str) -> str:
    """``text`` with look-alike letters mapped to Latin when the line is mostly Latin."""
    if not _NON_LATIN_LETTER.search(text):
        return text
    latin = len(_LATIN.findall(text))
    others = len(_NON_LATIN_LETTER.findall(text))
    return text.translate(_TABLE) if latin >= others else text


def mixed_script_words(text: str) -> int:
    """How many words mix Latin letters with Cyrillic or Greek ones ("Yоur")."""
    return sum(1 for word in _WORD.findall(text) if _LATIN.search(word) and _NON_LATIN_LETTER.search(word))


def looks_like_code(text: str) -> bool:
    """A command, header, listing or source line of a technical article."""
    stripped = text.strip()
    if not stripped or len(stripped) > 300:
        return False
    if _CODE_LINE.match(stripped):
        return True
    # "x = f(y);" or "if (ready) {": code punctuation at the end, with no sentence around it
    return bool(_CODE_ENDING.search(stripped)) and bool(re.search(r"[=(){}\[\]]", stripped[:-1]))
