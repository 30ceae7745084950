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
