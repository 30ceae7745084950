"""How well the grader agrees with the bank's graded example answers.

Cross-validated by question (GroupKFold): the grader is fitted on the other
questions only, so the examples it is scored on were never used to calibrate
it, and their question's text was not in its TF-IDF either. Reports Spearman's
rho against the range midpoints, the mean absolute error (to the midpoint and
to the nearest point of the range), the share of grades inside their expected
range, and the mean grade per example kind; the same for plain TF-IDF cosine to
the reference, linearly mapped to grades inside the same folds. The in-sample
figures (fitted on everything) are printed too, for reference.

Last, each wrong claim of ``../shared/seeds/ERRATA.md``, as a candidate might say
it (the answers of ``tests/test_bank_errata.py``), is graded: its grade, and
whether the errata misconception was caught and its correction given.

Run: ``.venv/bin/python benchmarks/bank_agreement.py [--folds 5] [--show-misses]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from interviewer.authoring.held_out import run_examples_held_out
from interviewer.bank import Bank
from interviewer.grading import RubricGrader
from interviewer.loader import load_bank
from interviewer.models import Question

__all__ = ["Scored", "main"]


@dataclass(frozen=True)
class Scored:
    """One example with its expected range and a predicted grade."""

    question_id: str
    kind: str
    low: float
    high: float
    grade: float
    answer: str


def _spearman(x: Sequence[float], y: Sequence[float]) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(x, y).statistic)


def report(name: str, scored: Sequence[Scored]) -> dict[str, float]:
    """Print and return the agreement figures of one method."""
    mids = [(s.low + s.high) / 2 for s in scored]
    grades = [s.grade for s in scored]
    inside = [s.low - 1e-9 <= s.grade <= s.high + 1e-9 for s in scored]
    to_range = [max(s.low - s.grade, 0.0, s.grade - s.high) for s in scored]
    figures = {
        "spearman": _spearman(grades, mids),
        "mae_mid": statistics.fmean(abs(g - m) for g, m in zip(grades, mids, strict=True)),
        "mae_range": statistics.fmean(to_range),
        "inside": sum(inside) / len(inside),
    }
    by_kind: dict[str, list[float]] = defaultdict(list)
    for s in scored:
        by_kind[s.kind].append(s.grade)
    print(
        f"{name:<34} rho={figures['spearman']:.3f}  MAE(mid)={figures['mae_mid']:.2f}  "
        f"MAE(range)={figures['mae_range']:.2f}  inside={figures['inside']:.1%} "
        f"({sum(inside)}/{len(inside)})"
    )
    kinds = "  ".join(f"{kind}={statistics.fmean(v):.2f}" for kind, v in sorted(by_kind.items()))
    print(f"{'':<34} mean grade by kind: {kinds}")
    return figures


def _examples(questions: Sequence[Question]) -> list[tuple[Question, str, str, float, float]]:
    return [(q, e.answer, e.kind, e.grade[0], e.grade[1]) for q in questions for e in q.examples]


def _tfidf_baseline(train: Sequence[Question], test: Sequence[Question]) -> list[Scored]:
    """Plain TF-IDF cosine to the reference, mapped to grades by least squares on train."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LinearRegression

    texts = [q.reference for q in train] + [a for _, a, *_ in _examples(train)]
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit(texts)

    def similarity(question: Question, answer: str) -> float:
        vectors = vectorizer.transform([question.reference, answer])
        return float((vectors[0] @ vectors[1].T).toarray()[0, 0])

    train_rows = _examples(train)
    x = np.array([[similarity(q, a)] for q, a, *_ in train_rows])
    y = np.array([(lo + hi) / 2 for *_, lo, hi in train_rows])
    model = LinearRegression().fit(x, y)
    out = []
    for q, answer, kind, low, high in _examples(test):
        raw = float(model.predict(np.array([[similarity(q, answer)]]))[0])
        out.append(Scored(q.id, kind, low, high, round(min(5.0, max(0.0, raw)), 1), answer))
    return out


def cross_validate(
    bank: Bank, folds: int, grader: RubricGrader | None = None
) -> tuple[list[Scored], list[Scored]]:
    """GroupKFold by question: (grader scores, TF-IDF baseline scores).

    The grader's figures come from ``rubric test --held-out``'s own code, so the
    benchmark and the authoring command cannot disagree.
    """
    from sklearn.model_selection import GroupKFold

    params = grader.get_params() if grader is not None else None
    held_out = run_examples_held_out(bank, folds=folds, params=params)
    ours = [
        Scored(o.question_id, o.kind, *o.expected, o.actual, o.answer) for o in held_out.outcomes
    ]
    questions = list(bank.questions.values())
    ids = [q.id for q in questions]
    baseline: list[Scored] = []
    splitter = GroupKFold(n_splits=held_out.held_out_folds)
    for train_index, test_index in splitter.split(ids, groups=ids):
        train = [questions[i] for i in train_index]
        baseline.extend(_tfidf_baseline(train, [questions[i] for i in test_index]))
    return ours, baseline


def _errata(bank: Bank, grader: RubricGrader) -> None:
    """Each ERRATA.md claim, as a candidate would say it: its grade and correction."""
    from tests.test_bank_errata import ERRATA_ANSWERS

    print("\nERRATA.md claims given as answers (in-sample grader):")
    low = corrected = 0
    for question_id, answer in ERRATA_ANSWERS:
        question = bank.question(question_id)
        result = grader.grade(question, answer)
        ids = {m.id for m in question.misconceptions if m.errata}
        hit = next((m for m in result.misconceptions if m.misconception_id in ids), None)
        low += result.grade <= 1.5
        corrected += hit is not None and hit.correction in result.feedback
        caught = hit.misconception_id if hit else "NOT CAUGHT"
        print(f"  {question_id:<34} {result.grade:3.1f}  {caught}")
    total = len(ERRATA_ANSWERS)
    print(f"  graded <= 1.5: {low}/{total}; correction given: {corrected}/{total}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--show-misses", action="store_true", help="list out-of-range examples")
    args = parser.parse_args(argv)
    bank = load_bank()
    questions = list(bank.questions.values())
    count = sum(len(q.examples) for q in questions)
    print(f"bank: {len(questions)} questions, {count} graded examples\n")
    started = time.perf_counter()
    ours, baseline = cross_validate(bank, args.folds)
    print(f"GroupKFold by question, {args.folds} folds ({time.perf_counter() - started:.1f} s):")
    report("rubric grader (cross-validated)", ours)
    report("TF-IDF cosine, linear map (CV)", baseline)
    fitted = RubricGrader().fit(bank)
    in_sample = [
        Scored(q.id, kind, low, high, fitted.grade(q, answer).grade, answer)
        for q, answer, kind, low, high in _examples(questions)
    ]
    print("\nIn-sample (fitted on every example; optimistic):")
    report("rubric grader (in-sample)", in_sample)
    print(f"calibration: {fitted.calibration_}")
    _errata(bank, fitted)
    if args.show_misses:
        print("\nOut of range (cross-validated):")
        for s in ours:
            if not s.low - 1e-9 <= s.grade <= s.high + 1e-9:
                print(f"  {s.question_id:<34} {s.kind:<13} [{s.low}, {s.high}] got {s.grade}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    raise SystemExit(main())
