"""The calculations behind computed questions: parameters, formula, working and usual slips.

This module is pure Python. The answer a candidate is graded against comes from
PyTorch (:mod:`interviewer.handson.torch_tasks`, run in a worker process); the
formula here writes the working shown in the feedback, names the slips behind a
wrong answer ("the padding is left out") and stands in when torch cannot run.
The tests check that formula and torch agree for every drawn instance.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

__all__ = ["TASKS", "Slip", "Solution", "Task", "draw_params", "solve"]

Params = Mapping[str, int]


@dataclass(frozen=True)
class Slip:
    """A wrong answer that a known mistake produces, and the hint that names it."""

    value: tuple[float, ...]
    hint: str
    credit: float = 1.0


@dataclass(frozen=True)
class Solution:
    """The expected answer of one instance and how to get there.

    Attributes:
        value: The numbers of the answer (a shape has several; ``()`` = impossible).
        working: Lines of working, from formula to result.
        unit: What the numbers are ("pixels", "parameters", "MiB", ...).
        slips: Wrong answers that known mistakes give, with their hints.
        tolerance: Relative tolerance for a match (0 = exact).
        names: What each number is, when there are several ("one-hot", "label").
    """

    value: tuple[float, ...]
    working: list[str]
    unit: str
    slips: list[Slip] = field(default_factory=list)
    tolerance: float = 0.0
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Task:
    """A kind of calculation: its parameter names and its formula."""

    name: str
    params: tuple[str, ...]
    solve: Callable[[Params], Solution]


def _conv_size(size: int, kernel: int, padding: int, stride: int, dilation: int) -> int:
    span = dilation * (kernel - 1) + 1
    return (size + 2 * padding - span) // stride + 1


def _conv_output(p: Params) -> Solution:
    n, k, pad, s, d, c = (
        p[x] for x in ("size", "kernel", "padding", "stride", "dilation", "channels")
    )
    span = d * (k - 1) + 1
    working = [
        "output = floor((input + 2*padding - dilation*(kernel-1) - 1) / stride) + 1",
        f"       = floor(({n} + 2*{pad} - {d}*({k}-1) - 1) / {s}) + 1",
    ]
    if n + 2 * pad < span:
        working.append(
            f"the padded input ({n + 2 * pad}) is smaller than the filter's span ({span}): "
            "the filter does not fit, so there is no output (PyTorch raises an error)"
        )
        return Solution((), working, "pixels")
    out = _conv_size(n, k, pad, s, d)
    shape = f"{out}x{out}" + (f" with {c} channels" if c > 1 else "")
    working.append(f"       = {out}, so the output is {shape}")
    slips = [
        Slip(
            (_conv_size(n, k, 0, s, d),) * 2,
            "It looks like the padding was left out: "
            f"{pad} pixels are added on each side, so the input is {n + 2 * pad} wide.",
        ),
        Slip(
            (_conv_size(n, k, pad, 1, d),) * 2,
            f"It looks like the stride of {s} was left out: "
            "divide the distance the filter travels by the stride.",
        ),
        Slip(
            (_conv_size(n, k, pad, s, 1),) * 2,
            f"It looks like the dilation of {d} was left out: "
            f"a dilated {k}x{k} filter spans {span} pixels.",
        ),
        Slip((out - 1,) * 2, "One short: count the first position of the filter too (the +1)."),
        Slip((out + 1,) * 2, "One too many: the +1 counts the first position only once."),
        Slip(
            (n + 2 * pad - k,) * 2, "Close, but the +1 for the filter's first position is missing."
        ),
    ]
    value = (out, out, c) if c > 1 else (out, out)  # one channel: a question about size only
    return Solution(value, working, "pixels", slips, names=("height", "width", "channels"))


def _pool_output(p: Params) -> Solution:
    n, k, s, pad = (p[x] for x in ("size", "kernel", "stride", "padding"))
    out = (n + 2 * pad - k) // s + 1
    working = [
        "output = floor((input + 2*padding - kernel) / stride) + 1",
        f"       = floor(({n} + 2*{pad} - {k}) / {s}) + 1 = {out}",
        "pooling keeps the number of channels",
    ]
    slips = [
        Slip(((n - k) // s + 1,) * 2, f"It looks like the padding of {pad} was left out."),
        Slip(
            (n + 2 * pad - k + 1,) * 2,
            f"It looks like the stride of {s} was left out: the window jumps by the stride.",
        ),
        Slip(
            (n // k,) * 2,
            "Dividing by the window size works only when stride = window and there is no padding.",
        ),
    ]
    return Solution((out, out), working, "pixels", slips, names=("height", "width"))


def _linear_params(p: Params) -> Solution:
    i, o = p["inputs"], p["outputs"]
    total = i * o + o
    working = [f"weights {i} x {o} = {i * o}", f"biases {o}", f"total {i * o} + {o} = {total}"]
    slips = [
        Slip((i * o,), "That counts the weights only: each output unit has a bias too."),
        Slip((i * o + i,), "The biases belong to the outputs, one per output unit."),
        Slip(((i + 1) * (o + 1),), "Only the inputs get the extra bias term, not the outputs."),
    ]
    return Solution((total,), working, "parameters", slips)


def _conv2d_params(p: Params) -> Solution:
    cin, cout, k = p["in_channels"], p["out_channels"], p["kernel"]
    weights = cin * cout * k * k
    total = weights + cout
    working = [
        f"each filter: {k} x {k} x {cin} in-channels = {k * k * cin} weights",
        f"{cout} filters: {k * k * cin} x {cout} = {weights}",
        f"biases: one per filter = {cout}",
        f"total {weights} + {cout} = {total} (the image size does not matter)",
    ]
    slips = [
        Slip((weights,), "That counts the weights only: each filter has a bias too."),
        Slip(
            (k * k * cout + cout,),
            f"Each filter spans every input channel: multiply by the {cin} input channels.",
        ),
        Slip((k * k * cin + 1,), f"That is one filter; the layer has {cout} of them."),
    ]
    return Solution((total,), working, "parameters", slips)


def _embedding_params(p: Params) -> Solution:
    v, d = p["vocabulary"], p["dim"]
    total = v * d
    working = [f"one vector of {d} numbers per token: {v} x {d} = {total} (no bias)"]
    slips = [
        Slip((v * d + d,), "An embedding is a lookup table: it has no bias."),
        Slip((v,), f"Each token has a whole vector of {d} numbers, not one number."),
    ]
    return Solution((total,), working, "parameters", slips)


def _recurrent_params(p: Params, gates: int, name: str) -> Solution:
    i, h = p["inputs"], p["hidden"]
    per_gate = h * i + h * h + 2 * h
    total = gates * per_gate
    working = [
        f"{name} has {gates} gate blocks, each with input weights, recurrent weights and biases",
        f"per block: {h}x{i} + {h}x{h} + 2x{h} (PyTorch keeps two bias vectors) = {per_gate}",
        f"total: {gates} x {per_gate} = {total}",
    ]
    one_bias = gates * (h * i + h * h + h)
    slips = [
        Slip(
            (one_bias,),
            "That is the textbook count with one bias per gate; PyTorch keeps two "
            f"(b_ih and b_hh), so it has {gates * h} more.",
            credit=4.0,
        ),
        Slip(
            (gates * (h * i + h * h),), "That counts the weights only: every gate has biases too."
        ),
        Slip((per_gate,), f"That is one gate block; {name} has {gates}."),
        Slip((h * i + h * h + h,), f"That is a plain RNN cell; {name} has {gates} gate blocks."),
    ]
    return Solution((total,), working, "parameters", slips)


def _mlp_params(p: Params) -> Solution:
    sizes = [p["inputs"], p["hidden1"], p["hidden2"], p["outputs"]]
    lines = []
    total = 0
    weights_only = 0
    for a, b in itertools.pairwise(sizes):
        lines.append(f"{a} -> {b}: {a} x {b} + {b} = {a * b + b}")
        total += a * b + b
        weights_only += a * b
    lines.append(f"total: {total}")
    first = sizes[0] * sizes[1] + sizes[1]
    slips = [
        Slip((weights_only,), "That counts the weights only: each layer's outputs have biases."),
        Slip((first,), "That is the first layer only; add the other two."),
    ]
    return Solution((total,), lines, "parameters", slips)


def _receptive_field(p: Params) -> Solution:
    layers, k, s = p["layers"], p["kernel"], p["stride"]
    field_ = 1
    jump = 1
    lines = ["r = 1; for each layer: r += (kernel - 1) x (product of the earlier strides)"]
    for index in range(layers):
        field_ += (k - 1) * jump
        lines.append(f"layer {index + 1}: r += ({k} - 1) x {jump} -> {field_}")
        jump *= s
    no_stride = 1 + layers * (k - 1)
    slips = [
        Slip(
            (no_stride,) * 2,
            "That ignores the strides: after a stride-"
            f"{s} layer each step of the next filter covers {s} input pixels.",
        )
    ]
    if s > 1:
        slips.append(Slip((k * layers,) * 2, "The filters overlap: add (kernel - 1) per layer."))
    return Solution((field_, field_), lines, "pixels", slips, names=("height", "width"))


def _one_hot(p: Params) -> Solution:
    k = p["categories"]
    lines = [
        f"one-hot: one 0/1 column per category = {k} columns",
        "label encoding: one column of integers 0..k-1 = 1 column",
    ]
    slips = [
        Slip(
            (k - 1, 1),
            f"Dropping one column (dummy coding) gives {k - 1}; plain one-hot keeps all {k}.",
        ),
        Slip((1, k), "Swapped: one-hot is the wide one."),
    ]
    return Solution((k, 1), lines, "columns", slips, names=("one-hot", "label encoding"))


def _activation_memory(p: Params) -> Solution:
    b, c, h, size = p["batch"], p["channels"], p["size"], p["bytes"]
    count = b * c * h * h
    mib = count * size / 2**20
    lines = [
        f"values: {b} x {c} x {h} x {h} = {count:,}",
        f"bytes: {count:,} x {size} = {count * size:,}",
        f"MiB: {count * size:,} / 1,048,576 = {mib:.2f}",
    ]
    slips = [
        Slip((count * size / 1e6,), "That is megabytes (10^6 bytes); a MiB is 2^20 = 1,048,576."),
        Slip((count / 2**20,), f"That counts values, not bytes: each takes {size} bytes."),
        Slip((count * size / 2**10,), "That is KiB: divide by 1024 once more."),
    ]
    return Solution((round(mib, 4),), lines, "MiB", slips, tolerance=0.01)


TASKS: dict[str, Task] = {
    t.name: t
    for t in [
        Task(
            "conv-output",
            ("size", "kernel", "padding", "stride", "dilation", "channels"),
            _conv_output,
        ),
        Task("pool-output", ("size", "kernel", "stride", "padding"), _pool_output),
        Task("linear-params", ("inputs", "outputs"), _linear_params),
        Task("conv2d-params", ("in_channels", "out_channels", "kernel"), _conv2d_params),
        Task("embedding-params", ("vocabulary", "dim"), _embedding_params),
        Task("lstm-params", ("inputs", "hidden"), lambda p: _recurrent_params(p, 4, "an LSTM")),
        Task("gru-params", ("inputs", "hidden"), lambda p: _recurrent_params(p, 3, "a GRU")),
        Task("mlp-params", ("inputs", "hidden1", "hidden2", "outputs"), _mlp_params),
        Task("receptive-field", ("layers", "kernel", "stride"), _receptive_field),
        Task("one-hot-width", ("categories",), _one_hot),
        Task("activation-memory", ("batch", "channels", "size", "bytes"), _activation_memory),
    ]
}
"""Every calculation a computed question may name, by name."""


def draw_params(question_id: str, choices: Mapping[str, list[int]], seed: int) -> dict[str, int]:
    """The parameters of one instance: the same question and seed draw the same values."""
    rng = random.Random(f"{question_id}:{seed}")
    return {name: rng.choice(values) for name, values in sorted(choices.items())}


def solve(task: str, params: Params) -> Solution:
    """The formula's answer and working for ``params``.

    Raises:
        KeyError: for an unknown task.
    """
    return TASKS[task].solve(params)
