"""One error type for every user-facing failure, and one way to warn."""

from __future__ import annotations

import logging
import warnings

logger = logging.getLogger("crosswire")


class CrosswireError(Exception):
    """A problem with the user's input or settings, reported as one line.

    ``source`` names the input (path, URL or cluster id) the problem is about.
    """

    def __init__(self, message: str, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class CrosswireWarning(UserWarning):
    """Something was skipped or degraded, but the run goes on."""


def warn(message: str, source: str | None = None) -> None:
    """Emit a one-line warning; the CLI prints these without a traceback."""
    text = f"{source}: {message}" if source else message
    warnings.warn(text, CrosswireWarning, stacklevel=2)
