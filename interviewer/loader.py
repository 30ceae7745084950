"""The one loader of rubric and flow files.

Files are parsed with their line numbers (:mod:`interviewer.yaml_lines`), then
validated against :mod:`interviewer.models`. Every problem, in every file, is
collected and raised together as a :class:`~interviewer.errors.BankLoadError`
whose problems name the file, the line, the field and the fix.

Each file is parsed and validated on its own and cached by its content hash
(in memory and on disk), so after an edit only the edited file is read again;
the assembled bank is cached too. Every cache key includes the source of the
schema and of this loader, so a changed model never meets an old pickle.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from interviewer.bank import Bank
from interviewer.errors import BankLoadError, Problem
from interviewer.models import Flow, Question, RubricFile
from interviewer.packaged import packaged_data_dir
from interviewer.pickle_store import cache_path, read_pickle, write_pickle
from interviewer.yaml_lines import decode, parse_text, validate

__all__ = [
    "PARSE_COUNT",
    "FileLoad",
    "file_loads",
    "load_bank",
    "load_flow",
    "load_rubric_file",
    "yaml_files",
]


@cache
def _schema_digest() -> bytes:
    """A digest of the code a validated file depends on: models, YAML reading, this loader."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in ("models.py", "yaml_lines.py", "loader.py", "bank.py", "errors.py"):
        try:
            digest.update(name.encode() + b"\0" + (here / name).read_bytes() + b"\0")
        except OSError:
            digest.update(name.encode() + b"\0missing\0")
    return digest.digest()


@dataclass
class FileLoad:
    """One file read and validated: its model or its problems.

    Attributes:
        path: The file.
        digest: SHA-256 of its bytes (with the schema's digest): what the cache is keyed by.
        model: The validated :class:`RubricFile` or :class:`Flow`, or None if it has problems.
        item_lines: For a rubric file, the line of each question's ``-``.
        problems: Everything wrong with it, each naming its line, field and fix.
    """

    path: str
    digest: str
    model: RubricFile | Flow | None
    item_lines: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


# Files read in this process, by (model, path) -> the last load (checked by digest).
_FILES: dict[tuple[str, str], FileLoad] = {}
# How many files were parsed (not served from a cache) in this process: for tests.
PARSE_COUNT: dict[str, int] = {"files": 0}


def _read_file(path: Path, model: type[BaseModel]) -> FileLoad:
    """Read, parse and validate one file, from a cache when its content is unchanged."""
    label = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problem = Problem(label, 0, "", f"cannot read the file ({exc.strerror})", "check the path")
        return FileLoad(label, "", None, problems=[problem])
    digest = hashlib.sha256(_schema_digest() + model.__name__.encode() + b"\0" + raw).hexdigest()
    key = (model.__name__, label)
    disk = cache_path("bank-file", _schema_digest(), model.__name__, label)
    known = _FILES.get(key) if disk is not None else None  # INTERVIEWER_NO_CACHE: none at all
    if known is not None and known.digest == digest:
        return known
    cached = read_pickle(disk, FileLoad) if disk is not None else None
    if cached is not None and cached.digest == digest:
        _FILES[key] = cached
        return cached
    loaded = _parse_file(raw, label, digest, model)
    if disk is not None:
        _FILES[key] = loaded
        write_pickle(disk, loaded)
    return loaded


def _parse_file(raw: bytes, label: str, digest: str, model: type[BaseModel]) -> FileLoad:
    PARSE_COUNT["files"] += 1
    try:
        data, lines = parse_text(decode(raw, label), label)
        validated: Any = validate(model, data, lines, label)
    except BankLoadError as exc:
        return FileLoad(label, digest, None, problems=list(exc.problems))
    item_lines = []
    if isinstance(validated, RubricFile):
        item_lines = [lines.get(("questions", i), 0) for i in range(len(validated.questions))]
    return FileLoad(label, digest, validated, item_lines)


def _checked(loaded: FileLoad) -> Any:
    if loaded.model is None:
        raise BankLoadError(loaded.problems)
    return loaded.model


def load_rubric_file(path: Path) -> RubricFile:
    """Load and validate one rubric file (cached by its content).

    Raises:
        BankLoadError: naming each problem's file, line and field.
    """
    return _checked(_read_file(path, RubricFile))  # type: ignore[no-any-return]


def load_flow(path: Path) -> Flow:
    """Load and validate one flow file (cached by its content).

    Raises:
        BankLoadError: naming each problem's file, line and field.
    """
    return _checked(_read_file(path, Flow))  # type: ignore[no-any-return]


