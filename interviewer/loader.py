"""The one loader of rubric and flow files.

Files are parsed with ruamel.yaml so that every value keeps its line number,
then validated against :mod:`interviewer.models`. Every problem, in every file,
is collected and raised together as a :class:`~interviewer.errors.BankLoadError`
whose problems name the file, the line, the field and the fix.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from interviewer.errors import BankLoadError, Problem
from interviewer.models import KINDS, CodeQuestion, ComputedQuestion, Flow, Question, RubricFile
from interviewer.pickle_store import read_pickle, write_pickle

__all__ = [
    "Bank",
    "data_dir",
    "dotted_path",
    "load_bank",
    "load_flow",
    "load_rubric_file",
    "read_with_lines",
    "yaml_files",
]

Path_ = tuple[str | int, ...]


def data_dir(kind: str) -> Path:
    """Return the directory of the built-in ``rubrics`` or ``dialogs``.

    Installed wheels carry them as ``interviewer/_data/<kind>``; a source
    checkout (or an editable install) has them at the repository root.
    """
    packaged = Path(str(resources.files("interviewer"))) / "_data" / kind
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / kind


@dataclass
class _Parsed:
    data: Any
    lines: dict[Path_, int]


def _plain(node: Any, path: Path_, lines: dict[Path_, int]) -> Any:
    """Turn ruamel nodes into plain data, recording the line of every path."""
    if isinstance(node, CommentedMap):
        out: dict[Any, Any] = {}
        for key in node:
            try:
                line = node.lc.key(key)[0] + 1
            except (KeyError, TypeError, AttributeError):
                line = lines.get(path, 0)
            lines[(*path, str(key))] = line
            out[str(key)] = _plain(node[key], (*path, str(key)), lines)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for index, item in enumerate(node):
            try:
                line = node.lc.item(index)[0] + 1
            except (KeyError, TypeError, AttributeError):
                line = lines.get(path, 0)
            lines[(*path, index)] = line
            items.append(_plain(item, (*path, index), lines))
        return items
    return node


def _parse(path: Path) -> _Parsed:
    label = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise BankLoadError(
            [Problem(label, 0, "", f"cannot read the file ({exc.strerror})", "check the path")]
        ) from None
    except UnicodeDecodeError:
        raise BankLoadError(
            [Problem(label, 0, "", "the file is not UTF-8 text", "save it as UTF-8")]
        ) from None
    yaml = YAML(typ="rt")
    try:
        node = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise BankLoadError(
            [
                Problem(
                    label,
                    line,
                    "",
                    f"this is not valid YAML: {exc.problem or exc.context}",
                    "check indentation, colons and quotes on this line and the one above",
                )
            ]
        ) from None
    except YAMLError as exc:
        raise BankLoadError(
            [Problem(label, 0, "", f"this is not valid YAML: {exc}", "check the syntax")]
        ) from None
    lines: dict[Path_, int] = {(): 1}
    return _Parsed(_plain(node, (), lines), lines)


def read_with_lines(path: Path) -> tuple[Any, dict[tuple[str | int, ...], int]]:
    """Parse a YAML file into plain data plus the 1-based line of every key and item.

    The line map is keyed by the path to a value, e.g.
    ``("questions", 0, "concepts", 1, "id")``; a key's line is where the key is
    written, a list item's line is where its ``-`` is.

    Raises:
        BankLoadError: if the file cannot be read or is not valid YAML.
    """
    parsed = _parse(path)
    return parsed.data, parsed.lines


def dotted_path(loc: Iterable[str | int]) -> str:
    """``("questions", 0, "id")`` -> ``questions[0].id``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def _line_for(loc: Path_, lines: dict[Path_, int]) -> int:
    for cut in range(len(loc), -1, -1):
        if loc[:cut] in lines:
            return lines[loc[:cut]]
    return 0


_FIXES = {
    "missing": "add the field",
    "extra_forbidden": "remove it, or check its spelling against rubrics/README.md",
    "literal_error": "use one of the allowed values",
    "string_pattern_mismatch": "use lower-case letters, digits and hyphens (e.g. 'batch-norm')",
    "too_short": "add at least one entry",
    "too_long": "remove entries",
    "string_type": "write it as text (quote it if it looks like a number or yes/no)",
    "list_type": "write it as a list (one '- item' per line)",
    "dict_type": "write it as a mapping ('key: value' lines)",
    "float_parsing": "write a number",
    "int_parsing": "write a whole number",
    "value_error": "see the message",
}


def _problems_from(
    exc: ValidationError, label: str, lines: dict[Path_, int], base: Path_ = ()
) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc: Path_ = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
        if len(loc) > 2 and loc[0] == "questions" and loc[2] in KINDS:
            loc = loc[:2] + loc[3:]  # the union's tag (the question's kind) is not a field
        # pydantic reports tuple items and unions with extra loc parts; keep the real path
        full = (*base, *loc)
        message = err["msg"]
        if err["type"] == "value_error":
            message = message.removeprefix("Value error, ")
        problems.append(
            Problem(
                file=label,
                line=_line_for(full, lines),
                field=dotted_path(full),
                message=message,
                fix=_FIXES.get(err["type"], "see rubrics/README.md for the expected form"),
            )
        )
    return problems


