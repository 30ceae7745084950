"""Drawing a live demo's series with plotext (in the terminal or in textual-plotext)."""

from __future__ import annotations

import math
from typing import Any

__all__ = ["demo_table", "draw_demo"]


def draw_demo(plt: Any, data: dict[str, Any]) -> None:
    """Draw ``data`` (see :mod:`interviewer.handson.live_demos`) on a plotext-like object.

    ``plt`` is the ``plotext`` module or a ``PlotextPlot.plt``; both speak the same API.
    """
    plt.clear_data()
    plt.clear_figure()
    log = bool(data.get("log_y"))
    x = list(data["x"])
    for name, values in data["series"].items():
        ys = [math.log10(max(v, 1e-30)) for v in values] if log else list(values)
        plt.plot(x, ys, label=name, marker="braille")
    plt.title(str(data.get("title", "")))
    plt.xlabel(str(data.get("x_label", "")))
    label = str(data.get("y_label", ""))
    plt.ylabel(f"log10 {label.replace(' (log scale)', '')}" if log else label)


def demo_table(data: dict[str, Any], every: int = 1) -> str:
    """The series as a plain table (for scripts and for a terminal without colour)."""
    names = list(data["series"])
    head = f"{data.get('x_label', 'x'):>6}  " + "  ".join(f"{n:>14}" for n in names)
    rows = [head]
    for index, x in enumerate(data["x"]):
        if index % every and index != len(data["x"]) - 1:
            continue
        cells = "  ".join(f"{data['series'][n][index]:>14.4g}" for n in names)
        rows.append(f"{x:>6}  {cells}")
    return "\n".join(rows)
