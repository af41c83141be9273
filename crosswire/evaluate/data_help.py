"""Where the evaluation data comes from, for error messages on a fresh clone (docs/data.md)."""

from __future__ import annotations

MULTINEWS_HELP = (
    "Multi-News is not bundled (research-use data): get its JSONL as docs/data.md describes "
    "(the Hugging Face multi_news dataset, or the samples of github.com/TheAthleticCoder/"
    "Multi-Document-Summarization) and put it under ../shared/data/multinews/"
)


def missing_data(what: str, how: str, help_text: str = MULTINEWS_HELP) -> str:
    """'<what> not found. <where to get it>, or <how to point elsewhere>'."""
    return f"{what} not found. {help_text}, or {how}"
