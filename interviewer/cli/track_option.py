"""``--track``, the one option that picks the interview, for ``practice`` and ``ui``.

Its value names a flow of the bank: one per track (general, cv, nlp) and the hands-on
one. ``--flow``, its name in ``practice`` before, is kept as an alias.
"""

from __future__ import annotations

import argparse

__all__ = ["TRACK_NAMES", "add_track_option"]

# The built-in bank's flows (tests/test_cli_track.py checks them against dialogs/).
TRACK_NAMES = ("general", "cv", "nlp", "handson")


def add_track_option(
    parser: argparse.ArgumentParser, *, default: str | None, help: str, strict: bool
) -> None:
    """Add ``--track NAME`` (alias ``--flow``) to ``parser``, as ``args.track``.

    Args:
        parser: The sub-command's parser.
        default: The value when the option is not given.
        help: What the option does for this command (the choices are added).
        strict: Refuse a name outside :data:`TRACK_NAMES` at once (a usage error);
            otherwise the command checks it against the bank it loads.
    """
    parser.add_argument(
        "--track",
        "--flow",
        dest="track",
        metavar="TRACK",
        default=default,
        choices=TRACK_NAMES if strict else None,
        help=f"{help}: {', '.join(TRACK_NAMES)} (--flow is an alias)",
    )