def _validate(model: type[BaseModel], parsed: _Parsed, label: str) -> Any:
    if not isinstance(parsed.data, dict):
        raise BankLoadError(
            [
                Problem(
                    label,
                    1,
                    "",
                    "the file must be a mapping at the top level",
                    f"start the file with the fields of a {model.__name__}",
                )
            ]
        )
    try:
        return model.model_validate(parsed.data)
    except ValidationError as exc:
        raise BankLoadError(_problems_from(exc, label, parsed.lines)) from None


def load_rubric_file(path: Path) -> RubricFile:
    """Load and validate one rubric file.

    Raises:
        BankLoadError: naming each problem's file, line and field.
    """
    return _validate(RubricFile, _parse(path), str(path))  # type: ignore[no-any-return]


def load_flow(path: Path) -> Flow:
    """Load and validate one flow file.

    Raises:
        BankLoadError: naming each problem's file, line and field.
    """
    return _validate(Flow, _parse(path), str(path))  # type: ignore[no-any-return]


@dataclass
class Bank:
    """The loaded question bank and flows.

    Attributes:
        questions: Questions by id, in file order.
        flows: Flows by name.
        sources: For each question id, the file it came from and its line.
        topics: For each rubric file's topic id, its title.
        flow_sources: For each flow name, the file it came from.
        handson: The computed questions and code exercises by id, in file order
            (kept apart from ``questions``, which the rubric grader is fitted on).
    """

    questions: dict[str, Question] = field(default_factory=dict)
    handson: dict[str, ComputedQuestion | CodeQuestion] = field(default_factory=dict)
    flows: dict[str, Flow] = field(default_factory=dict)
    sources: dict[str, tuple[str, int]] = field(default_factory=dict)
    topics: dict[str, str] = field(default_factory=dict)
    flow_sources: dict[str, str] = field(default_factory=dict)

    def question(self, question_id: str) -> Question:
        """Return a question by id.

        Raises:
            KeyError: with a message listing close ids.
        """
        try:
            return self.questions[question_id]
        except KeyError:
            from difflib import get_close_matches

            close = get_close_matches(question_id, list(self.questions), n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise KeyError(f"no question {question_id!r} in the bank{hint}") from None


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
    rubric_files = yaml_files(rubric_paths or [data_dir("rubrics")])
    dialog_files = yaml_files(dialog_paths or [data_dir("dialogs")])
    cache = _cache_path(rubric_files, dialog_files)
    if cache is not None and (cached := read_pickle(cache, Bank)) is not None:
        return cached
    bank = _load_uncached(rubric_files, dialog_files)
    if cache is not None:
        write_pickle(cache, bank)
    return bank


def _cache_path(rubric_files: list[Path], dialog_files: list[Path]) -> Path | None:
    """Where a validated bank built from exactly these files is cached.

    The key hashes every file's path and content with the package version and
    the schema's source (a new field must not meet an old pickle), so any edit
    invalidates it. Set ``INTERVIEWER_NO_CACHE=1`` to bypass it.
    """
    if os.environ.get("INTERVIEWER_NO_CACHE"):
        return None
    from interviewer import __version__

    digest = hashlib.sha256(__version__.encode())
    try:
        # the schema too: a bank pickled under another version of the models is stale
        digest.update(Path(__file__).with_name("models.py").read_bytes())
        for path in [*rubric_files, None, *dialog_files]:
            if path is None:
                digest.update(b"\0dialogs\0")
                continue
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("interviewer")) / f"bank-{digest.hexdigest()[:24]}.pickle"


def _load_uncached(rubric_files: list[Path], dialog_files: list[Path]) -> Bank:
    bank = Bank()
    problems: list[Problem] = []
    for path in rubric_files:
        try:
            parsed = _parse(path)
            rubric: RubricFile = _validate(RubricFile, parsed, str(path))
        except BankLoadError as exc:
            problems.extend(exc.problems)
            continue
        bank.topics[rubric.topic] = rubric.title
        for index, question in enumerate(rubric.questions):
            line = parsed.lines.get(("questions", index), 0)
            if question.id in bank.questions or question.id in bank.handson:
                first_file, first_line = bank.sources[question.id]
                problems.append(
                    Problem(
                        str(path),
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
            bank.sources[question.id] = (str(path), line)
    for path in dialog_files:
        try:
            flow = load_flow(path)
        except BankLoadError as exc:
            problems.extend(exc.problems)
            continue
        if flow.name in bank.flows:
            problems.append(
                Problem(str(path), 1, "name", f"flow {flow.name!r} is defined twice", "rename it")
            )
            continue
        bank.flows[flow.name] = flow
        bank.flow_sources[flow.name] = str(path)
    problems.extend(_reference_problems(bank))
    if problems:
        raise BankLoadError(problems)
    return bank
