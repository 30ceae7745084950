"""The question bank as loaded: questions, hands-on items, flows and where each came from.

Plain data over :mod:`interviewer.models`; reading YAML files into a bank is
:mod:`interviewer.loader`'s job, so the grader, the dialog and the reports can
use a bank without importing the loader.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interviewer.models import CodeQuestion, ComputedQuestion, Flow, Question

__all__ = ["Bank"]


@dataclass
class Bank:
    """The loaded question bank and flows.

    Attributes:
        questions: Questions by id, in file order.
        flows: Flows by name.
        sources: For each question id, the file it came from and its line.
        topics: For each rubric file's topic id, its title.
        flow_sources: For each flow name, the file it came from.
        handson: The computed questions and code exercises by id, in file order
            (kept apart from ``questions``, which the rubric grader is fitted on).
    """

    questions: dict[str, Question] = field(default_factory=dict)
    handson: dict[str, ComputedQuestion | CodeQuestion] = field(default_factory=dict)
    flows: dict[str, Flow] = field(default_factory=dict)
    sources: dict[str, tuple[str, int]] = field(default_factory=dict)
    topics: dict[str, str] = field(default_factory=dict)
    flow_sources: dict[str, str] = field(default_factory=dict)

    def question(self, question_id: str) -> Question:
        """Return a question by id.

        Raises:
            KeyError: with a message listing close ids.
        """
        try:
            return self.questions[question_id]
        except KeyError:
            from difflib import get_close_matches

            close = get_close_matches(question_id, list(self.questions), n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise KeyError(f"no question {question_id!r} in the bank{hint}") from None
