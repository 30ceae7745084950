"""The report at the end of an interview: grades, strengths, gaps, what to study.

:func:`build_report` reads a :class:`~interviewer.transcript.Transcript` and the
bank; the :class:`Report` it returns is self-contained plain data that renders
to Markdown and to JSON and round-trips through :meth:`Report.from_dict`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from interviewer.bank import Bank
from interviewer.handson.demo_links import DEMO_TITLES, demos_for_topics
from interviewer.models import STAGES, Concept, Question
from interviewer.transcript import Transcript

__all__ = ["Gap", "QuestionScore", "Report", "Score", "build_report", "short_title"]

STRONG_AT = 3.5  # a topic at or above this is not planned for study
STRENGTH_AT = 4.0  # a question at or above this is listed as a strength
TITLE_CHARS = 70  # a question named in the study plan is cut to about this length
GAP_BELOW = 3.0  # a question below this is listed as a gap
STUDY_TOPICS = 3  # how many weak topics "what to study next" names
GAP_CONCEPTS = 4  # at most this many concepts to study per weak question


@dataclass(frozen=True)
class Score:
    """A mean grade over some questions."""

    name: str
    title: str
    grade: float
    questions: int


@dataclass(frozen=True)
class QuestionScore:
    """How one question went."""

    question_id: str
    ask: str
    stage: str
    role: str
    status: str
    credit: float | None
    hints_used: int
    topics: list[str]


@dataclass(frozen=True)
class Gap:
    """A weak question: the concepts to study and the wrong claims to unlearn."""

    question_id: str
    ask: str
    credit: float
    missed: list[tuple[str, str]]  # (concept label, what to study)
    misconceptions: list[tuple[str, str]]  # (claim, correction)


@dataclass
class Report:
    """The end-of-interview report.

    Attributes:
        flow: The flow's name; title: its title.
        mode: ``practice`` or ``interview``; seed and length as run.
        ended_by: ``completed``, ``candidate`` or empty while running.
        overall: Mean credit over the graded questions (None if none).
        answered: Questions answered; skipped: questions skipped.
        stages: Mean grade per stage, in interview order.
        topics: Mean grade per topic, weakest first.
        questions: Every question asked, in order.
        strengths: What went well, in plain words.
        gaps: The weak questions with what to study.
        study_next: An ordered study plan.
    """

    flow: str
    title: str
    mode: str
    seed: int
    length: str
    ended_by: str
    overall: float | None
    answered: int
    skipped: int
    stages: list[Score] = field(default_factory=list)
    topics: list[Score] = field(default_factory=list)
    questions: list[QuestionScore] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    study_next: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the report."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Rebuild a report from :meth:`to_dict` output."""
        return cls(
            **{
                **data,
                "stages": [Score(**s) for s in data.get("stages", [])],
                "topics": [Score(**s) for s in data.get("topics", [])],
                "questions": [QuestionScore(**q) for q in data.get("questions", [])],
                "gaps": [
                    Gap(
                        **{
                            **g,
                            "missed": [tuple(m) for m in g["missed"]],
                            "misconceptions": [tuple(m) for m in g["misconceptions"]],
                        }
                    )
                    for g in data.get("gaps", [])
                ],
            }
        )

    def to_json(self) -> str:
        """Serialise to indented JSON with sorted keys (stable bytes)."""
        return json.dumps(self.to_dict(), indent=2, sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Report:
        """Parse :meth:`to_json` output."""
        return cls.from_dict(json.loads(text))

    def to_markdown(self) -> str:
        """Render the report as Markdown."""
        lines = [f"# Report: {self.title}", ""]
        if self.overall is None:
            lines.append("No answer was graded.")
        else:
            skipped = f", {self.skipped} skipped" if self.skipped else ""
            lines.append(
                f"Overall **{self.overall:.1f}/5** over {self.answered + self.skipped}"
                f" questions ({self.answered} answered{skipped})."
            )
        lines.append(f"Mode {self.mode} · {self.length} · seed {self.seed}.")
        for heading, scores in (("By stage", self.stages), ("By topic", self.topics)):
            if scores:
                lines += ["", f"## {heading}", "", "| | Grade | Questions |", "|---|---:|---:|"]
                lines += [f"| {s.title} | {s.grade:.1f} | {s.questions} |" for s in scores]
        if self.questions:
            lines += ["", "## Questions", "", "| # | Question | Stage | Grade | Hints |"]
            lines.append("|---:|---|---|---:|---:|")
            for number, q in enumerate(self.questions, 1):
                grade = q.status if q.status in ("skipped", "waived") else _fmt(q.credit)
                follow = " (follow-up)" if q.role == "thread" else ""
                lines.append(
                    f"| {number} | `{q.question_id}`{follow} | {q.stage} | {grade} |"
                    f" {q.hints_used} |"
                )
        lines += ["", self.advice_markdown()]
        return "\n".join(lines).rstrip() + "\n"

    def advice_markdown(self) -> str:
        """Strengths, gaps with the concepts to study, and what to study next, as Markdown.

        The Markdown report and the app's report screen both show this part.
        """
        lines = ["## Strengths", ""]
        lines += [f"- {s}" for s in self.strengths] or ["- None stood out yet; keep practising."]
        lines += ["", "## Gaps", ""]
        if not self.gaps:
            lines += ["- No weak answers. Well done.", ""]
        for gap in self.gaps:
            lines += [f"### {gap.ask} ({gap.credit:.1f}/5)", ""]
            lines += [f"- Study **{label}**: {what}" for label, what in gap.missed]
            lines += [f"- Unlearn: {claim} {fix}" for claim, fix in gap.misconceptions]
            lines.append("")
        lines += ["## What to study next", ""]
        lines += [f"{n}. {item}" for n, item in enumerate(self.study_next, 1)] or [
            "1. Try a full-length interview, or another track."
        ]
        weak = [t for t in sorted(self.topics, key=lambda t: t.grade) if t.grade < STRONG_AT]
        titles = {t.name: t.title for t in weak}
        demos = demos_for_topics(t.name for t in weak)
        if demos:
            lines += ["", "## See it live", ""]
            lines += [
                f"- **{', '.join(titles[t] for t in topics)}**: {DEMO_TITLES[demo]}. "
                f'Say "show me" in the app, or run `interviewer demo {demo}`.'
                for demo, topics in demos
            ]
        return "\n".join(lines).rstrip() + "\n"


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 2)


