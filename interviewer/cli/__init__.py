"""The ``interviewer`` command line.

Each sub-command lives in its own module exposing ``add_parser(subparsers)``
and ``run(args) -> int``. Every module is imported to register its options, so
at the top a module imports only what its options need; whatever its command
needs is imported in ``run``, so ``interviewer grade`` never pays for textual or
torch and the app's first paint pays for no other command (see
benchmarks/ui_startup.py). A module that is missing is an error, never skipped.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from interviewer.errors import InterviewerError

__all__ = ["COMMANDS", "MissingCommandError", "build_parser", "main"]

# command name -> module under interviewer.cli
COMMANDS: dict[str, str] = {
    "questions": "questions",
    "grade": "grade",
    "practice": "practice",
    "rubric": "rubric",
    "eval": "evaluate",
    "demo": "demo",
    "ui": "ui",
    "resume": "resume",
    "sessions": "sessions",
    "history": "history",
    "review": "review",
    "export-history": "export_history",
    "import-history": "import_history",
}


class MissingCommandError(InterviewerError):
    """A command of :data:`COMMANDS` has no module: a broken installation, said loudly."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Build the argument parser with every sub-command registered (or ``only`` that one).

    Raises:
        MissingCommandError: when a sub-command's module is missing.
    """
    parser = argparse.ArgumentParser(
        prog="interviewer",
        description="A deep-learning interview coach. Run with no command to open the app.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command, module_name in COMMANDS.items():
        if only is not None and command != only:
            continue
        try:
            module = importlib.import_module(f"interviewer.cli.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"interviewer.cli.{module_name}":
                raise
            raise MissingCommandError(
                f"the {command!r} command has no module interviewer/cli/{module_name}.py: "
                "the installation is incomplete; reinstall the package"
            ) from exc
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        args_list = ["ui"]
    # Only the command that runs is registered (the app's first paint waits for this);
    # without one (--help, a typo) all of them are, for the list.
    only = args_list[0] if args_list[0] in COMMANDS else None
    try:
        parser = build_parser(only)
    except MissingCommandError as exc:
        print(f"interviewer: {exc}", file=sys.stderr)
        return 2
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return 2
    module = importlib.import_module(f"interviewer.cli.{COMMANDS[args.command]}")
    try:
        return int(module.run(args))
    except InterviewerError as exc:
        print(f"interviewer: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interviewer: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
