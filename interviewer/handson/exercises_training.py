"""The behaviour checks of the training exercises (loops, initialisation, evaluation).

Split from :mod:`interviewer.handson.exercises`, which registers them; they run
inside the sandbox, where torch is imported.
"""

from __future__ import annotations

import copy
import math
from typing import Any

from interviewer.handson.checking import Check, Namespace, need, torch_module

__all__ = ["eval_checks", "he_checks", "training_checks", "zero_grad_checks"]


# ----- training-loop -----------------------------------------------------------------------


def _toy_problem() -> tuple[Any, Any, Any]:
    torch = torch_module()
    torch.manual_seed(0)
    x = torch.randn(128, 4)
    y = x @ torch.tensor([[1.5], [-2.0], [0.5], [1.0]]) + 0.3
    model = torch.nn.Linear(4, 1)
    return model, x, y


def training_checks() -> list[Check]:
    """train(model, x, y, steps) brings the loss of a linear toy problem down."""
    cache: dict[str, Any] = {}

    def losses(ns: Namespace) -> list[float]:
        if "losses" not in cache:
            model, x, y = _toy_problem()
            cache["before"] = copy.deepcopy(model.state_dict())
            cache["losses"] = [float(v) for v in need(ns, "train")(model, x, y, 200)]
            cache["model"] = model
        return list(cache["losses"])

    def returns(ns: Namespace) -> tuple[bool, str]:
        values = losses(ns)
        ok = len(values) == 200 and all(math.isfinite(v) for v in values)
        return ok, f"{len(values)} losses returned, all finite: {all(map(math.isfinite, values))}"

    def falls(ns: Namespace) -> tuple[bool, str]:
        values = losses(ns)
        ok = len(values) > 1 and values[-1] < 0.5 * values[0]
        first, last = (values[0], values[-1]) if values else (float("nan"),) * 2
        return ok, f"loss {first:.3f} -> {last:.3f}"

    def low(ns: Namespace) -> tuple[bool, str]:
        values = losses(ns)
        last = values[-1] if values else float("nan")
        return last < 0.05, f"final loss {last:.4f} (below 0.05 expected)"

    def changed(ns: Namespace) -> tuple[bool, str]:
        losses(ns)
        before, after = cache["before"], cache["model"].state_dict()
        moved = max(float((after[k] - before[k]).abs().max()) for k in before)
        return moved > 1e-3, f"weights moved by up to {moved:.3f}"

    return [
        ("train(model, x, y, 200) returns 200 finite losses", 1.0, returns),
        ("the loss falls by more than half", 2.0, falls),
        ("the loss gets below 0.05 on a linear toy problem", 1.0, low),
        ("the model's weights are updated", 1.0, changed),
    ]


# ----- he-init -----------------------------------------------------------------------------


def he_checks() -> list[Check]:
    """init_layer(layer) draws weights with std sqrt(2/fan_in) and zero biases."""

    def layer(ns: Namespace, fan_in: int, fan_out: int) -> Any:
        torch = torch_module()
        torch.manual_seed(0)
        lin = torch.nn.Linear(fan_in, fan_out)
        with torch.no_grad():
            lin.bias.fill_(0.7)
        out = need(ns, "init_layer")(lin)
        return out if isinstance(out, torch.nn.Linear) else lin

    def std(ns: Namespace, fan_in: int) -> tuple[bool, str]:
        w = layer(ns, fan_in, 400).weight
        got, want = float(w.std()), math.sqrt(2 / fan_in)
        return abs(got / want - 1) < 0.08, f"weight std {got:.4f} (sqrt(2/{fan_in}) = {want:.4f})"

    def mean(ns: Namespace) -> tuple[bool, str]:
        got = float(layer(ns, 1000, 400).weight.mean())
        return abs(got) < 0.005, f"weight mean {got:.5f}"

    def bias(ns: Namespace) -> tuple[bool, str]:
        got = float(layer(ns, 1000, 400).bias.abs().max())
        return got == 0.0, f"largest |bias| {got:.3f}"

    return [
        ("weights have std sqrt(2/fan_in) for fan_in 1000", 2.0, lambda ns: std(ns, 1000)),
        ("and for fan_in 50 (the scale follows fan_in)", 1.0, lambda ns: std(ns, 50)),
        ("weights have mean 0", 1.0, mean),
        ("biases are zero", 1.0, bias),
    ]


