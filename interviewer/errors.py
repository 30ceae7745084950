"""Exception types raised by the interviewer core.

Every problem found in a data file is a :class:`Problem` that names the file,
the line, the field and the fix, so a rubric author never sees a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["BankLoadError", "InterviewerError", "Problem"]


class InterviewerError(Exception):
    """Base class of every error the interviewer raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One finding in a rubric or dialog file.

    Attributes:
        file: Path of the file, as given to the loader.
        line: 1-based line number, or 0 when the file itself is at fault.
        field: Dotted path of the offending field, e.g. ``questions[2].concepts[0].phrasings``.
        message: What is wrong.
        fix: How to fix it.
        severity: ``"error"`` or ``"warning"``.
    """

    file: str
    line: int
    field: str
    message: str
    fix: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}\n    fix: {self.fix}"


class BankLoadError(InterviewerError):
    """Raised when rubric or dialog files fail validation.

    Attributes:
        problems: Every problem found, in file and line order.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.field))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the question bank:"
        super().__init__("\n".join([head, *(str(p) for p in self.problems)]))
