"""The side panel tells stages done, current, to come and skipped apart."""

from __future__ import annotations

from interviewer.ui.interview_session import Progress
from interviewer.ui.widgets.progress_panel import render_stages

STAGES = (("basic", "Basics"), ("advanced", "Advanced"), ("wrap-up", "Wrap-up"))


def lines(progress: Progress) -> list[str]:
    return render_stages(progress).plain.splitlines()


def test_current_stage_is_marked_and_later_ones_are_to_come() -> None:
    progress = Progress("advanced", STAGES, 2, 5, False, frozenset({"basic", "advanced"}))
    assert lines(progress) == ["✓ Basics", "▶ Advanced", "· Wrap-up"]


def test_an_interview_ended_early_shows_the_stages_it_never_reached_as_skipped() -> None:
    progress = Progress("wrap-up", STAGES, 1, 5, True, frozenset({"basic", "wrap-up"}))
    assert lines(progress) == ["✓ Basics", "– Advanced", "✓ Wrap-up"]


def test_without_visit_tracking_a_finished_interview_marks_every_stage_done() -> None:
    progress = Progress("wrap-up", STAGES, 5, 5, True)
    assert lines(progress) == ["✓ Basics", "✓ Advanced", "✓ Wrap-up"]
