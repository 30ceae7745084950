"""The fixed words a question bank is described in: its tracks and its levels.

Nothing is imported here, so the command line and the app's first screen can use
them before anything heavy (pydantic and the models); :mod:`interviewer.models`
re-exports them.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["LEVELS", "TRACKS", "Level", "Track"]

Level = Literal["basic", "intermediate", "advanced", "project"]
Track = Literal["general", "cv", "nlp"]
LEVELS: tuple[Level, ...] = ("basic", "intermediate", "advanced", "project")
TRACKS: tuple[Track, ...] = ("general", "cv", "nlp")