def build_report(transcript: Transcript, bank: Bank) -> Report:
    """Compute the report of a transcript.

    Args:
        transcript: The interview so far.
        bank: The bank it ran on (for question texts, topics and concepts).
    """
    records = [r for r in transcript.questions if r.question_id in bank.questions]
    graded = [r for r in records if r.credit is not None]
    credits = [r.credit for r in graded if r.credit is not None]
    report = Report(
        flow=transcript.flow,
        title=transcript.title,
        mode=transcript.mode,
        seed=transcript.seed,
        length=transcript.length,
        ended_by=transcript.ended_by,
        overall=_mean(credits) if credits else None,
        answered=sum(1 for r in graded if r.status == "answered"),
        skipped=sum(1 for r in graded if r.status == "skipped"),
    )
    by_stage: dict[str, list[float]] = {}
    by_topic: dict[str, list[float]] = {}
    for record in graded:
        credit = record.credit or 0.0
        by_stage.setdefault(record.stage, []).append(credit)
        for topic in bank.questions[record.question_id].topics:
            by_topic.setdefault(topic, []).append(credit)
    order: dict[str, int] = {stage: index for index, stage in enumerate(STAGES)}
    report.stages = [
        Score(s, s.replace("-", " ").capitalize(), _mean(v), len(v))
        for s, v in sorted(by_stage.items(), key=lambda item: order.get(item[0], 99))
    ]
    report.topics = sorted(
        (
            Score(t, bank.topics.get(t, _topic_title(t)), _mean(v), len(v))
            for t, v in by_topic.items()
        ),
        key=lambda s: (s.grade, s.name),
    )
    for record in records:
        question = bank.questions[record.question_id]
        report.questions.append(
            QuestionScore(
                record.question_id,
                question.ask,
                record.stage,
                record.role,
                record.status,
                record.credit,
                record.hints_used,
                list(question.topics),
            )
        )
    for record in graded:
        question = bank.questions[record.question_id]
        credit = record.credit or 0.0
        result = record.result
        credited = [c.label for c in result.credited] if result else []
        if credit >= STRENGTH_AT and credited:
            report.strengths.append(
                f"{_headline(question.ask)} ({credit:.1f}/5): " + "; ".join(credited) + "."
            )
        hits = [m for m in question.misconceptions if m.id in record.misconceptions]
        if credit < GAP_BELOW or hits:
            missed_ids = (
                {c.concept_id for c in result.missed}
                if result
                else {c.id for c in question.concepts}
            )
            report.gaps.append(
                Gap(
                    record.question_id,
                    _headline(question.ask),
                    credit,
                    [(c.label, c.missing_feedback) for c in _to_study(question, missed_ids)],
                    [(h.claim, h.correction) for h in hits],
                )
            )
    report.study_next = _study_plan(
        report, bank, {r.question_id for r in records}, transcript.track
    )
    return report


