"""Rubric authoring tools: lint, test, draft, explain and agreement evaluation."""

__all__: list[str] = []
