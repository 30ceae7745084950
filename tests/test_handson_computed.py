"""Computed questions: the formula agrees with real torch layers; answers are judged fairly."""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import pytest

from interviewer.bank import Bank
from interviewer.handson.computed import grade_computed, instance
from interviewer.handson.tasks import TASKS, draw_params, solve
from interviewer.handson.torch_tasks import MEASURES, measure
from interviewer.models import ComputedQuestion


def _computed(bank: Bank) -> list[ComputedQuestion]:
    return [q for q in bank.handson.values() if isinstance(q, ComputedQuestion)]


def _formula(task: str, params: Mapping[str, int]) -> list[float]:
    return [float(v) for v in solve(task, params).value]


def _question(task: str, **params: int) -> ComputedQuestion:
    return ComputedQuestion(
        id="t",
        kind="computed",
        ask="?",
        level="basic",
        topics=["basics"],
        tracks=["general"],
        hints=["h"],
        task=task,
        params={k: [v] for k, v in params.items()},
    )


def test_every_task_has_a_torch_measurement() -> None:
    assert set(TASKS) == set(MEASURES)


def test_the_bank_covers_every_task(bank: Bank) -> None:
    assert {q.task for q in _computed(bank)} == set(TASKS)


def test_formula_and_torch_agree_on_every_instance_the_bank_can_draw(bank: Bank) -> None:
    checked = 0
    for question in _computed(bank):
        names = sorted(question.params)
        for combo in itertools.product(*(question.params[n] for n in names)):
            params = dict(zip(names, combo, strict=True))
            assert measure(question.task, params) == _formula(question.task, params), (
                question.id,
                params,
            )
            checked += 1
    assert checked > 300


def test_the_same_seed_draws_the_same_numbers(bank: Bank) -> None:
    question = bank.handson["calc-conv-output"]
    assert isinstance(question, ComputedQuestion)
    assert instance(question, 11) == instance(question, 11)
    drawn = {tuple(sorted(instance(question, seed)[0].items())) for seed in range(30)}
    assert len(drawn) > 5  # seeds really vary the question
    params, text = instance(question, 11)
    assert f"{params['size']}x{params['size']}" in text and "{" not in text


def test_draws_stay_within_the_given_values() -> None:
    params = draw_params("q", {"a": [1, 2], "b": [7]}, 5)
    assert params["a"] in (1, 2) and params["b"] == 7


def _torch(answer: list[float]) -> object:
    return lambda task, params: answer


# ----- the 5x5 input with a 7x7 filter (article 000) -------------------------------------


@pytest.mark.parametrize("answer", ["1x1", "1 by 1", "(1, 1)", "one", "1", "[1, 1]"])
def test_padding_one_gives_one_by_one(answer: str) -> None:
    question = _question(
        "conv-output", size=5, kernel=7, padding=1, stride=1, dilation=1, channels=1
    )
    result = grade_computed(question, 0, answer)
    assert result.grade == 5.0, result.feedback
    assert result.details["source"] == "torch"
    assert "floor((5 + 2*1 - 1*(7-1) - 1) / 1) + 1" in result.feedback


def test_no_padding_means_the_filter_does_not_fit() -> None:
    question = _question(
        "conv-output", size=5, kernel=7, padding=0, stride=1, dilation=1, channels=1
    )
    assert grade_computed(question, 0, "it doesn't fit, there is no output").grade == 5.0
    wrong = grade_computed(question, 0, "1x1")
    assert wrong.grade == 0.0 and "larger than the padded input" in wrong.feedback


def test_forgotten_padding_gets_a_targeted_hint() -> None:
    question = _question(
        "conv-output", size=32, kernel=5, padding=2, stride=1, dilation=1, channels=16
    )
    assert grade_computed(question, 0, "32x32x16").grade == 5.0
    assert grade_computed(question, 0, "16x32x32").grade == 5.0  # PyTorch's C, H, W order
    assert grade_computed(question, 0, "32x32").grade == 5.0  # the spatial size alone
    result = grade_computed(question, 0, "28x28")
    assert result.grade < 2 and "padding was left out" in result.feedback


def test_forgotten_stride_and_dilation_get_their_hints() -> None:
    question = _question(
        "conv-output", size=28, kernel=3, padding=1, stride=2, dilation=2, channels=8
    )
    right = measure(
        "conv-output",
        {"size": 28, "kernel": 3, "padding": 1, "stride": 2, "dilation": 2, "channels": 8},
    )
    assert grade_computed(question, 0, f"{int(right[0])}x{int(right[1])}").grade == 5.0
    assert "stride" in grade_computed(question, 0, "26x26").feedback
    assert "dilation" in grade_computed(question, 0, "14x14").feedback


# ----- parameter counts ------------------------------------------------------------------


