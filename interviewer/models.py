"""The schema of the question bank and the interview flows.

Every rubric file under ``rubrics/`` and every flow under ``dialogs/`` is
validated against these models by :mod:`interviewer.loader`. They are the one
schema of the project: nothing else parses the data files.
"""

from __future__ import annotations

import re
from string import Formatter
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)

from interviewer.choices import LEVELS, TRACKS, Level, Track

__all__ = [
    "KINDS",
    "LEVELS",
    "STAGES",
    "TRACKS",
    "AnyQuestion",
    "CodeQuestion",
    "ComputedQuestion",
    "Concept",
    "Example",
    "ExampleKind",
    "Flow",
    "Level",
    "Misconception",
    "PoolSelector",
    "Question",
    "QuestionCount",
    "QuestionKind",
    "RubricFile",
    "Stage",
    "StageId",
    "ThreadCondition",
    "ThreadLink",
    "Track",
]

StageId = Literal["basic", "intermediate", "advanced", "project", "wrap-up"]
ExampleKind = Literal[
    "excellent", "good", "partial", "wrong", "misconception", "keywords", "negation",
    "off-topic", "other",
]  # fmt: skip

QuestionKind = Literal["rubric", "computed", "code"]

KINDS: tuple[QuestionKind, ...] = ("rubric", "computed", "code")
STAGES: tuple[StageId, ...] = ("basic", "intermediate", "advanced", "project", "wrap-up")

_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Concept(_Strict):
    """A unit of credit in a rubric.

    ``phrasings`` are the accepted ways to say it. ``synonyms`` maps a word or
    phrase that occurs in the phrasings to alternatives a candidate might use
    instead ("shrink" -> "get smaller", "decay"); the matcher expands them.
    ``contrasts`` maps a word of the phrasings to words that would turn the claim
    into its opposite ("running" -> "batch"), on top of the general contrast
    lexicon (:mod:`interviewer.text.contrast`); an answer saying the opposite
    contradicts the concept.
    """

    id: str = Field(pattern=_ID_PATTERN)
    label: str = Field(min_length=1)
    weight: float = Field(default=1.0, gt=0, le=10)
    key: bool = False
    phrasings: list[str] = Field(min_length=1)
    synonyms: dict[str, list[str]] = Field(default_factory=dict)
    contrasts: dict[str, list[str]] = Field(default_factory=dict)
    missing_feedback: str = Field(min_length=1)
    probe: str | None = None

    @model_validator(mode="after")
    def _key_concepts_have_probes(self) -> Concept:
        if self.key and not self.probe:
            raise ValueError("a key concept needs a probe question (field 'probe')")
        return self


class Misconception(_Strict):
    """A wrong claim the grader detects, with the correction to give."""

    id: str = Field(pattern=_ID_PATTERN)
    claim: str = Field(min_length=1)
    phrasings: list[str] = Field(min_length=1)
    correction: str = Field(min_length=1)
    penalty: float = Field(default=1.5, ge=0, le=5)
    errata: bool = False


class ThreadCondition(_Strict):
    """When a thread link fires. All the fields given must hold."""

    covered: str | None = None
    missed: str | None = None
    mentioned: list[str] | None = None
    grade_below: float | None = Field(default=None, ge=0, le=5)
    grade_at_least: float | None = Field(default=None, ge=0, le=5)
    always: bool = False

    @model_validator(mode="after")
    def _not_empty(self) -> ThreadCondition:
        given = [
            self.covered,
            self.missed,
            self.mentioned,
            self.grade_below,
            self.grade_at_least,
        ]
        if not self.always and all(v is None for v in given):
            raise ValueError(
                "a thread condition needs one of covered, missed, mentioned, "
                "grade_below, grade_at_least or always: true"
            )
        return self


class ThreadLink(_Strict):
    """A follow-up to another question, triggered by what the answer did."""

    to: str = Field(pattern=_ID_PATTERN)
    when: ThreadCondition
    say: str | None = None


class Example(_Strict):
    """A graded example answer: used to calibrate and to test the grader."""

    answer: str
    grade: tuple[float, float]
    kind: ExampleKind = "other"

    @field_validator("grade")
    @classmethod
    def _grade_range(cls, value: tuple[float, float]) -> tuple[float, float]:
        low, high = value
        if not (0 <= low <= high <= 5):
            raise ValueError("grade must be [low, high] with 0 <= low <= high <= 5")
        return value


