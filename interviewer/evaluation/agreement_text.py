"""Plain-text rendering of an ``interviewer eval`` report."""

from __future__ import annotations

import statistics

from interviewer.evaluation.agreement import EvalReport

__all__ = ["render_eval"]


def _mean(values: list[float]) -> str:
    return f"{statistics.fmean(values):.3f}" if values else "n/a"


def render_eval(report: EvalReport, *, per_question: bool = False) -> str:
    """The systems table, the signal ablation, per-question agreement and timings."""
    lines = [
        f"{report.answers} answers to {report.questions} questions; "
        f"linear map fitted by {report.protocol}; "
        f"run time {report.seconds.get('total', 0.0):.1f} s",
        "",
        f"{'system':22} {'Pearson':>8} {'Spearman':>9} {'RMSE':>7} {'QWK':>7}",
    ]
    for name, m in report.systems.items():
        lines.append(f"{name:22} {m.pearson:8.3f} {m.spearman:9.3f} {m.rmse:7.3f} {m.qwk:7.3f}")
    lines += [
        "",
        "signal contributions (drop the signal and refit within the folds):",
        f"  {'signal':10} {'columns':>7} {'r alone':>8} {'r without':>10} {'delta r':>8}",
    ]
    for row in report.ablation:
        note = "  (added to the main system)" if row["signal"] not in report.signals else ""
        lines.append(
            f"  {row['signal']:10} {row['columns']:7d} {row['r_alone']:8.3f} "
            f"{row['r_without']:10.3f} {row['delta_r']:+8.3f}{note}"
        )
    rows = report.per_question
    main = [r["pearson"] for r in rows if r["pearson"] is not None]
    base = [r["baseline_pearson"] for r in rows if r["baseline_pearson"] is not None]
    lines += [
        "",
        f"per question: mean Pearson {_mean(main)} (baseline {_mean(base)}) over "
        f"{len(main)} questions whose scores vary",
    ]
    if per_question:
        lines.append(f"  {'question':24} {'answers':>7} {'r':>7} {'baseline':>9} {'RMSE':>6}")
        for r in rows:
            value = "n/a" if r["pearson"] is None else f"{r['pearson']:.3f}"
            baseline = "n/a" if r["baseline_pearson"] is None else f"{r['baseline_pearson']:.3f}"
            lines.append(
                f"  {r['question_id'][:24]:24} {r['answers']:7d} {value:>7} {baseline:>9} "
                f"{r['rmse']:6.3f}"
            )
    lines.append("")
    lines.append(
        "time: " + ", ".join(f"{k} {v:.1f} s" for k, v in report.seconds.items() if k != "total")
    )
    return "\n".join(lines)
