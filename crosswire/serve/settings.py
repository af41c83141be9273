"""The service's settings: constructor keywords, set from ``crosswire serve`` options."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BODY = 16 * 1024 * 1024  # 16 MiB


@dataclass(frozen=True)
class ServeSettings:
    """``db``: the SQLite store; ``token``: required (as ``Authorization: Bearer``) by writes
    when set; ``max_body``: request size cap in bytes; ``allow_private``: let URL fetching
    reach loopback and private addresses; ``analyze``: run the cross-source analysis in
    briefs; ``words``: the brief's word budget; ``worker``: run the brief worker thread."""

    db: Path
    token: str | None = None
    max_body: int = DEFAULT_MAX_BODY
    allow_private: bool = False
    analyze: bool = True
    words: int = 250
    worker: bool = True
