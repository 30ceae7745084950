"""Where the app keeps transcripts: autosaves after every turn, and exports.

Nothing here imports textual, so it is usable (and testable) without the app.
Writes are atomic (write a temporary file, then rename), so a crash or a
Ctrl+C in the middle of a save never leaves a half-written transcript.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from interviewer.store.paths import default_data_dir

__all__ = ["SaveError", "SessionStore", "default_data_dir", "display_path"]


class SaveError(Exception):
    """A transcript or report could not be written; the message says where and why."""


def display_path(path: Path) -> str:
    """A path as shown to the user: ``~`` for the home directory."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


@dataclass(frozen=True)
class SessionStore:
    """The files of one interview session under the data directory.

    Attributes:
        root: The data directory.
        session_id: A name unique to the session, used in every file name.
    """

    root: Path
    session_id: str

    @property
    def autosave_dir(self) -> Path:
        """Where the running transcript is autosaved."""
        return self.root / "sessions"

    @property
    def export_dir(self) -> Path:
        """Where exported transcripts and reports go."""
        return self.root / "exports" / self.session_id

    def autosave(self, files: Mapping[str, str]) -> list[Path]:
        """Overwrite the session's autosave files.

        Args:
            files: Suffix (e.g. ``"transcript.md"``) to content.

        Raises:
            SaveError: when the directory or a file cannot be written.
        """
        return self._write_all(self.autosave_dir, files)

    def export(self, files: Mapping[str, str]) -> list[Path]:
        """Write exported files into the session's export directory.

        Args:
            files: Suffix (e.g. ``"report.json"``) to content.

        Raises:
            SaveError: when the directory or a file cannot be written.
        """
        return self._write_all(self.export_dir, files)

    def _write_all(self, directory: Path, files: Mapping[str, str]) -> list[Path]:
        written = []
        for suffix, text in files.items():
            path = directory / f"{self.session_id}.{suffix}"
            try:
                _write_atomic(path, text)
            except OSError as exc:
                reason = exc.strerror or str(exc)
                raise SaveError(f"cannot write {display_path(path)}: {reason}") from None
            written.append(path)
        return written
