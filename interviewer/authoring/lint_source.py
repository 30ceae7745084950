"""The parsed files lint works on, and the collector of its findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from interviewer.errors import Problem
from interviewer.models import Question
from interviewer.yaml_lines import YamlPath, dotted_path

__all__ = ["Findings", "LoadedQuestion", "SourceFile", "items"]


@dataclass
class SourceFile:
    """One YAML file as plain data with the line of every key and item.

    Attributes:
        path: Where it is.
        label: The file name used in findings.
        kind: ``"rubric"`` or ``"flow"``.
        data: The plain parsed data.
        lines: Line of every path into ``data``
            (see :func:`interviewer.yaml_lines.read_with_lines`).
        linted: False for files read only as context (their findings are dropped).
    """

    path: Path
    label: str
    kind: str
    data: Any
    lines: dict[YamlPath, int]
    linted: bool = True

    def line(self, path: YamlPath) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        for cut in range(len(path), -1, -1):
            if path[:cut] in self.lines:
                return self.lines[path[:cut]]
        return 0


@dataclass
class LoadedQuestion:
    """A question of a rubric file: its raw mapping and, when valid, its model."""

    source: SourceFile
    index: int
    raw: dict[str, Any]
    model: Question | None

    @property
    def path(self) -> YamlPath:
        """Its path in the file."""
        return ("questions", self.index)

    @property
    def qid(self) -> str:
        """Its id, or a placeholder when the id is missing."""
        value = self.raw.get("id")
        return value if isinstance(value, str) else f"<question {self.index + 1}>"


def items(mapping: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    """The mapping items of the list at ``mapping[key]``, with their indexes."""
    value = mapping.get(key) if isinstance(mapping, dict) else None
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


@dataclass
class Findings:
    """Collects problems; findings in context-only files are dropped."""

    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        source: SourceFile,
        path: YamlPath,
        message: str,
        fix: str,
        severity: str = "error",
    ) -> None:
        """Record a finding at ``path`` of ``source``."""
        if source.linted:
            self.problems.append(
                Problem(source.label, source.line(path), dotted_path(path), message, fix, severity)
            )

    def add_raw(self, file: str, line: int, field_: str, message: str, fix: str) -> None:
        """Record an error not tied to a parsed file."""
        self.problems.append(Problem(file, line, field_, message, fix))

    def extend(self, problems: list[Problem]) -> None:
        """Record problems found by the loader."""
        self.problems.extend(problems)
