"""The rubric grader: scikit-learn-style ``fit`` on a bank, pure ``grade``.

``fit`` learns everything from the bank (TF-IDF over all its text, compiled
phrase matchers per question, a calibration of the signals on the graded
example answers) and keeps it as plain data, so a fitted grader pickles and
grades without importing scikit-learn. ``grade`` has no side effects and never
raises on any string.
"""

from __future__ import annotations

import inspect
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import fields
from functools import cache, partial
from typing import Any

from interviewer.bank import Bank
from interviewer.grading.calibration import LinearCalibration, fit_calibration
from interviewer.grading.compiled import (
    CompiledQuestion,
    compile_question,
    fingerprint,
    question_texts,
    term_index,
)
from interviewer.grading.composition import ZEROING_FLAGS, GradeRules, compose_grade
from interviewer.grading.feedback import compose_feedback
from interviewer.grading.fit_memo import CalibrationRow, FitMemo, content_key, flat_rows
from interviewer.grading.result import GradeResult
from interviewer.grading.signals import Evaluation, Settings, evaluate
from interviewer.grading.tfidf import TfidfModel, fit_tfidf
from interviewer.grading.thesaurus import bank_thesaurus
from interviewer.models import Question
from interviewer.text.matcher import TermIndex
from interviewer.text.spelling import Speller

__all__ = ["MODEL_SIGNALS", "GraderNotFittedError", "RubricGrader"]