# ----- fix-zero-grad -----------------------------------------------------------------------


def _reference_train(model: Any, x: Any, y: Any, steps: int) -> None:
    torch = torch_module()
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(steps):
        opt.zero_grad()
        torch.nn.functional.mse_loss(model(x), y).backward()
        opt.step()


def zero_grad_checks() -> list[Check]:
    """The fixed loop matches a correct SGD run: gradients no longer pile up."""

    def compare(ns: Namespace) -> tuple[float, float]:
        model, x, y = _toy_problem()
        twin = copy.deepcopy(model)
        need(ns, "train")(model, x, y, 30)
        _reference_train(twin, x, y, 30)
        gap = max(
            float((a - b).abs().max())
            for a, b in zip(model.parameters(), twin.parameters(), strict=True)
        )
        loss = float(torch_module().nn.functional.mse_loss(model(x), y))
        return gap, loss

    def same(ns: Namespace) -> tuple[bool, str]:
        gap, _ = compare(ns)
        return gap < 1e-4, f"weights differ from a correct SGD run by {gap:.2e}"

    def fresh(ns: Namespace) -> tuple[bool, str]:
        model, x, y = _toy_problem()
        twin = copy.deepcopy(model)
        need(ns, "train")(model, x, y, 2)
        _reference_train(twin, x, y, 2)
        grads = [p.grad for p in model.parameters()]
        if all(g is None or float(g.abs().max()) == 0 for g in grads):
            return True, "gradients are cleared after the last step"
        gap = max(
            float((g - t.grad).abs().max()) if g is not None else float("inf")
            for g, t in zip(grads, twin.parameters(), strict=True)
        )
        return gap < 1e-5, f"stored gradient differs from the last step's own by {gap:.2e}"

    def converges(ns: Namespace) -> tuple[bool, str]:
        _, loss = compare(ns)
        return loss < 1.0, f"loss after 30 steps {loss:.3f}"

    return [
        ("30 steps match a correct SGD run (gradients do not pile up)", 3.0, same),
        ("the stored gradient is the last step's, not a running sum", 1.0, fresh),
        ("the loss goes down", 1.0, converges),
    ]


# ----- fix-eval-mode -----------------------------------------------------------------------


def _eval_model() -> Any:
    torch = torch_module()
    torch.manual_seed(0)
    nn = torch.nn
    return nn.Sequential(
        nn.Linear(8, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 3)
    )


def eval_checks() -> list[Check]:
    """evaluate(model, x) predicts in eval mode without gradients or statistics updates."""

    def predict(ns: Namespace) -> tuple[Any, Any]:
        torch = torch_module()
        model = _eval_model()
        model.train()
        for _ in range(3):
            model(torch.randn(64, 8))
        x = torch.randn(16, 8)
        out = need(ns, "evaluate")(model, x)
        return model, (x, out)

    def matches(ns: Namespace) -> tuple[bool, str]:
        torch = torch_module()
        model, (x, out) = predict(ns)
        reference = copy.deepcopy(model).eval()
        with torch.no_grad():
            want = reference(x)
        gap = float((out - want).abs().max())
        return gap < 1e-5, f"differs from eval-mode outputs by {gap:.2e}"

    def repeatable(ns: Namespace) -> tuple[bool, str]:
        torch = torch_module()
        model = _eval_model()
        x = torch.randn(16, 8)
        a, b = need(ns, "evaluate")(model, x), need(ns, "evaluate")(model, x)
        gap = float((a - b).abs().max())
        return gap == 0.0, f"two calls differ by {gap:.2e}"

    def no_grad(ns: Namespace) -> tuple[bool, str]:
        _, (_, out) = predict(ns)
        return not out.requires_grad, f"output requires_grad = {out.requires_grad}"

    def stats(ns: Namespace) -> tuple[bool, str]:
        model, _ = predict(ns)
        bn = next(m for m in model.modules() if isinstance(m, torch_module().nn.BatchNorm1d))
        return int(bn.num_batches_tracked) == 3, (
            f"batch-norm saw {int(bn.num_batches_tracked)} training batches (3 before evaluate)"
        )

    return [
        ("predictions equal the model's eval-mode outputs", 2.0, matches),
        ("two calls give the same predictions", 1.0, repeatable),
        ("no gradients are tracked", 1.0, no_grad),
        ("evaluate leaves batch-norm's running statistics alone", 1.0, stats),
    ]
