"""The behaviour checks of the code exercises; they run inside the sandbox.

Each exercise is a list of weighted checks. A check receives the namespace the
candidate's code left behind and returns whether it held and what it observed.
Nothing here reads the candidate's text: only what the code does counts.
torch is imported by the sandbox before the checks run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from interviewer.handson.checking import Check, Namespace, count_parameters, need, torch_module
from interviewer.handson.exercises_training import (
    eval_checks,
    he_checks,
    training_checks,
    zero_grad_checks,
)

__all__ = ["CHECKS", "run_checks"]


def _linears(module: Any) -> list[Any]:
    return [m for m in module.modules() if isinstance(m, torch_module().nn.Linear)]


# ----- add-dropout -------------------------------------------------------------------------


def _dropout_model(ns: Namespace) -> Any:
    torch_module().manual_seed(0)
    return need(ns, "MLP")()


def _dropout_hidden(ns: Namespace, train: bool) -> Any:
    """The input of the last linear layer, with positive pre-activations so ReLU keeps all."""
    torch = torch_module()
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
        out = model(torch_module().rand(32, 100))
        return tuple(out.shape) == (32, 10), f"output shape {tuple(out.shape)}"

    def params(ns: Namespace) -> tuple[bool, str]:
        n = count_parameters(_dropout_model(ns))
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
    model = need(ns, "model")
    try:
        return model(batch.reshape(batch.shape[0], 784))
    except RuntimeError:
        return model(batch)


def _mnist_checks() -> list[Check]:
    def shape(ns: Namespace) -> tuple[bool, str]:
        out = _mnist_out(ns, torch_module().rand(64, 1, 28, 28))
        return tuple(out.shape) == (64, 10), f"output shape {tuple(out.shape)}"

    def params(ns: Namespace) -> tuple[bool, str]:
        n = count_parameters(need(ns, "model"))
        return n == 235_146, f"{n:,} parameters"

    def layers(ns: Namespace) -> tuple[bool, str]:
        sizes = [(m.in_features, m.out_features) for m in _linears(need(ns, "model"))]
        return sizes == [(784, 256), (256, 128), (128, 10)], f"linear layers {sizes}"

    def nonlinear(ns: Namespace) -> tuple[bool, str]:
        torch = torch_module()
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
    image = torch_module().zeros(1, 1, 16, 16)
    if vertical:
        image[..., :, 8:] = 1.0
    else:
        image[..., 8:, :] = 1.0
    return image


def _sobel_checks() -> list[Check]:
    def response(ns: Namespace, vertical: bool) -> Any:
        with torch_module().no_grad():
            return need(ns, "sobel")(_edge_image(vertical))[0, 0]

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
        trainable = [p for p in need(ns, "sobel").parameters() if p.requires_grad]
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
        torch = torch_module()
        x = torch.linspace(-4, 4, 9)
        out = need(ns, "Swish")()(x)
        want = x * torch.sigmoid(x)
        err = float((out - want).abs().max())
        return err < 1e-5, f"largest error against x*sigmoid(x): {err:.2e}"

    def keeps_shape(ns: Namespace) -> tuple[bool, str]:
        out = need(ns, "Swish")()(torch_module().randn(2, 3, 4))
        return tuple(out.shape) == (2, 3, 4), f"shape {tuple(out.shape)} for (2, 3, 4)"

    def gradient(ns: Namespace) -> tuple[bool, str]:
        x = torch_module().zeros(1, requires_grad=True)
        need(ns, "Swish")()(x).sum().backward()
        grad = float(x.grad[0]) if x.grad is not None else float("nan")
        return abs(grad - 0.5) < 1e-5, f"gradient at 0: {grad:.4f} (0.5 expected)"

    def module(ns: Namespace) -> tuple[bool, str]:
        act = need(ns, "Swish")()
        return isinstance(act, torch_module().nn.Module), f"Swish() is a {type(act).__name__}"

    return [
        ("Swish()(x) equals x * sigmoid(x)", 2.0, values),
        ("the output keeps the input's shape", 1.0, keeps_shape),
        ("autograd gives the right gradient (0.5 at x = 0)", 1.0, gradient),
        ("Swish is an nn.Module", 1.0, module),
    ]


# ----- residual-block ----------------------------------------------------------------------


def _residual_checks() -> list[Check]:
    def block(ns: Namespace) -> Any:
        torch_module().manual_seed(0)
        return need(ns, "ResidualBlock")(16)

    def shape(ns: Namespace) -> tuple[bool, str]:
        out = block(ns)(torch_module().randn(4, 16))
        return tuple(out.shape) == (4, 16), f"output shape {tuple(out.shape)} for (4, 16)"

    def skip(ns: Namespace) -> tuple[bool, str]:
        torch = torch_module()
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
        torch = torch_module()
        b = block(ns)
        with torch.no_grad():
            for p in b.parameters():
                p.zero_()
            x = torch.randn(4, 16)
            gap = float((b(x) - x).abs().max())
        return gap < 1e-6, f"with zero weights the block changes the input by {gap:.2e}"

    def branch(ns: Namespace) -> tuple[bool, str]:
        torch = torch_module()
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


CHECKS: dict[str, Callable[[], list[Check]]] = {
    "add-dropout": _dropout_checks,
    "mnist-mlp": _mnist_checks,
    "sobel-filter": _sobel_checks,
    "custom-activation": _swish_checks,
    "residual-block": _residual_checks,
    "training-loop": training_checks,
    "he-init": he_checks,
    "fix-zero-grad": zero_grad_checks,
    "fix-eval-mode": eval_checks,
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
