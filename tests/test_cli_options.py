"""The command line's shared options and its registry: one ``--track`` (``--flow`` an alias),
and a sub-command whose module is missing is reported, never skipped."""

from __future__ import annotations

import pytest

import interviewer.cli as cli
from interviewer.cli import MissingCommandError, build_parser, main
from interviewer.cli.track_option import TRACK_NAMES
from interviewer.loader import load_bank


def test_the_track_names_are_the_built_in_flows() -> None:
    assert set(TRACK_NAMES) == set(load_bank().flows)


@pytest.mark.parametrize("command", ["practice", "ui"])
def test_flow_is_an_alias_of_track(command: str) -> None:
    parse = build_parser().parse_args
    assert parse([command, "--track", "nlp"]).track == "nlp"
    assert parse([command, "--flow", "nlp"]).track == "nlp"
    assert parse([command, "--flow", "handson"]).track == "handson"


def test_practice_defaults_to_the_general_track() -> None:
    assert build_parser().parse_args(["practice"]).track == "general"


def test_a_missing_command_module_is_reported(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(cli.COMMANDS, "lost", "no_such_command")
    with pytest.raises(MissingCommandError, match="'lost' command has no module"):
        build_parser()  # all of them, as for --help
    assert main(["lost"]) == 2
    err = capsys.readouterr().err
    assert "interviewer/cli/no_such_command.py" in err and "reinstall" in err


def test_a_command_parses_the_same_alone_as_among_all() -> None:
    argv = ["practice", "--track", "cv", "--seed", "3", "--mode", "interview"]
    assert build_parser("practice").parse_args(argv) == build_parser().parse_args(argv)
