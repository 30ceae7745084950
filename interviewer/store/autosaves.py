"""The one-time import of the JSON autosaves earlier versions wrote to ``sessions/``.

An autosave holds the transcript but not the dialog's state, so an imported
session is history (``finished``, or ``stopped`` when it never ended) and cannot
be resumed. The files are left where they are; a ``meta`` row records the import
so it runs once.
"""

from __future__ import annotations

import json
from pathlib import Path

from interviewer.store.db import QuestionOutcome, Store, StoreError

__all__ = ["IMPORTED_KEY", "import_autosaves", "outcomes_of"]

IMPORTED_KEY = "autosaves_imported"
_SUFFIX = ".transcript.json"


def outcomes_of(
    questions: list[dict[str, object]], skip: int | None = None
) -> list[QuestionOutcome]:
    """The graded question records of a saved state, as outcomes (``skip``: an index left out)."""
    outcomes = []
    for position, record in enumerate(questions):
        credit = record.get("credit")
        if position == skip or not isinstance(credit, (int, float)):
            continue
        result = record.get("result")
        concepts = result.get("concepts", []) if isinstance(result, dict) else []
        outcomes.append(
            QuestionOutcome(
                position=position,
                question_id=str(record["question_id"]),
                credit=float(credit),
                missed=tuple(c["concept_id"] for c in concepts if not c.get("credited")),
                credited=tuple(c["concept_id"] for c in concepts if c.get("credited")),
            )
        )
    return outcomes


def import_autosaves(store: Store, folder: Path) -> int:
    """Import every ``*.transcript.json`` in ``folder`` once; return how many were imported.

    A file that cannot be read or is not a transcript is skipped (and left in place).

    Raises:
        StoreError: when the database cannot be written.
    """
    if store.meta(IMPORTED_KEY) is not None:
        return 0
    from interviewer.transcript import Transcript

    imported = 0
    files = sorted(folder.glob("*" + _SUFFIX)) if folder.is_dir() else []
    for path in files:
        try:
            transcript = Transcript.from_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            continue
        session_id = path.name[: -len(_SUFFIX)]
        questions = [q.to_dict() for q in transcript.questions]
        credits = [float(q["credit"]) for q in questions if q["credit"] is not None]
        stamp = _stamp_of(path)
        with store.transaction() as conn:
            added = conn.execute(
                "INSERT OR IGNORE INTO sessions (id, created, updated, flow, track, mode, length, "
                "seed, status, answered, grade, state, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import')",
                (
                    session_id,
                    stamp,
                    stamp,
                    transcript.flow,
                    transcript.track,
                    transcript.mode,
                    transcript.length,
                    transcript.seed,
                    "finished" if transcript.ended_by else "stopped",
                    sum(1 for q in questions if q["status"] == "answered"),
                    round(sum(credits) / len(credits), 2) if credits else None,
                    # The questions and ending only: no dialog state, so never resumable.
                    json.dumps(
                        {"imported": True, "questions": questions, "ended_by": transcript.ended_by}
                    ),
                ),
            ).rowcount
            if not added:
                continue
            conn.executemany(
                "INSERT INTO turns (session_id, seq, role, kind, question_id, grade, data, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        session_id,
                        seq,
                        turn.role,
                        turn.kind,
                        turn.question_id,
                        turn.grade.grade if turn.grade else None,
                        json.dumps(
                            turn.to_dict(),
                            ensure_ascii=False,
                            sort_keys=True,
                            separators=(",", ":"),
                        ),
                        stamp,
                    )
                    for seq, turn in enumerate(transcript.turns)
                ],
            )
            for outcome in outcomes_of(questions):
                conn.execute(
                    "INSERT INTO results VALUES (?, ?, ?, ?, ?, NULL, ?)",
                    (
                        session_id,
                        outcome.position,
                        outcome.question_id,
                        outcome.credit,
                        json.dumps(list(outcome.missed)),
                        stamp,
                    ),
                )
        imported += 1
    with store.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)", (IMPORTED_KEY, f"{imported} file(s)")
        )
    return imported


def _stamp_of(path: Path) -> str:
    from datetime import UTC, datetime

    try:
        mtime = path.stat().st_mtime
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc}") from None
    return datetime.fromtimestamp(mtime, UTC).isoformat(timespec="seconds")
