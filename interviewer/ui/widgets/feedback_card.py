"""Feedback on one answer: grade bar, highlighted answer, covered, missed, model answer."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Collapsible, Markdown, Static

from interviewer.grading.result import FLAGS
from interviewer.ui.widgets.chat import DISPLAY_LIMIT
from interviewer.ui.widgets.grade_bar import GradeBar

if TYPE_CHECKING:
    from interviewer.grading import GradeResult
    from interviewer.grading.result import Span
    from interviewer.models import Question

__all__ = ["FeedbackCard", "highlight_answer"]

# The grade the message states: the question's credit, hint costs included.
_STATED = re.compile(r"(So far )?\*\*(\d+(?:\.\d+)?)/5\*\*( on this question)?")

COVERED_STYLE = "bold green underline"
WRONG_STYLE = "bold red underline"

# Flags worth telling the candidate about (the rest show in the grade already).
_SHOWN_FLAGS = (
    "off_topic",
    "keyword_list",
    "negated",
    "truncated",
    "non_english",
    "control_chars",
    "too_short",
)


def highlight_answer(
    answer: str,
    covered: Iterable[Span],
    wrong: Iterable[Span] = (),
    limit: int = DISPLAY_LIMIT,
) -> Text:
    """The answer with the words that earned credit (and the wrong claims) styled.

    Spans are offsets into the original answer; the text is cut at ``limit``
    characters and spans past the cut are dropped, so a huge paste stays cheap.

    Args:
        answer: The candidate's original answer.
        covered: Spans that earned a concept credit.
        wrong: Spans that stated a misconception.
        limit: How many characters of the answer to show.
    """
    shown = answer[:limit]
    text = Text(shown)
    for spans, style in ((covered, COVERED_STYLE), (wrong, WRONG_STYLE)):
        for span in spans:
            start, end = max(0, span.start), min(len(shown), span.end)
            if start < end:
                text.stylize(style, start, end)
    if len(answer) > limit:
        text.append(f"… [{len(answer) - limit:,} more characters]", style="dim")
    return text


def _quoted(spans: Iterable[Span]) -> str:
    words = [f"“{span.text.strip()}”" for span in spans if span.text.strip()]
    return ", ".join(dict.fromkeys(words))


class FeedbackCard(Vertical):
    """Everything the grader said about one answer.

    Args:
        result: The grade and its explanation.
        answer: The exact text that was graded (the spans index into it).
        question: The question, for the model answer and what-to-add advice.
        message: The interviewer's feedback, Markdown; its first paragraph (the
            question's credit, hints used) heads the card.
        closed: Whether the interview has moved on from the question. While a
            probe or a retry is pending, what was missed and the model answer
            stay hidden, as the interviewer keeps them back too.
    """

    DEFAULT_CSS = """
    FeedbackCard {
        height: auto;
        margin: 0 4 1 0;
        padding: 0 1;
        border: round $secondary;
        border-title-color: $secondary;
    }
    FeedbackCard > .section {
        margin-top: 1;
        text-style: bold;
    }
    FeedbackCard > .item { height: auto; padding-left: 2; }
    FeedbackCard > .item > .mark { width: 2; }
    FeedbackCard > .item > .text { width: 1fr; }
    FeedbackCard > .answer { padding-left: 2; color: $text-muted; }
    FeedbackCard > .flag { color: $warning; }
    FeedbackCard > Markdown { margin: 0; padding: 0; }
    FeedbackCard > Markdown > MarkdownBlock:last-child { margin-bottom: 0; }
    FeedbackCard Collapsible { margin-top: 1; padding: 0; border: none; }
    """

    def __init__(
        self,
        result: GradeResult,
        answer: str,
        question: Question | None,
        message: str = "",
        *,
        closed: bool = True,
    ) -> None:
        super().__init__(classes="-closed" if closed else "-open")
        self.result = result
        self.answer = answer
        self.question = question
        headline = message.strip().split("\n\n", 1)[0]
        # One grade per question: the bar shows the credit the message states (hint
        # costs included), and the headline keeps only the words around it.
        stated = _STATED.search(headline)
        self.grade = float(stated.group(2)) if stated else result.grade
        words = _STATED.sub("", headline) if stated else headline
        words = re.sub(r"\((with \d+ hints?)\)", lambda m: m.group(1).capitalize(), words)
        words = re.sub(r"\s+([.,])", r"\1", re.sub(r"\s{2,}", " ", words))
        words = re.sub(r"\.{2,}", ".", words).strip(" .")
        self.headline = words + "." if words else ""
        self.closed = closed
        self.border_title = "Feedback" if closed else "Feedback so far"

    def compose(self) -> ComposeResult:
        """Lay out the sections that have something to say."""
        result = self.result
        yield GradeBar(self.grade, label="Grade", classes="grade")
        if self.headline:
            yield Markdown(self.headline)
        for flag in result.flags:
            if flag in _SHOWN_FLAGS:
                yield Static(Text(f"Note: {FLAGS[flag]}."), classes="flag")
        covered_spans = [span for match in result.credited for span in match.spans]
        wrong_spans = [span for hit in result.misconceptions for span in hit.spans]
        if self.answer.strip() and (covered_spans or wrong_spans):
            title = "Your answer: the words that earned credit"
            yield Static(
                title + (", and the wrong claim" if wrong_spans else ""), classes="section"
            )
            yield Static(
                highlight_answer(self.answer, covered_spans, wrong_spans), classes="answer"
            )
        if result.credited:
            yield Static("Covered", classes="section")
            for match in result.credited:
                yield self._item("✓ ", "green", match.label, _quoted(match.spans))
        if result.missed and self.closed:
            yield Static("Missed", classes="section")
            for match in result.missed:
                yield self._item("✗ ", "red", match.label, self._advice(match.concept_id))
        if result.misconceptions:
            yield Static("Not quite right", classes="section")
            for hit in result.misconceptions:
                yield self._item("⚠ ", "red", hit.claim, f"→ {hit.correction}")
        if self.question is not None and self.closed:
            with Collapsible(title="Model answer", collapsed=True):
                yield Markdown(self.question.reference)

    @staticmethod
    def _item(mark: str, colour: str, label: str, detail: str) -> Horizontal:
        """A list item: a coloured mark, then the label over a dimmer detail, both wrapped."""
        text = Text(label)
        if detail:
            text.append("\n")
            text.append(detail, style="dim")
        return Horizontal(
            Static(Text(mark, style=colour), classes="mark"),
            Static(text, classes="text"),
            classes="item",
        )

    def _advice(self, concept_id: str) -> str:
        if self.question is None:
            return ""
        try:
            return self.question.concept(concept_id).missing_feedback
        except KeyError:
            return ""
