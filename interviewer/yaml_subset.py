"""A fast reader for the plain block YAML the bank is written in, or None for anything else.

ruamel.yaml's pure-Python scanner is slow (about 1 s for the built-in bank, so
minutes for a bank of 10,000 questions) and its C extension is not installed (an
optional extra since ruamel.yaml 0.19; libyaml follows YAML 1.1). Rubric and flow
files use a small part of YAML: block mappings and sequences, one-line plain and
quoted scalars, one-line flow lists and mappings of scalars, ``|`` and ``>`` block
scalars and comments. This module reads exactly that part, line by line, and
gives up (returns None) on anything else or anything it is not sure of: tabs,
anchors, tags, multi-line plain or quoted scalars, escapes, document markers, odd
indentation, duplicate keys.
:func:`interviewer.yaml_lines.parse_text` then parses the text with ruamel.yaml,
which gives the same data or the error message with its line.

Plain scalars are resolved and built by ruamel.yaml's own resolver and safe
constructor, so their YAML 1.2 meaning (numbers, booleans, null, dates) is
ruamel's. The result is what ruamel.yaml's safe composer gives, with the same
line map (the tests compare both on every YAML file of the project and on
mutations of them).
"""

from __future__ import annotations

import re
import threading
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.nodes import ScalarNode

__all__ = ["parse_subset"]

YamlPath = tuple[str | int, ...]  # as interviewer.yaml_lines.YamlPath

_STR_TAG = "tag:yaml.org,2002:str"
# Characters that make ruamel.yaml's reader complain, or that it takes as line breaks.
_UNSAFE = re.compile(
    "[^\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]"
)
# a key: plain (group 1), double-quoted without escapes (2) or single-quoted (3); the rest (4)
_KEY = re.compile(r"(?:([A-Za-z0-9_][A-Za-z0-9_ .\-]*?)|\"([^\"\\]*)\"|'([^']*)') *:(?: +(.*))?$")
_FLOW_SCALAR = re.compile(
    r"(\"[^\"\\]*\"|'[^']*'|[^ ,\[\]{}#:\"'&*!|>%@`?\-][^,\[\]{}#:\"']*?) *(?=[,\]}])"
)
_FLOW_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_ .\-]*?) *: +")
_BLOCK_HEADER = re.compile(r"([|>])(-?)(?: +#.*)?$")
_PLAIN_START_BAD = frozenset(",[]{}#&*!|>'\"%@`?:-")


class _OutsideSubsetError(Exception):
    """The text is outside the subset: ruamel.yaml must read it."""


_yaml = YAML(typ="safe", pure=True)
_scalars: dict[str, Any] = {}
_constructing = threading.Lock()  # the constructor keeps state while it builds a value
# ruamel.yaml's YAML 1.2 implicit resolvers, by first character (what its resolve() walks)
_RESOLVERS: dict[str | None, list[tuple[Any, re.Pattern[str]]]] = _yaml.resolver.versioned_resolver
_ANY_START = tuple(_RESOLVERS.get(None, ()))


def _plain_scalar(value: str) -> Any:
    """A plain scalar's value as ruamel.yaml's YAML 1.2 resolver and safe constructor make it."""
    try:
        return _scalars[value]
    except KeyError:
        pass
    candidates = _RESOLVERS.get(value[:1], ())
    if not any(regexp.match(value) for _, regexp in (*candidates, *_ANY_START)):
        return value  # a string, as ruamel.yaml's resolve() would say: skip the call
    tag = _yaml.resolver.resolve(ScalarNode, value, (True, False))
    if tag == _STR_TAG:
        return value
    constructor = _yaml.constructor
    with _constructing:
        try:
            result = constructor.construct_object(ScalarNode(tag, value), deep=True)
        except Exception:  # ruamel.yaml will report it
            raise _OutsideSubsetError from None
        finally:
            constructor.constructed_objects.clear()
            constructor.recursive_objects.clear()
    if len(_scalars) < 10_000:
        _scalars[value] = result
    return result


def _inline_scalar(text: str) -> Any:
    """A one-line scalar written after ``key:`` or ``-`` (comment and trailing spaces cut)."""
    first = text[0]
    if first in "\"'":
        end = text.find(first, 1)
        if first == "'":
            while end != -1 and text.startswith("''", end):
                end = text.find("'", end + 2)
        if end == -1:
            raise _OutsideSubsetError
        _check_tail(text[end + 1 :])
        body = text[1:end]
        if first == '"':
            if "\\" in body:
                raise _OutsideSubsetError
            return body
        return body.replace("''", "'")
    if first in _PLAIN_START_BAD and not (first == "-" and text[1:2].isdigit()):
        raise _OutsideSubsetError
    cut = text.find(" #")
    if cut != -1:
        text = text[:cut]
    text = text.rstrip(" ")
    if ": " in text or text.endswith(":"):
        raise _OutsideSubsetError
    return _plain_scalar(text)


