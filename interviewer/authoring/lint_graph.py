"""Checks across questions and flows: ids, thread links, pools and reachability."""

from __future__ import annotations

import random
from collections import deque

from interviewer.authoring.lint_source import Findings, LoadedQuestion, SourceFile, items
from interviewer.dialog.selection import QuestionPicker
from interviewer.models import Flow, Question

__all__ = ["check_graph", "flow_reach", "stage_pool"]


def stage_pool(flow: Flow, stage_index: int, questions: list[Question]) -> list[Question]:
    """The questions a stage of ``flow`` can draw, exactly as the interview picks them."""
    picker = QuestionPicker(questions, flow, random.Random(0))
    return picker.candidates(flow.stages[stage_index], ())


def flow_reach(flow: Flow, questions: list[Question]) -> set[str]:
    """Ids of the questions ``flow`` can ask: its pools, then thread links up to its depth."""
    by_id = {q.id: q for q in questions}
    depth: dict[str, int] = {}
    queue: deque[str] = deque()
    for index in range(len(flow.stages)):
        for question in stage_pool(flow, index, questions):
            if question.id not in depth:
                depth[question.id] = 0
                queue.append(question.id)
    while queue:
        qid = queue.popleft()
        if depth[qid] >= flow.max_thread_depth:
            continue
        for link in by_id[qid].threads:
            if link.to in by_id and link.to not in depth:
                depth[link.to] = depth[qid] + 1
                queue.append(link.to)
    return set(depth)


def _check_ids(linted: list[LoadedQuestion], known: set[str], findings: Findings) -> None:
    first: dict[str, LoadedQuestion] = {}
    for question in linted:
        if not isinstance(question.raw.get("id"), str):
            continue
        if question.qid in first:
            other = first[question.qid]
            where = f"{other.source.label}:{other.source.line((*other.path, 'id'))}"
            findings.add(
                question.source,
                (*question.path, "id"),
                f"question id {question.qid!r} is already used at {where}",
                "give this question a new id (ids are fixed across the bank: check the catalogue)",
            )
        else:
            first[question.qid] = question
        for index, link in items(question.raw, "threads"):
            target = link.get("to")
            if isinstance(target, str) and target not in known:
                findings.add(
                    question.source,
                    (*question.path, "threads", index, "to"),
                    f"thread to unknown question {target!r}",
                    "use the id of a question in the bank, or remove the link",
                )


def _check_flow(
    source: SourceFile, flow: Flow, questions: list[Question], findings: Findings
) -> None:
    known = {q.id for q in questions}
    for s_index, stage in enumerate(flow.stages):
        path = ("stages", s_index)
        for i_index, qid in enumerate(stage.pool.ids if stage.pool else []):
            if qid not in known:
                findings.add(
                    source,
                    (*path, "pool", "ids", i_index),
                    f"stage {stage.id!r} pools unknown question {qid!r}",
                    "use the id of a question in the bank",
                )
        if stage.id == "wrap-up":
            continue
        pool = stage_pool(flow, s_index, questions)
        asks = max(stage.questions.short, stage.questions.full, stage.min_questions)
        if not pool and asks > 0:
            findings.add(
                source,
                (*path, "pool"),
                f"stage {stage.id!r} admits no question, so the flow cannot get past it to wrap-up",
                "widen the pool (levels, topics, ids, tracks; topic_weights of 0 exclude) "
                "or add questions it admits",
            )
        elif len(pool) < stage.min_questions:
            findings.add(
                source,
                (*path, "min_questions"),
                f"stage {stage.id!r} needs {stage.min_questions} questions but its pool "
                f"admits only {len(pool)}, so the flow cannot reach wrap-up",
                "lower min_questions or widen the pool",
            )
        elif len(pool) < stage.questions.full:
            findings.add(
                source,
                (*path, "questions", "full"),
                f"stage {stage.id!r} asks {stage.questions.full} questions in a full "
                f"interview but its pool admits only {len(pool)}",
                "widen the pool or ask fewer questions",
                "warning",
            )


def check_graph(
    linted: list[LoadedQuestion],
    context: list[LoadedQuestion],
    flows: list[tuple[SourceFile, Flow]],
    findings: Findings,
) -> None:
    """Cross-file checks.

    Args:
        linted: Questions of the linted files (reported on).
        context: Valid questions of the built-in bank that resolve references.
        flows: The flows to check reachability with (linted ones, or built-in).
        findings: Where findings go.
    """
    known = {q.qid for q in linted} | {q.qid for q in context}
    _check_ids(linted, known, findings)
    models = [q.model for q in [*linted, *context] if q.model is not None]
    for source, flow in flows:
        _check_flow(source, flow, models, findings)
    if not flows:
        if linted:
            question = linted[0]
            findings.add(
                question.source,
                (),
                "no interview flow was found, so reachability was not checked",
                "lint the rubric files together with dialogs/ (or keep the built-in bank)",
                "warning",
            )
        return
    reachable: set[str] = set()
    for _, flow in flows:
        reachable |= flow_reach(flow, models)
    names = ", ".join(flow.name for _, flow in flows)
    for question in linted:
        if question.model is not None and question.qid not in reachable:
            findings.add(
                question.source,
                (*question.path, "id"),
                f"no flow ({names}) can ever ask {question.qid!r}: no stage pool admits it "
                "and no reachable question threads to it",
                "fix its level/topics/tracks so a stage pool admits it, or add a thread to it",
            )
