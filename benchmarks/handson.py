"""What hands-on questions cost: start-up, the first computed answer, the first code answer.

Three measurements, each in fresh processes so that torch's import is counted:

1. App start-up to the first question on screen, for the general flow and for
   the hands-on flow with a seed whose first question is a calculation (built
   as ``interviewer ui --track handson`` builds it, run headless). The child then
   answers the calculation and reports the time until the feedback is on
   screen (the torch worker starts and imports torch at that moment) and the
   longest stall of the app's event loop meanwhile: the UI must not freeze.
   The general flow's first (rubric) answer is timed the same way, for comparison.
2. Grading outside the app, as ``interviewer grade`` does: the first computed
   answer of a process (torch worker start and import included), a second one,
   the first code answer (a sandboxed process: Python, torch, the checks) and a
   second one.
3. Baselines a candidate would use instead: ``python -c "import torch; ..."``
   counting the same layer's parameters, and ``python solution.py`` running the
   model solution with no sandbox and no checks.

Run: ``.venv/bin/python benchmarks/handson.py [--runs 3]``
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

__all__ = ["main"]

APP_CHILD = r"""
import asyncio, json, sys, time
from textual import events
from interviewer.ui.app import create_app
from interviewer.ui.interview_session import SessionOptions

flow, seed, answer = sys.argv[1], int(sys.argv[2]), sys.argv[3]
app = create_app(SessionOptions(seed=seed, flow=None if flow == "general" else flow),
                 skip_start=True)

async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        while not app.screen.query("InterviewerMessage.-question"):
            await asyncio.sleep(0.002)
        print("FIRST-QUESTION " + json.dumps({"torch": "torch" in sys.modules}), flush=True)
        if answer:
            await app.workers.wait_for_complete()
            app.screen.query_one("AnswerBox").insert(answer)
            started = last = time.perf_counter()
            stall = 0.0
            app.post_message(events.Key("enter", "\r"))
            await asyncio.sleep(0.01)
            while app.screen.busy:
                await asyncio.sleep(0.01)
                now = time.perf_counter()
                stall, last = max(stall, now - last - 0.01), now
            print("ANSWERED " + json.dumps({"seconds": time.perf_counter() - started,
                                            "stall": stall,
                                            "torch": "torch" in sys.modules}), flush=True)
        app.exit()

asyncio.run(main())
"""

GRADE_CHILD = r"""
import json, sys, time
from interviewer.loader import load_bank
from interviewer.handson.dispatch import grade_handson
from interviewer.handson.computed import instance
from interviewer.handson.tasks import solve

bank = load_bank()
out = {}
calc = bank.handson["calc-linear-params"]
value = solve(calc.task, instance(calc, 1)[0]).value[0]
for label in ("first computed", "second computed"):
    started = time.perf_counter()
    result = grade_handson(calc, 1, f"{int(value)}")
    out[label] = (time.perf_counter() - started, result.grade)
code = bank.handson["code-mnist-mlp"]
for label in ("first code", "second code"):
    started = time.perf_counter()
    result = grade_handson(code, 0, code.solution)
    out[label] = (time.perf_counter() - started, result.grade)
