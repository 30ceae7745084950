"""``interviewer practice``: a scripted interview from a file of answers.

The answers file is one of:

* a YAML list: the replies in order (answers and commands such as "hint");
* a YAML mapping from question id to an answer, or to a list of replies to that
  question (the main answer, then the replies to its follow-ups: retries after
  a hint, answers to probes); the key ``"*"`` gives replies for any question not
  listed;
* plain text: replies separated by blank lines or by lines of ``---``.

When the replies run out the candidate says "let's stop here" (for a mapping: when
a question comes up that the file does not answer; a follow-up the file does not
answer is skipped). In a mapping, the key ``questions-for-me`` lists what the
candidate asks when the interviewer says "Do you have any questions for me?"
(without it, the candidate has none).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interviewer.cli.store_args import add_data_dir
from interviewer.cli.track_option import add_track_option

if TYPE_CHECKING:
    from interviewer.dialog import Interview
    from interviewer.store import Recorder
    from interviewer.transcript import Turn

__all__ = [
    "AnswerScript",
    "AnswersError",
    "StdinScript",
    "add_parser",
    "emit",
    "load_answers",
    "play",
    "render",
    "run",
]

STOP = "let's stop here"
SKIP = "skip"
DEFAULT_KEY = "*"
QUESTIONS_KEY = "questions-for-me"  # the candidate's questions at the end of the interview
MAX_REPLIES = 2000  # a guard: no flow needs this many replies


class AnswersError(ValueError):
    """The answers file cannot be used; the message says why."""


@dataclass
class AnswerScript:
    """The candidate's side of a scripted interview.

    Attributes:
        ordered: Replies in order (list and plain-text files).
        keyed: Replies per question id (mapping files).
    """

    ordered: list[str] = field(default_factory=list)
    keyed: dict[str, list[str]] | None = None
    _used: dict[str, int] = field(default_factory=dict)
    _taken: int = 0

    def cursor(self) -> dict[str, Any]:
        """Where the script stands, JSON-ready (saved with each turn, for a resume)."""
        return {"kind": "file", "taken": self._taken, "used": dict(self._used)}

    def seek(self, cursor: dict[str, Any] | None) -> None:
        """Continue from a saved :meth:`cursor` (a fresh script; None: from the start)."""
        if not cursor or cursor.get("kind") != "file":
            return
        taken = int(cursor.get("taken", 0))
        self.ordered, self._taken = self.ordered[taken:], taken
        self._used = {str(k): int(v) for k, v in dict(cursor.get("used") or {}).items()}

    def next_reply(self, question_id: str | None) -> str:
        """The reply to give when ``question_id`` is awaiting an answer."""
        if self.keyed is None:
            if not self.ordered:
                return STOP
            self._taken += 1
            return self.ordered.pop(0)
        key = question_id or ""
        replies = self.keyed.get(key)
        if replies is None and key != QUESTIONS_KEY:
            replies = self.keyed.get(DEFAULT_KEY)
        used = self._used.get(key, 0)
        if replies is None:
            return STOP
        if used >= len(replies):
            return SKIP if used and key != QUESTIONS_KEY else STOP
        self._used[key] = used + 1
        return replies[used]


class StdinScript:
    """Replies read from standard input, one line each, as the interview goes.

    Blank lines are ignored; the end of input says "let's stop here".
    """

    def __init__(self, stream: Any = None) -> None:
        self._stream = stream if stream is not None else sys.stdin

    def cursor(self) -> dict[str, Any]:
        """Nothing to keep: the lines already read are gone from the input."""
        return {"kind": "stdin"}

    def seek(self, cursor: dict[str, Any] | None) -> None:
        """Nothing to do: a resume reads on from its own input."""

    def next_reply(self, question_id: str | None) -> str:
        """The next non-blank line of input, or STOP at its end."""
        while True:
            line = self._stream.readline()
            if not line:
                return STOP
            if line.strip():
                return line.strip()


def _as_text(value: Any, where: str) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise AnswersError(f"{where} must be text, not {type(value).__name__}")
    return str(value).strip()


def _split_blocks(text: str) -> list[str]:
    blocks: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        if line.strip() in ("", "---"):
            if current:
                blocks.append("\n".join(current).strip())
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current).strip())
    return blocks


def load_answers(path: Path, known_ids: set[str]) -> AnswerScript:
    """Read an answers file.

    Raises:
        AnswersError: with a one-line reason when the file cannot be used.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AnswersError(f"no such answers file: {path}") from None
    except IsADirectoryError:
        raise AnswersError(f"{path} is a directory, not an answers file") from None
    except UnicodeDecodeError:
        raise AnswersError(f"{path} is not UTF-8 text") from None
    except OSError as exc:
        raise AnswersError(f"cannot read {path}: {exc.strerror}") from None
    if path.suffix.lower() not in (".yaml", ".yml", ".json"):
        blocks = _split_blocks(text)
        if not blocks:
            raise AnswersError(f"{path} holds no answers")
        return AnswerScript(ordered=blocks)
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe", pure=True).load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise AnswersError(f"{path} is not valid YAML{where}") from None
    if isinstance(data, list):
        replies = [_as_text(item, f"answer {n}") for n, item in enumerate(data, 1)]
        if not replies:
            raise AnswersError(f"{path} holds no answers")
        return AnswerScript(ordered=replies)
    if isinstance(data, dict):
        return AnswerScript(keyed=_keyed(data, known_ids, path))
    raise AnswersError(f"{path} must hold a list of answers or a mapping from question id")


