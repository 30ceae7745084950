"""``interviewer eval``: agreement with human graders on a short-answer dataset.

The dataset (:mod:`interviewer.evaluation.dataset`) holds questions, reference
answers and human-graded answers. A rubric is drafted from every question's
reference answer (as ``rubric draft`` does), every answer is turned into
lexical signals (:mod:`interviewer.evaluation.answer_signals`) and a linear map
from signals to score (:mod:`interviewer.evaluation.linear_map`) is fitted
inside cross-validation folds: leave-one-split-out when the data has splits,
else folds that keep each question's answers together. No answer is ever
scored by a map fitted on its own score. The plain TF-IDF cosine baseline goes
through the same folds.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from interviewer.authoring.stats import (
    Floats,
    pearson,
    quadratic_weighted_kappa,
    rmse,
    spearman,
)
from interviewer.evaluation.answer_signals import (
    LEXICAL_SIGNALS,
    Pair,
    SignalTable,
    lexical_signals,
    peer_signal,
    tfidf_cosine,
)
from interviewer.evaluation.dataset import EvalItem
from interviewer.evaluation.drafted_rubrics import concept_signal
from interviewer.evaluation.linear_map import cross_val_predict

__all__ = [
    "EvalReport",
    "Metrics",
    "fold_ids",
    "measure_agreement",
]

MAIN = "interviewer"
WITH_PEER = "interviewer + peer"
BASELINE = "tf-idf cosine"


def fold_ids(items: Sequence[EvalItem], max_folds: int = 10) -> tuple[np.ndarray[Any, Any], str]:
    """The cross-validation fold of every item, and a description of the protocol.

    Leave-one-split-out when the items carry at least two splits; otherwise
    questions are dealt round-robin into up to ``max_folds`` folds (a
    question's answers stay together), or items are when there is one question.
    """
    splits = sorted({i.split for i in items if i.split is not None})
    if len(splits) >= 2 and all(i.split is not None for i in items):
        index = {s: n for n, s in enumerate(splits)}
        return np.array([index[i.split or ""] for i in items]), (
            f"leave-one-split-out ({len(splits)} folds)"
        )
    questions = list(dict.fromkeys(i.question_id for i in items))
    if len(questions) >= 2:
        k = min(max_folds, len(questions))
        index = {q: n % k for n, q in enumerate(questions)}
        return np.array([index[i.question_id] for i in items]), (
            f"{k} folds by question (no split field)"
        )
    k = min(max_folds, len(items))
    return np.arange(len(items)) % k, f"{k} folds over answers (one question)"


@dataclass(frozen=True)
class Metrics:
    """Agreement of predictions with the human scores."""

    pearson: float
    spearman: float
    rmse: float
    qwk: float

    @classmethod
    def of(cls, predicted: Floats, gold: Floats) -> Metrics:
        """Compute every metric."""
        return cls(
            pearson(predicted, gold),
            spearman(predicted, gold),
            rmse(predicted, gold),
            quadratic_weighted_kappa(predicted, gold),
        )


@dataclass
class EvalReport:
    """Everything ``interviewer eval`` measured.

    Attributes:
        answers: How many answers.
        questions: How many questions.
        protocol: The fold protocol.
        systems: Metrics per system (``interviewer``, ``interviewer + peer``, baseline).
        per_question: Per question: id, answers, Pearson of the main system and of the baseline.
        ablation: Per signal: its columns, r alone, r without it, delta r.
        seconds: Wall time per phase and in total.
        signals: The signals of the main system.
        predictions: The main system's cross-validated predictions.
    """

    answers: int
    questions: int
    protocol: str
    systems: dict[str, Metrics]
    per_question: list[dict[str, Any]]
    ablation: list[dict[str, Any]]
    seconds: dict[str, float]
    signals: list[str]
    predictions: list[float] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (without the per-answer predictions)."""
        return {
            "answers": self.answers,
            "questions": self.questions,
            "protocol": self.protocol,
            "signals": self.signals,
            "systems": {name: vars(m) for name, m in self.systems.items()},
            "per_question": self.per_question,
            "ablation": self.ablation,
            "seconds": self.seconds,
        }


def _per_question(
    items: Sequence[EvalItem], main: Floats, baseline: Floats, gold: Floats
) -> list[dict[str, Any]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        groups[item.question_id].append(index)
    rows = []
    for qid, indexes in groups.items():
        varied = float(np.std(gold[indexes])) > 1e-9
        rows.append(
            {
                "question_id": qid,
                "answers": len(indexes),
                "pearson": pearson(main[indexes], gold[indexes]) if varied else None,
                "baseline_pearson": pearson(baseline[indexes], gold[indexes]) if varied else None,
                "rmse": rmse(main[indexes], gold[indexes]),
            }
        )
    return rows


def measure_agreement(
    items: Sequence[EvalItem],
    *,
    use_concepts: bool = True,
    use_peer: bool = True,
) -> EvalReport:
    """Measure agreement of the drafted-rubric signals with the human scores.

    Args:
        items: The graded answers.
        use_concepts: Also grade with rubrics drafted from the references.
        use_peer: Also report the system with the peer-consensus signal.
    """
    started = time.perf_counter()
    seconds: dict[str, float] = {}
    pairs = [Pair(i.question, i.reference, i.answer) for i in items]
    gold = np.array([i.score for i in items], dtype=float)
    low, high = min(0.0, float(gold.min())), max(5.0, float(gold.max()))
    folds, protocol = fold_ids(items)

    mark = time.perf_counter()
    table = lexical_signals(pairs)
    seconds["lexical signals"] = time.perf_counter() - mark
    names = list(LEXICAL_SIGNALS)
    if use_concepts:
        mark = time.perf_counter()
        table.columns["concepts"] = concept_signal(items)
        seconds["draft rubrics + grade"] = time.perf_counter() - mark
        names.append("concepts")
    mark = time.perf_counter()
    if use_peer:
        table.columns["peer"] = peer_signal(pairs, [i.question_id for i in items])
    table.columns["baseline"] = tfidf_cosine(pairs)
    seconds["peer + baseline signals"] = time.perf_counter() - mark

    mark = time.perf_counter()

    def predict(signal_names: Sequence[str]) -> Floats:
        return cross_val_predict(table.matrix(signal_names), gold, folds, low=low, high=high)

    main = predict(names)
    baseline = predict(["baseline"])
    systems = {MAIN: Metrics.of(main, gold)}
    if use_peer:
        systems[WITH_PEER] = Metrics.of(predict([*names, "peer"]), gold)
    systems[BASELINE] = Metrics.of(baseline, gold)
    ablation = _ablation(table, names, predict, gold, systems[MAIN].pearson, use_peer)
    seconds["fit + ablation"] = time.perf_counter() - mark
    seconds["total"] = time.perf_counter() - started
    return EvalReport(
        answers=len(items),
        questions=len({i.question_id for i in items}),
        protocol=protocol,
        systems=systems,
        per_question=_per_question(items, main, baseline, gold),
        ablation=ablation,
        seconds={k: round(v, 2) for k, v in seconds.items()},
        signals=names,
        predictions=[float(v) for v in main],
    )


def _ablation(
    table: SignalTable,
    names: list[str],
    predict: Any,
    gold: Floats,
    full: float,
    use_peer: bool,
) -> list[dict[str, Any]]:
    rows = []
    for name in [*names, *(["peer"] if use_peer else [])]:
        alone = pearson(predict([name]), gold)
        if name in names:
            without = pearson(predict([n for n in names if n != name]), gold)
            delta = full - without
        else:  # peer is not in the main system: report what adding it gains
            without = full
            delta = pearson(predict([*names, name]), gold) - full
        rows.append(
            {
                "signal": name,
                "columns": int(table.columns[name].shape[1]),
                "r_alone": round(alone, 4),
                "r_without": round(without, 4),
                "delta_r": round(delta, 4),
            }
        )
    return rows
