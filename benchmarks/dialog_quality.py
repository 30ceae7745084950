"""How the interviewer sounds: repetition, track, fairness and stage intros, over many sessions.

Runs every flow × every example candidate in ``examples/answers/`` × 10 seeds
(short interviews, practice mode) and prints, over all sessions:

* **repeated sentences**: the share of the interviewer's sentences that repeat
  a sentence already said in the same session. Grade read-outs ("**3.5/5** on
  this question"), the "Model answer:" paragraph and repeats the candidate asked
  for (repeat / rephrase) are left out, as in the issue's measure. Target ≤ 2%.
* **off-track questions**: questions asked that are not on the flow's track. Target 0.
* **probes for a credited concept**: probes asking for a concept an earlier answer
  to the same question was already credited with, plus follow-up questions asked
  in full although the answers that led to them already covered half their key
  ideas. Target 0.
* **double-scored gaps**: step-down follow-ups (a thread taken because of a weak
  grade or a missed idea) that were skipped or answered "I don't know" and still
  scored. Target 0.
* **stage-intro/topic mismatches**: stage intros whose named topic is not the topic
  of the question that follows. Target 0.

The baseline, in the same run, is the same engine with canned lines: every pool of
``dialogs/_voice.yaml`` cut to its first phrasing, as the interviewer spoke
before the pools existed.

Run: ``.venv/bin/python benchmarks/dialog_quality.py [--seeds 10] [--length short]``
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from interviewer.bank import Bank
from interviewer.cli.practice import load_answers, play
from interviewer.dialog import Interview, SessionOptions
from interviewer.dialog.followups import COVERED_AT, covered_share, is_step_down
from interviewer.dialog.voice import VoiceLines, default_lines
from interviewer.grading import default_grader
from interviewer.loader import load_bank
from interviewer.transcript import Transcript

__all__ = ["Tally", "canned", "main", "measure"]

ROOT = Path(__file__).resolve().parent.parent
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_READ_OUT = re.compile(r"\*\*\d+(\.\d+)?/5\*\*|^Model answer:|^Overall:")


@dataclass
class Tally:
    """Counts over a set of sessions."""

    sessions: int = 0
    sentences: int = 0
    repeated: int = 0
    questions: int = 0
    off_track: int = 0
    probes: int = 0
    credited_probes: int = 0
    step_downs: int = 0
    double_scored: int = 0
    intros: int = 0
    mismatched: int = 0
    worst: Counter[str] = field(default_factory=Counter)


def _sentences(text: str) -> list[str]:
    parts = []
    for paragraph in text.split("\n\n"):
        if _READ_OUT.search(paragraph.strip()):
            continue
        parts += [s.strip() for s in _SENTENCE.split(paragraph) if len(s.strip()) > 1]
    return parts


def _topic_of(bank: Bank, question_id: str) -> str:
    stem = Path(bank.sources[question_id][0]).stem
    return stem if stem in bank.topics else bank.questions[question_id].topics[0]


def measure(transcript: Transcript, bank: Bank, grader: object, tally: Tally) -> None:
    """Add one session's counts to ``tally``."""
    tally.sessions += 1
    seen: set[str] = set()
    for turn in transcript.turns:
        if turn.role != "interviewer" or turn.kind == "repeat":
            continue
        for sentence in _sentences(turn.text):
            tally.sentences += 1
            if sentence in seen:
                tally.repeated += 1
                tally.worst[sentence] += 1
            seen.add(sentence)
    flow = bank.flows[transcript.flow]
    records = {r.question_id: r for r in transcript.questions}
    for record in transcript.questions:
        tally.questions += 1
        if flow.track not in bank.questions[record.question_id].tracks:
            tally.off_track += 1
    credited: dict[str, set[str]] = {}
    answers: dict[str, list[str]] = {}
    for index, turn in enumerate(transcript.turns):
        qid = turn.question_id or ""
        if turn.role == "candidate" and turn.kind == "answer" and qid:
            answers.setdefault(qid, []).append(turn.text)
        if turn.grade is not None:
            credited.setdefault(qid, set()).update(c.concept_id for c in turn.grade.credited)
        if turn.kind == "probe" and "concept" in turn.meta:
            tally.probes += 1
            if turn.meta["concept"] in credited.get(qid, set()):
                tally.credited_probes += 1
        if turn.kind == "thread" and not turn.meta.get("builds_on"):
            tally.probes += 1
            parent = str(turn.meta.get("from"))
            said = "\n".join(answers.get(parent, []))
            target = bank.questions[qid]
            result = grader.grade(target, said)  # type: ignore[attr-defined]
            if said and covered_share(target, result) >= COVERED_AT:
                tally.credited_probes += 1
        if turn.kind == "stage" and "topics" in turn.meta:
            tally.intros += 1
            following = next(
                (t for t in transcript.turns[index + 1 :] if t.kind == "question"), None
            )
            if following is None or following.question_id is None:
                continue
            if _topic_of(bank, following.question_id) not in turn.meta["topics"]:
                tally.mismatched += 1
    for record in transcript.questions:
        if record.role != "thread" or record.parent is None:
            continue
        link = next(
            (x for x in bank.questions[record.parent].threads if x.to == record.question_id), None
        )
        if link is None or not is_step_down(link):
            continue
        tally.step_downs += 1
        parent = records.get(record.parent)
        unanswered = record.status == "skipped" or (
            record.result is not None and "dont_know" in record.result.flags
        )
        if unanswered and record.credit is not None and parent is not None:
            tally.double_scored += 1