def _headline(ask: str) -> str:
    """A question's wording without the starter code a code exercise shows under it
    (a fence inside a list item or heading would swallow the rest of the report)."""
    return ask.split("```")[0].strip()


def _to_study(question: Question, missed_ids: set[str]) -> list[Concept]:
    """The missed concepts worth studying first: key ones, else the heaviest, at most a few."""
    missed = [c for c in question.concepts if c.id in missed_ids]
    key = [c for c in missed if c.key]
    chosen = key or sorted(missed, key=lambda c: -c.weight)
    return chosen[:GAP_CONCEPTS]


def short_title(ask: str, limit: int = TITLE_CHARS) -> str:
    """A question's wording cut at a word boundary to about ``limit`` characters."""
    text = " ".join(ask.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def _study_plan(report: Report, bank: Bank, asked: set[str], track: str) -> list[str]:
    """The weakest topics first: what to review, then which new questions of the track to practise.

    Only topics that are the main topic of a weak question are planned, so a gap
    on one subject never sends the candidate to another subject they did well
    on. New questions are named by their wording, not their ids, and share the
    weak question's main topic. A concept or question named for one topic is
    not repeated for the next.
    """
    weak_main = {bank.questions[g.question_id].topics[0] for g in report.gaps}
    plan = []
    named: set[str] = set(asked)
    for topic in [t for t in report.topics if t.grade < STRONG_AT and t.name in weak_main]:
        labels: list[str] = []
        for gap in report.gaps:
            if bank.questions[gap.question_id].topics[0] == topic.name:
                labels += [label for label, _ in gap.missed if label not in named | set(labels)]
        fresh = [
            q.id
            for q in bank.questions.values()
            if q.topics[0] == topic.name and track in q.tracks and q.id not in named
        ][:2]
        if not labels and not fresh:
            continue
        named.update(labels[:3], fresh)
        item = f"**{topic.title}** ({topic.grade:.1f}/5)"
        if labels:
            item += ": review " + "; ".join(labels[:3])
        if fresh:
            titles = ", ".join(f"“{short_title(bank.questions[q].ask)}”" for q in fresh)
            item += (". Then" if labels else ":") + " practise " + titles
        plan.append(item + ".")
        if len(plan) == STUDY_TOPICS:
            break
    if report.overall is not None and not plan:
        plan.append("Everything asked went well: try the full-length interview or another track.")
    return plan


# Topic ids that are acronyms keep their capitals in titles.
_ACRONYMS = {"rnn": "RNN", "cnn": "CNN", "nlp": "NLP", "gpu": "GPU", "mlp": "MLP", "rbm": "RBM"}


def _topic_title(topic: str) -> str:
    """A readable title for a topic id that has no rubric file of its own."""
    words = [_ACRONYMS.get(w, w) for w in topic.split("-")]
    text = " ".join(words)
    return text[0].upper() + text[1:] if text else text
