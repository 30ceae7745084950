"""``rubric try``: the live breakdown updates as the author types; Ctrl+S saves an example."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from interviewer.grading import RubricGrader
from interviewer.loader import load_rubric_file
from interviewer.packaged import packaged_data_dir
from interviewer.ui.rubric_try import DEBOUNCE_SECONDS, RubricTryApp, parse_range, rubric_try_app
from interviewer.ui.widgets.breakdown import BreakdownView

ANSWER = "the gradient shrinks towards zero so early layers barely learn"


@pytest.fixture()
def rubric_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "gradients.yaml"
    shutil.copy(packaged_data_dir("rubrics") / "gradients.yaml", copy)
    return copy


@pytest.fixture(scope="module")
def grader() -> RubricGrader:
    return RubricGrader().fit(
        load_rubric_file(packaged_data_dir("rubrics") / "gradients.yaml").questions
    )


def _app(path: Path, grader: RubricGrader) -> RubricTryApp:
    return rubric_try_app(load_rubric_file(path).questions[0], grader, path)


async def _type(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause(DEBOUNCE_SECONDS + 0.1)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_breakdown_follows_typing_and_save_keeps_comments(
    rubric_copy: Path, grader: RubricGrader
) -> None:
    before = rubric_copy.read_text(encoding="utf-8")
    count = len(load_rubric_file(rubric_copy).questions[0].examples)
    app = _app(rubric_copy, grader)
    async with app.run_test() as pilot:
        view = app.query_one(BreakdownView)
        assert view.breakdown is None
        await _type(pilot, ANSWER)
        await _settle(pilot)
        assert view.breakdown is not None and view.breakdown.answer == ANSWER
        shown = view.plain
        assert "+ vanishing (weight 2, key) via" in shown
        assert "- exploding" in shown
        credited = [ANSWER[s:e] for s, e, kind in view.breakdown.marks() if kind == "credit"]
        assert credited and all(word in ANSWER for word in credited)
        grade = view.breakdown.result.grade
        await _type(pilot, " and the loss becomes nan")
        await _settle(pilot)
        assert view.breakdown.answer.endswith("becomes nan")
        assert "+ exploding" in view.plain
        grade = view.breakdown.result.grade
        await pilot.press("ctrl+s")
        await pilot.pause()
        box = app.screen.query_one("#range", Input)
        low, high = max(0.0, round(grade - 0.5, 1)), min(5.0, round(grade + 0.5, 1))
        assert box.value == f"{low:g}, {high:g}"
        await pilot.press("enter")
        await pilot.pause()
        assert "Saved as example" in str(app.query_one("#status", Static).render())
    after = rubric_copy.read_text(encoding="utf-8")
    question = load_rubric_file(rubric_copy).questions[0]
    assert len(question.examples) == count + 1
    saved = question.examples[-1]
    assert saved.answer == ANSWER + " and the loss becomes nan"
    assert saved.grade == (low, high) and saved.kind == "other"
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(line in after.splitlines() for line in comments)
    assert after.startswith(before.split("\n", 1)[0])
    # only lines were added: every original line is still there, unchanged and in order
    matcher = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines())
    assert {tag for tag, *_ in matcher.get_opcodes()} == {"equal", "insert"}


async def test_bad_range_is_refused_and_escape_cancels(
    rubric_copy: Path, grader: RubricGrader
) -> None:
    before = rubric_copy.read_text(encoding="utf-8")
    app = _app(rubric_copy, grader)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+s")  # nothing typed yet
        assert "Type an answer first" in str(app.query_one("#status", Static).render())
        await _type(pilot, "relu")
        await pilot.press("ctrl+s")
        await pilot.pause()
        box = app.screen.query_one("#range", Input)
        box.value = "4, 2"
        await pilot.press("enter")
        await pilot.pause()
        assert "low <= high" in str(app.screen.query_one("#error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert "Not saved" in str(app.query_one("#status", Static).render())
    assert rubric_copy.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3, 4", (3.0, 4.0)), ("[1.5, 2.5]", (1.5, 2.5)), ("0-1", (0.0, 1.0)), ("2 3", (2.0, 3.0))],
)
def test_parse_range(text: str, expected: tuple[float, float]) -> None:
    assert parse_range(text) == expected


@pytest.mark.parametrize("text", ["", "3", "a, b", "4, 2", "1, 6", "1, 2, 3"])
def test_parse_range_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_range(text)
