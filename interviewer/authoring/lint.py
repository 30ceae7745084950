"""``rubric lint``: check rubric and flow files for schema and graph problems.

Every finding names the file, the line (of the exact nested item, not just
the question) and the fix. Errors make the bank wrong or unusable; warnings
point at rubrics that will grade or converse poorly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from interviewer.authoring.lint_checks import check_question
from interviewer.authoring.lint_copied import check_copied, read_sources
from interviewer.authoring.lint_graph import check_graph
from interviewer.authoring.lint_source import Findings, LoadedQuestion, SourceFile
from interviewer.dialog.voice import VOICE_FILE, load_voice
from interviewer.errors import BankLoadError, Problem
from interviewer.loader import load_flow, load_rubric_file, yaml_files
from interviewer.models import CodeQuestion, ComputedQuestion, Flow, Question
from interviewer.packaged import packaged_data_dir
from interviewer.yaml_lines import read_with_lines

__all__ = ["LintReport", "lint_paths"]

# Model-validator messages that lint reports itself, with the exact line.
_RESTATED = ("is used twice in this question", "names unknown concept")


@dataclass
class LintReport:
    """What ``rubric lint`` found.

    Attributes:
        problems: Every finding, sorted by file and line.
        files: The files that were linted.
    """

    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """Findings that make the bank wrong: they fail the lint."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Findings worth fixing that do not fail the lint."""
        return [p for p in self.problems if p.severity != "error"]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary with every finding."""
        return {
            "files": self.files,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [
                {
                    "file": p.file,
                    "line": p.line,
                    "severity": p.severity,
                    "field": p.field,
                    "message": p.message,
                    "fix": p.fix,
                }
                for p in self.problems
            ],
        }


def _kind(path: Path, data: Any) -> str:
    if isinstance(data, dict):
        if "stages" in data:
            return "flow"
        if "questions" in data:
            return "rubric"
    return "flow" if path.parent.name == "dialogs" else "rubric"


def _read(path: Path, linted: bool, findings: Findings) -> SourceFile | None:
    try:
        data, lines = read_with_lines(path)
    except BankLoadError as exc:
        if linted:
            findings.extend(exc.problems)
        return None
    return SourceFile(path, str(path), _kind(path, data), data, lines, linted)


def _schema_problems(source: SourceFile) -> list[Problem]:
    try:
        if source.kind == "flow":
            load_flow(source.path)
        else:
            load_rubric_file(source.path)
    except BankLoadError as exc:
        return [p for p in exc.problems if not any(r in p.message for r in _RESTATED)]
    return []


def _questions(source: SourceFile) -> list[LoadedQuestion]:
    raw = source.data.get("questions") if isinstance(source.data, dict) else None
    out: list[LoadedQuestion] = []
    for index, item in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(item, dict):
            continue  # the schema check reports it
        model: Question | None
        try:
            model = _handson(item) if _is_handson(item) else Question.model_validate(item)
        except ValidationError:
            model = None
        out.append(LoadedQuestion(source, index, item, model))
    return out


def _is_handson(item: dict[str, Any]) -> bool:
    return item.get("kind") in ("computed", "code")


def _handson(item: dict[str, Any]) -> Question:
    """A computed question or code exercise as a flow sees it (for pools and reachability)."""
    from interviewer.handson.dispatch import present

    spec = CodeQuestion if item.get("kind") == "code" else ComputedQuestion
    return present(spec.model_validate(item), 0)


def _flow(source: SourceFile) -> Flow | None:
    try:
        return Flow.model_validate(source.data)
    except ValidationError:
        return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _context_paths(linted: list[Path]) -> list[Path]:
    """Built-in files not being linted: they resolve ids the linted files refer to."""
    builtin = yaml_files([packaged_data_dir("rubrics"), packaged_data_dir("dialogs")])
    return [p for p in builtin if not any(_same_file(p, q) for q in linted)]


def lint_paths(
    paths: Sequence[Path] | None = None,
    *,
    with_bank: bool = True,
    source_texts: Sequence[Path] = (),
    copied_words: int = 8,
) -> LintReport:
    """Lint rubric and flow files, and the interviewer's voice (``dialogs/_voice.yaml``).

    Args:
        paths: Files or directories; default the built-in ``rubrics/`` and ``dialogs/``.
        with_bank: When explicit paths are given, also read the built-in bank so
            thread links and flow pools may refer to questions defined there
            (built-in questions whose ids the linted files redefine are ignored,
            so a temporary copy of a built-in file lints cleanly). Findings are
            only reported for the linted files.
        source_texts: Source documents (files or directories of text files) the
            rubrics were written from; text copied from them word for word
            is a warning.
        copied_words: How many words in a row count as copied.

    Returns:
        The findings, errors and warnings, sorted by file and line.
    """
    explicit = paths is not None and len(paths) > 0
    roots = list(paths) if paths else [packaged_data_dir("rubrics"), packaged_data_dir("dialogs")]
    findings = Findings()
    missing = [p for p in roots if not p.exists()]
    for path in missing:
        findings.add_raw(str(path), 0, "", "no such file or directory", "check the path")
    files = yaml_files(p for p in roots if p.exists())
    voices = [f for f in files if f.name == VOICE_FILE] + [
        p / VOICE_FILE for p in roots if p.is_dir() and (p / VOICE_FILE).is_file()
    ]
    files = [f for f in files if f.name != VOICE_FILE]
    for voice in voices:
        try:
            load_voice(voice)
        except BankLoadError as exc:
            findings.extend(exc.problems)
    sources = [s for s in (_read(f, True, findings) for f in files) if s is not None]
    context: list[SourceFile] = []
    if explicit and with_bank:
        context = [
            s for s in (_read(f, False, findings) for f in _context_paths(files)) if s is not None
        ]
    for source in sources:
        findings.extend(_schema_problems(source))
    linted_questions = [q for s in sources if s.kind == "rubric" for q in _questions(s)]
    defined = {q.qid for q in linted_questions}
    context_questions = [
        q
        for s in context
        if s.kind == "rubric"
        for q in _questions(s)
        if q.model is not None and q.qid not in defined
    ]
    flows = [(s, f) for s in sources if s.kind == "flow" for f in [_flow(s)] if f is not None]
    if not any(s.kind == "flow" for s in sources):
        flows = [(s, f) for s in context if s.kind == "flow" for f in [_flow(s)] if f]
    for question in linted_questions:
        if not _is_handson(question.raw):  # the rubric checks do not apply to them
            check_question(question, findings)
    check_graph(linted_questions, context_questions, flows, findings)
    if source_texts:
        documents, unreadable = read_sources(source_texts)
        for message in unreadable:
            findings.add_raw(message.split(": ", 1)[0], 0, "--sources", message, "check the path")
        check_copied(linted_questions, documents, findings, copied_words)
    problems = sorted(findings.problems, key=lambda p: (p.file, p.line, p.severity, p.field))
    return LintReport(_dedupe(problems), [str(f) for f in [*files, *voices]])


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    out = []
    for problem in problems:
        if problem not in seen:
            seen.add(problem)
            out.append(problem)
    return out