def _check_tail(tail: str) -> None:
    """What follows a closing quote or bracket must be nothing, or a comment after a space."""
    stripped = tail.strip(" ")
    if stripped and not (stripped.startswith("#") and tail.startswith(" ")):
        raise _OutsideSubsetError


def _skip_spaces(text: str, position: int) -> int:
    """The first position from ``position`` that is not a space."""
    while text[position : position + 1] == " ":
        position += 1
    return position


def _flow_scalar(token: str) -> Any:
    """A scalar inside ``[...]`` or ``{...}``: quoted (no escapes inside) or plain."""
    if token[0] in "\"'":
        return token[1:-1]
    return _plain_scalar(token)


class _Reader:
    """The lines of one text and where the reader is in them."""

    def __init__(self, text: str) -> None:
        self.raw = text.split("\n")
        self.indents: list[int] = []
        self.bodies: list[str] = []
        for line in self.raw:
            body = line.lstrip(" ")
            stripped = body.rstrip(" ")
            self.indents.append(len(line) - len(body))
            self.bodies.append("" if stripped.startswith("#") else stripped)
        self.lines: dict[YamlPath, int] = {(): 1}

    def next_line(self, index: int) -> int:
        """The index of the first line from ``index`` with content (len(raw) at the end)."""
        bodies = self.bodies
        while index < len(bodies) and not bodies[index]:
            index += 1
        return index

    def node(self, index: int, path: YamlPath) -> tuple[Any, int]:
        """The block collection starting at line ``index``; returns it and the next line."""
        body = self.bodies[index]
        if body == "-" or body.startswith("- "):
            return self.sequence(index, self.indents[index], path)
        if _KEY.match(body):
            return self.mapping(index, self.indents[index], path)
        raise _OutsideSubsetError

    def value(self, index: int, rest: str, column: int, path: YamlPath) -> tuple[Any, int]:
        """The value written after ``key:`` on line ``index`` (rest: what follows the colon)."""
        if not rest or rest.startswith("#"):
            following = self.next_line(index + 1)
            if following < len(self.bodies):
                indent, body = self.indents[following], self.bodies[following]
                if indent > column or (indent == column and (body == "-" or body[:2] == "- ")):
                    return self.node(following, path)
            raise _OutsideSubsetError  # an empty value: let ruamel.yaml decide what it is
        return self.item_value(index, rest, column, path)

    def item_value(self, index: int, rest: str, column: int, path: YamlPath) -> tuple[Any, int]:
        """A value written on line ``index`` after ``key:`` or ``-`` (not a block mapping)."""
        first = rest[0]
        if first in "[{":
            return self.flow(index, rest, path), index + 1
        if first in "|>":
            return self.block_scalar(index, rest, column)
        return _inline_scalar(rest), index + 1

    def mapping(self, index: int, column: int, path: YamlPath) -> tuple[dict[str, Any], int]:
        """The block mapping whose keys start at ``column``, from line ``index``."""
        out: dict[str, Any] = {}
        bodies, indents, lines = self.bodies, self.indents, self.lines
        while True:
            match = _KEY.match(bodies[index])
            if match is None:
                raise _OutsideSubsetError
            if match[1] is not None:
                key = str(_plain_scalar(match[1]))
            else:
                key = match[2] if match[2] is not None else match[3]
            if key in out:
                raise _OutsideSubsetError
            lines[(*path, key)] = index + 1
            rest = match[4] or ""
            out[key], index = self.value(index, rest, column, (*path, key))
            index = self.next_line(index)
            if index >= len(bodies) or indents[index] < column:
                return out, index
            if indents[index] > column:
                raise _OutsideSubsetError
            body = bodies[index]
            if body == "-" or body.startswith("- "):
                raise _OutsideSubsetError

    def sequence(self, index: int, column: int, path: YamlPath) -> tuple[list[Any], int]:
        """The block sequence whose ``-`` are at ``column``, from line ``index``."""
        out: list[Any] = []
        bodies, indents, lines = self.bodies, self.indents, self.lines
        while True:
            body = bodies[index]
            item_path = (*path, len(out))
            rest = body[1:].lstrip(" ")
            if not rest or rest.startswith("#"):
                following = self.next_line(index + 1)
                if following >= len(bodies) or indents[following] <= column:
                    raise _OutsideSubsetError
                lines[item_path] = following + 1
                item, index = self.node(following, item_path)
            else:
                lines[item_path] = index + 1
                if rest.startswith("- ") or rest == "-":
                    raise _OutsideSubsetError
                if _KEY.match(rest):
                    inner = column + len(body) - len(rest)
                    bodies[index], indents[index] = rest, inner
                    item, index = self.mapping(index, inner, item_path)
                else:
                    item, index = self.item_value(index, rest, column, item_path)
            out.append(item)
            index = self.next_line(index)
            if index >= len(bodies) or indents[index] < column:
                return out, index
            if indents[index] > column:
                raise _OutsideSubsetError
            body = bodies[index]
            if not (body == "-" or body.startswith("- ")):
                return out, index

    def flow(self, index: int, rest: str, path: YamlPath) -> Any:
        """A flow list or mapping written on one line (of scalars, lists and mappings)."""
        value, end = self.flow_node(rest, 0, index + 1, path)
        _check_tail(rest[end:])
        return value

    def flow_node(self, text: str, position: int, line: int, path: YamlPath) -> tuple[Any, int]:
        """The flow node at ``position`` of ``text``, and where it ends (spaces skipped)."""
        position = _skip_spaces(text, position)
        opener = text[position : position + 1]
        if opener not in ("[", "{"):
            match = _FLOW_SCALAR.match(text, position)
            if match is None:
                raise _OutsideSubsetError
            return _flow_scalar(match[1]), _skip_spaces(text, match.end())
        closer = "]" if opener == "[" else "}"
        items: list[Any] = []
        pairs: dict[str, Any] = {}
        position = _skip_spaces(text, position + 1)
        if text.startswith(closer, position):
            return (items if opener == "[" else pairs), _skip_spaces(text, position + 1)
        while True:
            if opener == "[":
                self.lines[(*path, len(items))] = line
                item, position = self.flow_node(text, position, line, (*path, len(items)))
                items.append(item)
            else:
                match = _FLOW_KEY.match(text, position)
                if match is None:
                    raise _OutsideSubsetError
                key = str(_plain_scalar(match[1]))
                if key in pairs:
                    raise _OutsideSubsetError
                self.lines[(*path, key)] = line
                pairs[key], position = self.flow_node(text, match.end(), line, (*path, key))
            following = text[position : position + 1]
            if following == closer:
                return (items if opener == "[" else pairs), _skip_spaces(text, position + 1)
            if following != ",":
                raise _OutsideSubsetError
            position = _skip_spaces(text, position + 1)
            if text[position : position + 1] in ("]", "}", ""):
                raise _OutsideSubsetError  # a trailing comma

    def block_scalar(self, index: int, rest: str, column: int) -> tuple[str, int]:
        """The ``|`` or ``>`` scalar whose header is ``rest`` on line ``index``."""
        header = _BLOCK_HEADER.match(rest)
        if header is None:
            raise _OutsideSubsetError
        style, chomp = header[1], header[2]
        raw, indents, bodies = self.raw, self.indents, self.bodies
        start = index + 1
        if start >= len(raw) or not raw[start].strip(" "):
            raise _OutsideSubsetError  # leading empty lines: ruamel.yaml's indentation rules
        indent = indents[start]
        if indent <= column:
            raise _OutsideSubsetError
        end = start
        last = start  # the last line with text: it has a line break unless the file ends there
        content: list[str] = []
        while end < len(raw):
            line = raw[end]
            if not line.strip(" "):
                if len(line) > indent:
                    raise _OutsideSubsetError
                content.append("")
            elif indents[end] < indent:
                break
            else:
                if (style == ">" and indents[end] > indent) or line.endswith(" "):
                    raise _OutsideSubsetError  # folding of more-indented lines: left to ruamel.yaml
                content.append(line[indent:])
                last = end
            end += 1
        while content and not content[-1]:
            content.pop()
        if style == "|":
            text = "\n".join(content)
        else:
            parts: list[str] = []
            blanks = 0
            for line in content:
                if not line:
                    blanks += 1
                    continue
                if parts:
                    parts.append("\n" * blanks if blanks else " ")
                parts.append(line)
                blanks = 0
            text = "".join(parts)
        if chomp != "-" and last < len(raw) - 1:
            text += "\n"
        # lines after the scalar: blank ones were content, the rest are not read yet
        for skipped in range(start, end):
            bodies[skipped] = ""
        return text, end


def parse_subset(text: str) -> tuple[Any, dict[YamlPath, int]] | None:
    """Parse ``text`` if it is in the subset: its data and the line of every key and item.

    Returns:
        The same as ruamel.yaml's safe composer walked by
        :func:`interviewer.yaml_lines.parse_text`, or None if the text uses
        anything outside the subset (or is not valid YAML).
    """
    if "\t" in text or "\r" in text or _UNSAFE.search(text):
        return None
    reader = _Reader(text)
    for body, indent in zip(reader.bodies, reader.indents, strict=True):
        if (indent == 0 and body[:3] in ("---", "...")) or body.startswith("%"):
            return None
    try:
        start = reader.next_line(0)
        if start >= len(reader.bodies):
            return None
        data, end = reader.node(start, ())
        if reader.next_line(end) < len(reader.bodies):
            return None
    except (_OutsideSubsetError, RecursionError):
        return None
    except Exception:  # never crash here: ruamel.yaml reads it instead
        return None
    return data, reader.lines
