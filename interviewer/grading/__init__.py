"""The grader: scores a free-text answer against a question's rubric.

>>> from interviewer.grading import default_grader
>>> grader = default_grader()            # fitted on the built-in bank, cached
>>> result = grader.grade(question, "the gradient shrinks as it is multiplied back")
"""

from interviewer.grading.cache import cached_grader, default_grader
from interviewer.grading.grader import MODEL_SIGNALS, GraderNotFittedError, RubricGrader
from interviewer.grading.result import FLAGS, ConceptMatch, GradeResult, MisconceptionHit, Span
from interviewer.grading.signals import SIGNALS

__all__ = [
    "FLAGS",
    "MODEL_SIGNALS",
    "SIGNALS",
    "ConceptMatch",
    "GradeResult",
    "GraderNotFittedError",
    "MisconceptionHit",
    "RubricGrader",
    "Span",
    "cached_grader",
    "default_grader",
]
