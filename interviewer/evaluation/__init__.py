"""``interviewer eval``: how well the grader agrees with human graders.

- :mod:`~interviewer.evaluation.dataset`: :class:`EvalItem`, one human-graded answer, and the
  JSONL reader;
- :mod:`~interviewer.evaluation.answer_signals`: lexical signals of an answer's quality;
- :mod:`~interviewer.evaluation.drafted_rubrics`: the ``concepts`` signal, graded with rubrics
  drafted from the reference answers;
- :mod:`~interviewer.evaluation.linear_map`: the cross-validated map from signals to score;
- :mod:`~interviewer.evaluation.agreement`: :func:`measure_agreement` and its report;
- :mod:`~interviewer.evaluation.agreement_text`: the report as plain text.

The package sits above :mod:`interviewer.authoring` (it drafts rubrics with it) and nothing
in authoring imports it.
"""

__all__: list[str] = []
