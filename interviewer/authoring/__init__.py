"""Rubric authoring tools: lint, test, draft and explain.

``interviewer eval`` (agreement with human graders) is :mod:`interviewer.evaluation`.
"""

__all__: list[str] = []
