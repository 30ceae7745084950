"""The ``ui`` sub-command: its options, its wiring to create_app, and its lazy textual import."""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Any

import pytest

from interviewer.cli import build_parser
from interviewer.cli import ui as ui_command
from interviewer.ui.interview_session import SessionOptions


def test_options_parse() -> None:
    args = build_parser().parse_args(
        ["ui", "--track", "cv", "--mode", "interview", "--length", "full", "--seed", "3"]
    )
    assert (args.track, args.mode, args.length, args.seed) == ("cv", "interview", "full", 3)
    defaults = build_parser().parse_args(["ui"])
    assert (defaults.track, defaults.mode, defaults.length, defaults.seed) == (
        None,
        "practice",
        "short",
        None,
    )


def test_bad_option_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as stop:
        build_parser().parse_args(["ui", "--track", "robotics"])
    assert stop.value.code == 2


class _FakeApp:
    def __init__(self) -> None:
        self.ran = False
        self.saved = False
        self.closed = False

    def run(self) -> None:
        self.ran = True

    def save_all(self) -> None:
        self.saved = True

    def close_store(self) -> None:
        self.closed = True


@pytest.mark.parametrize(
    ("argv", "options", "skip_start"),
    [
        (["ui"], SessionOptions(), False),
        (
            ["ui", "--track", "nlp", "--mode", "interview", "--seed", "5"],
            SessionOptions(track="nlp", mode="interview", seed=5),
            True,
        ),
        # the hands-on flow runs on the general track; --flow is --track's alias
        (["ui", "--track", "handson"], SessionOptions(track="general", flow="handson"), True),
        (["ui", "--flow", "handson"], SessionOptions(track="general", flow="handson"), True),
    ],
)
def test_run_builds_the_app_from_the_options(
    monkeypatch: pytest.MonkeyPatch, argv: list[str], options: SessionOptions, skip_start: bool
) -> None:
    made: dict[str, Any] = {}
    fake = _FakeApp()

    def fake_create_app(chosen: SessionOptions, **kwargs: Any) -> _FakeApp:
        made["options"], made["kwargs"] = chosen, kwargs
        return fake

    monkeypatch.setattr("interviewer.ui.app.create_app", fake_create_app)
    args: argparse.Namespace = build_parser().parse_args(argv)
    assert ui_command.run(args) == 0
    assert made["options"] == options
    from interviewer.store.paths import default_data_dir

    assert made["kwargs"] == {"skip_start": skip_start, "data_dir": default_data_dir()}
    assert fake.ran and fake.saved and fake.closed


def test_the_command_line_does_not_import_textual_until_the_app_opens() -> None:
    code = (
        "import sys\n"
        "from interviewer.cli import build_parser\n"
        "build_parser().parse_args(['ui', '--track', 'cv'])\n"
        "assert 'textual' not in sys.modules, 'textual imported too early'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
