"""YAML is read with the line of every key and item, and bad YAML names its line and fix."""

from __future__ import annotations

import pytest

from interviewer.errors import BankLoadError
from interviewer.yaml_lines import dotted_path, line_for, parse_text

TEXT = """\
topic: demo
questions:
  - id: first
    concepts:
      - id: a
        phrasings: [x, y]
  -
    id: second
"""


def test_every_key_and_item_has_its_line() -> None:
    data, lines = parse_text(TEXT, "demo.yaml")
    assert data["questions"][0]["concepts"][0]["phrasings"] == ["x", "y"]
    assert lines[("topic",)] == 1
    assert lines[("questions", 0)] == 3
    assert lines[("questions", 0, "concepts", 0, "id")] == 5
    assert lines[("questions", 1, "id")] == 8
    assert line_for(("questions", 0, "concepts", 0, "phrasings", 1, "nope"), lines) == 6
    assert dotted_path(("questions", 0, "concepts", 1, "id")) == "questions[0].concepts[1].id"


def test_values_are_plain_yaml_1_2() -> None:
    data, _ = parse_text("a: yes\nb: 1.5\nc: '3'\nd: null\ne: 0o17\n", "x.yaml")
    assert data == {"a": "yes", "b": 1.5, "c": "3", "d": None, "e": 15}
    assert type(data["b"]) is float


@pytest.mark.parametrize(
    ("text", "line", "message", "fix"),
    [
        ("a: 1\nb: 2\na: 3\n", 3, 'duplicate key "a"', "remove one"),
        ("a: !odd 1\n", 1, "tag", "remove the tag"),
        ("a:\n\tb: 1\n", 2, "'\\t'", "indentation"),
        ("a: [1,\n", 2, "not valid YAML", "indentation"),
    ],
)
def test_bad_yaml_names_its_line_and_fix(text: str, line: int, message: str, fix: str) -> None:
    with pytest.raises(BankLoadError) as caught:
        parse_text(text, "bad.yaml")
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == ("bad.yaml", line)
    assert message in problem.message and fix in problem.fix
