"""``interviewer rubric draft``: a loadable starter rubric built from the reference."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from interviewer.authoring.draft import draft_rubric
from interviewer.authoring.lint import lint_paths
from interviewer.authoring.yaml_io import draft_to_yaml
from interviewer.bank import Bank
from interviewer.cli import main
from interviewer.loader import load_rubric_file
from interviewer.models import Concept, Question

QUESTION = "What does dropout do during training?"
REFERENCE = (
    "Dropout randomly zeroes a fraction of the activations at every training step. "
    "The network cannot lean on any single neuron, so co-adaptation drops and the "
    "model generalises better; it behaves like an ensemble of thinned networks. "
    "At inference nothing is dropped and the activations are rescaled."
)
BACKGROUND = [
    "The network is trained on the training data, one step at a time.",
    "A neural network has layers of neurons; training changes the weights.",
    "The model is trained with gradient descent; each step updates the model.",
    "Convolutional networks share weights across the image during training.",
    "Recurrent networks process sequences step by step and are hard to train.",
    "Batch normalisation rescales activations, which stabilises training of deep networks.",
]


def _bank_with_synonyms() -> Bank:
    concept = Concept(
        id="ensemble",
        label="Acts as an ensemble",
        phrasings=["averages an ensemble of models"],
        synonyms={"ensemble": ["committee", "bagging"]},
        missing_feedback="Mention the ensemble view.",
    )
    question = Question(
        id="bagging",
        ask="What is bagging?",
        rephrasings=["Explain bagging."],
        level="basic",
        topics=["ensembles"],
        tracks=["general"],
        reference="Bagging averages an ensemble of models trained on bootstrap samples.",
        concepts=[concept],
        hints=["Think of averaging."],
    )
    bank = Bank()
    bank.questions[question.id] = question
    return bank


def test_draft_proposes_the_distinctive_terms() -> None:
    draft = draft_rubric(QUESTION, REFERENCE, background=BACKGROUND, bank=_bank_with_synonyms())
    phrasings = " | ".join(p for c in draft.question.concepts for p in c.phrasings)
    for term in ("ensemble", "co-adaptation", "rescaled", "zeroes"):
        assert term in phrasings
    top = [term for term, _ in draft.terms[:8]]
    assert "network" not in top and "training" not in top  # common in the background
    assert "dropout" not in top  # repeats the question: demoted
    assert 3 <= len(draft.question.concepts) <= 5
    assert sum(c.key for c in draft.question.concepts) == 2
    assert all(c.probe for c in draft.question.concepts if c.key)


def test_synonyms_are_suggested_from_the_bank() -> None:
    draft = draft_rubric(QUESTION, REFERENCE, background=BACKGROUND, bank=_bank_with_synonyms())
    concept = next(c for c in draft.concepts if "ensemble" in " ".join(c.concept.phrasings))
    assert concept.concept.synonyms.get("ensemble") == ["committee", "bagging"]
    assert "bagging/ensemble" in concept.related


def test_draft_yaml_loads_and_lints_without_errors(tmp_path: Path) -> None:
    draft = draft_rubric(
        QUESTION, REFERENCE, background=BACKGROUND, question_id="dropout-draft", max_concepts=4
    )
    text = draft_to_yaml(draft, topic="dropout")
    assert text.count("TODO") >= 3
    path = tmp_path / "dropout.yaml"
    path.write_text(text, encoding="utf-8")
    rubric = load_rubric_file(path)
    assert rubric.questions[0].id == "dropout-draft"
    assert rubric.questions[0].concepts == draft.question.concepts
    report = lint_paths([path], with_bank=False)
    assert not report.errors
    assert any("no misconception" in p.message for p in report.warnings)


def test_cli_reads_stdin_and_writes_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(REFERENCE))
    out = tmp_path / "draft.yaml"
    code = main(["rubric", "draft", "--question", QUESTION, "--reference", "-", "--out", str(out)])
    assert code == 0
    assert "wrote" in capsys.readouterr().out
    question = load_rubric_file(out).questions[0]
    assert question.reference.startswith("Dropout randomly zeroes")


def test_cli_draft_to_stdout_from_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref = tmp_path / "ref.txt"
    ref.write_text(REFERENCE, encoding="utf-8")
    assert main(["rubric", "draft", "--question", QUESTION, "--reference", str(ref)]) == 0
    assert "concepts:" in capsys.readouterr().out


def test_cli_draft_rejects_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["rubric", "draft", "--question", "Q?", "--reference", str(missing)]) == 2
    empty = tmp_path / "empty.txt"
    empty.write_text("the of and ...", encoding="utf-8")
    assert main(["rubric", "draft", "--question", "Q?", "--reference", str(empty)]) == 2
    assert "no content words" in capsys.readouterr().err
