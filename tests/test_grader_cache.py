"""The fitted grader is cached on disk and graded without importing scikit-learn."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from interviewer.bank import Bank
from interviewer.grading import RubricGrader, cached_grader
from interviewer.loader import load_rubric_file
from interviewer.packaged import packaged_data_dir

SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from interviewer.grading import cached_grader
    from interviewer.bank import Bank
    from interviewer.loader import load_rubric_file
    bank = Bank()
    for q in load_rubric_file(Path(sys.argv[1])).questions:
        bank.questions[q.id] = q
    grader = cached_grader(bank)
    question = bank.questions["vanishing-exploding-gradients"]
    result = grader.grade(question, "the gradient shrinks towards zero in the early layers")
    print("GRADE", result.grade)
    print("SKLEARN", "sklearn" in sys.modules, "scipy" in sys.modules)
    """
)

RUBRIC = str(packaged_data_dir("rubrics") / "gradients.yaml")


def run(env: dict[str, str]) -> str:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, RUBRIC],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout


@pytest.fixture
def cache_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("INTERVIEWER_NO_CACHE", None)
    env["XDG_CACHE_HOME"] = str(tmp_path)
    return env


def test_a_cached_grader_grades_without_scikit_learn(cache_env: dict[str, str]) -> None:
    first = run(cache_env)
    assert "SKLEARN True" in first  # fitting needs it
    cached = list(Path(cache_env["XDG_CACHE_HOME"]).rglob("grader-*.pickle"))
    assert len(cached) == 1
    second = run(cache_env)
    assert "SKLEARN False False" in second
    assert first.split("\n")[0] == second.split("\n")[0]  # same grade


def test_no_cache_is_read_or_written_when_disabled(cache_env: dict[str, str]) -> None:
    cache_env["INTERVIEWER_NO_CACHE"] = "1"
    run(cache_env)
    assert not list(Path(cache_env["XDG_CACHE_HOME"]).rglob("grader-*.pickle"))


def test_cached_grader_is_memoised_per_bank_and_parameters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("INTERVIEWER_NO_CACHE", "1")
    bank = Bank()
    for question in load_rubric_file(Path(RUBRIC)).questions:
        bank.questions[question.id] = question
    first = cached_grader(bank)
    assert cached_grader(bank) is first
    other = cached_grader(bank, RubricGrader(keyword_cap=2.0))
    assert other is not first
    assert other.keyword_cap == 2.0
