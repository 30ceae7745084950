"""Agreement with human graders on the Mohler et al. (2011) short-answer dataset.

Runs ``interviewer eval`` on the 2,273 graded student answers (81 questions of
an undergraduate data-structures course): a rubric is drafted from every
question's reference answer, each answer becomes lexical signals (reference
recall with question demoting, precision, length, blank answer, character
n-gram cosine, the grader's coverage with the drafted rubric), and a linear map
from signals to score is fitted inside the 12 leave-one-assignment-out folds,
the published protocol. The plain TF-IDF cosine baseline is measured in the same
run with the same folds. Published figures are printed alongside.

The data stay where they are (evaluation only; never copied into the project).

Run: ``.venv/bin/python benchmarks/mohler_eval.py [--data PATH] [--per-question] [--json]``
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from interviewer.errors import InterviewerError
from interviewer.evaluation.agreement import measure_agreement
from interviewer.evaluation.agreement_text import render_eval
from interviewer.evaluation.dataset import load_items

__all__ = ["PUBLISHED", "main"]

# The data set lies beside the repository (../shared), never inside it.
DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "mohler" / "items.jsonl"

# system -> (Pearson r, RMSE or None, source)
PUBLISHED: dict[str, tuple[float, float | None, str]] = {
    "tf-idf cosine (Mohler 2011)": (0.327, 1.022, "Mohler et al. 2011, table 5"),
    "Mohler 2011 best (SVMRank hybrid)": (0.518, 0.998, "Mohler et al. 2011, table 7"),
    "human vs human": (0.586, 0.659, "Mohler et al. 2011, table 7 (0.597 from the file)"),
    "Sultan 2016": (0.592, 0.887, "Sultan, Salazar and Sumner 2016"),
}


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the items.jsonl file")
    parser.add_argument("--per-question", action="store_true", help="list every question")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    try:
        report = measure_agreement(load_items(args.data))
    except InterviewerError as exc:
        print(f"mohler_eval: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({**report.to_dict(), "published": PUBLISHED}, indent=2))
        return 0
    print("Mohler et al. (2011) short-answer grading: interviewer eval")
    print(render_eval(report, per_question=args.per_question))
    print()
    print("compared with published figures (Pearson r over all answers, cross-validated):")
    rows = [(name, r, e, src) for name, (r, e, src) in PUBLISHED.items()]
    rows += [
        (f"{name} (this run)", m.pearson, m.rmse, "measured here")
        for name, m in report.systems.items()
    ]
    for name, r, error, source in sorted(rows, key=lambda row: row[1]):
        shown = f"{error:.3f}" if error is not None else "  n/a"
        print(f"  {name:36} r {r:.3f}  RMSE {shown}  {source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
