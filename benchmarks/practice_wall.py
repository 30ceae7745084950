"""Wall time of ``interviewer practice`` on a shipped example, and what it imported.

Every run is a fresh process started from this one, timed from just before the
spawn to its exit, so interpreter start-up and every import are included.

* cold: the user cache directory (``XDG_CACHE_HOME``) is a new empty directory,
  so the validated bank and the fitted grader are rebuilt and written;
* warm: a cache directory filled by one uncounted run is reused.

For scale, the same number of runs times ``python -c pass`` (bare start-up) and
``python -c "import sklearn"`` (what the grader would cost if it imported
scikit-learn at run time). Each row also gives the median CPU time (user +
system), which other people's load on the machine does not inflate. A separate
child runs the same command in-process and reports whether textual, torch or
sklearn ended up in ``sys.modules``.

Run: ``.venv/bin/python benchmarks/practice_wall.py [--runs 7] [--example strong] [--json]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

__all__ = ["TARGET_SECONDS", "main", "measure", "time_command"]

TARGET_SECONDS = 1.5
ROOT = Path(__file__).resolve().parent.parent

# Runs the practice command in-process and reports what it imported and how many answers.
CHILD = r"""
import contextlib, io, json, sys
from interviewer.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(sys.argv[1:])
data = json.loads(out.getvalue())
answers = sum(1 for t in data["transcript"]["turns"] if t["role"] == "candidate")
heavy = {name: name in sys.modules for name in ("textual", "torch", "sklearn", "scipy")}
print(json.dumps({"code": code, "answers": answers, "questions": len(data["report"]["questions"]),
                  "imported": heavy}))
"""


def time_command(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds from spawning ``argv`` to its exit, and the CPU seconds it used.

    The CPU time (user + system) does not grow when other processes compete for
    the cores, so it tells a slow machine from a slow program.

    Raises:
        RuntimeError: when the command fails.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {done.stderr.strip()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def _summary(samples: list[tuple[float, float]]) -> dict[str, float]:
    wall = [w for w, _ in samples]
    return {
        "median": round(statistics.median(wall), 3),
        "min": round(min(wall), 3),
        "max": round(max(wall), 3),
        "cpu_median": round(statistics.median(c for _, c in samples), 3),
    }


def _warm_runs(
    argv: Sequence[str], env: dict[str, str], cache: Path, runs: int
) -> tuple[list[tuple[float, float]], int]:
    """Time ``runs`` warm runs, discarding any that had to rebuild a cache.

    Rubric files edited while the benchmark runs change the cache key, so that
    run rebuilds the bank and refits the grader: it is a cold run in disguise.
    """
    samples: list[tuple[float, float]] = []
    discarded = 0
    while len(samples) < runs and discarded < 3 * runs:
        before = set(cache.rglob("*.pickle"))
        sample = time_command(argv, env)
        if set(cache.rglob("*.pickle")) - before:
            discarded += 1
            continue
        samples.append(sample)
    if not samples:
        raise RuntimeError("every warm run rebuilt the cache: the rubric files keep changing")
    return samples, discarded


def measure(runs: int, example: str, seed: int, length: str = "full") -> dict[str, object]:
    """Time the practice command cold and warm, and the two reference commands."""
    python = sys.executable
    practice = [
        str(Path(python).with_name("interviewer")),
        "practice",
        "--answers",
        str(ROOT / "examples" / "answers" / f"{example}.yaml"),
        "--seed",
        str(seed),
        "--length",
        length,
    ]
    base_env = {k: v for k, v in os.environ.items() if k != "INTERVIEWER_NO_CACHE"}
    results: dict[str, object] = {
        "runs": runs,
        "example": example,
        "seed": seed,
        "length": length,
        "load_average_before": round(os.getloadavg()[0], 2),
        "cores": os.cpu_count() or 1,
    }
    cold: list[tuple[float, float]] = []
    for _ in range(runs):
        cache = tempfile.mkdtemp(prefix="interviewer-cold-")
        try:
            cold.append(time_command(practice, {**base_env, "XDG_CACHE_HOME": cache}))
        finally:
            shutil.rmtree(cache, ignore_errors=True)
    warm_cache = tempfile.mkdtemp(prefix="interviewer-warm-")
    try:
        warm_env = {**base_env, "XDG_CACHE_HOME": warm_cache}
        time_command(practice, warm_env)  # fills the cache; not counted
        warm, rebuilt = _warm_runs(practice, warm_env, Path(warm_cache), runs)
        child = subprocess.run(
            [python, "-c", CHILD, *practice[1:], "--format", "json"],
            env=warm_env,
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        shutil.rmtree(warm_cache, ignore_errors=True)
    results["practice_cold"] = _summary(cold)
    results["practice_warm"] = _summary(warm)
    results["warm_runs_discarded"] = rebuilt
    results["python_pass"] = _summary(
        [time_command([python, "-c", "pass"], base_env) for _ in range(runs)]
    )
    results["python_import_sklearn"] = _summary(
        [time_command([python, "-c", "import sklearn"], base_env) for _ in range(runs)]
    )
    results["child"] = json.loads(child.stdout)
    results["load_average_after"] = round(os.getloadavg()[0], 2)
    return results


def _report(results: dict[str, object]) -> str:
    child = results["child"]
    assert isinstance(child, dict)
    lines = [
        f"interviewer practice --answers examples/answers/{results['example']}.yaml "
        f"--seed {results['seed']} --length {results['length']}: "
        f"{child['answers']} answers, {child['questions']} questions, "
        f"{results['runs']} runs each",
        "",
        f"load average {results['load_average_before']} before, "
        f"{results['load_average_after']} after, on {results['cores']} cores",
        "",
        f"{'command':<32} {'median':>8} {'min':>8} {'max':>8} {'cpu':>8}",
    ]
    for key, label in (
        ("practice_cold", "practice, cold cache"),
        ("practice_warm", "practice, warm cache"),
        ("python_pass", "python -c pass"),
        ("python_import_sklearn", 'python -c "import sklearn"'),
    ):
        row = results[key]
        assert isinstance(row, dict)
        lines.append(
            f"{label:<32} {row['median']:>7.3f}s {row['min']:>7.3f}s {row['max']:>7.3f}s"
            f" {row['cpu_median']:>7.3f}s"
        )
    imported = child["imported"]
    lines.append("")
    lines.append(
        "imported: " + ", ".join(f"{k}={'yes' if v else 'no'}" for k, v in imported.items())
    )
    warm = results["practice_warm"]
    assert isinstance(warm, dict)
    discarded = results["warm_runs_discarded"]
    if discarded:
        lines.append(f"warm runs discarded because a rubric edit forced a rebuild: {discarded}")
    ok = warm["median"] < TARGET_SECONDS and not imported["textual"] and not imported["torch"]
    lines.append(
        f"target: warm median under {TARGET_SECONDS} s and neither textual nor torch: "
        + ("met" if ok else "NOT met")
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--example", default="strong", choices=("strong", "middling", "weak"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--length", default="full", choices=("short", "full"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = measure(max(1, args.runs), args.example, args.seed, args.length)
    print(json.dumps(results, indent=2) if args.json else _report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
