"""Follow-ups that treat the candidate fairly and build on what they said.

:class:`FollowUps` holds the engine's judgements about one answer: whether to
ask "Are you sure?", how to honour a correction, the acknowledgement that fits,
when a step-down follow-up costs nothing more, whether a follow-up question was
already answered, and how to go one step deeper on words the candidate used.
:class:`~interviewer.dialog.engine.Interview` and its answering part hold one.
"""

from __future__ import annotations

from collections.abc import Callable

from interviewer.dialog.followups import COVERED_AT, covered_share, is_step_down, quote_of
from interviewer.dialog.session import Session
from interviewer.dialog.voice import band
from interviewer.grading.result import GradeResult
from interviewer.models import Question, ThreadLink
from interviewer.transcript import QuestionRecord

__all__ = ["FollowUps"]


class FollowUps:
    """The engine's per-answer judgements (see the module docstring).

    Args:
        session: The interview's state and turn log, shared with the engine.
    """

    def __init__(self, session: Session) -> None:
        self.session = session

    def challenged(self, record: QuestionRecord) -> bool:
        """Whether "Are you sure?" was already asked on this question."""
        return any(
            t.meta.get("challenge") and t.question_id == record.question_id
            for t in self.session.transcript.turns
        )

    def last_said_was_challenge(self) -> bool:
        for turn in reversed(self.session.transcript.turns):
            if turn.role == "interviewer":
                return bool(turn.meta.get("challenge"))
        return False

    def honour_correction(self, question: Question, record: QuestionRecord, text: str) -> None:
        """After "Are you sure?", a wrong claim taken back is not held against the candidate."""
        try:
            alone = self.session.grader.grade(question, text)
        except Exception:  # the answer was graded once already; keep what stands
            return
        restated = {hit.misconception_id for hit in alone.misconceptions}
        first = record.result
        earlier = [t.grade for t in self.session.transcript.turns if t.question_id == question.id]
        said_before = {h.misconception_id for g in earlier[:-1] if g for h in g.misconceptions}
        record.misconceptions = [
            m for m in record.misconceptions if m in restated or m not in said_before
        ]
        if first is not None and first.misconceptions and alone.grade >= first.grade:
            record.result = alone

    def acknowledge(self, record: QuestionRecord, dont_know: bool) -> None:
        """An acknowledgement that fits the answer, said before what comes next."""
        if dont_know:
            self.session.lead = self.session.voice.say("dont_know")
        elif record.credit is not None:
            self.session.lead = self.session.voice.say(f"acknowledge.{band(record.credit)}")

    def unanswered_step_down(self, record: QuestionRecord) -> bool:
        """Whether the question is a step-down follow-up answered once at most.

        Such a follow-up, after a gap, costs nothing more when it is not answered:
        the gap was already scored on the question that led here, so the record
        stays in the transcript, waived (no grade).
        """
        if record.role != "thread" or record.parent is None or len(record.answers) > 1:
            return False
        parent = self.session.bank.questions.get(record.parent)
        link = (
            next((x for x in parent.threads if x.to == record.question_id), None)
            if parent
            else None
        )
        return link is not None and is_step_down(link)

    def covers(self, question: Question, record: QuestionRecord) -> Callable[[ThreadLink], bool]:
        """Whether what was said already answers a thread's target question."""
        text = "\n".join(self.session.carried + record.answers)

        def covered(link: ThreadLink) -> bool:
            result = self.target_result(link.to, text)
            return (
                result is not None
                and covered_share(self.session.bank.questions[link.to], result) >= COVERED_AT
            )

        return covered

    def target_result(self, question_id: str, text: str) -> GradeResult | None:
        try:
            return self.session.grader.grade(self.session.bank.questions[question_id], text)
        except Exception:  # a follow-up check must never end the interview
            return None

    def deeper_thread(self, target: Question, said: str) -> str | None:
        """When the answer already gave part of the follow-up, ask one step deeper on it.

        The candidate's words are quoted, the target's probe for a key concept
        not yet given is asked, and the follow-up is graded with those words.
        """
        result = self.target_result(target.id, said)
        if result is None or not result.credited:
            return None
        credited = {c.concept_id for c in result.credited}
        missing = [c for c in target.concepts if c.key and c.probe and c.id not in credited]
        spans = [span.text.strip() for m in result.credited for span in m.spans]
        quoted = max(spans, key=lambda text: len(text.split()), default="")
        if not missing or len(quoted.split()) < 2:
            return None
        concept = max(missing, key=lambda c: c.weight)
        assert self.session.current is not None and concept.probe is not None
        self.session.current.probes.append(concept.id)
        self.session.probe = concept
        self.session.carried = [said]
        lead = self.session.voice.say("mentioned", quote=quote_of(quoted))
        self.session.wording = concept.probe
        return f"{lead} {concept.probe}"
