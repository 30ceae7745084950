"""The bank and grader the authoring commands work with.

With no rubric paths the built-in bank is used. With paths (e.g. a copy of a
rubric being edited) those files are loaded on their own, validated, and laid
over the built-in bank so thread links to other files still resolve. The grader
is the cached full fit of that bank, or after an edit the last full fit refitted
on what changed (:func:`~interviewer.grading.authoring_grader`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from interviewer.bank import Bank
from interviewer.errors import BankLoadError, Problem
from interviewer.loader import file_loads, load_bank
from interviewer.models import Question, RubricFile

if TYPE_CHECKING:
    from interviewer.grading import RubricGrader

__all__ = ["AuthoringContext", "load_authoring_bank", "load_context"]


@dataclass
class AuthoringContext:
    """A bank plus a grader fitted on it.

    Attributes:
        bank: The questions (linted files override built-in ones with the same id).
        grader: A fitted grader.
        files: For each question id, the file it can be saved back to and its line.
    """

    bank: Bank
    grader: RubricGrader
    files: dict[str, tuple[Path, int]]


def _rubric_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.yaml") if not p.name.startswith("_")))
        elif path.exists():
            files.append(path)
        else:
            raise BankLoadError([Problem(str(path), 0, "", "no such file", "check the path")])
    return files


def _overlay(paths: Sequence[Path]) -> Bank:
    try:
        bank = load_bank()
    except BankLoadError:
        bank = Bank()  # the built-in bank is broken: work with the given files alone
    problems: list[Problem] = []
    for loaded in file_loads(_rubric_files(paths)):
        rubric = loaded.model
        if not isinstance(rubric, RubricFile):
            problems.extend(loaded.problems)
            continue
        bank.topics[rubric.topic] = rubric.title
        for index, question in enumerate(rubric.questions):
            if isinstance(question, Question):
                bank.questions[question.id] = question
            else:
                bank.handson[question.id] = question
            bank.sources[question.id] = (loaded.path, loaded.item_lines[index])
    if problems:
        raise BankLoadError(problems)
    return bank


def load_authoring_bank(rubric_paths: Sequence[Path] | None = None) -> Bank:
    """The built-in bank, overlaid with these rubric files when any are given.

    Raises:
        BankLoadError: if a given file (or, without paths, the bank) does not validate.
    """
    return _overlay(rubric_paths) if rubric_paths else load_bank()


def load_context(rubric_paths: Sequence[Path] | None = None) -> AuthoringContext:
    """Load the bank (optionally overlaid with rubric files) and a grader for it.

    The grader is a full fit when one of exactly this bank is cached, else the last
    full fit refitted on what was edited (:func:`~interviewer.grading.authoring_grader`).

    Raises:
        BankLoadError: if a given file (or, without paths, the bank) does not validate.
    """
    from interviewer.grading import authoring_grader

    bank = _overlay(rubric_paths) if rubric_paths else load_bank()
    grader = authoring_grader(bank)
    files = {qid: (Path(file), line) for qid, (file, line) in bank.sources.items()}
    return AuthoringContext(bank, grader, files)