out["torch in this process"] = "torch" in sys.modules
print(json.dumps(out))
"""

BASELINE_CALC = (
    "import torch; print(sum(p.numel() for p in torch.nn.Linear(784, 256).parameters()))"
)


def _hands_on_first_seed() -> tuple[int, str]:
    """A seed whose hands-on interview opens with a calculation, and its right answer."""
    from interviewer.dialog.engine import Interview, SessionOptions
    from interviewer.handson.computed import instance, render_value
    from interviewer.handson.tasks import solve
    from interviewer.loader import load_bank
    from interviewer.models import ComputedQuestion

    class _NoGrading:
        def grade(self, question: object, answer: str) -> object:
            raise AssertionError("not graded here")

    bank = load_bank()
    for seed in range(1, 500):
        interview = Interview(bank, bank.flows["handson"], _NoGrading(), SessionOptions(seed=seed))
        interview.start()
        question = interview.question
        spec = bank.handson.get(question.id) if question is not None else None
        if isinstance(spec, ComputedQuestion):
            solution = solve(spec.task, instance(spec, seed)[0])
            return seed, render_value(solution.value)
    raise RuntimeError("no seed opens with a calculation")


def _app_run(flow: str, seed: int, answer: str) -> dict[str, float | bool]:
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", APP_CHILD, flow, str(seed), answer],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    out: dict[str, float | bool] = {}
    for line in child.stdout:
        if line.startswith("FIRST-QUESTION "):
            out["first_question"] = time.perf_counter() - started
            out["torch_at_first_question"] = json.loads(line.split(" ", 1)[1])["torch"]
        elif line.startswith("ANSWERED "):
            data = json.loads(line.split(" ", 1)[1])
            out["answer_seconds"] = data["seconds"]
            out["stall"] = data["stall"]
            out["torch_in_app"] = data["torch"]
    _, err = child.communicate(timeout=300)
    if "first_question" not in out:
        raise RuntimeError(err[-2000:])
    return out


def _wall(args: list[str], cwd: str | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, cwd=cwd)
    return time.perf_counter() - started


def _fmt(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f})"
    )


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    print(f"load average: {os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs, runs: {runs}")
    seed, answer = _hands_on_first_seed()
    _app_run("general", 7, "")  # warm the bank cache and the grader cache

    print("\n1. App start-up to the first question on screen")
    general, handson = [], []
    for _ in range(runs):  # interleaved, so that both see the same load
        general.append(_app_run("general", 7, "Gradients shrink as they flow back."))
        handson.append(_app_run("handson", seed, answer))
    first_general = _fmt([float(r["first_question"]) for r in general])
    first_handson = _fmt([float(r["first_question"]) for r in handson])
    answered = _fmt([float(r["answer_seconds"]) for r in handson])
    print(f"  general flow:                          {first_general}")
    print(f"  hands-on flow, a calculation first:    {first_handson}")
    torch_early = any(r["torch_at_first_question"] for r in general + handson)
    print(f"  torch imported by then: {torch_early}")
    print(f"  first computed answer in the app:      {answered}")
    stall = max(float(r["stall"]) for r in handson)
    rubric_stall = max(float(r["stall"]) for r in general)
    rubric = _fmt([float(r["answer_seconds"]) for r in general])
    print(f"  longest event-loop stall meanwhile:    {stall:.3f} s")
    print(f"  first rubric answer, general flow:     {rubric}; stall {rubric_stall:.3f} s")
    print(f"  torch imported in the app's process: {any(r['torch_in_app'] for r in handson)}")

    print("\n2. Grading outside the app (as 'interviewer grade'), 3. and baselines")
    print("   (interleaved run by run, so that both see the same load)")
    from interviewer.loader import load_bank

    solution = load_bank().handson["code-mnist-mlp"].solution
    rows: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "solution.py").write_text(textwrap.dedent(solution), encoding="utf-8")
        for _ in range(runs):
            data = json.loads(
                subprocess.run(
                    [sys.executable, "-c", GRADE_CHILD], capture_output=True, text=True, check=True
                ).stdout
            )
            for label, value in data.items():
                if isinstance(value, list):
                    assert value[1] == 5.0, (label, value)
                    rows.setdefault(label + " answer", []).append(value[0])
            baseline = _wall([sys.executable, "-c", BASELINE_CALC])
            rows.setdefault("baseline: python -c 'import torch; count Linear'", []).append(baseline)
            plain = _wall([sys.executable, "solution.py"], cwd=tmp)
            rows.setdefault("baseline: python solution.py (no sandbox)", []).append(plain)
            rows.setdefault("python -c pass", []).append(_wall([sys.executable, "-c", "pass"]))
    for label, values in rows.items():
        print(f"  {label + ':':52} {_fmt(values)}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
