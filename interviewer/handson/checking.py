"""What the exercise checks share: their type and a few helpers (run inside the sandbox)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["Check", "Namespace", "count_parameters", "need", "torch_module"]

Namespace = dict[str, Any]
Check = tuple[str, float, Callable[[Namespace], tuple[bool, str]]]
"""A check: its name, its weight, and the function that runs it on the namespace."""


def torch_module() -> Any:
    """torch, imported on first use (the sandbox has imported it already)."""
    import torch

    return torch


def need(ns: Namespace, name: str) -> Any:
    """What the candidate's code defined under ``name``."""
    if name not in ns:
        raise LookupError(f"your code does not define {name!r}")
    return ns[name]


def count_parameters(module: Any) -> int:
    """How many numbers a module's parameters hold."""
    return int(sum(p.numel() for p in module.parameters()))
