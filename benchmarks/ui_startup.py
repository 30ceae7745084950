"""Time from launch to the first paint and the first question, against a hello-world app.

In a terminal (a pseudo-terminal of 100x30, as tmux gives): each round launches,
one after the other, a hello-world Textual app (a Markdown and a TextArea, nothing
else) and ``interviewer ui --track general`` (``interviewer`` for the start path),
and times from the spawn to the first paint (the first screen's text on the
terminal) and to the first question (its countdown, shown with it). The medians
and their ratios to the hello-world's first paint are printed; the target is a
first paint within 1.3x of the hello world's.

Headless: each run starts a fresh Python process that builds the app exactly as
``interviewer ui`` does (:func:`interviewer.ui.app.create_app` on the built-in
bank, default grader), runs it headless, and prints a marker the moment the
first question widget is mounted. The time is taken in this (parent) process
from just before the child is spawned to the marker, so it includes the
interpreter's start-up and every import. The child then answers the question
once, to check the grader (fitted in a background worker) and report what that
imported. One warm-up run fills the loader's bank cache and is not counted.

The wall time depends on how busy the machine is, so the child's CPU time
(all its threads) at that moment is reported too, with the load average.

Paths:
  direct  ``interviewer ui --track general``: straight to the interview.
  start   ``interviewer``: the start screen, Enter pressed as soon as it shows.

Run: ``.venv/bin/python benchmarks/ui_startup.py [--runs 7] [--path direct|start|both]``
(``--terminal-only`` skips the headless runs).
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Sequence

__all__ = ["CHILD", "HELLO", "main", "measure_once", "paint_once"]

TARGET_SECONDS = 1.0
TARGET_RATIO = 1.3  # first paint against the hello world's

# The baseline: the least a Textual app with a Markdown and a TextArea does.
HELLO = r"""
from textual.app import App
from textual.widgets import Markdown, TextArea


class Hello(App):
    def compose(self):
        yield Markdown("# Hello\n\nHello, world.")
        yield TextArea("Type your answer")


Hello().run()
"""
MAIN = "import sys; from interviewer.cli import main; sys.exit(main())"
# What each launch shows on its first paint. Not the "T" of "Type your answer": the
# focused text area's cursor sits on it, so its colours split the word until it blinks.
FIRST_PAINT = {
    "hello": (b"Hello, world", b"ype your answer"),
    "direct": (b"Preparing", b"ype your answer"),
    "start": (b"deep-learning interview practice",),
}
FIRST_QUESTION = b" left"  # the countdown of the first question, shown with it
_ESCAPE = re.compile(
    rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)"
)


def paint_once(which: str, env: dict[str, str]) -> dict[str, float]:
    """Launch ``which`` (hello, direct or start) in a 100x30 pseudo-terminal; time its paints."""
    args = {
        "hello": ["-c", HELLO],
        "direct": ["-c", MAIN, "ui", "--track", "general", "--seed", "7"],
        "start": ["-c", MAIN],
    }[which]
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of 100x30, then the app
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        os.execve(sys.executable, [sys.executable, *args], env)
    raw, result = b"", {}
    deadline = started + 60
    try:
        while time.perf_counter() < deadline:
            if not select.select([fd], [], [], 0.05)[0]:
                continue
            try:
                raw += os.read(fd, 1 << 16)
            except OSError:
                break
            shown = _ESCAPE.sub(b"", raw)
            if "paint" not in result and all(m in shown for m in FIRST_PAINT[which]):
                result["paint"] = time.perf_counter() - started
            if which != "direct" and "paint" in result:
                break
            if which == "direct" and FIRST_QUESTION in shown:
                result["question"] = time.perf_counter() - started
                break
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    if "paint" not in result:
        raise RuntimeError(f"{which} never painted:\n{_ESCAPE.sub(b'', raw)[-1500:]!r}")
    return result


def _terminal(runs: int, env: dict[str, str], paths: list[str]) -> bool:
    """Alternate hello world and app launches; print medians and ratios."""
    times: dict[str, list[dict[str, float]]] = {name: [] for name in ["hello", *paths]}
    for _ in range(runs):
        for name in times:
            times[name].append(paint_once(name, env))
    hellos = [r["paint"] for r in times["hello"]]
    hello = statistics.median(hellos)
    print(f"\nin a terminal, 100x30 ({runs} rounds, launches alternated)")
    print(f"  hello world (Markdown + TextArea): first paint median {hello:.3f} s")
    print("  (ratio: the median over rounds of the app's time over the hello world's in that")
    print("   round, which cancels the machine's drift; best: the fastest run of each)")
    ok = True
    for name in paths:
        paints = [r["paint"] for r in times[name]]
        ratio = statistics.median(p / h for p, h in zip(paints, hellos, strict=True))
        ok = ok and ratio <= TARGET_RATIO
        print(
            f"  {name}: first paint median {statistics.median(paints):.3f} s,"
            f" ratio {ratio:.2f}x (target <= {TARGET_RATIO}x),"
            f" best {min(paints):.3f} s = {min(paints) / min(hellos):.2f}x"
        )
        print("    every run (s): " + " ".join(f"{p:.2f}" for p in paints))
        if name == "direct":
            questions = [r["question"] for r in times[name]]
            ratio = statistics.median(q / h for q, h in zip(questions, hellos, strict=True))
            print(
                f"  {name}: first question median {statistics.median(questions):.3f} s,"
                f" ratio {ratio:.2f}x the hello world's first paint,"
                f" best {min(questions):.3f} s = {min(questions) / min(hellos):.2f}x"
            )
    print("  hello world, every run (s): " + " ".join(f"{r['paint']:.2f}" for r in times["hello"]))
    return ok


# Runs in the child process. It must not import anything the real launch would not.
CHILD = r"""
import asyncio, json, sys, time
from textual import events
from interviewer.ui.app import create_app
from interviewer.ui.interview_session import SessionOptions

