"""The code exercises by name, without their checks (which import torch).

The schema validates a code question's ``exercise`` against this list; the
checks themselves live in :mod:`interviewer.handson.exercises` and run inside
the sandbox.
"""

from __future__ import annotations

__all__ = ["EXERCISES"]

EXERCISES: dict[str, str] = {
    "add-dropout": "an MLP with dropout after its hidden layer",
    "mnist-mlp": "the 784-256-128-10 MNIST MLP",
    "sobel-filter": "a Sobel vertical-edge filter as a fixed conv2d",
    "custom-activation": "a Swish activation module",
    "residual-block": "a residual block with a skip connection",
    "training-loop": "a training loop that brings the loss down",
    "he-init": "He (Kaiming) initialisation of a linear layer",
    "fix-zero-grad": "a training loop without its zero_grad, fixed",
    "fix-eval-mode": "an evaluation function without eval() and no_grad, fixed",
}
"""Exercise name -> what the candidate builds."""
