"""Live demos for the conversation: series to plot, computed with torch in the worker.

Each demo returns plain data (a title, named series over a shared x axis,
axis labels and a few lines of explanation) that the app draws with
textual-plotext and the command line prints as a table. torch is imported
inside the functions; they run in :mod:`interviewer.handson.worker`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["LIVE_DEMOS", "run_live_demo"]

DEPTH = 20
WIDTH = 64


def _torch() -> Any:
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(0)
    return torch


def _layer_gradients(kind: str) -> list[float]:
    """Norm of the gradient reaching each layer's input, first layer first."""
    torch = _torch()
    nn = torch.nn
    linears = [nn.Linear(WIDTH, WIDTH) for _ in range(DEPTH)]
    if kind == "relu":
        for linear in linears:
            nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")
    head = nn.Linear(WIDTH, 1)
    x = torch.randn(64, WIDTH)
    h = x
    inputs = []
    for linear in linears:
        h.retain_grad() if h.requires_grad else h.requires_grad_(True)
        inputs.append(h)
        if kind == "sigmoid":
            h = torch.sigmoid(linear(h))
        elif kind == "relu":
            h = torch.relu(linear(h))
        else:
            h = h + torch.relu(linear(h))
    head(h).pow(2).mean().backward()
    return [float(h.grad.norm()) for h in inputs]


def _gradient_flow() -> dict[str, Any]:
    series = {name: _layer_gradients(name) for name in ("sigmoid", "relu", "residual")}
    first_last = {name: values[0] / values[-1] for name, values in series.items()}
    return {
        "title": f"Gradient norm per layer, {DEPTH}-layer MLPs (layer 1 = input side)",
        "x": list(range(1, DEPTH + 1)),
        "x_label": "layer",
        "y_label": "gradient norm (log scale)",
        "log_y": True,
        "series": series,
        "notes": [
            f"sigmoid: the first layer gets {first_last['sigmoid']:.1e} of the gradient the "
            "last layer gets; it has vanished (each sigmoid multiplies by at most 0.25).",
            f"ReLU with He init: ratio {first_last['relu']:.2f}; the gradient survives.",
            f"residual: ratio {first_last['residual']:.2f}; the skip connections carry the "
            "gradient past every layer.",
        ],
    }


def _dropout() -> dict[str, Any]:
    torch = _torch()
    drop = torch.nn.Dropout(0.5)
    x = torch.ones(1, 40)
    drop.train()
    train = [float(v) for v in drop(x)[0]]
    drop.eval()
    evaluation = [float(v) for v in drop(x)[0]]
    zeroed = sum(v == 0 for v in train)
    return {
        "title": "Dropout(p=0.5) on 40 units that all equal 1",
        "x": list(range(1, 41)),
        "x_label": "unit",
        "y_label": "output",
        "log_y": False,
        "series": {"training mode": train, "eval mode": evaluation},
        "notes": [
            f"training: {zeroed} of 40 units zeroed, the rest scaled to 2.0 = 1/(1-p), so the "
            "expected value stays 1.",
            "eval: nothing is dropped and nothing is scaled.",
        ],
    }


def _identical_init() -> dict[str, Any]:
    torch = _torch()
    nn = torch.nn

    def spread(constant: bool) -> list[float]:
        torch.manual_seed(0)
        model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))
        if constant:
            for p in model.parameters():
                nn.init.constant_(p, 0.3)
        x, y = torch.randn(64, 4), torch.randn(64, 1)
        opt = torch.optim.SGD(model.parameters(), lr=0.1)
        out = []
        for _ in range(30):
            opt.zero_grad()
            torch.nn.functional.mse_loss(model(x), y).backward()
            opt.step()
            out.append(float(model[0].weight.detach().std(dim=0).mean()))
        return out

    same, random_init = spread(True), spread(False)
    return {
        "title": "How different the hidden units' weights are during training",
        "x": list(range(1, 31)),
        "x_label": "step",
        "y_label": "spread across the 8 hidden units",
        "log_y": False,
        "series": {"identical init": same, "random init": random_init},
        "notes": [
            f"identical init: the spread stays {same[-1]:.3f}; every unit gets the same "
            "gradient, so they remain copies of one another.",
            f"random init: spread {random_init[-1]:.3f}; the units learn different features.",
        ],
    }


LIVE_DEMOS: dict[str, Callable[[], dict[str, Any]]] = {
    "gradient-flow": _gradient_flow,
    "dropout-train-eval": _dropout,
    "identical-init": _identical_init,
}
"""Demo name -> the function that computes its series."""


def run_live_demo(name: str) -> dict[str, Any]:
    """Compute a demo's series.

    Raises:
        KeyError: for an unknown demo.
    """
    return LIVE_DEMOS[name]()