# The signals the calibrated model combines; the others drive rules.
MODEL_SIGNALS: tuple[str, ...] = (
    "coverage",
    "key_coverage",
    "similarity_in_band",
    "elaboration",
)
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
        uncovered_cap: Highest grade for an answer that earns no key concept
            (on-topic words, length and closeness to the reference earn little).
        max_chars: Longer answers are graded on their start only (flag ``truncated``).
        off_topic_topicality: Below this share of on-topic words, an answer
            that matches nothing is off-topic (grade 0).
        dont_know_max_words: "I don't know" only zeroes answers this short.
        too_short_words: Answers this short are flagged ``too_short``.
        contradiction_penalty: What a denied or contradicted concept costs (a listed
            misconception its own ``penalty``); high, as such findings are rarely wrong.
        fluency_floor: Below this mean association of neighbouring words
            (:func:`~interviewer.grading.shape.fluency`), an answer is a shuffle of
            words, not sentences: it is graded at most ``uncovered_cap``.
        fluency_full: From this fluency up, nothing is capped; in between the cap
            rises linearly to 5.
        spelling: Read misspelled words as the bank's words they stand for.
        thesaurus: Use the whole bank's synonyms for every question, after its own.
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
        contradiction_penalty: float = 2.5,
        keyword_cap: float = 1.0,
        too_short_cap: float = 1.5,
        uncovered_cap: float = 1.0,
        max_chars: int = 8_000,
        off_topic_topicality: float = 0.15,
        dont_know_max_words: int = 12,
        too_short_words: int = 3,
        fluency_floor: float = 0.45,
        fluency_full: float = 0.8,
        spelling: bool = True,
        thesaurus: bool = False,
        calibration_strength: float = 0.3,
        calibration_rounds: int = 1,
    ) -> None:
        self.credit_threshold = credit_threshold
        self.misconception_threshold = misconception_threshold
        self.window_slack = window_slack
        self.partial_min_share = partial_min_share
        self.negation_scope = negation_scope
        self.contradiction_penalty = contradiction_penalty
        self.keyword_cap = keyword_cap
        self.too_short_cap = too_short_cap
        self.uncovered_cap = uncovered_cap
        self.max_chars = max_chars
        self.off_topic_topicality = off_topic_topicality
        self.dont_know_max_words = dont_know_max_words
        self.too_short_words = too_short_words
        self.fluency_floor = fluency_floor
        self.fluency_full = fluency_full
        self.spelling = spelling
        self.thesaurus = thesaurus
        self.calibration_strength = calibration_strength
        self.calibration_rounds = calibration_rounds

    # -- scikit-learn conventions ---------------------------------------------

    @classmethod
    @cache
    def _param_names(cls) -> tuple[str, ...]:
        """The constructor's parameters, read once from its signature (listed there)."""
        signature = inspect.signature(cls.__init__)
        return tuple(name for name in signature.parameters if name != "self")

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor parameters (scikit-learn convention)."""
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params: Any) -> RubricGrader:
        """Set constructor parameters; refit afterwards (scikit-learn convention)."""
        names = self._param_names()
        for name, value in params.items():
            if name not in names:
                raise ValueError(f"unknown parameter {name!r} for RubricGrader")
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        return f"RubricGrader({', '.join(f'{k}={v!r}' for k, v in self.get_params().items())})"

    def _rules(self) -> GradeRules:
        names = {f.name for f in fields(GradeRules)}
        return GradeRules(**{k: v for k, v in self.get_params().items() if k in names})

    def _settings(self) -> Settings:
        names = {f.name for f in fields(Settings)}
        return Settings(**{k: v for k, v in self.get_params().items() if k in names})

    # -- fitting --------------------------------------------------------------

    def fit(self, bank: Bank | Iterable[Question]) -> RubricGrader:
        """Learn from a bank: TF-IDF, compiled matchers, calibration.

        Repeated text and questions are worked out once (see :mod:`.fit_memo`).

        Args:
            bank: A loaded :class:`~interviewer.bank.Bank` (or its questions).

        Returns:
            ``self``, fitted.
        """
        questions = list(bank.questions.values() if isinstance(bank, Bank) else bank)
        memo = FitMemo()
        documents = [text for q in questions for text in question_texts(q)]
        self.tfidf_: TfidfModel = fit_tfidf(documents)
        rubric_texts = [t for q in questions for t in question_texts(q, examples=False)]
        surfaces, counts, pairs = memo.bank_words(documents, rubric_texts)
        self.known_words_: frozenset[str] = frozenset(w for s in surfaces.values() for w in s)
        self.surfaces_: dict[str, set[str]] = surfaces
        self.thesaurus_: dict[str, list[str]] = bank_thesaurus(questions) if self.thesaurus else {}
        self.speller_: Speller | None = Speller(counts) if self.spelling else None
        self.word_pairs_: frozenset[str] = frozenset(pairs)
        self.question_keys_: dict[str, str] = {q.id: content_key(q) for q in questions}
        self.questions_: dict[str, CompiledQuestion] = {
            q.id: memo.compile(q, self.question_keys_[q.id], self._compile) for q in questions
        }
        self._indexes: dict[str, TermIndex] = {}
        self.calibration_rows_: dict[str, tuple[CalibrationRow, ...]] = {
            q.id: self._calibration_rows(q, memo) for q in questions
        }
        self.calibration_: LinearCalibration = self._fit_calibration()
        self.n_questions_ = len(questions)
        self._adhoc: OrderedDict[int, tuple[Question, CompiledQuestion]] = _recent(self, questions)
        return self

    def partial_fit(self, bank: Bank | Iterable[Question]) -> RubricGrader:
        """Refit on an edited bank: only the questions that changed, then the calibration.

        Unchanged questions keep their compiled form and calibration rows; new and edited
        ones are compiled over the vocabulary already fitted (TF-IDF, spellings, word pairs),
        then the calibration is refitted if their rows changed. For authoring tools: a full
        :meth:`fit` can differ by as much as the edit moves those bank-wide statistics.

        Returns:
            ``self``, refitted.
        """
        self._check_fitted()
        questions = list(bank.questions.values() if isinstance(bank, Bank) else bank)
        memo = FitMemo()
        keys = {q.id: content_key(q) for q in questions}
        kept = {q.id for q in questions if self.question_keys_.get(q.id) == keys[q.id]}
        fresh = {
            q.id: memo.compile(q, keys[q.id], self._compile) for q in questions if q.id not in kept
        }
        self.questions_ = {q.id: fresh.get(q.id) or self.questions_[q.id] for q in questions}
        old_rows, self.question_keys_ = self.calibration_rows_, keys
        self.calibration_rows_ = {
            q.id: old_rows[q.id] if q.id in kept else self._calibration_rows(q, memo)
            for q in questions
        }
        if flat_rows(self.calibration_rows_) != flat_rows(
            old_rows
        ):  # else the same fit would result
            self.calibration_ = self._fit_calibration()
        self.n_questions_ = len(questions)
        self._adhoc = _recent(self, questions)
        return self

    def _calibration_rows(self, question: Question, memo: FitMemo) -> tuple[CalibrationRow, ...]:
        """The calibration rows of ``question``'s examples that no rule decides."""
        compiled, settings = self.questions_[question.id], self._settings()

        def row(grade: tuple[float, float], answer: str) -> CalibrationRow | None:
            found = self._run(compiled, self._index(compiled), answer, settings)
            if _rule_decides(found):
                return None
            shift = found.signals["penalty"]
            return found.signals, (grade[0] + shift, grade[1] + shift)

        key = self.question_keys_[question.id]
        found = [
            memo.row(key, index, partial(row, example.grade, example.answer))
            for index, example in enumerate(question.examples)
        ]
        return tuple(r for r in found if r is not None)

    def _fit_calibration(self) -> LinearCalibration:
        every = flat_rows(self.calibration_rows_)
        return fit_calibration(
            [signals for signals, _ in every],
            [grade_range for _, grade_range in every],
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
        if "calibration_" in state:
            self._adhoc = OrderedDict()
            self._indexes = {}

    def _compile(self, question: Question) -> CompiledQuestion:
        known, thesaurus = self.known_words_, self.thesaurus_
        return compile_question(question, self.tfidf_, self.surfaces_, known, thesaurus=thesaurus)

    def _run(
        self, compiled: CompiledQuestion, index: TermIndex, answer: str, settings: Settings
    ) -> Evaluation:
        return evaluate(
            compiled,
            index,
            answer,
            self.tfidf_,
            settings,
            self.speller_,
            self.word_pairs_,
            self.known_words_,
        )

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
            compiled = self._compile(question)
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
        return compiled, self._run(compiled, index, text, self._settings())

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
        composition, grade = compose_grade(found, self.calibration_, self._rules())
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


def _rule_decides(found: Evaluation) -> bool:
    """Whether a rule, not the calibrated model, sets this example's grade."""
    return (
        not any(c.credited for c in found.concepts)
        or bool(found.misconceptions)
        or any(
            f in found.flags for f in (*ZEROING_FLAGS, "keyword_list", "too_short", "non_english")
        )
    )


def _recent(grader: RubricGrader, questions: list[Question]) -> OrderedDict[int, Any]:
    """The memo of compiled questions by object, primed with the last fitted ones."""
    return OrderedDict((id(q), (q, grader.questions_[q.id])) for q in questions[-_ADHOC_LIMIT:])
