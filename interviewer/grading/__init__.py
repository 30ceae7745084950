"""The grader: scores a free-text answer against a question's rubric.

Usage::

    from interviewer.grading import RubricGrader, default_grader
    grader = default_grader()                 # fitted on the built-in bank, cached on disk
    grader = RubricGrader().fit(bank)         # or fit on any bank (imports scikit-learn)
    result = grader.grade(question, answer)   # GradeResult; pure, never raises
    signals = grader.features(question, answer)   # the named signals (SIGNALS)
"""

from interviewer.grading.cache import authoring_grader, cached_grader, default_grader
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
    "authoring_grader",
    "cached_grader",
    "default_grader",
]
