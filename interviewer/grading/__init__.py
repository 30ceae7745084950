"""The grader: scores a free-text answer against a question's rubric."""

from interviewer.grading.result import FLAGS, ConceptMatch, GradeResult, MisconceptionHit, Span

__all__ = ["FLAGS", "ConceptMatch", "GradeResult", "MisconceptionHit", "Span"]