class Question(_Strict):
    """One interview question with its rubric.

    ``compares`` names the things answers set side by side, each a list of one-word names
    (``[[batch, full], [stochastic, sgd]]``); see rubrics/README.md.

    In a file ``kind`` is ``rubric`` (the default). A hands-on question
    presented to the dialog engine for one seed (see
    :func:`interviewer.handson.present`) carries its own kind.
    """

    id: str = Field(pattern=_ID_PATTERN)
    kind: QuestionKind = "rubric"
    ask: str = Field(min_length=1)
    rephrasings: list[str] = Field(min_length=1, max_length=3)
    level: Level
    topics: list[str] = Field(min_length=1)
    tracks: list[Track] = Field(min_length=1)
    sources: list[str] = Field(default_factory=list)
    reference: str = Field(min_length=1)
    concepts: list[Concept] = Field(min_length=1)
    misconceptions: list[Misconception] = Field(default_factory=list)
    hints: list[str] = Field(min_length=1)
    threads: list[ThreadLink] = Field(default_factory=list)
    examples: list[Example] = Field(default_factory=list)
    compares: list[list[str]] = Field(default_factory=list)

    @field_validator("compares")
    @classmethod
    def _sides_are_words(cls, value: list[list[str]]) -> list[list[str]]:
        words = all(side and all(re.fullmatch(r"[\w'-]+", w) for w in side) for side in value)
        if not words or len(value) == 1:
            raise ValueError(
                "'compares' lists two sides or more, each a list of single words (the thing "
                "and its other names), e.g. [[gru], [lstm, lstms]]"
            )
        return value

    @model_validator(mode="after")
    def _unique_ids(self) -> Question:
        seen: set[str] = set()
        for item_id in [c.id for c in self.concepts] + [m.id for m in self.misconceptions]:
            if item_id in seen:
                raise ValueError(f"id {item_id!r} is used twice in this question")
            seen.add(item_id)
        for link in self.threads:
            for ref in (link.when.covered, link.when.missed):
                if ref is not None and ref not in {c.id for c in self.concepts}:
                    raise ValueError(f"thread to {link.to!r} names unknown concept {ref!r}")
        return self

    def concept(self, concept_id: str) -> Concept:
        """Return the concept with this id.

        Raises:
            KeyError: if the question has no such concept.
        """
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        raise KeyError(concept_id)


class _HandsOn(_Strict):
    """What computed questions and code exercises share."""

    id: str = Field(pattern=_ID_PATTERN)
    ask: str = Field(min_length=1)
    level: Level
    topics: list[str] = Field(min_length=1)
    tracks: list[Track] = Field(min_length=1)
    sources: list[str] = Field(default_factory=list)
    hints: list[str] = Field(min_length=1)