def file_loads(paths: Iterable[Path]) -> list[FileLoad]:
    """Each rubric file among ``paths`` read and validated (cached), in order."""
    return [_read_file(path, RubricFile) for path in yaml_files(paths)]


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files among ``paths``: files as given, directories' ``*.yaml`` sorted.

    Files whose name starts with ``_`` are skipped.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.yaml") if not p.name.startswith("_")))
        else:
            files.append(path)
    return files


def _reference_problems(bank: Bank) -> list[Problem]:
    problems = []
    for qid, question in bank.questions.items():
        file, line = bank.sources[qid]
        for index, link in enumerate(question.threads):
            if link.to not in bank.questions and link.to not in bank.handson:
                problems.append(
                    Problem(
                        file,
                        line,
                        f"{qid}.threads[{index}].to",
                        f"thread to unknown question {link.to!r}",
                        "use the id of a question in the bank, or remove the link",
                    )
                )
    for name, flow in bank.flows.items():
        for stage in flow.stages:
            for qid in stage.pool.ids if stage.pool else []:
                if qid not in bank.questions and qid not in bank.handson:
                    problems.append(
                        Problem(
                            bank.flow_sources[name],
                            0,
                            f"stages.{stage.id}.pool.ids",
                            f"unknown question {qid!r}",
                            "use the id of a question in the bank",
                        )
                    )
    return problems


@dataclass
class _CachedBank:
    digest: str
    bank: Bank


def load_bank(
    rubric_paths: Iterable[Path] | None = None,
    dialog_paths: Iterable[Path] | None = None,
) -> Bank:
    """Load every rubric and flow file, validating each and their links.

    Args:
        rubric_paths: Files or directories of rubric YAML (default: the built-in bank).
        dialog_paths: Files or directories of flow YAML (default: the built-in flows).

    Raises:
        BankLoadError: with every problem found, across all files.
    """
    rubric_files = yaml_files(rubric_paths or [packaged_data_dir("rubrics")])
    dialog_files = yaml_files(dialog_paths or [packaged_data_dir("dialogs")])
    names = [str(p) for p in rubric_files] + ["\0dialogs"] + [str(p) for p in dialog_files]
    cache = cache_path("bank", _schema_digest(), *names)
    digest = _contents_digest([*rubric_files, *dialog_files])
    if cache is not None and digest is not None:
        cached = read_pickle(cache, _CachedBank)
        if cached is not None and cached.digest == digest:
            return cached.bank
    rubrics = [_read_file(path, RubricFile) for path in rubric_files]
    bank = _assemble(rubrics, [_read_file(path, Flow) for path in dialog_files])
    bank.digests = {
        question.id: (question, f"{loaded.digest}:{index}")
        for loaded in rubrics
        if isinstance(loaded.model, RubricFile)
        for index, question in enumerate(loaded.model.questions)
        if bank.questions.get(question.id) is question
    }
    if cache is not None and digest is not None:
        write_pickle(cache, _CachedBank(digest, bank))
    return bank


def _contents_digest(files: list[Path]) -> str | None:
    """A digest of every file's bytes (None if one cannot be read: nothing is cached then)."""
    digest = hashlib.sha256()
    try:
        for path in files:
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def _assemble(rubrics: list[FileLoad], flows: list[FileLoad]) -> Bank:
    """The bank of already validated files, checking ids are unique and links resolve."""
    bank = Bank()
    problems: list[Problem] = []
    for loaded in rubrics:
        rubric = loaded.model
        if not isinstance(rubric, RubricFile):
            problems.extend(loaded.problems)
            continue
        bank.topics[rubric.topic] = rubric.title
        for index, question in enumerate(rubric.questions):
            line = loaded.item_lines[index]
            if question.id in bank.questions or question.id in bank.handson:
                first_file, first_line = bank.sources[question.id]
                problems.append(
                    Problem(
                        loaded.path,
                        line,
                        f"questions[{index}].id",
                        f"id {question.id!r} is already used at {first_file}:{first_line}",
                        "give this question a new id",
                    )
                )
                continue
            if isinstance(question, Question):
                bank.questions[question.id] = question
            else:
                bank.handson[question.id] = question
            bank.sources[question.id] = (loaded.path, line)
    for loaded in flows:
        flow = loaded.model
        if not isinstance(flow, Flow):
            problems.extend(loaded.problems)
            continue
        if flow.name in bank.flows:
            problems.append(
                Problem(loaded.path, 1, "name", f"flow {flow.name!r} is defined twice", "rename it")
            )
            continue
        bank.flows[flow.name] = flow
        bank.flow_sources[flow.name] = loaded.path
    problems.extend(_reference_problems(bank))
    if problems:
        raise BankLoadError(problems)
    return bank
