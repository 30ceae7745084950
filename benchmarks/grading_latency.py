"""Per-answer grading latency with the whole bank loaded, against simple alternatives.

Measures, in one run on this machine:

- fit time and peak traced memory of ``RubricGrader().fit(bank)``;
- size of the pickled fitted grader and the time to load it back;
- median and p99 latency of ``grader.grade`` over every graded example of the
  bank plus synthetic odd inputs (empty, 10 KB, 100 KB, emoji, control
  characters, non-English, keyword lists);
- the same for what a user would reach for instead: scikit-learn TF-IDF cosine
  to the reference, and rapidfuzz ``token_set_ratio`` to the reference.

Run: ``.venv/bin/python benchmarks/grading_latency.py [--repeat 3]``
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

from interviewer.bank import Bank
from interviewer.grading import RubricGrader
from interviewer.loader import load_bank
from interviewer.models import Question
from interviewer.text.analysis import clear_memo

__all__ = ["main", "odd_inputs"]


def _bank() -> Bank:
    """The built-in bank."""
    return load_bank()


def odd_inputs(question: Question) -> list[str]:
    """Synthetic answers a grader must survive, built from the question's own text."""
    sentence = question.reference
    return [
        "",
        "I don't know",
        "chain rule, sigmoid, ReLU, batch norm, gradient clipping, LSTM",
        "🙂" * 50,
        "grad\x00ient sh\x07rinks\u200b to zero" * 20,
        "Der Gradient wird in den frühen Schichten sehr klein und sie lernen kaum noch.",
        "梯度在早期层中变得非常小，因此它们几乎不学习。",
        (sentence + " ") * (10_000 // max(1, len(sentence))),
        (sentence + " ") * (100_000 // max(1, len(sentence))),
        " ".join(f"token{i}" for i in range(20_000)),
    ]


def _cold_load_ms(blob: bytes) -> float:
    """Milliseconds to import and unpickle a fitted grader in a new interpreter."""
    with tempfile.NamedTemporaryFile(suffix=".pickle", delete=False) as handle:
        handle.write(blob)
    code = (
        "import pickle, sys, time\n"
        "t = time.perf_counter()\n"
        "pickle.load(open(sys.argv[1], 'rb'))\n"
        "print((time.perf_counter() - t) * 1e3, 'sklearn' in sys.modules)\n"
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", code, handle.name], capture_output=True, text=True, check=True
        ).stdout.split()
    finally:
        os.unlink(handle.name)
    assert out[1] == "False", "loading a fitted grader must not import scikit-learn"
    return float(out[0])


def _timings(
    run: Callable[[Question, str], object], cases: Sequence[tuple[Question, str]], repeat: int
) -> list[float]:
    times: list[float] = []
    for _ in range(repeat):
        clear_memo()  # every pass analyses the answers afresh
        for question, answer in cases:
            start = time.perf_counter()
            run(question, answer)
            times.append(time.perf_counter() - start)
    return times


def _summary(name: str, times: Sequence[float]) -> None:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]
    print(
        f"  {name:<38} median {statistics.median(ordered) * 1e3:7.3f} ms   "
        f"p99 {p99 * 1e3:7.3f} ms   max {ordered[-1] * 1e3:7.1f} ms   (n={len(ordered)})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the answers")
    args = parser.parse_args(argv)

    bank = _bank()
    questions = list(bank.questions.values())
    examples = [(q, e.answer) for q in questions for e in q.examples]
    odd = [(q, a) for q in questions[:5] for a in odd_inputs(q)]
    print(f"bank: {len(questions)} questions, {len(examples)} examples, {len(odd)} odd inputs\n")

    started = time.perf_counter()
    grader = RubricGrader().fit(bank)
    fit_seconds = time.perf_counter() - started
    gc.collect()
    tracemalloc.start()  # a second fit, traced (tracing slows it down several times)
    RubricGrader().fit(bank)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    blob = pickle.dumps(grader, protocol=pickle.HIGHEST_PROTOCOL)
    started = time.perf_counter()
    pickle.loads(blob)
    load_seconds = time.perf_counter() - started  # modules already imported
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"fit: {fit_seconds:.2f} s, peak traced memory during fit {peak / 2**20:.1f} MiB")
    print(
        f"fitted grader: {len(blob) / 2**20:.2f} MiB pickled, unpickled in "
        f"{load_seconds * 1e3:.0f} ms here, {_cold_load_ms(blob):.0f} ms in a fresh process "
        "(imports included)"
    )
    print(f"process max RSS so far: {rss:.0f} MiB\n")

    from rapidfuzz import fuzz
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [q.reference for q in questions] + [a for _, a in examples]
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit(texts)
    references = {q.id: vectorizer.transform([q.reference]) for q in questions}

    def tfidf_cosine(question: Question, answer: str) -> float:
        vector = vectorizer.transform([answer])
        return float((vector @ references[question.id].T).toarray()[0, 0])

    def token_set(question: Question, answer: str) -> float:
        return float(fuzz.token_set_ratio(answer, question.reference))

    for label, cases in (("bank examples", examples), ("odd inputs", odd)):
        print(f"{label}:")
        _summary("RubricGrader.grade", _timings(grader.grade, cases, args.repeat))
        _summary("TF-IDF cosine (scikit-learn)", _timings(tfidf_cosine, cases, args.repeat))
        _summary("token_set_ratio (rapidfuzz)", _timings(token_set, cases, args.repeat))
    worst = max(odd, key=lambda case: _timings(grader.grade, [case], 1)[0])
    print(f"\nslowest odd input: {len(worst[1])} characters, {worst[1][:40]!r}...")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
