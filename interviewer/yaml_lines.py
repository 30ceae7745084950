"""YAML read as plain data with the line of every value, and pydantic errors mapped to lines.

The loader (:mod:`interviewer.loader`), lint and the voice file all read YAML
here, so every problem they report names the same file, line and field.
Text in the plain subset of YAML the bank is written in is read by the fast
:mod:`interviewer.yaml_subset` (about 30 times faster); anything else, including
every invalid file, by ruamel.yaml's safe composer (YAML 1.2), walking its nodes,
whose marks give the lines. Both give the same data, lines and errors.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.constructor import ConstructorError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from interviewer.errors import BankLoadError, Problem
from interviewer.models import KINDS
from interviewer.yaml_subset import parse_subset

__all__ = [
    "YamlPath",
    "decode",
    "dotted_path",
    "line_for",
    "parse_text",
    "parse_with_ruamel",
    "read_text",
    "read_with_lines",
    "validate",
]

YamlPath = tuple[str | int, ...]
"""The path to a value in parsed YAML, e.g. ``("questions", 0, "concepts", 1, "id")``."""


class _DuplicateKeyError(Exception):
    def __init__(self, key: str, line: int) -> None:
        super().__init__(key)
        self.key = key
        self.line = line


def _plain(node: Node | None, path: YamlPath, lines: dict[YamlPath, int], yaml: YAML) -> Any:
    """Turn composed nodes into plain data, recording the line of every path."""
    if node is None:
        return None
    if isinstance(node, MappingNode):
        yaml.constructor.flatten_mapping(node)  # merge keys (<<) as the constructor does
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(yaml.constructor.construct_object(key_node, deep=True))
            line = key_node.start_mark.line + 1
            if key in out:
                raise _DuplicateKeyError(key, line)
            lines[(*path, key)] = line
            out[key] = _plain(value_node, (*path, key), lines, yaml)
        return out
    if isinstance(node, SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1
            items.append(_plain(item, (*path, index), lines, yaml))
        return items
    if isinstance(node, ScalarNode):
        return yaml.constructor.construct_object(node, deep=True)
    return yaml.constructor.construct_object(node, deep=True)


def parse_text(text: str, label: str) -> tuple[Any, dict[YamlPath, int]]:
    """Parse YAML text into plain data plus the 1-based line of every key and item.

    Raises:
        BankLoadError: naming ``label`` and the line, if the text is not valid YAML.
    """
    fast = parse_subset(text)
    if fast is not None:
        return fast
    return parse_with_ruamel(text, label)


def parse_with_ruamel(text: str, label: str) -> tuple[Any, dict[YamlPath, int]]:
    """:func:`parse_text` by ruamel.yaml alone: any YAML, and the message of any error.

    Raises:
        BankLoadError: naming ``label`` and the line, if the text is not valid YAML.
    """
    yaml = YAML(typ="safe", pure=True)
    lines: dict[YamlPath, int] = {(): 1}
    try:
        node = yaml.compose(text)
        data = _plain(node, (), lines, yaml)
    except _DuplicateKeyError as exc:
        raise BankLoadError(
            [
                Problem(
                    label,
                    exc.line,
                    "",
                    f'this is not valid YAML: found duplicate key "{exc.key}"',
                    "remove one of the two, or rename it",
                )
            ]
        ) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        fix = "check indentation, colons and quotes on this line and the one above"
        if isinstance(exc, ConstructorError):
            fix = "remove the tag (the word starting with '!'), or quote the value"
        raise BankLoadError(
            [Problem(label, line, "", f"this is not valid YAML: {exc.problem or exc.context}", fix)]
        ) from None
    except YAMLError as exc:
        raise BankLoadError(
            [Problem(label, 0, "", f"this is not valid YAML: {exc}", "check the syntax")]
        ) from None
    return data, lines


def decode(raw: bytes, label: str) -> str:
    """A file's bytes as text, its line endings normalised as :meth:`Path.read_text` does.

    Raises:
        BankLoadError: if the bytes are not UTF-8.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BankLoadError(
            [Problem(label, 0, "", "the file is not UTF-8 text", "save it as UTF-8")]
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path) -> str:
    """The UTF-8 text of ``path``.

    Raises:
        BankLoadError: if the file cannot be read or is not UTF-8.
    """
    label = str(path)
    try:
        return decode(path.read_bytes(), label)
    except OSError as exc:
        raise BankLoadError(
            [Problem(label, 0, "", f"cannot read the file ({exc.strerror})", "check the path")]
        ) from None


def read_with_lines(path: Path) -> tuple[Any, dict[YamlPath, int]]:
    """Parse a YAML file into plain data plus the 1-based line of every key and item.

    The line map is keyed by the path to a value, e.g.
    ``("questions", 0, "concepts", 1, "id")``; a key's line is where the key is
    written, a list item's line is where its ``-`` is.

    Raises:
        BankLoadError: if the file cannot be read or is not valid YAML.
    """
    return parse_text(read_text(path), str(path))


def dotted_path(loc: Iterable[str | int]) -> str:
    """``("questions", 0, "id")`` -> ``questions[0].id``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def line_for(loc: YamlPath, lines: dict[YamlPath, int]) -> int:
    """The line of ``loc``, or of its nearest ancestor that has one (0 if none)."""
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
    exc: ValidationError, label: str, lines: dict[YamlPath, int], base: YamlPath = ()
) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc: YamlPath = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
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
                line=line_for(full, lines),
                field=dotted_path(full),
                message=message,
                fix=_FIXES.get(err["type"], "see rubrics/README.md for the expected form"),
            )
        )
    return problems


def validate(model: type[BaseModel], data: Any, lines: dict[YamlPath, int], label: str) -> Any:
    """Validate parsed YAML against ``model``.

    Raises:
        BankLoadError: with each problem's file, line, field and fix.
    """
    if not isinstance(data, dict):
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
        return model.model_validate(data)
    except ValidationError as exc:
        raise BankLoadError(_problems_from(exc, label, lines)) from None
