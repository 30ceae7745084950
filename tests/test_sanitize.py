"""What the candidate types is cleaned of escape and control characters, and nothing else."""

from __future__ import annotations

import pytest
from test_dialog_support import make_interview

from interviewer.sanitize import sanitize


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("plain text, kept as it is: ü, 漢字, 💥, <tags>, {braces}", None),
        ("red \x1b[31mwarning\x1b[0m here", "red warning here"),
        ("bell\x07 and \x01start\x02", "bell and start"),
        ("title\x1b]0;pwned\x07 after", "title after"),
        ("cursor\x1b[2J\x1b[H home", "cursor home"),
        ("line\r\nbreaks\rand\x0bvertical\x0ctabs", "line\nbreaks\nand\nvertical\ntabs"),
        ("tab\tkept\nnewline kept", None),
        ("bidi \u202eoverride\u202c gone", "bidi override gone"),
        ("c1 \x9b31m controls \x85 too", "c1  controls \n too"),
        ("lone escape \x1b at the end \x1b", "lone escape  at the end "),
    ],
)
def test_sanitize_removes_only_escapes_and_controls(raw: str, clean: str | None) -> None:
    assert sanitize(raw) == (raw if clean is None else clean)


def test_the_engine_stores_the_clean_answer() -> None:
    interview = make_interview()
    interview.start()
    turns = interview.reply("k1b1\x1b[31m and\x07 more\x0b")
    answer = turns[0]
    assert answer.kind == "answer" and answer.text == "k1b1 and more"
    assert interview.transcript.questions[0].answers == ["k1b1 and more"]
