"""How tests/data/store_v1.db was made: a database at schema version 1 (the store's first).

Two sessions of the middling candidate on the general flow, seed 5: one finished,
one stopped after four replies. Run from the repository root to rebuild it.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from interviewer.cli.practice import QUESTIONS_KEY, load_answers
from interviewer.dialog import Interview, SessionOptions
from interviewer.grading import default_grader
from interviewer.loader import load_bank
from interviewer.store.schema import migrate

HERE = Path(__file__).parent


def main() -> None:
    """Write store_v1.db next to this file."""
    path = HERE / "store_v1.db"
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=1)
    bank, grader = load_bank(), default_grader()
    answers = HERE.parent.parent / "examples" / "answers" / "middling.yaml"
    for session_id, replies, when in (
        ("20250101-090000-general-practice", 100, "2025-01-01T09:00:00+00:00"),
        ("20250102-090000-general-practice", 4, "2025-01-02T09:00:00+00:00"),
    ):
        script = load_answers(answers, set(bank.questions))
        interview = Interview(bank, bank.flows["general"], grader, SessionOptions(seed=5))
        interview.start()
        for _ in range(replies):
            if interview.finished:
                break
            question = interview.question
            if interview.state == "candidate_questions":
                interview.reply(script.next_reply(QUESTIONS_KEY))
            else:
                interview.reply(script.next_reply(question.id if question else None))
        state = interview.snapshot()
        credits = [q["credit"] for q in state["questions"] if q["credit"] is not None]
        conn.execute(
            "INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                when,
                when,
                "general",
                "general",
                "practice",
                "short",
                5,
                "finished" if interview.finished else "active",
                sum(1 for q in state["questions"] if q["status"] == "answered"),
                round(sum(credits) / len(credits), 2) if credits else None,
                json.dumps(state),
            ),
        )
        for seq, turn in enumerate(interview.transcript.turns):
            data = turn.to_dict()
            conn.execute(
                "INSERT INTO turns VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    seq,
                    data["role"],
                    data["kind"],
                    data["question_id"],
                    (data["grade"] or {}).get("grade"),
                    json.dumps(data, sort_keys=True),
                ),
            )
    conn.execute("INSERT INTO meta VALUES ('autosaves_imported', '0 file(s)')")
    conn.execute("VACUUM")
    conn.close()


if __name__ == "__main__":
    main()