class ComputedQuestion(_HandsOn):
    """A calculation whose answer PyTorch computes for parameters drawn from the seed.

    ``task`` names a calculation of :mod:`interviewer.handson.tasks`;
    ``params`` gives, for each of its parameters, the values a seed draws from.
    ``ask`` may use the parameters as ``{name}`` placeholders.
    """

    kind: Literal["computed"]
    task: str
    params: dict[str, list[int]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _task_and_params(self) -> ComputedQuestion:
        from interviewer.handson.tasks import TASKS

        task = TASKS.get(self.task)
        if task is None:
            raise ValueError(f"unknown task {self.task!r}; use one of {', '.join(sorted(TASKS))}")
        missing = [name for name in task.params if name not in self.params]
        extra = [name for name in self.params if name not in task.params]
        if missing or extra:
            raise ValueError(
                f"task {self.task!r} takes the params {', '.join(task.params)}"
                + (f"; missing {', '.join(missing)}" if missing else "")
                + (f"; unknown {', '.join(extra)}" if extra else "")
            )
        if any(not values for values in self.params.values()):
            raise ValueError("every param needs at least one value")
        for _, name, _, _ in Formatter().parse(self.ask):
            if name is not None and name not in self.params:
                raise ValueError(f"ask uses {{{name}}}, which is not one of the params")
        return self


class CodeQuestion(_HandsOn):
    """A short PyTorch exercise, checked by running it in a sandbox.

    ``exercise`` names the checks of :mod:`interviewer.handson.exercises`;
    ``starter`` is the code the editor opens with; ``solution`` is a model
    solution (the tests check that it passes every check).
    """

    kind: Literal["code"]
    exercise: str = Field(pattern=_ID_PATTERN)
    starter: str = ""
    solution: str = Field(min_length=1)
    cpu_seconds: float = Field(default=10.0, gt=0, le=60)
    memory_mib: int = Field(default=2048, ge=256, le=8192)

    @field_validator("exercise")
    @classmethod
    def _known_exercise(cls, value: str) -> str:
        from interviewer.handson.catalogue import EXERCISES

        if value not in EXERCISES:
            raise ValueError(f"unknown exercise {value!r}; use one of {', '.join(EXERCISES)}")
        return value


def _kind_of(value: Any) -> str:
    kind = value.get("kind", "rubric") if isinstance(value, dict) else getattr(value, "kind", None)
    return kind if kind in KINDS else "rubric"


AnyQuestion = Annotated[
    Annotated[Question, Tag("rubric")]
    | Annotated[ComputedQuestion, Tag("computed")]
    | Annotated[CodeQuestion, Tag("code")],
    Discriminator(_kind_of),
]
"""A question of any kind in a rubric file, told apart by its ``kind`` field."""


class RubricFile(_Strict):
    """The content of one file under ``rubrics/``: one topic's questions."""

    topic: str = Field(pattern=_ID_PATTERN)
    title: str = Field(min_length=1)
    questions: list[AnyQuestion] = Field(min_length=1)


_RUBRIC_ONLY: tuple[QuestionKind, ...] = ("rubric",)


class PoolSelector(_Strict):
    """Which questions a stage may draw from. Empty lists mean "any"."""

    levels: list[Level] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    ids: list[str] = Field(default_factory=list)
    tracks: list[Track] = Field(default_factory=list)
    kinds: list[QuestionKind] = Field(default_factory=lambda: list(_RUBRIC_ONLY), min_length=1)

    def admits(self, question: Question) -> bool:
        """Whether ``question`` belongs to this pool (hands-on kinds only when listed)."""
        if self.ids and question.id in self.ids:
            return True
        if self.ids and not (self.levels or self.topics or self.tracks):
            return False
        return (
            question.kind in self.kinds
            and (not self.levels or question.level in self.levels)
            and (not self.topics or bool(set(self.topics) & set(question.topics)))
            and (not self.tracks or bool(set(self.tracks) & set(question.tracks)))
        )


class QuestionCount(_Strict):
    """How many main questions a stage asks, per interview length."""

    short: int = Field(ge=0, le=20)
    full: int = Field(ge=0, le=40)


class Stage(_Strict):
    """One stage of an interview flow and its rules for moving on."""

    id: StageId
    title: str = Field(min_length=1)
    intro: str | None = None
    pool: PoolSelector | None = None
    questions: QuestionCount = QuestionCount(short=0, full=0)
    topic_weights: dict[str, float] = Field(default_factory=dict)
    min_questions: int = Field(default=1, ge=0)
    advance_at: float | None = Field(default=None, ge=0, le=5)
    step_down_below: float | None = Field(default=None, ge=0, le=5)

    @model_validator(mode="after")
    def _pool_when_asking(self) -> Stage:
        if self.id != "wrap-up" and self.pool is None:
            raise ValueError(f"stage {self.id!r} asks questions, so it needs a 'pool'")
        return self


class Flow(_Strict):
    """An interview flow: the stages in order and the dialog limits."""

    name: str = Field(pattern=_ID_PATTERN)
    title: str = Field(min_length=1)
    track: Track
    description: str = ""
    opening: str = Field(min_length=1)
    closing: str = Field(min_length=1)
    max_probes_per_question: int = Field(default=1, ge=0, le=5)
    max_thread_depth: int = Field(default=3, ge=0, le=10)
    max_hints: int = Field(default=3, ge=0, le=10)
    # A time target per answer, in seconds, by question level (empty: no clock). Shown as
    # a countdown; going over is noted in the report, never cut off.
    answer_time: dict[Level, int] = Field(default_factory=dict)
    stages: list[Stage] = Field(min_length=2)

    @model_validator(mode="after")
    def _stage_order(self) -> Flow:
        ids = [s.id for s in self.stages]
        if ids[-1] != "wrap-up":
            raise ValueError("the last stage must be 'wrap-up'")
        if len(set(ids)) != len(ids):
            raise ValueError("each stage may appear once")
        order = [STAGES.index(i) for i in ids]
        if order != sorted(order):
            raise ValueError("stages must follow basic, intermediate, advanced, project, wrap-up")
        return self