def _keyed(data: dict[Any, Any], known_ids: set[str], path: Path) -> dict[str, list[str]]:
    from difflib import get_close_matches

    keyed: dict[str, list[str]] = {}
    for key, value in data.items():
        qid = str(key)
        if qid not in (DEFAULT_KEY, QUESTIONS_KEY) and qid not in known_ids:
            close = get_close_matches(qid, sorted(known_ids), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise AnswersError(f"{path}: no question {qid!r} in the bank{hint}")
        items = value if isinstance(value, list) else [value]
        keyed[qid] = [_as_text(item, f"the answer to {qid!r}") for item in items]
        if not keyed[qid]:
            raise AnswersError(f"{path}: the answers to {qid!r} are an empty list")
    if not keyed:
        raise AnswersError(f"{path} holds no answers")
    return keyed


def play(
    interview: Interview,
    script: AnswerScript | StdinScript,
    after: Callable[[], Any] | None = None,
) -> None:
    """Run the interview to its end with the script's replies.

    An interview already under way (a resume) is continued, not restarted.
    ``after`` is called after each exchange (the store commits there).
    """
    commit = after or (lambda: None)
    if interview.state == "idle":
        interview.start()
        commit()
    for _ in range(MAX_REPLIES):
        if interview.finished:
            return
        question = interview.question
        if interview.state == "candidate_questions":
            interview.reply(script.next_reply(QUESTIONS_KEY))
        else:
            interview.reply(script.next_reply(question.id if question else None))
        commit()
    interview.reply(STOP)
    commit()


def add_parser(subparsers: Any) -> None:
    """Register the ``practice`` sub-command."""
    parser = subparsers.add_parser(
        "practice",
        help="run a scripted interview from a file of answers",
        description="Run a scripted interview from a file of answers; print the transcript "
        "and the report.",
    )
    parser.add_argument("--answers", metavar="FILE", help="YAML list/mapping or plain text")
    add_track_option(
        parser,
        default="general",
        help="the interview (default: general)",
        strict=False,
    )
    parser.add_argument(
        "--length",
        choices=("short", "full"),
        default="short",
        help="about 8 or about 20 questions, follow-ups included (default: short)",
    )
    parser.add_argument("--seed", type=int, default=7, help="random seed (default: 7)")
    parser.add_argument(
        "--format", choices=("md", "json"), default="md", dest="fmt", help="default: md"
    )
    parser.add_argument("--out", metavar="PATH", help="write here instead of stdout")
    parser.add_argument(
        "--mode",
        choices=("practice", "interview"),
        default="practice",
        help="practice: feedback after each answer; interview: only in the report",
    )
    parser.add_argument(
        "--print-machine",
        nargs="?",
        const="text",
        choices=("text", "mermaid"),
        help="print the dialog's states and transitions and exit",
    )
    parser.add_argument(
        "--adaptive",
        action="store_true",
        help="favour topics with reviews due and topics you did badly on (still seeded)",
    )
    parser.add_argument(
        "--no-save", action="store_true", help="do not record the session in the store"
    )
    add_data_dir(parser)
    parser.set_defaults(command="practice")


def _fail(message: str) -> int:
    print(f"interviewer practice: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    """Run the scripted interview; 0 on success, 2 on bad input."""
    if args.print_machine:
        from interviewer.dialog.machine import render_machine

        print(render_machine(args.print_machine), end="")
        return 0
    if not args.answers:
        return _fail("give --answers FILE (or --print-machine)")
    from interviewer.dialog import Interview, SessionOptions
    from interviewer.grading import default_grader
    from interviewer.loader import load_bank
    from interviewer.store import Recorder, memory_store
    from interviewer.store.plan import adaptive_flow, topic_boosts

    bank = load_bank()
    if args.track not in bank.flows:
        return _fail(f"no track {args.track!r}; choose one of {', '.join(sorted(bank.flows))}")
    try:
        script = open_script(args.answers, set(bank.questions) | set(bank.handson))
    except AnswersError as exc:
        return _fail(str(exc))
    from interviewer.cli.store_args import open_cli_store

    store = memory_store() if args.no_save else open_cli_store(args, "practice", fallback=True)
    flow, flow_def = bank.flows[args.track], None
    if args.adaptive:
        flow = adaptive_flow(flow, topic_boosts(store, bank))
        flow_def = json.loads(flow.model_dump_json())
    config = SessionOptions(seed=args.seed, length=args.length, mode=args.mode)
    echo = _echo if isinstance(script, StdinScript) else None
    interview = Interview(bank, flow, default_grader(), config, on_turn=echo)
    recorder = Recorder(
        store,
        store.new_session_id(flow.track, args.mode),
        interview,
        bank,
        source="practice",
        flow_def=flow_def,
    )
    play(interview, script, committer(recorder, script))
    return emit(args, render(interview, args.fmt))


def open_script(answers: str, known_ids: set[str]) -> AnswerScript | StdinScript:
    """The replies: ``-`` reads standard input line by line, anything else is a file.

    Raises:
        AnswersError: when the file cannot be used.
    """
    if answers == "-":
        return StdinScript()
    return load_answers(Path(answers), known_ids)


def committer(recorder: Recorder, script: AnswerScript | StdinScript) -> Callable[[], None]:
    """Commit after each exchange, with the script's position; warn once if it fails."""
    warned: list[str] = []

    def commit() -> None:
        error = recorder.commit(script.cursor())
        if error and not warned:
            warned.append(error)
            print(
                f"interviewer: warning: {error}; the interview goes on in memory",
                file=sys.stderr,
            )

    return commit


def _echo(turn: Turn) -> None:
    if turn.role == "interviewer":
        print(f"\nInterviewer: {turn.text}", file=sys.stderr, flush=True)


def render(interview: Interview, fmt: str) -> str:
    """The transcript and the report, as Markdown or JSON."""
    transcript, report = interview.transcript, interview.report()
    if fmt == "json":
        output = json.dumps(
            {"transcript": transcript.to_dict(), "report": report.to_dict()},
            indent=2,
            sort_keys=True,
            ensure_ascii=False,
        )
        return output + "\n"
    return transcript.to_markdown() + "\n" + report.to_markdown()


def emit(args: argparse.Namespace, output: str) -> int:
    """Write ``output`` to ``--out`` or standard output; 0, or 2 when it cannot be written."""
    if args.out:
        try:
            Path(args.out).write_text(output, encoding="utf-8")
        except OSError as exc:
            return _fail(f"cannot write {args.out}: {exc.strerror}")
        return 0
    sys.stdout.write(output)
    return 0
