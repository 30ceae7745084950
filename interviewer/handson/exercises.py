"""The behaviour checks of the code exercises; they run inside the sandbox.

Each exercise is a list of weighted checks. A check receives the namespace the
candidate's code left behind and returns whether it held and what it observed.
Nothing here reads the candidate's text: only what the code does counts.
torch is imported by the sandbox before the checks run.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from typing import Any

__all__ = ["CHECKS", "Check", "run_checks"]

Namespace = dict[str, Any]
Check = tuple[str, float, Callable[[Namespace], tuple[bool, str]]]


def _torch() -> Any:
    import torch

    return torch


def _need(ns: Namespace, name: str) -> Any:
    if name not in ns:
        raise LookupError(f"your code does not define {name!r}")
    return ns[name]


def _count(module: Any) -> int:
    return int(sum(p.numel() for p in module.parameters()))


def _linears(module: Any) -> list[Any]:
    return [m for m in module.modules() if isinstance(m, _torch().nn.Linear)]


# ----- add-dropout -------------------------------------------------------------------------


def _dropout_model(ns: Namespace) -> Any:
    _torch().manual_seed(0)
    return _need(ns, "MLP")()


def _dropout_hidden(ns: Namespace, train: bool) -> Any:
    """The input of the last linear layer, with positive pre-activations so ReLU keeps all."""
    torch = _torch()
    model = _dropout_model(ns)
    first = _linears(model)[0]
    with torch.no_grad():
        first.weight.abs_()
        first.bias.fill_(0.1)
    seen: list[Any] = []
    _linears(model)[-1].register_forward_pre_hook(lambda _m, args: seen.append(args[0]))
    model.train(train)
    torch.manual_seed(1)
    with torch.no_grad():
        model(torch.rand(512, 100))
    return seen[-1]


def _dropout_checks() -> list[Check]:
    def shape(ns: Namespace) -> tuple[bool, str]:
        model = _dropout_model(ns).eval()
        out = model(_torch().rand(32, 100))
        return tuple(out.shape) == (32, 10), f"output shape {tuple(out.shape)}"

    def params(ns: Namespace) -> tuple[bool, str]:
        n = _count(_dropout_model(ns))
        return n == 100 * 256 + 256 + 256 * 10 + 10, f"{n:,} parameters"

    def rate(ns: Namespace) -> tuple[bool, str]:
        zeros = float((_dropout_hidden(ns, True) == 0).float().mean())
        return abs(zeros - 0.3) < 0.05, f"{zeros:.1%} of hidden units zeroed in training"

    def scaling(ns: Namespace) -> tuple[bool, str]:
        train, evaluation = _dropout_hidden(ns, True), _dropout_hidden(ns, False)
        kept = train != 0
        ratio = float((train[kept] / evaluation[kept]).mean()) if kept.any() else 0.0
        return abs(ratio - 1 / 0.7) < 1e-3, f"kept units scaled by {ratio:.3f} (1/(1-p) = 1.429)"

    def evaluation(ns: Namespace) -> tuple[bool, str]:
        zeros = float((_dropout_hidden(ns, False) == 0).float().mean())
        return zeros == 0.0, f"{zeros:.1%} of hidden units zeroed in eval mode"

    return [
        ("output shape is (32, 10) for a (32, 100) input", 1.0, shape),
        ("100-256-10 layers: 28,426 parameters", 1.0, params),
        ("training mode zeroes about 30% of the hidden units", 2.0, rate),
        ("kept units are scaled by 1/(1-p)", 1.0, scaling),
        ("eval mode zeroes nothing", 2.0, evaluation),
    ]


# ----- mnist-mlp ---------------------------------------------------------------------------


def _mnist_out(ns: Namespace, batch: Any) -> Any:
    model = _need(ns, "model")
    try:
        return model(batch.reshape(batch.shape[0], 784))
    except RuntimeError:
        return model(batch)


def _mnist_checks() -> list[Check]:
    def shape(ns: Namespace) -> tuple[bool, str]:
        out = _mnist_out(ns, _torch().rand(64, 1, 28, 28))
        return tuple(out.shape) == (64, 10), f"output shape {tuple(out.shape)}"

    def params(ns: Namespace) -> tuple[bool, str]:
        n = _count(_need(ns, "model"))
        return n == 235_146, f"{n:,} parameters"

    def layers(ns: Namespace) -> tuple[bool, str]:
        sizes = [(m.in_features, m.out_features) for m in _linears(_need(ns, "model"))]
        return sizes == [(784, 256), (256, 128), (128, 10)], f"linear layers {sizes}"

    def nonlinear(ns: Namespace) -> tuple[bool, str]:
        torch = _torch()
        torch.manual_seed(0)
        x = torch.randn(8, 784)
        with torch.no_grad():
            zero = _mnist_out(ns, torch.zeros(8, 784))
            gap = float((_mnist_out(ns, x) + _mnist_out(ns, -x) - 2 * zero).abs().max())
        return gap > 1e-4, f"f(x) + f(-x) - 2f(0) reaches {gap:.4f} (0 for a linear map)"

    return [
        ("output shape is (64, 10) for a batch of 64 images", 1.0, shape),
        ("235,146 parameters", 2.0, params),
        ("linear layers 784->256->128->10", 1.0, layers),
        ("there are non-linear activations between the layers", 1.0, nonlinear),
    ]


# ----- sobel-filter ------------------------------------------------------------------------


def _edge_image(vertical: bool) -> Any:
    image = _torch().zeros(1, 1, 16, 16)
    if vertical:
        image[..., :, 8:] = 1.0
    else:
        image[..., 8:, :] = 1.0
    return image


def _sobel_checks() -> list[Check]:
    def response(ns: Namespace, vertical: bool) -> Any:
        with _torch().no_grad():
            return _need(ns, "sobel")(_edge_image(vertical))[0, 0]

    def shape(ns: Namespace) -> tuple[bool, str]:
        out = response(ns, True)
        return tuple(out.shape) in ((14, 14), (16, 16)), f"output {tuple(out.shape)} for 16x16"

    def finds(ns: Namespace) -> tuple[bool, str]:
        out = response(ns, True).abs()
        cols = out.amax(dim=0)
        peak = int(cols.argmax())
        offset = 8 if out.shape[1] == 16 else 7
        at_edge = peak in (offset - 1, offset)
        return at_edge and float(cols.max()) >= 3.9, (
            f"strongest response {float(cols.max()):.2f} at column {peak}"
        )

    def flat(ns: Namespace) -> tuple[bool, str]:
        out = response(ns, True).abs()
        inner = out[2:-2, -4:-2]  # inside the bright half: a flat, non-zero area
        return float(inner.max()) < 1e-5, f"response on a flat area {float(inner.max()):.3f}"

    def horizontal(ns: Namespace) -> tuple[bool, str]:
        out = response(ns, False).abs()[2:-2, 2:-2]
        return float(out.max()) < 1e-5, f"response to a horizontal edge {float(out.max()):.3f}"

    def frozen(ns: Namespace) -> tuple[bool, str]:
        trainable = [p for p in _need(ns, "sobel").parameters() if p.requires_grad]
        return not trainable, f"{len(trainable)} trainable parameter tensors"

    return [
        ("a 16x16 image gives a 14x14 (or 16x16 padded) map", 1.0, shape),
        ("it responds strongly (|4|) at a vertical edge", 2.0, finds),
        ("no response on a flat area", 1.0, flat),
        ("no response to a horizontal edge", 1.0, horizontal),
        ("its weights are fixed (requires_grad False)", 1.0, frozen),
    ]


# ----- custom-activation -------------------------------------------------------------------


def _swish_checks() -> list[Check]:
    def values(ns: Namespace) -> tuple[bool, str]:
        torch = _torch()
        x = torch.linspace(-4, 4, 9)
        out = _need(ns, "Swish")()(x)
        want = x * torch.sigmoid(x)
        err = float((out - want).abs().max())
        return err < 1e-5, f"largest error against x*sigmoid(x): {err:.2e}"

    def keeps_shape(ns: Namespace) -> tuple[bool, str]:
        out = _need(ns, "Swish")()(_torch().randn(2, 3, 4))
        return tuple(out.shape) == (2, 3, 4), f"shape {tuple(out.shape)} for (2, 3, 4)"

    def gradient(ns: Namespace) -> tuple[bool, str]:
        x = _torch().zeros(1, requires_grad=True)
        _need(ns, "Swish")()(x).sum().backward()
        grad = float(x.grad[0]) if x.grad is not None else float("nan")
        return abs(grad - 0.5) < 1e-5, f"gradient at 0: {grad:.4f} (0.5 expected)"

    def module(ns: Namespace) -> tuple[bool, str]:
        act = _need(ns, "Swish")()
        return isinstance(act, _torch().nn.Module), f"Swish() is a {type(act).__name__}"

    return [
        ("Swish()(x) equals x * sigmoid(x)", 2.0, values),
        ("the output keeps the input's shape", 1.0, keeps_shape),
        ("autograd gives the right gradient (0.5 at x = 0)", 1.0, gradient),
        ("Swish is an nn.Module", 1.0, module),
    ]


# ----- residual-block ----------------------------------------------------------------------


def _residual_checks() -> list[Check]:
    def block(ns: Namespace) -> Any:
        _torch().manual_seed(0)
        return _need(ns, "ResidualBlock")(16)

    def shape(ns: Namespace) -> tuple[bool, str]:
        out = block(ns)(_torch().randn(4, 16))
        return tuple(out.shape) == (4, 16), f"output shape {tuple(out.shape)} for (4, 16)"

    def skip(ns: Namespace) -> tuple[bool, str]:
        torch = _torch()
        b = block(ns)
        with torch.no_grad():
            for p in b.parameters():
                p.zero_()
        x = torch.randn(4, 16, requires_grad=True)
        b(x).sum().backward()
        grad = x.grad
        ok = grad is not None and torch.allclose(grad, torch.ones_like(grad))
        seen = "none" if grad is None else f"{float(grad.min()):.3f}..{float(grad.max()):.3f}"
        return bool(
            ok
        ), f"with all weights zero, d(sum of outputs)/dx = {seen} (1 through the skip)"

    def identity(ns: Namespace) -> tuple[bool, str]:
        torch = _torch()
        b = block(ns)
        with torch.no_grad():
            for p in b.parameters():
                p.zero_()
            x = torch.randn(4, 16)
            gap = float((b(x) - x).abs().max())
        return gap < 1e-6, f"with zero weights the block changes the input by {gap:.2e}"

    def branch(ns: Namespace) -> tuple[bool, str]:
        torch = _torch()
        b = block(ns)
        x = torch.randn(4, 16)
        gap = float((b(x) - x).abs().max())
        b(x).pow(2).sum().backward()
        learned = sum(p.grad is not None and bool(p.grad.abs().sum() > 0) for p in b.parameters())
        n = len(list(b.parameters()))
        return gap > 1e-4 and learned == n and n >= 2, (
            f"the branch changes x by up to {gap:.3f}; {learned} of {n} parameter tensors get "
            "gradients"
        )

    return [
        ("output has the input's shape", 1.0, shape),
        ("gradients flow through the skip connection", 2.0, skip),
        ("zero weights make the block the identity", 1.0, identity),
        ("the branch has trainable layers that change the output", 1.0, branch),
    ]


# ----- training-loop -----------------------------------------------------------------------


def _toy_problem() -> tuple[Any, Any, Any]:
    torch = _torch()
    torch.manual_seed(0)
    x = torch.randn(128, 4)
    y = x @ torch.tensor([[1.5], [-2.0], [0.5], [1.0]]) + 0.3
    model = torch.nn.Linear(4, 1)
    return model, x, y


def _training_checks() -> list[Check]:
    cache: dict[str, Any] = {}

    def losses(ns: Namespace) -> list[float]:
        if "losses" not in cache:
            model, x, y = _toy_problem()
            cache["before"] = copy.deepcopy(model.state_dict())
            cache["losses"] = [float(v) for v in _need(ns, "train")(model, x, y, 200)]
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


def _he_checks() -> list[Check]:
    def layer(ns: Namespace, fan_in: int, fan_out: int) -> Any:
        torch = _torch()
        torch.manual_seed(0)
        lin = torch.nn.Linear(fan_in, fan_out)
        with torch.no_grad():
            lin.bias.fill_(0.7)
        out = _need(ns, "init_layer")(lin)
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
    torch = _torch()
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(steps):
        opt.zero_grad()
        torch.nn.functional.mse_loss(model(x), y).backward()
        opt.step()


def _zero_grad_checks() -> list[Check]:
    def compare(ns: Namespace) -> tuple[float, float]:
        model, x, y = _toy_problem()
        twin = copy.deepcopy(model)
        _need(ns, "train")(model, x, y, 30)
        _reference_train(twin, x, y, 30)
        gap = max(
            float((a - b).abs().max())
            for a, b in zip(model.parameters(), twin.parameters(), strict=True)
        )
        loss = float(_torch().nn.functional.mse_loss(model(x), y))
        return gap, loss

    def same(ns: Namespace) -> tuple[bool, str]:
        gap, _ = compare(ns)
        return gap < 1e-4, f"weights differ from a correct SGD run by {gap:.2e}"

    def fresh(ns: Namespace) -> tuple[bool, str]:
        model, x, y = _toy_problem()
        twin = copy.deepcopy(model)
        _need(ns, "train")(model, x, y, 2)
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
    torch = _torch()
    torch.manual_seed(0)
    nn = torch.nn
    return nn.Sequential(
        nn.Linear(8, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 3)
    )


def _eval_checks() -> list[Check]:
    def predict(ns: Namespace) -> tuple[Any, Any]:
        torch = _torch()
        model = _eval_model()
        model.train()
        for _ in range(3):
            model(torch.randn(64, 8))
        x = torch.randn(16, 8)
        out = _need(ns, "evaluate")(model, x)
        return model, (x, out)

    def matches(ns: Namespace) -> tuple[bool, str]:
        torch = _torch()
        model, (x, out) = predict(ns)
        reference = copy.deepcopy(model).eval()
        with torch.no_grad():
            want = reference(x)
        gap = float((out - want).abs().max())
        return gap < 1e-5, f"differs from eval-mode outputs by {gap:.2e}"

    def repeatable(ns: Namespace) -> tuple[bool, str]:
        torch = _torch()
        model = _eval_model()
        x = torch.randn(16, 8)
        a, b = _need(ns, "evaluate")(model, x), _need(ns, "evaluate")(model, x)
        gap = float((a - b).abs().max())
        return gap == 0.0, f"two calls differ by {gap:.2e}"

    def no_grad(ns: Namespace) -> tuple[bool, str]:
        _, (_, out) = predict(ns)
        return not out.requires_grad, f"output requires_grad = {out.requires_grad}"

    def stats(ns: Namespace) -> tuple[bool, str]:
        model, _ = predict(ns)
        bn = next(m for m in model.modules() if isinstance(m, _torch().nn.BatchNorm1d))
        return int(bn.num_batches_tracked) == 3, (
            f"batch-norm saw {int(bn.num_batches_tracked)} training batches (3 before evaluate)"
        )

    return [
        ("predictions equal the model's eval-mode outputs", 2.0, matches),
        ("two calls give the same predictions", 1.0, repeatable),
        ("no gradients are tracked", 1.0, no_grad),
        ("evaluate leaves batch-norm's running statistics alone", 1.0, stats),
    ]


CHECKS: dict[str, Callable[[], list[Check]]] = {
    "add-dropout": _dropout_checks,
    "mnist-mlp": _mnist_checks,
    "sobel-filter": _sobel_checks,
    "custom-activation": _swish_checks,
    "residual-block": _residual_checks,
    "training-loop": _training_checks,
    "he-init": _he_checks,
    "fix-zero-grad": _zero_grad_checks,
    "fix-eval-mode": _eval_checks,
}
"""Exercise name -> a builder of its checks (fresh state per run)."""


def run_checks(
    name: str, ns: Namespace, describe: Callable[[BaseException], str]
) -> list[dict[str, Any]]:
    """Run an exercise's checks against the candidate's namespace.

    A check that raises fails with ``describe(exc)`` as its observation; the
    sandbox's own limits (CPU time, memory) are not caught here.
    """
    out = []
    for label, weight, check in CHECKS[name]():
        try:
            passed, observed = check(ns)
        except (MemoryError, KeyboardInterrupt):
            raise
        except Exception as exc:
            passed, observed = False, describe(exc)
        out.append({"name": label, "weight": weight, "passed": bool(passed), "observed": observed})
    return out
