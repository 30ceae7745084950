"""The PyTorch demos confirm what the bank's reference answers claim."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from interviewer.cli import main
from interviewer.demos import DEMOS, run_demo


def test_demos_module_does_not_import_torch() -> None:
    code = "import sys, interviewer.demos; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_conv_output_size_matches_the_formula() -> None:
    figures = run_demo("conv-output-size").figures
    assert figures["padding_0"] == 0  # a 7x7 filter does not fit a 5x5 input
    for padding in (1, 2, 3):
        assert figures[f"padding_{padding}"] == 5 + 2 * padding - 7 + 1


def test_same_init_keeps_units_identical_and_random_init_does_not() -> None:
    figures = run_demo("same-weight-init").figures
    assert figures["spread_constant_init"] < 1e-5
    assert figures["spread_random_init"] > 0.1


def test_linear_layers_collapse_and_cannot_fit_xor() -> None:
    figures = run_demo("no-activation-function").figures
    assert figures["collapse_error"] < 1e-5
    assert figures["xor_loss_linear"] > 0.24
    assert figures["xor_loss_tanh"] < 0.01


def test_sigmoid_stack_vanishes_while_relu_with_he_init_does_not() -> None:
    figures = run_demo("vanishing-exploding-gradients").figures
    assert figures["sigmoid_ratio"] < 1e-6
    assert figures["relu_he_ratio"] > 1e-2


def test_lstm_has_three_gates_plus_candidate_and_gru_has_fewer_parameters() -> None:
    figures = run_demo("gru-vs-lstm").figures
    assert figures["lstm_gate_blocks"] == 4
    assert figures["gru_gate_blocks"] == 3
    assert figures["gru_params"] == pytest.approx(0.75 * figures["lstm_params"])


def test_convolution_needs_far_fewer_parameters_than_dense() -> None:
    figures = run_demo("cnn-vs-ann-images").figures
    assert figures["conv_params"] == 3 * 3 * 3 * 16 + 16
    assert figures["dense_params"] > 1e5 * figures["conv_params"]


def test_dropout_is_inverted_and_off_in_eval() -> None:
    figures = run_demo("dropout").figures
    assert figures["train_zero_share"] == pytest.approx(0.5, abs=0.01)
    assert figures["train_mean"] == pytest.approx(1.0, abs=0.02)
    assert figures["eval_zero_share"] == 0


def test_batch_norm_standardises_and_activation_derivatives() -> None:
    bn = run_demo("batch-normalisation").figures
    assert abs(bn["after_mean"]) < 1e-3 and bn["after_std"] == pytest.approx(1.0, abs=0.01)
    act = run_demo("activation-functions").figures
    assert act["sigmoid_max_derivative"] == pytest.approx(0.25, abs=1e-3)
    assert act["relu_max_derivative"] == 1.0


def test_every_demo_backs_a_bank_question_id_pattern() -> None:
    for qid, demo in DEMOS.items():
        assert demo.question_id == qid and demo.title


def test_demo_cli_lists_runs_and_rejects_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    assert "gru-vs-lstm" in capsys.readouterr().out
    assert main(["demo", "valid-vs-same-padding", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["figures"] == {"valid": 26.0, "same": 28.0}
    assert main(["demo", "no-such-demo"]) == 2
    assert "no demo for" in capsys.readouterr().err
