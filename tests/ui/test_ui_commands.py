"""The candidate's commands are described once, in the dialog; the app derives its views."""

from __future__ import annotations

from interviewer.dialog.commands import CANDIDATE_COMMANDS, COMMANDS, recognise
from interviewer.transcript import COMMAND_ACTIONS
from interviewer.ui.screen_commands import INTERVIEW_COMMANDS, TYPED_PHRASES, command_bindings


def test_every_candidate_command_has_its_binding_palette_entry_and_typed_phrase() -> None:
    actions = {command.action: command for command in INTERVIEW_COMMANDS}
    bound = {binding.action for binding in command_bindings()}
    for command in CANDIDATE_COMMANDS:
        shown = actions[f"engine('{command.name}')"]
        assert (shown.title, shown.help, shown.keys) == (command.title, command.help, command.keys)
        assert (shown.action in bound) == bool(command.keys)
        assert (" · ".join(command.typed), command.gets) in TYPED_PHRASES
        assert all(recognise(phrase) == command.name for phrase in command.typed)
    assert len(TYPED_PHRASES) == len(CANDIDATE_COMMANDS)
    assert set(COMMAND_ACTIONS) == set(COMMANDS)


def test_the_command_table_loads_without_the_engine() -> None:
    import subprocess
    import sys

    script = (
        "import sys, interviewer.ui.screen_commands; "
        "print(sorted(m for m in ('interviewer.dialog.engine', 'rapidfuzz', 'interviewer.grading')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