path = sys.argv[1]
app = create_app(SessionOptions(track="general", seed=7), skip_start=path == "direct")

def heavy():
    return {name: name in sys.modules for name in ("torch", "sklearn", "scipy")}


async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        pressed = False
        while not app.screen.query("InterviewerMessage.-question"):
            if path == "start" and not pressed and type(app.screen).__name__ == "StartScreen":
                # Not pilot.press: it waits for the whole process to go idle, grader included.
                app.post_message(events.Key("enter", "\r"))
                pressed = time.perf_counter()
            await asyncio.sleep(0.002)
        cpu = time.process_time()
        after_press = time.perf_counter() - pressed if pressed else 0.0
        report = {**heavy(), "cpu": cpu, "after_press": after_press}
        print("FIRST-QUESTION " + json.dumps(report), flush=True)
        box = app.screen.query_one("AnswerBox")
        box.insert("Backpropagation multiplies gradients through many layers.")
        started = time.perf_counter()
        app.post_message(events.Key("enter", "\r"))
        while app.screen.busy or not app.screen.query("CandidateMessage"):
            await asyncio.sleep(0.005)
        graded_after = time.perf_counter() - started
        await app.workers.wait_for_complete()
        print("AFTER-GRADING " + json.dumps({**heavy(), "seconds": graded_after}), flush=True)
        app.exit()

asyncio.run(main())
"""


def measure_once(path: str, env: dict[str, str]) -> dict[str, object]:
    """Run one child; return the time to the first question and the import flags."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, path],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    result: dict[str, object] = {}
    for line in child.stdout:
        if line.startswith("FIRST-QUESTION "):
            result["first_question"] = time.perf_counter() - started
            flags = json.loads(line.split(" ", 1)[1])
            result["cpu"] = flags.pop("cpu")
            result["after_press"] = flags.pop("after_press")
            result["at_first_question"] = flags
        elif line.startswith("AFTER-GRADING "):
            result["after_grading"] = json.loads(line.split(" ", 1)[1])
    _, stderr = child.communicate(timeout=120)
    if "first_question" not in result:
        raise RuntimeError(f"the app never showed a question:\n{stderr[-2000:]}")
    return result


def _report(path: str, runs: list[dict[str, object]]) -> bool:
    times = [float(r["first_question"]) for r in runs]  # type: ignore[arg-type]
    cpu = [float(r["cpu"]) for r in runs]  # type: ignore[arg-type]
    median = statistics.median(times)
    first = runs[0]["at_first_question"]
    after = runs[0]["after_grading"]
    print(f"\npath: {path} ({len(runs)} runs)")
    print(f"  first question on screen: median {median:.3f} s, min {min(times):.3f} s,")
    print(f"    max {max(times):.3f} s  (target < {TARGET_SECONDS:.1f} s)")
    print(f"  CPU time of the app process by then: median {statistics.median(cpu):.3f} s")
    print("  every run (s): " + " ".join(f"{t:.2f}" for t in times))
    if path == "start":
        presses = [float(r["after_press"]) for r in runs]  # type: ignore[arg-type]
        median_after = statistics.median(presses)
        print(f"  from Enter on the start screen to the question: median {median_after:.3f} s")
    print(f"  imported at first question: {first}")
    print(f"  imported after the first answer was graded: {after}")
    replies = [float(r["after_grading"]["seconds"]) for r in runs]  # type: ignore[index]
    print(
        f"  first answer sent at once -> reply on screen: median {statistics.median(replies):.3f} s"
        " (includes waiting for the grader)"
    )
    torch = any(bool(r["at_first_question"]["torch"]) for r in runs)  # type: ignore[index]
    torch = torch or any(bool(r["after_grading"]["torch"]) for r in runs)  # type: ignore[index]
    print(f"  torch imported in any run: {torch}")
    return median < TARGET_SECONDS and not torch


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print; exit status 1 if the target is missed or torch was imported."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--path", choices=["direct", "start", "both"], default="both")
    parser.add_argument("--terminal-only", action="store_true", help="skip the headless runs")
    args = parser.parse_args(argv)
    paths = ["direct", "start"] if args.path == "both" else [args.path]
    ok = True
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "INTERVIEWER_DATA_DIR": data_dir, "TERM": "xterm-256color"}
        env.pop("INTERVIEWER_NO_CACHE", None)
        measure_once("direct", env)  # warm-up: fills the bank cache
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, load {os.getloadavg()}")
        ok = _terminal(args.runs, env, paths)
        if not args.terminal_only:
            for path in paths:
                runs = [measure_once(path, env) for _ in range(args.runs)]
                ok = _report(path, runs) and ok
    print("\nresult:", "OK" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
