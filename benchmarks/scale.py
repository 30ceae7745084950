"""Load, fit and grade at 1x, 10x and 160x the bank; an edit to one rubric, then `rubric test`.

Measures, in one run on this machine, each figure in a fresh process with a fresh
cache directory:

- a bank of N times the built-in rubrics (copies of every rubric file under new
  question ids, links renamed alike): ``load_bank`` then ``cached_grader`` with the
  cache empty (cold) and again with it filled (warm), and the mean CPU time to
  grade one answer (the bank's example answers, at most 300, on a second pass:
  each question's term index is built on first use);
- an edit to one rubric file, then ``interviewer rubric test ID --rubrics FILE``
  (wall and CPU of the whole command): unchanged, a phrasing added, an example's
  grade range changed (which refits the calibration);
- the same with the code of another revision (``--before``, default the commit
  before issue 13's loader and grader caching), where that is feasible: its cold
  load and fit of 160x take many minutes, so it runs up to ``--before-max`` only.

Run: ``.venv/bin/python benchmarks/scale.py [--scales 1 10 160] [--before REV]``
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

__all__ = ["main", "replicate"]

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "7541c44"  # main before issue 13's per-file loading and incremental fit
EDITED_ID = "vanishing-exploding-gradients"
_ID = re.compile(r"^(  - id: )(\S+)(\s*)$", re.M)
_TO = re.compile(r"^(\s*(?:- )?to: )(\S+)(\s*)$", re.M)


def replicate(source: Path, target: Path, times: int) -> int:
    """Write ``times`` copies of the rubric files of ``source`` into ``target``.

    The first copy keeps its ids (the built-in flows point at them); copy ``r``
    renames every question id and thread link with the suffix ``-rR``.

    Returns:
        How many question ids were written.
    """
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in sorted(source.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        text = path.read_text(encoding="utf-8")
        count += len(_ID.findall(text)) * times
        for copy in range(times):
            out = text
            if copy:
                suffix = f"-r{copy}"

                def renamed(match: re.Match[str], suffix: str = suffix) -> str:
                    return f"{match[1]}{match[2]}{suffix}{match[3]}"

                out = _TO.sub(renamed, _ID.sub(renamed, out))
            (target / f"{path.stem}-r{copy}.yaml").write_text(out, encoding="utf-8")
    return count


_CHILD = """
import json, sys, time
from pathlib import Path
from interviewer.loader import load_bank
from interviewer.grading import cached_grader
marks = [(time.perf_counter(), time.process_time())]
bank = load_bank([Path(sys.argv[1])])
marks.append((time.perf_counter(), time.process_time()))
grader = cached_grader(bank)
marks.append((time.perf_counter(), time.process_time()))
pairs = [(q, e.answer) for q in bank.questions.values() for e in q.examples][:300]
for question, answer in pairs:
    grader.grade(question, answer)  # each question's term index is built on first use
began = time.process_time()
for question, answer in pairs:
    grader.grade(question, answer)