def test_mnist_first_layer_is_200960_and_a_forgotten_bias_is_named() -> None:
    question = _question("linear-params", inputs=784, outputs=256)
    assert grade_computed(question, 0, "200,960").grade == 5.0
    about = grade_computed(question, 0, "about 200k")
    assert about.grade == 4.0 and about.details["approximate"]
    assert "approximately" in about.feedback and "200,960" in about.feedback
    result = grade_computed(question, 0, "200704")
    assert result.grade < 2 and "bias" in result.feedback


def test_the_mnist_mlp_has_235146_parameters() -> None:
    question = _question("mlp-params", inputs=784, hidden1=256, hidden2=128, outputs=10)
    assert grade_computed(question, 0, "235,146").grade == 5.0
    assert "bias" in grade_computed(question, 0, "234752").feedback
    assert "first layer only" in grade_computed(question, 0, "200960").feedback


def test_lstm_and_gru_counts_and_the_two_bias_vectors() -> None:
    lstm = _question("lstm-params", inputs=10, hidden=20)
    assert grade_computed(lstm, 0, "2,560").grade == 5.0  # 4 * (20*10 + 20*20 + 2*20)
    textbook = grade_computed(lstm, 0, "2480")  # one bias per gate
    assert textbook.grade == 4.0 and "b_ih and b_hh" in textbook.feedback
    assert "four" not in textbook.feedback
    gru = _question("gru-params", inputs=10, hidden=20)
    assert grade_computed(gru, 0, "1920").grade == 5.0
    assert "GRU has 3" in grade_computed(gru, 0, "640").feedback


def test_conv2d_and_embedding_counts() -> None:
    conv = _question("conv2d-params", in_channels=3, out_channels=16, kernel=3)
    assert grade_computed(conv, 0, "448").grade == 5.0
    assert "bias" in grade_computed(conv, 0, "432").feedback
    embedding = _question("embedding-params", vocabulary=10000, dim=300)
    assert grade_computed(embedding, 0, "3 million").grade == 5.0
    assert "no bias" in grade_computed(embedding, 0, "3,000,300").feedback


# ----- the rest --------------------------------------------------------------------------


def test_receptive_field_and_its_stride_hint() -> None:
    question = _question("receptive-field", layers=3, kernel=3, stride=2)
    assert grade_computed(question, 0, "15x15").grade == 5.0  # 1 + 2 + 4 + 8
    assert "strides" in grade_computed(question, 0, "7").feedback


def test_one_hot_width_against_label_encoding() -> None:
    question = _question("one-hot-width", categories=12)
    assert grade_computed(question, 0, "12 and 1").grade == 5.0
    assert grade_computed(question, 0, "twelve columns vs one").grade == 5.0
    assert "Swapped" in grade_computed(question, 0, "1 and 12").feedback
    assert grade_computed(question, 0, "12 and 12").grade == 2.5


def test_activation_memory_in_mib_and_the_mb_slip() -> None:
    question = _question("activation-memory", batch=32, channels=64, size=56, bytes=4)
    assert grade_computed(question, 0, "24.5 MiB").grade == 5.0  # 32*64*56*56*4 / 2^20
    assert grade_computed(question, 0, "2^20").grade == 0.0
    assert "MiB is 2^20" in grade_computed(question, 0, "25.69").feedback
    assert "bytes" in grade_computed(question, 0, "6.125").feedback


def test_no_number_and_garbage_are_graded_not_raised() -> None:
    question = _question("linear-params", inputs=10, outputs=5)
    for answer in ["", "no idea", "\x00", "9^99999", "x" * 50_000]:
        result = grade_computed(question, 0, answer)
        assert 0 <= result.grade <= 5


def test_feedback_shows_the_working_after_the_verdict() -> None:
    question = _question("linear-params", inputs=10, outputs=5)
    result = grade_computed(question, 0, "50")
    verdict, _, rest = result.feedback.partition("\n\nExpected: ")
    assert "bias" in verdict and "55" not in verdict  # the answer waits for the reveal
    assert "55 parameters" in rest and "weights 10 x 5 = 50" in rest


def test_without_torch_the_formula_stands_in() -> None:
    def broken(task: str, params: Mapping[str, int]) -> list[float]:
        raise RuntimeError("no torch here")

    question = _question("linear-params", inputs=10, outputs=5)
    result = grade_computed(question, 0, "55", measure=broken)
    assert result.grade == 5.0 and result.details["source"] == "formula"
    assert "torch could not run" in result.feedback


def test_torch_is_trusted_over_the_formula() -> None:
    question = _question("linear-params", inputs=10, outputs=5)
    result = grade_computed(question, 0, "56", measure=lambda t, p: [56.0])
    assert result.grade == 5.0 and "textbook formula gives 55" in result.feedback
