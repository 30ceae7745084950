"""The built-in bank covers every article question, with complete rubrics and threads."""

from __future__ import annotations

import itertools
from collections import Counter

from interviewer.bank import Bank
from interviewer.models import Question

# Every question the four source articles ask, by the id the bank gives it.
CATALOGUE = {
    "000": [
        "perceptron-vs-logistic-regression",
        "layer-bias",
        "no-activation-function",
        "same-weight-init",
        "supervised-unsupervised-dl",
        "weights-and-bias-role",
        "forward-backward-propagation",
        "dl-data-structures",
        "batch-normalisation",
        "activation-functions",
        "why-cnn-for-images",
        "rnn-for-text",
        "conv-output-size",
        "valid-vs-same-padding",
        "vanishing-exploding-gradients",
        "transfer-learning",
        "backprop-through-time",
        "lstm-vanishing-gradients",
        "gru-vs-lstm",
        "transformers-vs-rnns",
        "pretrained-models",
        "project-walkthrough",
    ],
    "001": [
        "cnn-vs-ann-images",
        "choose-algorithm",
        "one-hot-vs-label-encoding",
        "why-gpus",
        "face-detection",
        "evaluate-model",
        "loss-not-decreasing",
        "overfitting-remedies",
        "big-data-gradient-descent",
        "why-dl-took-off",
        "choose-network-depth",
        "cnn-layers",
        "cnn-uses",
    ],
    "002": [
        "resnet",
        "dropout",
        "sobel-filter",
        "boltzmann-machines",
        "gates-in-networks",
        "transfer-learning",
        "black-box",
        "weight-initialisation",
        "hyperparameter-tuning",
        "tensors",
        "capsule-networks",
    ],
    "003": [
        "ml-vs-dl",
        "is-dl-better",
        "perceptron",
        "single-layer-drawbacks",
        "mlp-components",
        "build-mlp",
        "adam-optimizer",
        "cost-function",
        "gradient-descent-steps",
        "gradient-descent-variants",
        "minibatch-popularity",
        "feedforward-vs-backprop",
        "what-is-cnn",
        "cnn-layers",
        "rbm",
    ],
}

# Follow-up chains the interview must be able to walk (issue 3).
THREADS = [
    [
        "vanishing-exploding-gradients",
        "rnn-vanishing-gradients",
        "backprop-through-time",
        "lstm-vanishing-gradients",
        "gru-vs-lstm",
        "transformers-vs-rnns",
    ],
    ["weight-initialisation", "same-weight-init"],
    [
        "perceptron",
        "single-layer-drawbacks",
        "mlp-components",
        "activation-functions",
        "no-activation-function",
    ],
    ["what-is-cnn", "cnn-layers", "valid-vs-same-padding", "conv-output-size", "pooling"],
    ["overfitting-remedies", "dropout", "batch-normalisation", "weight-decay"],
    [
        "gradient-descent-steps",
        "gradient-descent-variants",
        "minibatch-popularity",
        "adam-optimizer",
    ],
    ["transfer-learning", "pretrained-models", "project-walkthrough"],
]

REQUIRED_KINDS = {"excellent", "good", "partial", "wrong", "misconception", "keywords"}


def questions(bank: Bank) -> list[Question]:
    return list(bank.questions.values())


def test_every_article_question_is_in_the_bank(bank: Bank) -> None:
    missing = sorted({q for ids in CATALOGUE.values() for q in ids} - set(bank.questions))
    assert not missing


def test_sources_name_the_articles(bank: Bank) -> None:
    for article, ids in CATALOGUE.items():
        for qid in ids:
            assert article in bank.questions[qid].sources, (qid, article)


def test_each_question_has_a_complete_rubric(bank: Bank) -> None:
    problems = []
    for q in questions(bank):
        kinds = {e.kind for e in q.examples}
        if len(q.concepts) < 3:
            problems.append(f"{q.id}: {len(q.concepts)} concepts")
        if not q.misconceptions:
            problems.append(f"{q.id}: no misconception")
        if len(q.hints) < 2:
            problems.append(f"{q.id}: hint ladder of {len(q.hints)}")
        if len(q.examples) < 6 or not kinds >= REQUIRED_KINDS:
            problems.append(f"{q.id}: examples lack {sorted(REQUIRED_KINDS - kinds)}")
        if not any(c.key for c in q.concepts):
            problems.append(f"{q.id}: no key concept to probe")
        for concept in q.concepts:
            if concept.key and not concept.probe:
                problems.append(f"{q.id}.{concept.id}: key concept without probe")
    assert not problems, "\n".join(problems)


def test_levels_make_a_full_interview(bank: Bank) -> None:
    levels = Counter(q.level for q in questions(bank))
    assert levels["basic"] >= 12
    assert levels["intermediate"] >= 10
    assert levels["advanced"] >= 6
    assert levels["project"] >= 1


def test_thread_chains_are_linked(bank: Bank) -> None:
    broken = []
    for chain in THREADS:
        for here, there in itertools.pairwise(chain):
            targets = {link.to for link in bank.questions[here].threads}
            if there not in targets:
                broken.append(f"{here} -> {there}")
    assert not broken


def test_every_errata_claim_is_a_misconception(bank: Bank) -> None:
    errata = [m for q in questions(bank) for m in q.misconceptions if m.errata]
    # ERRATA.md lists 21 wrong claims; some questions carry more than one row.
    assert len(errata) >= 21


def test_tracks_have_flows(bank: Bank) -> None:
    assert {flow.track for flow in bank.flows.values()} >= {"general", "cv", "nlp"}
    for flow in bank.flows.values():
        pooled = [q for q in questions(bank) for s in flow.stages if s.pool and s.pool.admits(q)]
        assert pooled, flow.name
