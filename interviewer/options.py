"""How a session is run: the one options type shared by the engine, the CLI and the app.

:class:`SessionOptions` is what the candidate chooses (on the start screen or the
command line) and what :class:`~interviewer.dialog.engine.Interview` runs with.
The module is pure and light: the app imports it at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from interviewer.choices import Track

__all__ = ["Length", "Mode", "SessionOptions"]

Mode = Literal["practice", "interview"]
Length = Literal["short", "full"]


@dataclass(frozen=True)
class SessionOptions:
    """How to run one interview.

    Attributes:
        track: Which interview flow: general, cv or nlp (the engine is given the flow itself).
        mode: ``practice`` gives feedback after every answer; ``interview`` keeps it
            for the final report.
        length: ``short`` (about 8 main questions) or ``full`` (about 20).
        seed: Seed of the question draws; the same seed and answers replay exactly.
            ``None`` lets the app draw a fresh one (the engine then uses 0).
        flow: A flow by name (e.g. ``handson``) instead of the track's default one.
        clock: Count down the flow's time target per answer (when it sets one; app only).
    """

    track: Track = "general"
    mode: Mode = "practice"
    length: Length = "short"
    seed: int | None = None
    flow: str | None = None
    clock: bool = True
