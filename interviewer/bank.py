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
        digests: For questions as the loader made them, the question and a digest of
            its content (its file's bytes and place there); see :meth:`content_digest`.
    """

    questions: dict[str, Question] = field(default_factory=dict)
    handson: dict[str, ComputedQuestion | CodeQuestion] = field(default_factory=dict)
    flows: dict[str, Flow] = field(default_factory=dict)
    sources: dict[str, tuple[str, int]] = field(default_factory=dict)
    topics: dict[str, str] = field(default_factory=dict)
    flow_sources: dict[str, str] = field(default_factory=dict)
    digests: dict[str, tuple[Question, str]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def content_digest(self, question_id: str) -> str | None:
        """The loader's digest of a question's content, or None.

        None when the loader did not make the question now in the bank (it was
        added or replaced since): the caller must then read the question itself.
        """
        known = self.digests.get(question_id)
        question = self.questions.get(question_id)
        return known[1] if known is not None and known[0] is question else None

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
