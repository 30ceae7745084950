"""Each wrong claim in ERRATA.md, given as an answer, grades low and hears its correction."""

from __future__ import annotations

import pytest

from interviewer.grading import default_grader
from interviewer.loader import load_bank

# (question id, the wrong claim as a candidate might say it)
ERRATA_ANSWERS = [
    ("transfer-learning", "Transfer learning is basically another name for multi-task learning."),
    (
        "lstm-vanishing-gradients",
        "An LSTM has somewhere between 3 and 5 gates, usually input, output, hidden "
        "and activation gates.",
    ),
    (
        "resnet",
        "Skip connections let ResNet skip training some of its layers, which is what "
        "makes it efficient.",
    ),
    (
        "vanishing-exploding-gradients",
        "With vanishing gradients the size of the network keeps decreasing as training goes on.",
    ),
    (
        "overfitting-remedies",
        "Just train for more epochs: more epochs always lead to better accuracy.",
    ),
    (
        "rbm",
        "An RBM has no connections between its hidden layers and is derived from Markov state "
        "machines, so it can represent almost any computable function.",
    ),
    ("sobel-filter", "The Sobel operator works because it has a large convolution kernel."),
    (
        "hyperparameter-tuning",
        "Tuning is hard because a deep network has millions of hyperparameters to set.",
    ),
    (
        "capsule-networks",
        "Capsules were introduced because generative networks jumble the parts of faces.",
    ),
    (
        "dropout",
        "In general you drop each node with probability 0.5, and you can use dropout on any layer.",
    ),
    ("why-gpus", "GPUs are nothing but CPUs with more ALUs."),
    (
        "cnn-vs-ann-images",
        "CNNs have fewer parameters since the number of units in the network decreases.",
    ),
    ("same-weight-init", "If all weights start at the same value the model would underfit."),
    (
        "vanishing-exploding-gradients",
        "Exploding gradients happen because the steps become too large.",
    ),
    ("lstm-vanishing-gradients", "The forget gate is basically the memory unit of the LSTM."),
    ("is-dl-better", "Yes, deep learning is simply better than machine learning."),
    (
        "ml-vs-dl",
        "The main difference is that in deep learning feature engineering is not needed at all.",
    ),
    (
        "feedforward-vs-backprop",
        "A feed-forward network and a back propagation neural network are two kinds of network.",
    ),
    (
        "build-mlp",
        "For MNIST I would end with a sigmoid output layer and train it with sparse categorical "
        "cross-entropy.",
    ),
    (
        "gradient-descent-steps",
        "Gradient descent works by reducing the values of the neurons that cause the error.",
    ),
    (
        "minibatch-popularity",
        "Mini-batch gradient descent is popular because it avoids local minima.",
    ),
]


@pytest.fixture(scope="module")
def bank():  # type: ignore[no-untyped-def]
    return load_bank()


@pytest.mark.parametrize(("question_id", "answer"), ERRATA_ANSWERS)
def test_errata_claim_grades_low_and_is_corrected(bank, question_id: str, answer: str) -> None:  # type: ignore[no-untyped-def]
    question = bank.question(question_id)
    result = default_grader().grade(question, answer)
    assert result.grade <= 1.5, result.composition
    assert result.misconceptions, f"no misconception found in {answer!r}"
    corrections = {m.id: m.correction for m in question.misconceptions}
    hit = result.misconceptions[0]
    assert hit.correction == corrections[hit.misconception_id]
    assert hit.correction in result.feedback or hit.claim in result.feedback
