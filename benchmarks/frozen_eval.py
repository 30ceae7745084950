"""Agreement with blind human-style grades on the frozen evaluation set.

``benchmarks/data/frozen/`` holds 310 answers to the 62 questions, written blind by helper
sessions that saw only the questions, and graded 0-5 by two further blind graders (see its
README). The set is for reporting only: nothing is tuned on it.

Prints the agreement between the two graders, then the grader's Spearman, Pearson and MAE
against their mean, the mean grade by kind (human and grader), the misspelled answers against
their correctly spelled twins, and the same figures for plain TF-IDF cosine to the reference,
mapped linearly onto the bank's example grades (never onto this set).

Run: ``.venv/bin/python benchmarks/frozen_eval.py [--show N] [--json]``
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from interviewer.bank import Bank
from interviewer.grading import RubricGrader, default_grader
from interviewer.grading.tfidf import cosine
from interviewer.loader import load_bank
from interviewer.text.analysis import analyse

__all__ = ["load_set", "main"]

DATA = Path(__file__).resolve().parent / "data" / "frozen"
KINDS = (
    "excellent",
    "good",
    "verbose",
    "terse-but-right",
    "non-native",
    "misspelled",
    "partial",
    "wrong",
    "misconception",
    "contradicted",
    "keyword-list",
    "off-topic",
    "gaming",
)


def load_set(folder: Path = DATA) -> list[dict[str, object]]:
    """The answers, each with ``human`` (the graders' mean) and ``a``/``b`` where graded.

    A set whose answers carry their own ``grade`` (the development set, graded by its
    writers) uses that as ``human``.
    """
    rows = [json.loads(line) for line in (folder / "answers.jsonl").open(encoding="utf-8")]
    for row in rows:
        if "grade" in row:
            row["human"] = float(row.pop("grade"))
    for name in ("a", "b"):
        path = folder / f"grades_{name}.jsonl"
        if not path.exists():
            continue
        grades = {}
        for line in path.open(encoding="utf-8"):
            item = json.loads(line)
            grades[item["id"]] = float(item["grade"])
        for row in rows:
            if row["id"] in grades:
                row[name] = grades[str(row["id"])]
    for row in rows:
        given = [float(row[n]) for n in ("a", "b") if n in row]  # type: ignore[arg-type]
        if given:
            row["human"] = statistics.fmean(given)
    return rows


def _rank_stats(x: Sequence[float], y: Sequence[float]) -> tuple[float, float]:
    from scipy.stats import pearsonr, spearmanr

    return float(spearmanr(x, y).statistic), float(pearsonr(x, y).statistic)


def _tfidf(bank: Bank, grader: RubricGrader) -> Callable[[str, str], float]:
    import numpy as np

    def cos(question_id: str, text: str) -> float:
        vector = grader.tfidf_.vector(list(analyse(text).units))
        return cosine(vector, grader.questions_[question_id].reference)

    pairs = [
        (cos(q.id, e.answer), sum(e.grade) / 2) for q in bank.questions.values() for e in q.examples
    ]
    slope, intercept = np.polyfit([p[0] for p in pairs], [p[1] for p in pairs], 1)
    return lambda qid, text: float(min(5.0, max(0.0, intercept + slope * cos(qid, text))))


def main(argv: Sequence[str] | None = None) -> int:
    """Print the frozen-set figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print the N largest disagreements")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--set",
        default="frozen",
        choices=("frozen", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7"),
        help=(
            "frozen: the reporting set; dev, dev2, dev3, dev4: the development sets "
            "(benchmarks/data/)"
        ),
    )
    args = parser.parse_args(argv)
    bank = load_bank()
    grader = default_grader()
    baseline = _tfidf(bank, grader)
    folder = DATA.parent / args.set
    rows = [r for r in load_set(folder) if "human" in r]
    if not rows:
        print("no human grades yet in", DATA)
        return 1
    both = [r for r in rows if "a" in r and "b" in r]
    figures: dict[str, object] = {
        "answers": len(rows),
        "questions": len({r["question_id"] for r in rows}),
    }
    if both:
        a = [float(r["a"]) for r in both]  # type: ignore[arg-type]
        b = [float(r["b"]) for r in both]  # type: ignore[arg-type]
        rho, r = _rank_stats(a, b)
        mae = statistics.fmean(abs(x - y) for x, y in zip(a, b, strict=True))
        figures["graders"] = {"spearman": rho, "pearson": r, "mae": mae, "n": len(both)}
    human = [float(r["human"]) for r in rows]  # type: ignore[arg-type]
    ours, tfidf = [], []
    for row in rows:
        question = bank.questions[str(row["question_id"])]
        row["grade"] = grader.grade(question, str(row["answer"])).grade
        row["tfidf"] = baseline(question.id, str(row["answer"]))
        ours.append(float(row["grade"]))  # type: ignore[arg-type]
        tfidf.append(float(row["tfidf"]))  # type: ignore[arg-type]
    for name, predicted in (("interviewer", ours), ("tf-idf cosine", tfidf)):
        rho, r = _rank_stats(predicted, human)
        mae = statistics.fmean(abs(p - h) for p, h in zip(predicted, human, strict=True))
        figures[name] = {"spearman": rho, "pearson": r, "mae": mae}
    by_kind: dict[str, list[dict[str, object]]] = defaultdict(list)
    for row in rows:
        by_kind[str(row["kind"])].append(row)
    kinds = {}
    for kind in KINDS:
        items = by_kind.get(kind, [])
        if items:
            kinds[kind] = {
                "n": len(items),
                "human": statistics.fmean(float(i["human"]) for i in items),  # type: ignore[arg-type]
                "interviewer": statistics.fmean(float(i["grade"]) for i in items),  # type: ignore[arg-type]
                "tf-idf": statistics.fmean(float(i["tfidf"]) for i in items),  # type: ignore[arg-type]
            }
    figures["kinds"] = kinds
    twins = []
    for row in by_kind.get("misspelled", []):
        question = bank.questions[str(row["question_id"])]
        clean = grader.grade(question, str(row["clean"])).grade
        twins.append(float(row["grade"]) - clean)  # type: ignore[arg-type]
    if twins:
        figures["misspelled_vs_twin"] = {
            "mean": statistics.fmean(twins),
            "worst": min(twins),
            "within_0.3": sum(abs(t) <= 0.3 for t in twins) / len(twins),
        }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{args.set} set: {figures['answers']} answers to {figures['questions']} questions\n")
    if "graders" in figures:
        g = figures["graders"]
        assert isinstance(g, dict)
        print(
            f"the two blind graders agree: Spearman {g['spearman']:.3f},"
            f" Pearson {g['pearson']:.3f}, MAE {g['mae']:.2f} (n={g['n']})\n"
        )
    print(f"{'system':16} {'Spearman':>8} {'Pearson':>8} {'MAE':>6}")
    for name in ("interviewer", "tf-idf cosine"):
        f = figures[name]
        assert isinstance(f, dict)
        print(f"{name:16} {f['spearman']:8.3f} {f['pearson']:8.3f} {f['mae']:6.2f}")
    print(f"\n{'kind':16} {'n':>3} {'human':>6} {'grader':>7} {'tf-idf':>7}")
    for kind, k in kinds.items():
        print(f"{kind:16} {k['n']:3d} {k['human']:6.2f} {k['interviewer']:7.2f} {k['tf-idf']:7.2f}")
    if twins:
        t = figures["misspelled_vs_twin"]
        assert isinstance(t, dict)
        print(
            f"\nmisspelled vs its correctly spelled twin: mean {t['mean']:+.2f},"
            f" worst {t['worst']:+.2f}, {t['within_0.3']:.0%} within 0.3"
        )
    if args.show:
        worst = sorted(rows, key=lambda r: -abs(float(r["grade"]) - float(r["human"])))  # type: ignore[arg-type]
        print()
        for row in worst[: args.show]:
            print(
                f"{row['id']} {row['question_id']} {row['kind']}: human {row['human']:.1f},"
                f" grader {row['grade']}: {str(row['answer'])[:160]}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