def canned(lines: VoiceLines) -> VoiceLines:
    """The same voice with every pool cut to its first phrasing (the baseline)."""
    data = lines.model_dump()
    for key, value in data.items():
        if isinstance(value, list) and value and isinstance(value[0], str):
            data[key] = value[:1]
        elif isinstance(value, dict) and key != "topic_names":
            data[key] = {k: v[:1] for k, v in value.items()}
    return VoiceLines.model_validate(data)


def _run(
    bank: Bank, grader: object, voice: VoiceLines, seeds: int, length: str, only: list[str]
) -> Tally:
    tally = Tally()
    examples = sorted((ROOT / "examples" / "answers").glob("*.yaml"))
    if only:
        examples = [e for e in examples if e.stem in only]
    for flow in sorted(bank.flows):
        for example in examples:
            for seed in range(1, seeds + 1):
                script = load_answers(example, set(bank.questions))
                config = SessionOptions(seed=seed, length=length)  # type: ignore[arg-type]
                interview = Interview(bank, bank.flows[flow], grader, config, voice=voice)  # type: ignore[arg-type]
                play(interview, script)
                measure(interview.transcript, bank, grader, tally)
    return tally


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def main(argv: list[str] | None = None) -> int:
    """Print the figures for the pooled voice and the canned baseline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--length", choices=("short", "full"), default="short")
    parser.add_argument(
        "--examples", default="", help="comma-separated example names (default: all)"
    )
    args = parser.parse_args(argv)
    bank = load_bank()
    grader = default_grader()
    voice = default_lines()
    only = [name for name in args.examples.split(",") if name]
    run = (args.seeds, args.length, only)
    rows = [
        ("pooled voice (dialogs/_voice.yaml)", _run(bank, grader, voice, *run)),
        ("baseline: canned lines", _run(bank, grader, canned(voice), *run)),
    ]
    print(f"{rows[0][1].sessions} sessions each ({args.length}): flows × examples × seeds")
    header = "| measure | target | " + " | ".join(name for name, _ in rows) + " |"
    print(header)
    print("|---|---|" + "---|" * len(rows))
    measures = [
        (
            "repeated interviewer sentences",
            "≤ 2%",
            lambda t: _share(t.repeated, t.sentences) + f" ({t.repeated}/{t.sentences})",
        ),
        ("off-track questions", "0", lambda t: f"{t.off_track} of {t.questions}"),
        (
            "probes/follow-ups for a credited concept",
            "0",
            lambda t: f"{t.credited_probes} of {t.probes}",
        ),
        ("double-scored gaps (step-downs)", "0", lambda t: f"{t.double_scored} of {t.step_downs}"),
        ("stage-intro/topic mismatches", "0", lambda t: f"{t.mismatched} of {t.intros}"),
    ]
    for name, target, show in measures:
        print(f"| {name} | {target} | " + " | ".join(show(t) for _, t in rows) + " |")
    print("\nMost repeated sentences (pooled voice):")
    for sentence, count in rows[0][1].worst.most_common(8):
        print(f"  {count:4d}  {sentence[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
