"""Text views of the history: the session table, the per-topic chart, the missed concepts.

Shared by ``interviewer sessions``/``history`` and the app's history screen.
plotext is imported only when a chart is drawn.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interviewer.store.db import SessionRow
    from interviewer.store.history import MissedConcept, TopicPoint

__all__ = ["CHART_TOPICS", "chart_topics", "missed_markdown", "sessions_table", "topic_chart"]

CHART_TOPICS = 6  # the chart shows the topics with the most sessions


def _grade(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}/5"


def sessions_table(rows: list[SessionRow]) -> str:
    """An aligned plain-text table of sessions, newest first."""
    if not rows:
        return "No sessions yet. Start one with `interviewer` or `interviewer practice`.\n"
    header = ("id", "date", "track", "flow", "mode", "length", "status", "answered", "grade")
    table = [header] + [
        (
            r.id,
            r.created[:16].replace("T", " "),
            r.track,
            r.flow,
            r.mode,
            r.length,
            r.status,
            str(r.answered),
            _grade(r.grade),
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    ]
    return "\n".join(lines) + "\n"


def chart_topics(series: dict[str, list[TopicPoint]], limit: int = CHART_TOPICS) -> list[str]:
    """The topics to chart: most sessions first, then by name."""
    ranked = sorted(series, key=lambda t: (-len(series[t]), t))
    return ranked[:limit]


def topic_chart(
    series: dict[str, list[TopicPoint]], width: int = 78, height: int = 16, color: bool = False
) -> str:
    """Grade over time per topic as a plotext line chart (one line per topic)."""
    topics = chart_topics(series)
    if not topics:
        return "No graded questions yet: the chart appears after your first session.\n"
    import plotext as plt

    plt.clear_figure()
    plt.plotsize(width, height)
    if not color:
        plt.theme("clear")
    sessions = sorted({(p.when, p.session_id) for t in topics for p in series[t]})
    index = {key: n for n, key in enumerate(sessions, 1)}
    for topic in topics:
        points = series[topic]
        xs = [index[(p.when, p.session_id)] for p in points]
        plt.plot(xs, [p.grade for p in points], label=topic, marker="dot" if len(xs) > 1 else "o")
    plt.ylim(0, 5)
    plt.yticks([0, 1, 2, 3, 4, 5])
    step = max(1, len(sessions) // 6)
    ticks = list(range(1, len(sessions) + 1, step))
    plt.xticks(ticks, [sessions[t - 1][0][5:10] for t in ticks])
    plt.title("Grade per topic, session by session")
    text = str(plt.build())
    plt.clear_figure()
    if not color:
        text = re.sub(r"\x1b\[[0-9;]*m", "", text)
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def missed_markdown(missed: list[MissedConcept]) -> str:
    """The most-missed concepts as a Markdown list."""
    if not missed:
        return "No key concept missed so far.\n"
    lines = [f"- {m.label} ({m.question_id}): missed {m.times}×" for m in missed]
    return "\n".join(lines) + "\n"
