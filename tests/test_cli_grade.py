"""``interviewer grade``: one answer explained, or a JSON Lines batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from interviewer.cli import main
from interviewer.grading import default_grader
from interviewer.loader import load_bank

QID = "vanishing-exploding-gradients"
GOOD = (
    "Backprop uses the chain rule, so the gradient of the early layers is a product of many "
    "derivatives. If they are small the gradient becomes very small and early layers learn very "
    "slowly; if they are large the gradients grow exponentially and the loss becomes nan. Use "
    "relu, he initialization, batch normalization, residual connections and gradient clipping."
)
WRONG = "With vanishing gradients the size of the network keeps decreasing during training."


def test_one_answer_is_explained(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grade", "--question", QID, "--answer", GOOD]) == 0
    out = " ".join(capsys.readouterr().out.split())  # undo the wrapping
    expected = default_grader().grade(load_bank().questions[QID], GOOD)
    assert f"Grade: {expected.grade:.1f} / 5" in out
    assert "Credited:" in out
    for match in expected.credited:
        assert match.label in out
        for span in match.spans:
            assert f'"{" ".join(span.text.split())}"' in out
    assert "Similarity to the reference answer" in out


def test_misconceptions_come_with_their_correction(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grade", "--question", QID, "--answer", WRONG]) == 0
    out = capsys.readouterr().out
    question = load_bank().questions[QID]
    correction = question.misconceptions[0].correction
    assert "Misconceptions:" in out and "Correction:" in out
    assert " ".join(correction.split()[:6]) in " ".join(out.split())
    assert "Missed:" in out and "Flag misconception" in out


def test_json_output_is_the_full_result(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grade", "--question", QID, "--answer", GOOD, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    expected = default_grader().grade(load_bank().questions[QID], GOOD)
    assert data["question_id"] == QID and data["grade"] == expected.grade
    assert data["missed"] == [c.concept_id for c in expected.missed]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["grade", "--question", "vanishing-gradient", "--answer", "x"], "did you mean"),
        (["grade", "--question", QID], "give --question ID and --answer TEXT"),
        (["grade"], "give --question ID and --answer TEXT"),
        (["grade", "--jsonl", "no/such/file.jsonl"], "no such file"),
        (["grade", "--jsonl", "-", "--question", QID], "not both"),
    ],
)
def test_bad_arguments_get_one_clear_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_batch_adds_the_grade_and_reports_bad_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps({"question_id": QID, "answer": GOOD, "who": "a"}),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"question_id": QID}),
        json.dumps({"question_id": "nope", "answer": "x"}),
        json.dumps({"question": QID, "answer": WRONG, "who": "b"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_bytes("\n".join(lines).encode() + b"\n\xff\xfe not utf8\n")
    assert main(["grade", "--jsonl", str(path)]) == 1
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert len(out) == 7  # the blank line is skipped
    bank, grader = load_bank(), default_grader()
    first, last = out[0], out[5]
    assert first["who"] == "a" and first["grade"] == grader.grade(bank.questions[QID], GOOD).grade
    assert last["who"] == "b" and last["grade"] == grader.grade(bank.questions[QID], WRONG).grade
    assert "network-shrinks" in last["misconceptions"]
    errors = {o["line"]: o["error"] for o in out if "error" in o}
    assert sorted(errors) == [2, 4, 5, 6, 8]
    assert "not valid JSON" in errors[2] and "JSON object" in errors[4]
    assert "answer" in errors[5] and "nope" in errors[6] and "UTF-8" in errors[8]
    assert "5 line(s) could not be graded" in captured.err


def test_batch_reads_stdin() -> None:
    line = json.dumps({"question_id": QID, "answer": GOOD}) + "\n"
    done = subprocess.run(
        [sys.executable, "-m", "interviewer", "grade", "--jsonl", "-", "--full"],
        input=line,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["grade"] == data["result"]["grade"] > 3


def test_answer_from_stdin_tolerates_bad_bytes() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "interviewer", "grade", "--question", QID, "--answer", "-"],
        input=b"the gradient \xff becomes very small in the early layers",
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert b"Grade: " in done.stdout and b"Traceback" not in done.stderr
