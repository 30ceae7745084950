"""Live experiments that back the bank's reference answers with numbers.

A candidate who reads "GRU has fewer parameters than LSTM" or "stacked linear
layers collapse into one" can run ``interviewer demo ID`` and watch PyTorch
show it. The test suite runs the same demos to check that what the bank claims
is true. torch is imported inside each demo, never at module import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["DEMOS", "Demo", "DemoResult", "run_demo"]


@dataclass(frozen=True)
class DemoResult:
    """What a demo measured.

    Attributes:
        question_id: The bank question the demo backs.
        title: One line saying what is shown.
        figures: The measured numbers, by name.
        markdown: A short write-up of the figures for the candidate.
    """

    question_id: str
    title: str
    figures: dict[str, float] = field(default_factory=dict)
    markdown: str = ""


@dataclass(frozen=True)
class Demo:
    """A registered demo: the question it backs and the function that runs it."""

    question_id: str
    title: str
    run: Callable[[], DemoResult]


def _torch() -> Any:
    import torch

    torch.manual_seed(0)
    torch.set_num_threads(1)
    return torch


def _conv_output_size() -> DemoResult:
    torch = _torch()
    image = torch.randn(1, 1, 5, 5)
    kernel = torch.randn(1, 1, 7, 7)
    figures: dict[str, float] = {}
    lines = ["A 5x5 input convolved with a 7x7 filter, stride 1:", ""]
    for padding in (0, 1, 2, 3):
        try:
            out = torch.nn.functional.conv2d(image, kernel, padding=padding)
            size = int(out.shape[-1])
        except RuntimeError:
            size = 0
        figures[f"padding_{padding}"] = size
        shown = f"{size}x{size}" if size else "impossible (the filter does not fit)"
        lines.append(f"- padding {padding}: output {shown}; formula (5 + 2*{padding} - 7) + 1")
    return DemoResult("conv-output-size", _TITLES["conv-output-size"], figures, "\n".join(lines))


def _valid_vs_same() -> DemoResult:
    torch = _torch()
    image = torch.randn(1, 3, 28, 28)
    valid = torch.nn.Conv2d(3, 8, 3, padding="valid")(image)
    same = torch.nn.Conv2d(3, 8, 3, padding="same")(image)
    figures = {"valid": float(valid.shape[-1]), "same": float(same.shape[-1])}
    text = (
        f"A 28x28 image through a 3x3 convolution: 'valid' gives {int(figures['valid'])}x"
        f"{int(figures['valid'])}, 'same' pads by one pixel and keeps {int(figures['same'])}x"
        f"{int(figures['same'])}."
    )
    return DemoResult("valid-vs-same-padding", _TITLES["valid-vs-same-padding"], figures, text)


def _train_symmetry(constant: bool) -> float:
    torch = _torch()
    model = torch.nn.Sequential(torch.nn.Linear(4, 6), torch.nn.Tanh(), torch.nn.Linear(6, 1))
    if constant:
        for param in model.parameters():
            torch.nn.init.constant_(param, 0.3)
    inputs = torch.randn(64, 4)
    targets = inputs.sum(dim=1, keepdim=True).sin()
    optimiser = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(100):
        optimiser.zero_grad()
        loss = torch.nn.functional.mse_loss(model(inputs), targets)
        loss.backward()
        optimiser.step()
    weights = model[0].weight.detach()
    return float((weights - weights[0]).abs().max())


def _same_weight_init() -> DemoResult:
    figures = {
        "spread_constant_init": _train_symmetry(constant=True),
        "spread_random_init": _train_symmetry(constant=False),
    }
    text = (
        "Six hidden units trained for 100 SGD steps. Largest difference between any unit's "
        f"weights and the first unit's: constant init {figures['spread_constant_init']:.2e} "
        f"(they stay clones), random init {figures['spread_random_init']:.2f}."
    )
    return DemoResult("same-weight-init", _TITLES["same-weight-init"], figures, text)


def _fit_xor(activation: bool) -> float:
    torch = _torch()
    inputs = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    targets = torch.tensor([[0.0], [1.0], [1.0], [0.0]])
    middle = torch.nn.Tanh() if activation else torch.nn.Identity()
    model = torch.nn.Sequential(torch.nn.Linear(2, 8), middle, torch.nn.Linear(8, 1))
    optimiser = torch.optim.Adam(model.parameters(), lr=0.05)
    loss = torch.tensor(0.0)
    for _ in range(400):
        optimiser.zero_grad()
        loss = torch.nn.functional.mse_loss(model(inputs), targets)
        loss.backward()
        optimiser.step()
    return float(loss.detach())


def _no_activation() -> DemoResult:
    torch = _torch()
    layers = [torch.nn.Linear(5, 5, bias=False) for _ in range(3)]
    x = torch.randn(10, 5)
    stacked = layers[2](layers[1](layers[0](x)))
    merged = x @ (layers[2].weight @ layers[1].weight @ layers[0].weight).T
    figures = {
        "collapse_error": float((stacked - merged).abs().max().detach()),
        "xor_loss_linear": _fit_xor(activation=False),
        "xor_loss_tanh": _fit_xor(activation=True),
    }
    text = (
        "Three stacked linear layers equal one matrix (max difference "
        f"{figures['collapse_error']:.1e}). On XOR, the linear stack's loss stays at "
        f"{figures['xor_loss_linear']:.3f} (the best a line can do is 0.25) while one tanh "
        f"between the layers reaches {figures['xor_loss_tanh']:.4f}."
    )
    return DemoResult("no-activation-function", _TITLES["no-activation-function"], figures, text)


def _first_layer_gradient(activation: str, depth: int = 20) -> float:
    torch = _torch()
    layers: list[Any] = []
    for _ in range(depth):
        linear = torch.nn.Linear(64, 64)
        if activation == "relu":
            torch.nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")
            layers += [linear, torch.nn.ReLU()]
        else:
            layers += [linear, torch.nn.Sigmoid()]
    model = torch.nn.Sequential(*layers, torch.nn.Linear(64, 1))
    model(torch.randn(32, 64)).pow(2).mean().backward()
    return float(model[0].weight.grad.norm() / model[-1].weight.grad.norm())


def _vanishing() -> DemoResult:
    figures = {
        "sigmoid_ratio": _first_layer_gradient("sigmoid"),
        "relu_he_ratio": _first_layer_gradient("relu"),
    }
    text = (
        "Gradient norm of the first layer divided by that of the last, in a 20-layer MLP: "
        f"sigmoid {figures['sigmoid_ratio']:.1e} (vanished), ReLU with He init "
        f"{figures['relu_he_ratio']:.2f}."
    )
    return DemoResult(
        "vanishing-exploding-gradients", _TITLES["vanishing-exploding-gradients"], figures, text
    )


def _gru_vs_lstm() -> DemoResult:
    torch = _torch()
    lstm = torch.nn.LSTM(128, 256)
    gru = torch.nn.GRU(128, 256)
    figures = {
        "lstm_params": float(sum(p.numel() for p in lstm.parameters())),
        "gru_params": float(sum(p.numel() for p in gru.parameters())),
        "lstm_gate_blocks": float(lstm.weight_ih_l0.shape[0] // 256),
        "gru_gate_blocks": float(gru.weight_ih_l0.shape[0] // 256),
    }
    text = (
        f"Input 128, hidden 256: the LSTM computes {int(figures['lstm_gate_blocks'])} blocks "
        "(input, forget and output gates plus the candidate cell) with "
        f"{int(figures['lstm_params']):,} parameters; the GRU computes "
        f"{int(figures['gru_gate_blocks'])} (reset and update gates plus the candidate) with "
        f"{int(figures['gru_params']):,}, a quarter fewer, hence less work per step."
    )
    return DemoResult("gru-vs-lstm", _TITLES["gru-vs-lstm"], figures, text)


def _cnn_parameters() -> DemoResult:
    conv_params = 3 * 3 * 3 * 16 + 16
    dense_params = (32 * 32 * 3) * (32 * 32 * 16) + 32 * 32 * 16
    torch = _torch()
    measured = sum(p.numel() for p in torch.nn.Conv2d(3, 16, 3, padding=1).parameters())
    figures = {"conv_params": float(measured), "dense_params": float(dense_params)}
    text = (
        "Mapping a 32x32 RGB image to 16 feature maps of the same size: a 3x3 convolution "
        f"shares one small kernel per map and needs {measured:,} parameters "
        f"(formula {conv_params:,}); a dense layer with the same output needs "
        f"{dense_params:,}."
    )
    return DemoResult("cnn-vs-ann-images", _TITLES["cnn-vs-ann-images"], figures, text)


def _dropout() -> DemoResult:
    torch = _torch()
    layer = torch.nn.Dropout(p=0.5)
    x = torch.ones(100_000)
    layer.train()
    trained = layer(x)
    layer.eval()
    evaluated = layer(x)
    figures = {
        "train_zero_share": float((trained == 0).float().mean()),
        "train_mean": float(trained.mean()),
        "eval_zero_share": float((evaluated == 0).float().mean()),
    }
    text = (
        f"In training mode {figures['train_zero_share']:.1%} of units are zeroed and the rest "
        f"scaled by 2, so the mean stays {figures['train_mean']:.3f} (inverted dropout); in eval "
        f"mode {figures['eval_zero_share']:.0%} are dropped."
    )
    return DemoResult("dropout", _TITLES["dropout"], figures, text)


def _batch_norm() -> DemoResult:
    torch = _torch()
    x = torch.randn(256, 10) * 7 + 3
    out = torch.nn.BatchNorm1d(10)(x)
    figures = {
        "before_mean": float(x.mean()),
        "before_std": float(x.std()),
        "after_mean": float(out.mean().detach()),
        "after_std": float(out.std().detach()),
    }
    text = (
        f"Activations with mean {figures['before_mean']:.2f} and std {figures['before_std']:.2f}"
        f" come out of BatchNorm (training mode) with mean {figures['after_mean']:.2f} and std "
        f"{figures['after_std']:.2f}, before the learned scale and shift."
    )
    return DemoResult("batch-normalisation", _TITLES["batch-normalisation"], figures, text)


def _activation_derivatives() -> DemoResult:
    torch = _torch()
    x = torch.linspace(-6, 6, 1201, requires_grad=True)
    figures = {}
    for name, fn in (("sigmoid", torch.sigmoid), ("tanh", torch.tanh), ("relu", torch.relu)):
        (grad,) = torch.autograd.grad(fn(x).sum(), x)
        figures[f"{name}_max_derivative"] = float(grad.max())
    text = (
        "Largest derivative on [-6, 6]: sigmoid "
        f"{figures['sigmoid_max_derivative']:.3f}, tanh {figures['tanh_max_derivative']:.3f}, "
        f"ReLU {figures['relu_max_derivative']:.3f}. Through twenty sigmoid layers the activation "
        f"derivatives alone multiply a gradient by at most {0.25**20:.0e}."
    )
    return DemoResult("activation-functions", _TITLES["activation-functions"], figures, text)


_TITLES = {
    "conv-output-size": "Output size of a 7x7 filter on a 5x5 input, by padding",
    "valid-vs-same-padding": "Valid vs same padding on a 28x28 image",
    "same-weight-init": "Identical initial weights stay identical: symmetry is never broken",
    "no-activation-function": "Without activations, layers collapse into one linear map",
    "vanishing-exploding-gradients": "Gradient norms through 20 sigmoid vs ReLU layers",
    "gru-vs-lstm": "Gates and parameters of an LSTM and a GRU",
    "cnn-vs-ann-images": "Parameters of a convolution vs a dense layer on an image",
    "dropout": "Dropout in training and evaluation mode",
    "batch-normalisation": "What batch normalisation does to activations",
    "activation-functions": "Derivatives of sigmoid, tanh and ReLU",
}

_RUNNERS: dict[str, Callable[[], DemoResult]] = {
    "conv-output-size": _conv_output_size,
    "valid-vs-same-padding": _valid_vs_same,
    "same-weight-init": _same_weight_init,
    "no-activation-function": _no_activation,
    "vanishing-exploding-gradients": _vanishing,
    "gru-vs-lstm": _gru_vs_lstm,
    "cnn-vs-ann-images": _cnn_parameters,
    "dropout": _dropout,
    "batch-normalisation": _batch_norm,
    "activation-functions": _activation_derivatives,
}

DEMOS: dict[str, Demo] = {qid: Demo(qid, _TITLES[qid], run) for qid, run in _RUNNERS.items()}


def run_demo(question_id: str) -> DemoResult:
    """Run the demo that backs ``question_id``.

    Raises:
        KeyError: if no demo backs that question.
    """
    return DEMOS[question_id].run()