graded = time.process_time()
print(json.dumps({
    "questions": len(bank.questions),
    "load": [marks[1][0] - marks[0][0], marks[1][1] - marks[0][1]],
    "fit": [marks[2][0] - marks[1][0], marks[2][1] - marks[1][1]],
    "grade_ms": 1000 * (graded - began) / len(pairs),
}))
"""


def _env(code: Path | None, cache: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("INTERVIEWER_NO_CACHE", None)
    env["XDG_CACHE_HOME"] = str(cache)
    env["INTERVIEWER_DATA_DIR"] = str(cache / "data")
    if code is not None:
        env["PYTHONPATH"] = str(code)
    return env


def _run(args: list[str], env: dict[str, str]) -> tuple[str, float, float]:
    """Run a command; return its output, wall seconds and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # run from the cache folder: with -c or -m the working directory comes first on
    # sys.path, and must not shadow the code chosen by PYTHONPATH
    done = subprocess.run(
        args, capture_output=True, text=True, env=env, check=False, cwd=env["XDG_CACHE_HOME"]
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return done.stdout, wall, cpu


def scale_figures(bank_dir: Path, code: Path | None, work: Path) -> dict[str, object]:
    """Cold and warm load and fit of the bank in ``bank_dir``, and grading time."""
    cache = Path(tempfile.mkdtemp(dir=work, prefix="cache-"))
    env = _env(code, cache)
    cold = json.loads(_run([sys.executable, "-c", _CHILD, str(bank_dir)], env)[0])
    warm = json.loads(_run([sys.executable, "-c", _CHILD, str(bank_dir)], env)[0])
    return {
        "questions": cold["questions"],
        "load_cold": cold["load"],
        "fit_cold": cold["fit"],
        "load_warm": warm["load"],
        "fit_warm": warm["fit"],
        "grade_ms": warm["grade_ms"],
    }


def _edit_phrasing(text: str, n: int) -> str:
    return text.replace(
        "          - chain rule multiplies gradients\n",
        f"          - chain rule multiplies gradients\n          - gradients shrink at layer {n}\n",
        1,
    )


def _edit_example(text: str, n: int) -> str:
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.strip().startswith("grade: [") and index > 40:
            low = 0.5 + 0.1 * (n % 5)
            lines[index] = re.sub(r"\[[^\]]*\]", f"[{low:.1f}, 5]", line)
            return "\n".join(lines)
    raise ValueError("no example grade to edit")


def edit_figures(code: Path | None, work: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """Wall and CPU seconds of ``rubric test ID`` after each kind of edit (medians)."""
    cache = Path(tempfile.mkdtemp(dir=work, prefix="edit-"))
    env = _env(code, cache)
    rubric = cache / "gradients.yaml"
    original = (ROOT / "rubrics" / "gradients.yaml").read_text(encoding="utf-8")
    rubric.write_text(original, encoding="utf-8")
    command = [sys.executable, "-m", "interviewer", "rubric", "test", EDITED_ID]
    _run([*command], env)  # the built-in bank's grader, fitted once
    figures: dict[str, tuple[float, float]] = {}
    first = _run([*command, "--rubrics", str(rubric)], env)
    figures["first run with the file"] = (first[1], first[2])
    for name, edit in (
        ("unchanged", None),
        ("a phrasing added", _edit_phrasing),
        ("an example's grade changed", _edit_example),
    ):
        walls, cpus = [], []
        for n in range(repeat):
            if edit is not None:
                rubric.write_text(edit(original, n + 1), encoding="utf-8")
            _, wall, cpu = _run([*command, "--rubrics", str(rubric)], env)
            walls.append(wall)
            cpus.append(cpu)
        figures[name] = (statistics.median(walls), statistics.median(cpus))
    return figures


def _pair(figure: object) -> str:
    assert isinstance(figure, list)
    return f"{figure[0]:.2f}/{figure[1]:.2f}"


def _checkout(revision: str, work: Path) -> Path | None:
    """The source tree of ``revision`` (via ``git archive``), or None if git cannot give it."""
    done = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        return None
    target = work / f"code-{revision}"
    with tarfile.open(fileobj=BytesIO(done.stdout)) as archive:
        archive.extractall(target, filter="data")
    return target


def main(argv: list[str] | None = None) -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 160])
    parser.add_argument("--before", default=BEFORE, help="revision to compare with ('' for none)")
    parser.add_argument("--before-max", type=int, default=10, help="largest scale run before")
    parser.add_argument("--repeat", type=int, default=3, help="runs per edit figure")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="interviewer-scale-") as tmp:
        work = Path(tmp)
        before = _checkout(args.before, work) if args.before else None
        print(f"machine: {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}")
        print("\nedit one rubric file, then `interviewer rubric test ID --rubrics FILE`")
        print(f"{'':28} {'after wall':>10} {'cpu':>6} {'before wall':>12} {'cpu':>6}")
        after_edit = edit_figures(None, work, args.repeat)
        before_edit = edit_figures(before, work, 1) if before is not None else {}
        for name, (wall, cpu) in after_edit.items():
            old = before_edit.get(name)
            tail = f"{old[0]:>11.2f}s {old[1]:>5.2f}s" if old else f"{'-':>12} {'-':>6}"
            print(f"{name:28} {wall:>9.2f}s {cpu:>5.2f}s {tail}")
        print("\nbank of N copies: load_bank + cached_grader, s wall/CPU; grade: CPU ms an answer")
        header = ["", "questions", "load cold", "fit cold", "load warm", "fit warm", "grade"]
        print(f"{header[0]:10}{header[1]:>10}" + "".join(f"{h:>14}" for h in header[2:]))
        for times in args.scales:
            bank_dir = work / f"bank-{times}"
            replicate(ROOT / "rubrics", bank_dir, times)
            runs: list[tuple[str, Path | None]] = [("after", None)]
            if before is not None and times <= args.before_max:
                runs.append(("before", before))
            for label, code in runs:
                f = scale_figures(bank_dir, code, work)
                cells = [_pair(f[k]) for k in ("load_cold", "fit_cold", "load_warm", "fit_warm")]
                print(
                    f"{f'{times}x ' + label:10}{f['questions']:>10}"
                    + "".join(f"{c:>14}" for c in cells)
                    + f"{f['grade_ms']:>12.2f}ms",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
