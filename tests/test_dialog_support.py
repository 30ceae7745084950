"""A small bank, flow and test-double grader for the dialog engine's unit tests.

The engine is tested against a bank built here so that the tests state exactly
which concepts, probes, hints and threads exist. The double grader credits a
concept when its one-word phrasing occurs in the answer; the real grader is
used by the CLI and practice tests.
"""

from __future__ import annotations

from typing import Any

from interviewer.bank import Bank
from interviewer.dialog import Interview, SessionOptions
from interviewer.grading.result import ConceptMatch, GradeResult, MisconceptionHit, Span
from interviewer.models import Flow, Question

__all__ = ["WordGrader", "full_answer", "make_bank", "make_flow", "make_interview", "question"]


def question(
    qid: str,
    level: str,
    topics: list[str],
    *,
    tracks: list[str] | None = None,
    threads: list[dict[str, Any]] | None = None,
    hints: int = 2,
) -> Question:
    """A question with concepts ``<qid>-key1`` (word ``k1<qid>``), ``-key2`` and ``-extra``."""
    token = qid.replace("-", "")
    return Question.model_validate(
        {
            "id": qid,
            "ask": f"Question {qid}?",
            "rephrasings": [f"Put differently, {qid}?", f"In other words, {qid}?"],
            "level": level,
            "topics": topics,
            "tracks": tracks or ["general"],
            "reference": f"The reference answer of {qid}.",
            "concepts": [
                {
                    "id": "key1",
                    "label": f"first key idea of {qid}",
                    "weight": 2,
                    "key": True,
                    "phrasings": [f"k1{token}"],
                    "missing_feedback": "Say the first key idea.",
                    "probe": f"Probe one for {qid}?",
                },
                {
                    "id": "key2",
                    "label": f"second key idea of {qid}",
                    "weight": 1.5,
                    "key": True,
                    "phrasings": [f"k2{token}"],
                    "missing_feedback": "Say the second key idea.",
                    "probe": f"Probe two for {qid}?",
                },
                {
                    "id": "extra",
                    "label": f"extra idea of {qid}",
                    "weight": 1.5,
                    "phrasings": [f"x{token}"],
                    "missing_feedback": "Say the extra idea.",
                },
            ],
            "misconceptions": [
                {
                    "id": "wrong",
                    "claim": "A wrong claim.",
                    "phrasings": [f"wrong{token}"],
                    "correction": "The right claim.",
                }
            ],
            "hints": [f"Hint {n} for {qid}." for n in range(1, hints + 1)],
            "threads": threads or [],
        }
    )


def full_answer(qid: str) -> str:
    """An answer the double grader credits in full."""
    token = qid.replace("-", "")
    return f"k1{token} and k2{token} and x{token}"


def make_bank(extra: list[Question] | None = None) -> Bank:
    """Four basic, four intermediate, three advanced questions and a project question."""
    items = [
        question("b1", "basic", ["alpha"]),
        question("b2", "basic", ["beta"]),
        question("b3", "basic", ["alpha"], tracks=["cv"]),
        question("b4", "basic", ["gamma"]),
        question(
            "i1",
            "intermediate",
            ["delta"],
            threads=[
                {"to": "i2", "when": {"mentioned": ["sequence"]}, "say": "Sequences, then."},
                {"to": "a1", "when": {"grade_at_least": 4}, "say": "Going deeper."},
            ],
        ),
        question(
            "i2",
            "intermediate",
            ["delta"],
            threads=[{"to": "i3", "when": {"always": True}, "say": "And next."}],
        ),
        question(
            "i3",
            "intermediate",
            ["epsilon"],
            threads=[{"to": "i4", "when": {"always": True}, "say": "One more."}],
        ),
        question(
            "i4",
            "intermediate",
            ["epsilon"],
            threads=[{"to": "i1", "when": {"always": True}, "say": "Back to the start."}],
        ),
        question("a1", "advanced", ["zeta"]),
        question("a2", "advanced", ["eta"]),
        question("a3", "advanced", ["zeta"]),
        question("p1", "project", ["project"]),
        *(extra or []),
    ]
    bank = Bank()
    for item in items:
        bank.questions[item.id] = item
        bank.sources[item.id] = ("test", 1)
    bank.topics = {t: t.capitalize() for q in items for t in q.topics}
    return bank


def make_flow(**overrides: Any) -> Flow:
    """A flow over :func:`make_bank`: 2 basic, 2 intermediate, 1 advanced, 1 project (short)."""
    data: dict[str, Any] = {
        "name": "test",
        "title": "Test flow",
        "track": "general",
        "opening": "Hello.",
        "closing": "Goodbye.",
        "max_probes_per_question": 1,
        "max_thread_depth": 2,
        "max_hints": 2,
        "stages": [
            {
                "id": "basic",
                "title": "Basics",
                "intro": "Let's start with basics.",
                "pool": {"levels": ["basic"]},
                "questions": {"short": 2, "full": 4},
                "min_questions": 2,
            },
            {
                "id": "intermediate",
                "title": "Intermediate",
                "pool": {"levels": ["intermediate"]},
                "questions": {"short": 2, "full": 4},
                "min_questions": 1,
            },
            {
                "id": "advanced",
                "title": "Advanced",
                "pool": {"levels": ["advanced"]},
                "questions": {"short": 1, "full": 3},
            },
            {
                "id": "project",
                "title": "Project",
                "pool": {"ids": ["p1"]},
                "questions": {"short": 1, "full": 1},
            },
            {"id": "wrap-up", "title": "Wrap-up"},
        ],
    }
    data.update(overrides)
    return Flow.model_validate(data)


class WordGrader:
    """Credits a concept when its phrasing occurs in the answer; grade = 5 x coverage."""

    def __init__(self) -> None:
        self.calls = 0

    def grade(self, question: Question, answer: str) -> GradeResult:
        self.calls += 1
        text = answer.lower()
        matches = []
        for concept in question.concepts:
            phrase = concept.phrasings[0]
            at = text.find(phrase)
            spans = (Span(at, at + len(phrase), answer[at : at + len(phrase)]),) if at >= 0 else ()
            matches.append(
                ConceptMatch(
                    concept.id,
                    concept.label,
                    concept.weight,
                    credited=at >= 0,
                    confidence=1.0 if at >= 0 else 0.0,
                    phrasing=phrase if at >= 0 else None,
                    method="exact" if at >= 0 else "none",
                    spans=spans,
                )
            )
        total = sum(c.weight for c in question.concepts)
        coverage = sum(m.weight for m in matches if m.credited) / total
        hits = tuple(
            MisconceptionHit(m.id, m.claim, m.correction, m.phrasings[0], m.penalty)
            for m in question.misconceptions
            if m.phrasings[0] in text
        )
        flags = []
        if not text.strip():
            flags.append("empty")
        if "don't know" in text or "no idea" in text:
            flags.append("dont_know")
        grade = max(0.0, 5 * coverage - sum(h.penalty for h in hits))
        return GradeResult(
            question_id=question.id,
            grade=round(grade, 1),
            concepts=tuple(matches),
            misconceptions=hits,
            coverage=coverage,
            flags=tuple(flags),
            feedback="",
        )


def make_interview(
    bank: Bank | None = None,
    flow: Flow | None = None,
    *,
    seed: int = 1,
    length: str = "short",
    mode: str = "practice",
) -> Interview:
    """An interview over the test bank and flow with the double grader."""
    config = SessionOptions(seed=seed, length=length, mode=mode)  # type: ignore[arg-type]
    return Interview(bank or make_bank(), flow or make_flow(), WordGrader(), config)
