"""The fast subset reader gives exactly what ruamel.yaml gives, or gives up."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from interviewer.errors import BankLoadError
from interviewer.yaml_lines import parse_text, parse_with_ruamel
from interviewer.yaml_subset import parse_subset

ROOT = Path(__file__).resolve().parent.parent
PROJECT_YAML = sorted(
    path
    for folder in ("rubrics", "dialogs", "examples", "tests")
    for path in (ROOT / folder).rglob("*.yaml")
)


def _ruamel(text: str) -> object:
    try:
        return parse_with_ruamel(text, "x.yaml")
    except BankLoadError as exc:
        return ("error", str(exc))


@pytest.mark.parametrize("path", PROJECT_YAML, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_of_the_project_is_read_fast_and_alike(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = parse_subset(text)
    assert fast is not None, "the bank's files should not need ruamel.yaml"
    assert repr(fast) == repr(_ruamel(text))  # repr: also the types (1 vs 1.0 vs True)


_PIECES = [
    *" :-#'\"[]{},|>\n&*!?%@`~0123456789aZ.\\\t",
    "  ",
    "- ",
    ": ",
    " #",
    "\n  ",
    "yes",
    "null",
    "1e3",
    "2024-01-01",
    '"a"',
    "''",
]


def _mutated(rng: random.Random, texts: list[str]) -> str:
    lines = rng.choice(texts).split("\n")
    start = rng.randrange(len(lines))
    text = "\n".join(lines[start : start + rng.randint(1, 40)])
    for _ in range(rng.randint(0, 3)):
        choice, at = rng.random(), rng.randrange(len(text) + 1)
        if choice < 0.4:
            text = text[:at] + rng.choice(_PIECES) + text[at:]
        elif choice < 0.7:
            text = text[:at] + text[at + 1 :]
        else:
            rows = text.split("\n")
            row = rng.randrange(len(rows))
            rows[row] = rng.choice(
                [" " + rows[row], rows[row][1:], rows[row] + "\n" + rows[row], ""]
            )
            text = "\n".join(rows)
    return text


def test_on_mutated_files_it_agrees_with_ruamel_or_gives_up() -> None:
    texts = [path.read_text(encoding="utf-8") for path in PROJECT_YAML]
    rng = random.Random(13)
    accepted = 0
    for _ in range(600):
        text = _mutated(rng, texts)
        fast = parse_subset(text)
        if fast is None:
            continue
        accepted += 1
        assert repr(fast) == repr(_ruamel(text)), text
    assert accepted > 50


EDGE_CASES = [
    "a: 'x' # c\n",
    "a: 'x'#c\n",
    'a: ""\n',
    "a: ''\n",
    "a: b #c\n",
    "a: b#c\n",
    "a: -1\n",
    "a: -.5\n",
    "a: -x\n",
    "a: +1\n",
    "a: 0b101\n",
    "a: 1_000\n",
    "a: 12:30\n",
    "1: a\n",
    "1.5: b\n",
    "true: c\n",
    "null: d\n",
    "~: e\n",
    "a b: c\n",
    "a.b: c\n",
    "a-b: c\n",
    "_x: 1\n",
    "a: >\n  a\n\n  b\n",
    "a: >-\n  a\n  b\n\n",
    "a: |\n  a\n\n\n",
    "a: |-\n  a\n    b\n",
    "a: |\n  a\n  \n  b\n",
    "a: >\n  a\n\n\n  b\n  c\nd: 1\n",
    "a: |\n  a\n\n  b",
    "a: |-\n  a",
    "a: >\n  a",
    "- a\n- b\n",
    "- a: 1\n  b: 2\n- c\n",
    "a:\n- 1\n- 2\nb: 3\n",
    "a: [1, 'x', \"y\", {b: c}]\n",
    "a: {b: [1, 2], c: d}\n",
    "a: café ✓\n",
    "a:\n  # c\n  b: 1\n# c\nd: 2\n",
    "a: x\n\n\n",
    "  a: 1\n  b: 2\n",
    "a: b\n    # deeper\nc: d\n",
    "a:    \n  b: 1\n",
    "- |\n  x\n- y\n",
    "a: >\n  x\n    y\n",
    "a: 'it''s'\n",
    'a: "#x"\n',
    "a: x: y\n",
    "a: [a, b]x\n",
    "a: [a, b] x\n",
    "a: {}\n",
    "a: []\n",
    "a: [ ]\n",
    "a: { }\n",
    "a: [a b, c]\n",
    "a: [-1]\n",
    "a: 2024-01-02 10:00:00\n",
    "a: 2024-01-02\n",
    "a: .nan\n",
    "a: .inf\n",
    "a: ~\n",
    "a: null\n",
    "a: Null\n",
    "a: NULL\n",
    "a: True\n",
    "a: FALSE\n",
    "a: yes\n",
    "a: off\n",
    "? a\n: b\n",
    "a: b\n...\n",
    "a: >\n  x\n# c\n",
    "a: |\n  x\n  # not comment\n",
    "a:\n  - b\n  - c\n d: 1\n",
    "a: 'multi\n  line'\n",
    "a: |2\n  x\n",
    "a: b\n- c\n",
    "- a\nb: 1\n",
    'a: "x" "y"\n',
    "a: `x`\n",
    "a: @x\n",
    "a:\n    - x\n    - y\n  b: 1\n",
    "a: 0x1F\n",
    "a: 0o17\n",
    "a: 017\n",
    "a: 1e3\n",
    "a: 1.0e+3\n",
    "a: 6.8523015e+5\n",
    "a: 685_230.15\n",
    "a: 0.\n",
    "a: .5\n",
    "a: x\nb:\n  c: [1, 2]\n  d:\n    - e: f\n      g: |\n"
    "        code\n          more\n\n        end\n    - h\n",
    "a: [x, [y, z]]\n",
    "a: {x: {y: z}}\n",
    "a: [x,y]\n",
    "a: [x ,y]\n",
    "a: {x: 1,y: 2}\n",
    "a: b\r\n",
    "a:\tb\n",
    "\ufeffa: b\n",
    "a: b\u2028c\n",
    "a: x\n---\n",
    "%YAML 1.1\n---\na: yes\n",
    "a: |\n   x\n  y\n",
    "a:\n  b: |\n    x\n  c: >-\n    y\n    z\n",
    "- - a\n",
    "-\n  - a\n",
    "a: - b\n",
    "a: ! b\n",
    "a: &x b\n",
    "a: [&x b]\n",
    "a: x\n  y\n",
    "a:\n  x\n",
    "a:\n  'x'\n",
    "a: 'x\n",
    'a: "x\n',
    "a: [x\n",
    "a: {x: y\n",
    "'a': 1\n",
    '"a": 1\n',
    '"a" : 1\n',
    "'a''b': 1\n",
    '"a\\"b": 1\n',
    "a : 1\n",
    "a:1\n",
    "a: 1 \n",
    "a: 'x'   \n",
    "a: |  \n  x\n",
    "a: | # c\n  x\n",
    "a: |#c\n  x\n",
    "a: >1\n  x\n",
    "a: |+\n  x\n\n",
    "[a, b]\n",
    "{a: b}\n",
    "a\n",
    "a: b\n c\n",
    'a: ["x, y", z]\n',
    "a: ['x, y', z]\n",
    'a: ["x]", z]\n',
    "a: {b: }\n",
    "a: {b}\n",
    "a: [a,]\n",
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_on_edge_cases_it_agrees_with_ruamel_or_gives_up(text: str) -> None:
    fast = parse_subset(text)
    if fast is not None:
        assert repr(fast) == repr(_ruamel(text))


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",  # duplicate key: ruamel.yaml names it
        "a:\n\tb: 1\n",  # tab
        "a: &x 1\nb: *x\n",  # anchor and alias
        "a: !tag 1\n",
        "a: one\n  two\n",  # multi-line plain scalar
        'a: "one\n  two"\n',
        'a: "esc\\n"\n',
        "a: [1, 2\n",
        "a: b: c\n",
        "--- \na: 1\n",
        "a:\n",
        "",
        "just text\n",
        "a: >\n    more\n  less\n",
    ],
)
def test_it_gives_up_on_what_it_does_not_read(text: str) -> None:
    assert parse_subset(text) is None


def test_scalars_keep_ruamel_yaml_1_2_meaning() -> None:
    text = "a: yes\nb: 1.5\nc: '3'\nd: null\ne: 0o17\nf: [true, ~, 2024-01-02, \"0\"]\n1: x\n"
    fast = parse_subset(text)
    assert fast is not None
    assert repr(fast) == repr(parse_with_ruamel(text, "x.yaml"))
    assert fast[0]["a"] == "yes" and fast[0]["1"] == "x"


def test_invalid_yaml_still_gets_ruamel_yaml_s_message() -> None:
    with pytest.raises(BankLoadError) as caught:
        parse_text("a: 1\nb: [1, 2\n", "bad.yaml")
    assert caught.value.problems[0].file == "bad.yaml"
    assert caught.value.problems[0].message.startswith("this is not valid YAML")
