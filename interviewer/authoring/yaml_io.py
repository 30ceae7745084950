"""Writing rubric YAML: drafted rubrics with TODO comments, and new examples.

Both go through ruamel.yaml's round-trip mode so that adding an example to
an existing file keeps its comments, key order and layout.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString

from interviewer.authoring.draft import DraftRubric
from interviewer.errors import InterviewerError
from interviewer.models import Example, RubricFile

__all__ = ["append_example", "draft_to_yaml"]

_TODO_MISCONCEPTIONS = """\
TODO: add at least one misconception (a wrong claim candidates make), e.g.
  - id: short-id
    claim: The wrong claim, stated plainly.
    phrasings: [how a candidate would say it, another wording]
    correction: What is actually true, and why.
    penalty: 1.5"""

_TODO_EXAMPLES = """\
TODO: add graded examples of every kind, as real candidates write them:
  good [3, 4], partial [1.5, 2.5], wrong [0, 1], misconception [0, 1.5],
  keywords [0.5, 1.5] (a bare list of terms), negation [0, 1.5] (terms denied).
The first example below is the reference itself: replace it with a paraphrase."""


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never re-wrap the lines of an existing file
    yaml.preserve_quotes = True
    return yaml


def _text(value: str, width: int = 72) -> Any:
    """Long text as a folded block (``>-``) wrapped at ``width``; short text as is."""
    value = " ".join(value.split())
    if len(value) <= width:
        return value
    folded = FoldedScalarString(value)
    folds, line_start = [], 0
    for index, char in enumerate(value):
        if char == " " and index - line_start > width:
            previous = value.rfind(" ", line_start, index)
            cut = previous if previous > line_start else index
            folds.append(cut)
            line_start = cut + 1
    folded.fold_pos = folds
    return folded


def _flow_list(values: list[str]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _question_map(draft: DraftRubric) -> CommentedMap:
    question = draft.question
    node = CommentedMap()
    node["id"] = question.id
    node["level"] = question.level
    node["topics"] = _flow_list(list(question.topics))
    node["tracks"] = _flow_list(list(question.tracks))
    node["sources"] = _flow_list(list(question.sources))
    node["ask"] = _text(question.ask)
    node["rephrasings"] = CommentedSeq(_text(r) for r in question.rephrasings)
    node["reference"] = _text(question.reference)
    node.yaml_set_comment_before_after_key(
        "level",
        before="TODO: set level, topics, tracks and sources; write 1-3 real rephrasings",
        indent=4,
    )
    concepts = CommentedSeq()
    for index, item in enumerate(draft.concepts):
        concept = item.concept
        c = CommentedMap()
        c["id"] = concept.id
        c["label"] = _text(concept.label, 88)
        c["weight"] = concept.weight
        if concept.key:
            c["key"] = True
        c["phrasings"] = CommentedSeq(concept.phrasings)
        if concept.synonyms:
            c["synonyms"] = CommentedMap(
                (k, _flow_list(list(v))) for k, v in concept.synonyms.items()
            )
        c["missing_feedback"] = _text(concept.missing_feedback)
        if concept.probe:
            c["probe"] = concept.probe
        concepts.append(c)
        note = "TODO: review label, weight, phrasings (add colloquial forms) and feedback"
        if item.related:
            note += "\nrelated bank concepts: " + ", ".join(item.related)
        concepts.yaml_set_comment_before_after_key(index, before=note, indent=6)
    node["concepts"] = concepts
    node["misconceptions"] = CommentedSeq()
    node.yaml_set_comment_before_after_key("misconceptions", before=_TODO_MISCONCEPTIONS, indent=4)
    node["hints"] = CommentedSeq(_text(h) for h in question.hints)
    node["threads"] = CommentedSeq()
    node.yaml_set_comment_before_after_key(
        "threads",
        before="TODO: link follow-up questions: {to: id, when: {covered: concept-id}, say: ...}",
        indent=4,
    )
    examples = CommentedSeq()
    for example in question.examples:
        e = CommentedMap()
        e["kind"] = example.kind
        e["grade"] = _flow_list([example.grade[0], example.grade[1]])  # type: ignore[list-item]
        e["answer"] = _text(example.answer)
        examples.append(e)
    node["examples"] = examples
    node.yaml_set_comment_before_after_key("examples", before=_TODO_EXAMPLES, indent=4)
    return node


def draft_to_yaml(draft: DraftRubric, topic: str | None = None, title: str | None = None) -> str:
    """Render a drafted rubric as a complete rubric file with TODO comments.

    The result loads with :func:`interviewer.loader.load_rubric_file`.
    """
    question = draft.question
    root = CommentedMap()
    root["topic"] = topic or question.topics[0]
    root["title"] = title or question.ask.rstrip("?")
    root["questions"] = CommentedSeq([_question_map(draft)])
    root.yaml_set_start_comment(
        "Drafted by `interviewer rubric draft`: a starting point, not a finished rubric.\n"
        "Distinctive terms of the reference: "
        + ", ".join(term for term, _ in draft.terms[:10])
        + "\nNext: fill the TODOs, then `interviewer rubric lint FILE` and `rubric test ID`."
    )
    buffer = io.StringIO()
    _yaml().dump(root, buffer)
    text = buffer.getvalue()
    RubricFile.model_validate(_yaml().load(text))  # the draft must load
    return text


def append_example(path: Path, question_id: str, example: Example) -> int:
    """Add a graded example to a question in a rubric file, keeping its comments.

    Args:
        path: The rubric file.
        question_id: The question to add the example to.
        example: The example; its grade range is validated by the schema.

    Returns:
        The number of examples the question now has.

    Raises:
        InterviewerError: if the file cannot be read or written, or has no such question.
    """
    yaml = _yaml()
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.load(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise InterviewerError(f"cannot read {path}: {exc}") from None
    except Exception as exc:  # ruamel raises many error types on bad YAML
        raise InterviewerError(f"{path} is not valid YAML: {exc}") from None
    questions = root.get("questions") if isinstance(root, CommentedMap) else None
    target = next(
        (q for q in questions or [] if isinstance(q, CommentedMap) and q.get("id") == question_id),
        None,
    )
    if target is None:
        raise InterviewerError(f"no question {question_id!r} in {path}")
    entry = CommentedMap()
    entry["kind"] = example.kind
    entry["grade"] = _flow_list([example.grade[0], example.grade[1]])  # type: ignore[list-item]
    entry["answer"] = _text(example.answer)
    if not isinstance(target.get("examples"), CommentedSeq):
        target["examples"] = CommentedSeq()
    target["examples"].append(entry)
    buffer = io.StringIO()
    yaml.dump(root, buffer)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(buffer.getvalue(), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InterviewerError(f"cannot write {path}: {exc}") from None
    return len(target["examples"])
