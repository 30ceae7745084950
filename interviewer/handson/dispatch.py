"""Hands-on questions in the interview: presenting them to the engine and grading by kind.

The dialog engine works on :class:`~interviewer.models.Question` objects and a
grader. For a flow that asks hands-on questions, :func:`attach` adds each
computed question and code exercise to a copy of the bank as a question
worded for the session's seed, and wraps the grader in a
:class:`HandsOnGrader` that sends those questions to their checker and every
other question to the rubric grader, untouched.
"""

from __future__ import annotations

import dataclasses
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from interviewer.handson.check_result import REVEAL, HandsOnResult
from interviewer.models import CodeQuestion, ComputedQuestion, Concept, Flow, Question

if TYPE_CHECKING:
    from interviewer.bank import Bank
    from interviewer.dialog.rules import Grader
    from interviewer.grading.result import GradeResult
    from interviewer.transcript import QuestionRecord

__all__ = [
    "HandsOnGrader",
    "attach",
    "grade_handson",
    "handson_feedback",
    "present",
    "uses_handson",
    "wording",
]

HandsOn = ComputedQuestion | CodeQuestion


def grade_handson(question: HandsOn, seed: int, answer: str) -> HandsOnResult:
    """Grade an answer to a computed question or a code exercise; never raises."""
    if isinstance(question, ComputedQuestion):
        from interviewer.handson.computed import grade_computed

        return grade_computed(question, seed, answer)
    from interviewer.handson.code import grade_code

    return grade_code(question, answer, seed)


def wording(question: HandsOn, seed: int) -> str:
    """What the interviewer asks: parameters filled in, starter code shown."""
    if isinstance(question, ComputedQuestion):
        from interviewer.handson.computed import instance

        return instance(question, seed)[1]
    if question.starter.strip():
        return f"{question.ask}\n\n```python\n{question.starter.rstrip()}\n```"
    return question.ask


def present(question: HandsOn, seed: int) -> Question:
    """The question as the dialog engine sees it for one seed."""
    text = wording(question, seed)
    if isinstance(question, ComputedQuestion):
        from interviewer.handson.computed import instance, render_value
        from interviewer.handson.tasks import solve

        solution = solve(question.task, instance(question, seed)[0])
        reference = f"{render_value(solution.value, solution.unit)}. " + "; ".join(
            line.strip() for line in solution.working
        )
        rephrase = text + " A number (or a shape such as 3x3) is enough."
    else:
        reference = "A solution that passes every check:\n\n```python\n" + (
            question.solution.rstrip() + "\n```"
        )
        rephrase = text + " Write Python; only what the code does is checked."
    concept = Concept(
        id="answer",
        label="a correct answer" if isinstance(question, ComputedQuestion) else "working code",
        phrasings=["correct"],
        missing_feedback="See the working above.",
    )
    return Question(
        id=question.id,
        kind=question.kind,
        ask=text,
        rephrasings=[rephrase],
        level=question.level,
        topics=list(question.topics),
        tracks=list(question.tracks),
        sources=list(question.sources),
        reference=reference,
        concepts=[concept],
        hints=list(question.hints),
    )


def handson_feedback(question: Question, record: QuestionRecord, *, closed: bool) -> str:
    """Practice-mode feedback on a hands-on question: the grade, then the working or checks."""
    result = record.result
    if record.status == "skipped" or result is None or record.credit is None:
        return f"Skipped. The answer: {question.reference}"
    head = (
        f"**{record.credit:.1f}/5** on this question"
        if closed
        else (f"So far **{record.credit:.1f}/5**")
    )
    if record.hints_used:
        head += f" (with {record.hints_used} hint{'s' if record.hints_used > 1 else ''})"
    feedback = result.feedback
    if not closed and question.kind == "computed":
        feedback = feedback.split(REVEAL)[0]  # a second try is coming: keep the answer back
    parts = [head + ".", feedback]
    if closed and question.kind == "code" and record.credit < 5.0:
        parts.append(question.reference)
    return "\n\n".join(parts)


def uses_handson(flow: Flow) -> bool:
    """Whether some stage of the flow may ask a computed question or a code exercise."""
    for stage in flow.stages:
        if stage.pool is not None and (set(stage.pool.kinds) - {"rubric"}):
            return True
    return False


class HandsOnGrader:
    """A grader that checks hands-on questions and leaves the rest to the rubric grader.

    Results are memoised per answer: the engine also grades a retry joined with
    the first attempt, and that joined text gets the newest attempt's result
    instead of a second run.

    Args:
        inner: The rubric grader.
        handson: The hands-on questions by id.
        seed: The session's seed.
    """

    def __init__(self, inner: Grader, handson: dict[str, HandsOn], seed: int) -> None:
        self.inner = inner
        self.handson = handson
        self.seed = seed
        self.last: HandsOnResult | None = None
        self._memo: OrderedDict[tuple[str, str], HandsOnResult] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, question_id: str, answer: str) -> HandsOnResult:
        """The hands-on result of ``answer`` (memoised)."""
        key = (question_id, answer)
        with self._lock:
            seen = self._memo.get(key)
            if seen is None:
                for (qid, earlier), result in reversed(self._memo.items()):
                    if qid == question_id and answer.endswith("\n" + earlier):
                        seen = result  # a retry joined with earlier attempts
                        break
        if seen is None:
            seen = grade_handson(self.handson[question_id], self.seed, answer)
            with self._lock:
                self._memo[key] = seen
                while len(self._memo) > 64:
                    self._memo.popitem(last=False)
        self.last = seen
        return seen

    def grade(self, question: Question, answer: str) -> GradeResult:
        """Grade by kind: hands-on questions by their checker, the rest by the rubric."""
        if question.kind != "rubric" and question.id in self.handson:
            return self.check(question.id, answer).to_grade_result()
        return self.inner.grade(question, answer)


def attach(bank: Bank, flow: Flow, grader: Grader, seed: int) -> tuple[Bank, Grader]:
    """The bank and grader an interview on ``flow`` needs.

    A flow without hands-on stages gets the same bank and grader back. Otherwise
    the bank is copied with every hands-on question presented for ``seed``
    (after the rubric questions, so the draw of those is unchanged), and the
    grader is wrapped.
    """
    named = {qid for stage in flow.stages if stage.pool for qid in stage.pool.ids}
    if not bank.handson or not (uses_handson(flow) or named & set(bank.handson)):
        return bank, grader
    presented = {qid: present(q, seed) for qid, q in bank.handson.items()}
    merged = dataclasses.replace(bank, questions={**bank.questions, **presented})
    return merged, HandsOnGrader(grader, dict(bank.handson), seed)
