"""The expected answers of computed questions, measured on real PyTorch modules.

Each function builds the layer a question describes, passes a tensor through it
and reads the shape, the parameter count or the memory off the result. It runs
in the torch worker process (:mod:`interviewer.handson.worker`), never in the
interviewer's own process; torch is imported inside the functions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["MEASURES", "measure"]

Params = Mapping[str, int]


def _torch() -> Any:
    import torch

    torch.set_num_threads(1)
    return torch


def _count(module: Any) -> int:
    return int(sum(p.numel() for p in module.parameters()))


def _conv_output(p: Params) -> list[float]:
    torch = _torch()
    layer = torch.nn.Conv2d(
        3,
        p["channels"],
        p["kernel"],
        stride=p["stride"],
        padding=p["padding"],
        dilation=p["dilation"],
    )
    try:
        out = layer(torch.zeros(1, 3, p["size"], p["size"]))
    except RuntimeError:  # the filter does not fit the padded input
        return []
    _, c, h, w = out.shape
    return [h, w, c] if c > 1 else [h, w]


def _pool_output(p: Params) -> list[float]:
    torch = _torch()
    pool = torch.nn.MaxPool2d(p["kernel"], stride=p["stride"], padding=p["padding"])
    _, _, h, w = pool(torch.zeros(1, 1, p["size"], p["size"])).shape
    return [h, w]


def _linear(p: Params) -> list[float]:
    torch = _torch()
    layer = torch.nn.Linear(p["inputs"], p["outputs"])
    layer(torch.zeros(1, p["inputs"]))
    return [_count(layer)]


def _conv2d(p: Params) -> list[float]:
    torch = _torch()
    layer = torch.nn.Conv2d(p["in_channels"], p["out_channels"], p["kernel"])
    layer(torch.zeros(1, p["in_channels"], p["kernel"] + 4, p["kernel"] + 4))
    return [_count(layer)]


def _embedding(p: Params) -> list[float]:
    torch = _torch()
    layer = torch.nn.Embedding(p["vocabulary"], p["dim"])
    layer(torch.zeros(1, 3, dtype=torch.long))
    return [_count(layer)]


def _recurrent(cls_name: str) -> Callable[[Params], list[float]]:
    def run(p: Params) -> list[float]:
        torch = _torch()
        layer = getattr(torch.nn, cls_name)(p["inputs"], p["hidden"], batch_first=True)
        layer(torch.zeros(1, 2, p["inputs"]))
        return [_count(layer)]

    return run


def _mlp(p: Params) -> list[float]:
    torch = _torch()
    nn = torch.nn
    model = nn.Sequential(
        nn.Linear(p["inputs"], p["hidden1"]),
        nn.ReLU(),
        nn.Linear(p["hidden1"], p["hidden2"]),
        nn.ReLU(),
        nn.Linear(p["hidden2"], p["outputs"]),
    )
    model(torch.zeros(1, p["inputs"]))
    return [_count(model)]


def _receptive_field(p: Params) -> list[float]:
    """Back-propagate from one output pixel and measure the input pixels it reaches."""
    torch = _torch()
    layers = []
    for _ in range(p["layers"]):
        conv = torch.nn.Conv2d(1, 1, p["kernel"], stride=p["stride"], bias=False)
        torch.nn.init.constant_(conv.weight, 1.0)
        layers.append(conv)
    model = torch.nn.Sequential(*layers)
    size = 1
    for _ in range(p["layers"]):
        size = size * p["stride"] + p["kernel"] + p["stride"]
    image = torch.ones(1, 1, size, size, requires_grad=True)
    out = model(image)
    out[0, 0, out.shape[2] // 2, out.shape[3] // 2].backward()
    touched = image.grad[0, 0] != 0
    rows = int(touched.any(dim=1).sum())
    cols = int(touched.any(dim=0).sum())
    return [rows, cols]


def _one_hot(p: Params) -> list[float]:
    torch = _torch()
    labels = torch.arange(p["categories"]).repeat(2)
    one_hot = torch.nn.functional.one_hot(labels, num_classes=p["categories"])
    label_encoded = labels.unsqueeze(1)
    return [one_hot.shape[1], label_encoded.shape[1]]


def _activation_memory(p: Params) -> list[float]:
    torch = _torch()
    dtype = {2: torch.float16, 4: torch.float32, 8: torch.float64}[p["bytes"]]
    layer = torch.nn.Conv2d(3, p["channels"], 3, padding=1).to(dtype)
    with torch.no_grad():
        out = layer(torch.zeros(p["batch"], 3, p["size"], p["size"], dtype=dtype))
    return [round(out.element_size() * out.nelement() / 2**20, 4)]


MEASURES: dict[str, Callable[[Params], list[float]]] = {
    "conv-output": _conv_output,
    "pool-output": _pool_output,
    "linear-params": _linear,
    "conv2d-params": _conv2d,
    "embedding-params": _embedding,
    "lstm-params": _recurrent("LSTM"),
    "gru-params": _recurrent("GRU"),
    "mlp-params": _mlp,
    "receptive-field": _receptive_field,
    "one-hot-width": _one_hot,
    "activation-memory": _activation_memory,
}
"""For each task of :data:`interviewer.handson.tasks.TASKS`, its torch measurement."""


def measure(task: str, params: Params) -> list[float]:
    """The answer PyTorch gives for one instance (``[]`` when the layer cannot run)."""
    return MEASURES[task](params)
