"""Hands-on questions in the interview, the command line and the torch worker."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from interviewer.bank import Bank
from interviewer.cli import main
from interviewer.dialog.engine import Interview, SessionOptions
from interviewer.handson.computed import instance
from interviewer.handson.dispatch import HandsOnGrader, attach, present
from interviewer.handson.worker import TorchWorker, WorkerError
from interviewer.models import ComputedQuestion

ROOT = Path(__file__).resolve().parent.parent


class Refuses:
    """A rubric grader that must never be asked about a hands-on question."""

    def grade(self, question: Any, answer: str) -> Any:
        raise AssertionError(f"the rubric grader was asked about {question.id}")


def _padding_seed(bank: Bank, padding: int) -> int:
    question = bank.handson["calc-conv-7x7-on-5x5"]
    assert isinstance(question, ComputedQuestion)
    return next(s for s in range(100) if instance(question, s)[0]["padding"] == padding)


def test_flows_without_hands_on_stages_are_untouched(bank: Bank) -> None:
    grader = Refuses()
    for name in ("general", "cv", "nlp"):
        same_bank, same_grader = attach(bank, bank.flows[name], grader, 7)
        assert same_bank is bank and same_grader is grader


def test_the_hands_on_flow_presents_questions_for_its_seed(bank: Bank) -> None:
    merged, grader = attach(bank, bank.flows["handson"], Refuses(), 7)
    assert isinstance(grader, HandsOnGrader)
    assert list(merged.questions)[: len(bank.questions)] == list(bank.questions)
    shown = merged.questions["calc-conv-7x7-on-5x5"]
    assert shown.kind == "computed" and "{" not in shown.ask
    code = merged.questions["code-residual-block"]
    assert "```python" in code.ask and "class ResidualBlock" in code.ask


def _interview(bank: Bank, seed: int) -> Interview:
    flow = bank.flows["handson"]
    flow = flow.model_copy(
        update={"stages": [s for s in flow.stages if s.id in ("intermediate", "wrap-up")]}
    )
    return Interview(bank, flow, Refuses(), SessionOptions(seed=seed, mode="practice"))


def test_a_wrong_calculation_gets_a_hint_before_the_answer_is_given(bank: Bank) -> None:
    seed = _padding_seed(bank, 1)
    interview = _interview(bank, seed)
    interview.start()
    for _ in range(10):  # answer until the 5x5/7x7 question comes up (others: skip)
        question = interview.question
        assert question is not None
        if question.id == "calc-conv-7x7-on-5x5":
            break
        interview.command("skip")
    else:
        pytest.skip("the draw did not reach the question")
    first = interview.reply("it doesn't fit, the filter is bigger than the input")
    said = {t.kind: t.text for t in first}
    assert "padded input is large enough" in said["feedback"]
    assert "Expected" not in said["feedback"] and "1x1" not in said["feedback"]
    assert "hint" in said
    second = interview.reply("1 by 1")
    feedback = next(t.text for t in second if t.kind == "feedback")
    assert "Right." in feedback and "floor((5 + 2*1" in feedback
    assert "with 1 hint" in feedback


def test_a_retry_joined_with_the_first_attempt_is_not_run_twice(bank: Bank) -> None:
    grader = HandsOnGrader(Refuses(), dict(bank.handson), 0)
    question = present(bank.handson["calc-linear-params"], 0)
    first = grader.grade(question, "12")
    second = grader.grade(question, "not sure")
    joined = grader.grade(question, "12\nnot sure")
    assert joined == second and first != second
    assert [answer for _, answer in grader._memo] == ["12", "not sure"]  # no third check
    assert grader.last is not None and grader.last.grade == second.grade == 0.0


def test_practice_plays_the_hands_on_candidate(capsys: pytest.CaptureFixture[str]) -> None:
    answers = ROOT / "examples" / "answers" / "handson.yaml"
    assert main(["practice", "--flow", "handson", "--answers", str(answers), "--seed", "7"]) == 0
    out = capsys.readouterr().out
    # the hands-on part: each calculation and exercise graded in full, checks named
    handson = out.split("## Calculations and code", 1)[1].split("\n## ", 1)[0]
    graded = [line for line in handson.splitlines() if "/5** on this question" in line]
    assert len(graded) >= 3
    assert all("**5.0/5**" in line for line in graded), graded
    assert "[FAIL]" not in handson
    assert "checks passed" in out and "Working:" in out
    assert "**Candidate**:\n\n```python\nimport torch" in out  # code keeps its layout


def test_grade_a_computed_answer_from_the_command_line(
    bank: Bank, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = _padding_seed(bank, 1)
    args = ["grade", "--question", "calc-conv-7x7-on-5x5", "--seed", str(seed)]
    assert main([*args, "--answer", "1 by 1"]) == 0
    out = capsys.readouterr().out
    assert "Grade: 5.0 / 5" in out and "padding 1" in out
    assert main([*args, "--answer", "about 1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "computed" and data["params"]["padding"] == 1
    assert data["checks"][0]["name"] == "the answer is 1x1"


def test_grade_a_code_file_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    solution = tmp_path / "solution.py"
    solution.write_text("from torch import nn\nmodel = nn.Linear(784, 10)\n", encoding="utf-8")
    assert (
        main(["grade", "--question", "code-mnist-mlp", "--answer-file", str(solution), "--json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "code" and data["status"] == "graded"
    names = {c["name"]: c["passed"] for c in data["checks"]}
    assert names["output shape is (64, 10) for a batch of 64 images"] is True
    assert names["235,146 parameters"] is False
    assert main(["grade", "--question", "code-mnist-mlp", "--answer-file", "/no/such.py"]) == 2


def test_questions_json_shows_the_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["questions", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    kinds = {row["kind"] for row in rows}
    assert kinds == {"rubric", "computed", "code"}
    assert main(["questions", "--topic", "hands-on"]) == 0
    assert "[code]" in capsys.readouterr().out


def test_the_worker_reports_errors_and_recovers_from_a_crash() -> None:
    worker = TorchWorker(timeout=120)
    try:
        assert worker.request(
            {"op": "measure", "task": "linear-params", "params": {"inputs": 3, "outputs": 2}}
        ) == [8]
        with pytest.raises(WorkerError, match="unknown op"):
            worker.request({"op": "nonsense"})
        assert worker._proc is not None
        worker._proc.kill()
        worker._proc.wait()
        assert worker.request(
            {"op": "measure", "task": "linear-params", "params": {"inputs": 1, "outputs": 1}}
        ) == [2]
    finally:
        worker.close()
    assert not worker.running


def test_torch_stays_out_of_the_interviewer_process() -> None:
    script = (
        "import sys\n"
        "from interviewer.cli import main\n"
        "main(['grade', '--question', 'calc-linear-params', '--answer', '7850'])\n"
        "print('TORCH' if 'torch' in sys.modules else 'NO-TORCH')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip().endswith("NO-TORCH")
