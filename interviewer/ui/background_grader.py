"""A grader fitted in the background, so the first question never waits for it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from interviewer.grading import GradeResult
    from interviewer.models import Question

__all__ = ["BackgroundGrader"]


class BackgroundGrader:
    """A grader that is fitted off the main thread and waited for on first use.

    Fitting imports scikit-learn, which takes about a second: the app calls
    :meth:`start` once the first question is on screen. The engine only grades
    once an answer comes in, by which time the grader is normally ready.

    Args:
        factory: Builds the fitted grader.
    """

    def __init__(self, factory: Callable[[], Any]) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._grader: Any = None

    @property
    def ready(self) -> bool:
        """Whether the grader has been fitted."""
        return self._grader is not None

    def load(self) -> None:
        """Fit the grader now (idempotent, thread-safe).

        Raises:
            Exception: whatever the factory raised; the next call tries again.
        """
        with self._lock:
            if self._grader is None:
                self._grader = self._factory()

    def start(self) -> None:
        """Fit the grader in a daemon thread.

        Not a Textual worker: those run in the event loop's executor, which
        the app joins on exit, so quitting would wait for scikit-learn.
        """
        if self._grader is None:
            threading.Thread(target=self._load_quietly, name="grader-fit", daemon=True).start()

    def _load_quietly(self) -> None:
        try:
            self.load()
        except Exception:  # reported by the engine call that needs the grader
            return

    def grade(self, question: Question, answer: str) -> GradeResult:
        """Grade an answer, fitting the grader first if needed."""
        self.load()
        result: GradeResult = self._grader.grade(question, answer)
        return result

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        self.load()
        return getattr(self._grader, name)
