"""Clocks the app reads elapsed time from, injectable so tests are deterministic."""

from __future__ import annotations

import time
from collections.abc import Callable

__all__ = ["Clock", "ManualClock", "format_elapsed", "system_clock"]

Clock = Callable[[], float]
"""A source of monotonic seconds."""


def system_clock() -> float:
    """The real monotonic clock."""
    return time.monotonic()


class ManualClock:
    """A clock that only moves when told to: for tests and snapshots.

    Args:
        start: The initial reading in seconds.
    """

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock forward by ``seconds``."""
        self.now += seconds


def format_elapsed(seconds: float) -> str:
    """Format a duration as ``m:ss`` (or ``h:mm:ss`` past an hour)."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"
