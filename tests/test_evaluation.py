"""``interviewer eval`` and its statistics, on small synthetic datasets."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
from scipy.stats import pearsonr, spearmanr
from sklearn.metrics import cohen_kappa_score

from interviewer.authoring.stats import (
    pearson,
    quadratic_weighted_kappa,
    rmse,
    spearman,
)
from interviewer.cli import main
from interviewer.evaluation.agreement import fold_ids, measure_agreement
from interviewer.evaluation.answer_signals import blank_answer
from interviewer.evaluation.dataset import load_items
from interviewer.evaluation.linear_map import cross_val_predict

TOPICS = [
    ("What does a stack do?", "stack pushes elements onto top pops newest first lifo order"),
    ("What is a queue?", "queue enqueues items at rear dequeues oldest front fifo"),
    ("What is a hash table?", "hash function maps keys buckets constant average lookup collisions"),
    ("What is a binary tree?", "binary tree nodes left right children root leaves recursion"),
    ("What is a linked list?", "linked list nodes store pointer next element dynamic insertion"),
    ("What is recursion?", "function calls itself smaller subproblem base case terminates"),
]
FILLER = ["well", "basically", "think", "maybe", "honestly", "probably", "answer", "thing", "stuff"]


def _synthetic(path: Path, seed: int = 3, with_split: bool = True) -> Path:
    """Scores are exactly 5 x the share of reference words the answer uses."""
    rng = random.Random(seed)
    lines = []
    for number, (question, reference) in enumerate(TOPICS):
        words = reference.split()
        for index in range(18):
            k = index % (len(words) + 1)
            chosen = rng.sample(words, k) + rng.sample(FILLER, 3)
            rng.shuffle(chosen)
            row = {
                "question_id": f"q{number}",
                "question": question,
                "reference_answer": reference.capitalize() + ".",
                "answer": " ".join(chosen),
                "score": round(5 * k / len(words), 3),
            }
            if with_split:
                row["split"] = f"s{number % 3}"
            lines.append(json.dumps(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_stats_match_scipy_and_sklearn() -> None:
    rng = np.random.default_rng(0)
    a = rng.integers(0, 6, 200).astype(float)
    b = np.clip(a + rng.normal(0, 1.2, 200), 0, 5)
    assert pearson(a, b) == pytest.approx(pearsonr(a, b)[0])
    assert spearman(a, b) == pytest.approx(spearmanr(a, b)[0])
    rounded = np.floor(b + 0.5)
    expected = cohen_kappa_score(a.astype(int), rounded.astype(int), weights="quadratic")
    assert quadratic_weighted_kappa(a, b) == pytest.approx(expected)
    assert rmse([1, 2], [1, 4]) == pytest.approx(np.sqrt(2))
    assert pearson([1, 1, 1], [1, 2, 3]) == 0.0


def test_cross_validation_never_sees_the_scored_fold() -> None:
    rng = np.random.default_rng(1)
    features = rng.normal(size=(60, 3))
    target = rng.uniform(0, 5, 60)
    folds = np.repeat(np.arange(4), 15)
    before = cross_val_predict(features, target, folds)
    changed = target.copy()
    changed[folds == 2] = 5 - changed[folds == 2]
    after = cross_val_predict(features, changed, folds)
    assert np.allclose(before[folds == 2], after[folds == 2])
    assert not np.allclose(before[folds != 2], after[folds != 2])


def test_eval_agrees_when_scores_follow_overlap(tmp_path: Path) -> None:
    items = load_items(_synthetic(tmp_path / "data.jsonl"))
    report = measure_agreement(items)
    assert report.protocol == "leave-one-split-out (3 folds)"
    main_system = report.systems["interviewer"]
    assert main_system.pearson > 0.95
    assert main_system.spearman > 0.9
    assert main_system.rmse < 0.6
    assert main_system.qwk > 0.9
    assert report.answers == 108 and report.questions == 6
    assert {row["signal"] for row in report.ablation} >= {"recall", "blank", "concepts", "peer"}
    assert all(row["pearson"] is not None for row in report.per_question)


def test_eval_without_split_keeps_questions_together(tmp_path: Path) -> None:
    items = load_items(_synthetic(tmp_path / "data.jsonl", with_split=False))
    folds, protocol = fold_ids(items)
    assert protocol.endswith("folds by question (no split field)")
    for qid in {i.question_id for i in items}:
        assert len({f for f, i in zip(folds, items, strict=True) if i.question_id == qid}) == 1


def test_eval_cli_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _synthetic(tmp_path / "data.jsonl")
    assert main(["eval", str(path), "--json", "--no-peer"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["systems"]) == {"interviewer", "tf-idf cosine"}
    assert data["seconds"]["total"] > 0
    assert main(["eval", str(path), "--per-question", "--no-concepts"]) == 0
    out = capsys.readouterr().out
    assert "leave-one-split-out" in out and "q5" in out


def test_eval_rejects_bad_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.jsonl"
    good = {"question": "q", "reference_answer": "r", "answer": "a", "score": 1}
    path.write_text(
        json.dumps(good) + "\n{not json\n" + json.dumps({"question": "q"}) + "\n",
        encoding="utf-8",
    )
    assert main(["eval", str(path)]) == 2
    err = capsys.readouterr().err
    assert "line 2" in err and "line 3: missing reference_answer, answer, score" in err
    assert main(["eval", str(tmp_path / "missing.jsonl")]) == 2


@pytest.mark.parametrize(
    ("answer", "blank"),
    [
        ("", True),
        ("not answered", True),
        ("NO ANSWER.", True),
        ("I don't know", True),
        ("a stack is lifo", False),
        ("no", False),
    ],
)
def test_blank_answers(answer: str, blank: bool) -> None:
    assert blank_answer(answer) is blank
