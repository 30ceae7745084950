"""The rubric grader: scikit-learn-style ``fit`` on a bank, pure ``grade``.

``fit`` learns everything from the bank (TF-IDF over all its text, compiled
phrase matchers per question, a calibration of the signals on the graded
example answers) and keeps it as plain data, so a fitted grader pickles and
grades without importing scikit-learn. ``grade`` has no side effects and never
raises on any string.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

from interviewer.grading.calibration import LinearCalibration, fit_calibration
from interviewer.grading.compiled import (
    CompiledQuestion,
    compile_question,
    fingerprint,
    question_texts,
    term_index,
)
from interviewer.grading.feedback import compose_feedback
from interviewer.grading.result import GradeResult
from interviewer.grading.signals import Evaluation, Settings, evaluate
from interviewer.grading.tfidf import TfidfModel, fit_tfidf
from interviewer.loader import Bank
from interviewer.models import Question
from interviewer.text.analysis import analyse
from interviewer.text.matcher import TermIndex
from interviewer.text.stem import known_stems, seed_stems

__all__ = ["MODEL_SIGNALS", "GraderNotFittedError", "RubricGrader"]

# The signals the calibrated model combines; the others drive rules.
MODEL_SIGNALS: tuple[str, ...] = (
    "coverage",
    "key_coverage",
    "similarity",
    "elaboration",
    "topicality",
)
# Flags whose rule sets the grade to zero (the answer gives nothing to grade).
_ZEROING_FLAGS = ("empty", "dont_know", "off_topic")
_ADHOC_LIMIT = 256


class GraderNotFittedError(RuntimeError):
    """Raised when an unfitted grader is asked to grade."""


class RubricGrader:
    """Grades free-text answers against rubrics, explainably.

    Every rule of the grade is a parameter here, in one place.

    Args:
        credit_threshold: Phrase confidence (0-1) at which a concept is credited.
        misconception_threshold: Phrase confidence at which a wrong claim is
            taken as stated (higher: never accuse on a weak match).
        window_slack: Extra words a phrase match may span beyond its length.
        partial_min_share: Share of a phrase's weight (rare words weigh more)
            that a partial match must find to earn anything.
        negation_scope: Words a negation ("not", "without") governs at most.
        keyword_cap: Highest grade for a bare list of terms.
        too_short_cap: Highest grade for an answer of at most ``too_short_words`` words.
        uncovered_cap: Highest grade for an answer that matches no concept, not
            even in part (on-topic words and length alone earn little).
        max_chars: Longer answers are graded on their start only (flag ``truncated``).
        off_topic_topicality: Below this share of on-topic words, an answer
            that matches nothing is off-topic (grade 0).
        dont_know_max_words: "I don't know" only zeroes answers this short.
        too_short_words: Answers this short are flagged ``too_short``.
        calibration_strength: Ridge pull of the calibration towards its prior.
        calibration_rounds: Rounds of fitting to the nearest point of each
            example's range (1 fits the range midpoints).
    """

    def __init__(
        self,
        *,
        credit_threshold: float = 0.6,
        misconception_threshold: float = 0.75,
        window_slack: int = 4,
        partial_min_share: float = 0.5,
        negation_scope: int = 6,
        keyword_cap: float = 1.5,
        too_short_cap: float = 1.5,
        uncovered_cap: float = 1.0,
        max_chars: int = 8_000,
        off_topic_topicality: float = 0.15,
        dont_know_max_words: int = 12,
        too_short_words: int = 3,
        calibration_strength: float = 0.3,
        calibration_rounds: int = 1,
    ) -> None:
        self.credit_threshold = credit_threshold
        self.misconception_threshold = misconception_threshold
        self.window_slack = window_slack
        self.partial_min_share = partial_min_share
        self.negation_scope = negation_scope
        self.keyword_cap = keyword_cap
        self.too_short_cap = too_short_cap
        self.uncovered_cap = uncovered_cap
        self.max_chars = max_chars
        self.off_topic_topicality = off_topic_topicality
        self.dont_know_max_words = dont_know_max_words
        self.too_short_words = too_short_words
        self.calibration_strength = calibration_strength
        self.calibration_rounds = calibration_rounds

    # -- scikit-learn conventions ---------------------------------------------

    _PARAMS = (
        "credit_threshold",
        "misconception_threshold",
        "window_slack",
        "partial_min_share",
        "negation_scope",
        "keyword_cap",
        "too_short_cap",
        "uncovered_cap",
        "max_chars",
        "off_topic_topicality",
        "dont_know_max_words",
        "too_short_words",
        "calibration_strength",
        "calibration_rounds",
    )

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor parameters (scikit-learn convention)."""
        return {name: getattr(self, name) for name in self._PARAMS}

    def set_params(self, **params: Any) -> RubricGrader:
        """Set constructor parameters; refit afterwards (scikit-learn convention)."""
        for name, value in params.items():
            if name not in self._PARAMS:
                raise ValueError(f"unknown parameter {name!r} for RubricGrader")
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        return f"RubricGrader({', '.join(f'{k}={v!r}' for k, v in self.get_params().items())})"

    def _settings(self) -> Settings:
        return Settings(
            self.credit_threshold,
            self.misconception_threshold,
            self.window_slack,
            self.partial_min_share,
            self.negation_scope,
            self.max_chars,
            self.off_topic_topicality,
            self.dont_know_max_words,
            self.too_short_words,
        )

    # -- fitting --------------------------------------------------------------

    def fit(self, bank: Bank | Iterable[Question]) -> RubricGrader:
        """Learn from a bank: TF-IDF, compiled matchers, calibration.

        Args:
            bank: A loaded :class:`~interviewer.loader.Bank` (or its questions).

        Returns:
            ``self``, fitted.
        """
        questions = list(bank.questions.values() if isinstance(bank, Bank) else bank)
        documents = [text for q in questions for text in question_texts(q)]
        self.tfidf_: TfidfModel = fit_tfidf(documents)
        surfaces: dict[str, set[str]] = {}
        for text in documents:
            for unit in analyse(text).units:
                surfaces.setdefault(unit.stem, set()).add(unit.norm)
        self.known_words_: frozenset[str] = frozenset(w for s in surfaces.values() for w in s)
        self.surfaces_: dict[str, set[str]] = surfaces
        self.questions_: dict[str, CompiledQuestion] = {
            q.id: compile_question(q, self.tfidf_, surfaces, self.known_words_) for q in questions
        }
        self._indexes: dict[str, TermIndex] = {}
        self.calibration_: LinearCalibration = self._fit_calibration(questions)
        self.stems_: dict[str, str] = known_stems()
        self.n_questions_ = len(questions)
        self._adhoc: OrderedDict[int, tuple[Question, CompiledQuestion]] = OrderedDict(
            (id(q), (q, self.questions_[q.id])) for q in questions[-_ADHOC_LIMIT:]
        )
        return self

    def _fit_calibration(self, questions: list[Question]) -> LinearCalibration:
        rows: list[dict[str, float]] = []
        ranges: list[tuple[float, float]] = []
        settings = self._settings()
        for question in questions:
            compiled = self.questions_[question.id]
            index = self._index(compiled)
            for example in question.examples:
                found = evaluate(compiled, index, example.answer, self.tfidf_, settings)
                if _rule_decides(found):
                    continue
                shift = found.signals["penalty"]
                rows.append(found.signals)
                ranges.append((example.grade[0] + shift, example.grade[1] + shift))
        return fit_calibration(
            rows,
            ranges,
            MODEL_SIGNALS,
            strength=self.calibration_strength,
            iterations=self.calibration_rounds,
        )

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_adhoc", None)
        state.pop("_indexes", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        if "stems_" in state:
            seed_stems(state["stems_"])
            self._adhoc = OrderedDict()
            self._indexes = {}

    # -- grading --------------------------------------------------------------

    def _check_fitted(self) -> None:
        if not hasattr(self, "calibration_"):
            raise GraderNotFittedError(
                "This RubricGrader is not fitted yet: call .fit(bank) first "
                "(or use interviewer.grading.default_grader())."
            )

    def _compiled(self, question: Question) -> CompiledQuestion:
        """The compiled form of ``question``: fitted if unchanged, else compiled now.

        A question edited since fitting (same id, other phrasings) is recompiled;
        the result is memoised for that question object.
        """
        memo = self._adhoc.get(id(question))
        if memo is not None and memo[0] is question:
            return memo[1]
        digest = fingerprint(question)
        known = self.questions_.get(question.id)
        if known is not None and known.fingerprint == digest:
            compiled = known
        else:
            compiled = compile_question(question, self.tfidf_, self.surfaces_, self.known_words_)
        self._adhoc[id(question)] = (question, compiled)
        while len(self._adhoc) > _ADHOC_LIMIT:
            self._adhoc.popitem(last=False)
        return compiled

    def _index(self, compiled: CompiledQuestion) -> TermIndex:
        """The term index of a compiled question, built once (a memo, not fitted state)."""
        index = self._indexes.get(compiled.fingerprint)
        if index is None:
            index = term_index(compiled, self.surfaces_, self.known_words_)
            if len(self._indexes) >= _ADHOC_LIMIT:
                self._indexes.clear()
            self._indexes[compiled.fingerprint] = index
        return index

    def _evaluate(self, question: Question, answer: str) -> tuple[CompiledQuestion, Evaluation]:
        self._check_fitted()
        compiled = self._compiled(question)
        text = answer if isinstance(answer, str) else str(answer)
        index = self._index(compiled)
        return compiled, evaluate(compiled, index, text, self.tfidf_, self._settings())

    def features(self, question: Question, answer: str) -> dict[str, float]:
        """The named signal vector of an answer (keys in :data:`SIGNALS` order).

        Args:
            question: Any question (it need not be in the fitted bank).
            answer: The answer text.
        """
        return dict(self._evaluate(question, answer)[1].signals)

    def grade(self, question: Question, answer: str) -> GradeResult:
        """Grade an answer against a question's rubric.

        Args:
            question: Any question (it need not be in the fitted bank).
            answer: The answer text; any string is accepted.

        Returns:
            The grade (0-5) with its explanation.

        Raises:
            GraderNotFittedError: if :meth:`fit` was not called.
        """
        compiled, found = self._evaluate(question, answer)
        composition, grade = self._compose(found)
        feedback = compose_feedback(
            grade,
            found.flags,
            found.concepts,
            compiled.concepts,
            found.misconceptions,
            self.keyword_cap,
        )
        return GradeResult(
            question_id=question.id,
            grade=grade,
            concepts=found.concepts,
            misconceptions=found.misconceptions,
            similarity=round(found.signals["similarity"], 4),
            coverage=round(found.signals["coverage"], 4),
            flags=found.flags,
            feedback=feedback,
            composition=tuple(composition),
        )

    def _compose(self, found: Evaluation) -> tuple[list[tuple[str, float, float]], float]:
        """Model rows, then one row per rule; the contributions sum to the grade."""
        calibration = self.calibration_
        parts = calibration.contributions(found.signals)
        rows = [(name, round(value, 4), round(part, 4)) for name, value, part in parts]
        score = sum(part for _, _, part in parts)
        running = calibration.curve(score)
        if calibration.curve_x:
            rows.append(("calibration curve", round(score, 4), round(running - score, 4)))
        for hit in found.misconceptions:
            rows.append((f"misconception: {hit.misconception_id}", hit.penalty, -hit.penalty))
            running -= hit.penalty
        zeroing = [f for f in _ZEROING_FLAGS if f in found.flags]
        if "non_english" in found.flags and found.signals["coverage"] == 0:
            zeroing.append("non_english")
        if found.signals["echo"]:
            zeroing.insert(0, "repeats the question")
        if zeroing:
            rows.append((f"rule: {zeroing[0]}", 0.0, round(-running, 4)))
            running = 0.0
        caps = [("keyword list", self.keyword_cap), ("too short", self.too_short_cap)]
        flagged = [name for name, _ in caps if name.replace(" ", "_") in found.flags]
        # no concept credited: topic words, length and near misses alone earn little
        if _uncovered(found):
            flagged.append("no concept")
            caps.append(("no concept", self.uncovered_cap))
        for name, cap in caps:
            if name in flagged and running > cap:
                rows.append((f"cap: {name}", cap, round(cap - running, 4)))
                running = cap
        clipped = min(5.0, max(0.0, running))
        if clipped != running:
            rows.append(("clip to 0-5", clipped, round(clipped - running, 4)))
        return rows, round(clipped, 1)


def _uncovered(found: Evaluation) -> bool:
    """Whether the answer earns no concept and states no wrong claim."""
    return not found.misconceptions and not any(c.credited for c in found.concepts)


def _rule_decides(found: Evaluation) -> bool:
    """Whether a rule, not the calibrated model, sets this example's grade."""
    return any(
        f in found.flags for f in (*_ZEROING_FLAGS, "keyword_list", "too_short", "non_english")
    )
