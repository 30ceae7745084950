"""The grader on a small rubric built here: credit, negation, misconceptions, odd input."""

from __future__ import annotations

import pickle
import random

import pytest

from interviewer.grading import (
    FLAGS,
    SIGNALS,
    GradeResult,
    GraderNotFittedError,
    RubricGrader,
)
from interviewer.models import Concept, Example, Misconception, Question


def batch_norm_question() -> Question:
    return Question(
        id="bn-test",
        ask="What does batch normalisation do, and why does it help training?",
        rephrasings=["Why would you add batch norm layers to a deep network?"],
        level="intermediate",
        topics=["regularisation"],
        tracks=["general"],
        reference=(
            "Batch normalisation normalises each feature over the mini-batch: it subtracts "
            "the batch mean and divides by the batch standard deviation, then applies a "
            "learnable scale gamma and shift beta. It keeps the distribution of activations "
            "stable, so deep networks train faster and tolerate higher learning rates. At "
            "inference it uses running averages of the mean and variance."
        ),
        concepts=[
            Concept(
                id="normalises",
                label="Normalises activations with the batch mean and variance",
                weight=2,
                key=True,
                probe="What statistics does it compute?",
                phrasings=[
                    "normalizes the activations",
                    "subtract batch mean and divide by standard deviation",
                    "zero mean unit variance",
                ],
                synonyms={"standard deviation": ["std", "variance"], "activations": ["outputs"]},
                missing_feedback="Say what it computes: batch mean and variance, then normalise.",
            ),
            Concept(
                id="scale-shift",
                label="Learnable scale and shift",
                phrasings=["learnable scale and shift", "gamma and beta parameters"],
                synonyms={"learnable": ["trainable", "learned"]},
                missing_feedback="Mention the learnable scale (gamma) and shift (beta).",
            ),
            Concept(
                id="faster-training",
                label="Faster, more stable training",
                weight=1.5,
                key=True,
                probe="What does that buy you in training?",
                phrasings=["trains faster", "higher learning rates", "more stable training"],
                synonyms={"faster": ["quicker"], "higher": ["larger", "bigger"]},
                missing_feedback="Say why we use it: faster, more stable training.",
            ),
        ],
        misconceptions=[
            Misconception(
                id="normalises-weights",
                claim="Batch norm normalises the weights.",
                phrasings=["normalizes the weights", "rescales the weight matrix"],
                correction="It normalises activations over the batch, not the weights.",
                penalty=1.5,
            )
        ],
        hints=["Think about the statistics of a mini-batch."],
        examples=[
            Example(
                kind="excellent",
                grade=(4.0, 5.0),
                answer=(
                    "It normalises the activations of a layer with the mean and variance of the "
                    "mini-batch, then a learnable scale and shift (gamma and beta) restores the "
                    "range. Training becomes faster and more stable and you can use higher "
                    "learning rates."
                ),
            ),
            Example(
                kind="partial",
                grade=(1.5, 3.0),
                answer="It makes the network train faster.",
            ),
            Example(
                kind="wrong",
                grade=(0.0, 1.0),
                answer="It splits the data set into batches of the same size for the GPU.",
            ),
        ],
    )


def other_question() -> Question:
    return Question(
        id="dropout-test",
        ask="What is dropout?",
        rephrasings=["Explain dropout."],
        level="basic",
        topics=["regularisation"],
        tracks=["general"],
        reference="Dropout randomly zeroes hidden units during training to reduce overfitting.",
        concepts=[
            Concept(
                id="random-zero",
                label="Randomly drops units",
                phrasings=["randomly drops neurons", "zeroes hidden units"],
                missing_feedback="Say that units are randomly dropped during training.",
            )
        ],
        hints=["Think about turning neurons off."],
        examples=[
            Example(kind="good", grade=(3.0, 5.0), answer="It randomly drops neurons."),
            Example(kind="wrong", grade=(0.0, 1.0), answer="It removes bad data points."),
        ],
    )


@pytest.fixture(scope="module")
def grader() -> RubricGrader:
    return RubricGrader().fit([batch_norm_question(), other_question()])


@pytest.fixture(scope="module")
def question() -> Question:
    return batch_norm_question()


def concept(result: GradeResult, concept_id: str):  # type: ignore[no-untyped-def]
    return next(c for c in result.concepts if c.concept_id == concept_id)


def test_fit_sets_trailing_underscore_attributes_and_init_only_stores() -> None:
    fresh = RubricGrader(keyword_cap=1.0)
    assert not [name for name in vars(fresh) if name.endswith("_")]
    assert fresh.get_params()["keyword_cap"] == 1.0
    fitted = fresh.fit([batch_norm_question()])
    assert fitted is fresh
    learned = {name for name in vars(fitted) if name.endswith("_") and not name.startswith("_")}
    assert {"tfidf_", "questions_", "calibration_"} <= learned
    assert fitted.calibration_.n_examples >= 2


def test_an_unfitted_grader_raises_a_clear_error(question: Question) -> None:
    with pytest.raises(GraderNotFittedError, match=r"fit\(bank\)"):
        RubricGrader().grade(question, "anything")


def test_a_full_paraphrase_earns_a_high_grade(grader: RubricGrader, question: Question) -> None:
    answer = (
        "For every mini-batch it subtracts the mean and divides by the std of each feature, "
        "and then trainable gamma and beta parameters rescale it. Networks train quicker "
        "and tolerate larger learning rates."
    )
    result = grader.grade(question, answer)
    assert {c.concept_id for c in result.credited} == {
        "normalises",
        "scale-shift",
        "faster-training",
    }
    assert result.grade >= 4.0
    assert result.coverage > 0.8
    assert not result.misconceptions


def test_a_partial_answer_gets_a_middling_grade_and_feedback_on_what_is_missing(
    grader: RubricGrader, question: Question
) -> None:
    result = grader.grade(question, "It helps the network train faster and more stably.")
    assert [c.concept_id for c in result.credited] == ["faster-training"]
    full = grader.grade(question, batch_norm_question().examples[0].answer)
    assert result.grade < full.grade
    assert "batch mean and variance" in result.feedback


def test_negated_concepts_earn_no_credit_and_say_why(
    grader: RubricGrader, question: Question
) -> None:
    result = grader.grade(question, "Batch norm does not normalise activations.")
    match = concept(result, "normalises")
    assert not match.credited
    assert match.negated
    assert "does not" in match.note
    assert "negated" in result.flags
    affirmed = grader.grade(question, "Batch norm normalises activations.")
    assert concept(affirmed, "normalises").credited
    assert result.grade < affirmed.grade


def test_misconceptions_cost_their_penalty_and_feedback_gives_the_correction(
    grader: RubricGrader, question: Question
) -> None:
    right = "It normalises the activations so training is faster."
    wrong = "It normalises the weights so training is faster."
    result = grader.grade(question, wrong)
    assert [m.misconception_id for m in result.misconceptions] == ["normalises-weights"]
    assert "misconception" in result.flags
    assert "not the weights" in result.feedback
    assert ("misconception: normalises-weights", 1.5, -1.5) in result.composition
    assert result.grade < grader.grade(question, right).grade
    span = result.misconceptions[0].spans[0]
    assert wrong[span.start : span.end] == span.text


def test_a_denied_misconception_is_not_held_against_the_candidate(
    grader: RubricGrader, question: Question
) -> None:
    result = grader.grade(question, "It does not normalise the weights, it normalises activations")
    assert not result.misconceptions


def test_a_keyword_list_is_recognised_capped_and_asked_to_explain(
    grader: RubricGrader, question: Question
) -> None:
    for answer in [
        "mean, variance, gamma, beta, faster training, higher learning rate",
        "- batch mean\n- standard deviation\n- gamma and beta\n- faster training",
    ]:
        result = grader.grade(question, answer)
        assert "keyword_list" in result.flags
        assert result.grade <= grader.keyword_cap
        assert "explain" in result.feedback.lower()
    sentence = "It uses the batch mean and variance, which makes training faster."
    assert "keyword_list" not in grader.grade(question, sentence).flags


@pytest.mark.parametrize(
    ("answer", "flag", "words"),
    [
        ("", "empty", "no answer"),
        ("   \n\t ", "empty", "no answer"),
        ("I don't know", "dont_know", "saying so"),
        ("no idea, sorry", "dont_know", "saying so"),
        ("I like pizza and my cat enjoys long walks in the park.", "off_topic", "address"),
    ],
)
def test_answers_without_content_get_zero_and_a_clear_message(
    grader: RubricGrader, question: Question, answer: str, flag: str, words: str
) -> None:
    result = grader.grade(question, answer)
    assert result.grade == 0.0
    assert flag in result.flags
    assert words in result.feedback.lower()
    assert not result.credited


def test_dont_know_words_count_only_as_the_whole_answer(grader: RubricGrader) -> None:
    question = other_question()
    assert "dont_know" in grader.grade(question, "pass").flags
    assert "dont_know" in grader.grade(question, "dunno, sorry").flags
    assert "dont_know" not in grader.grade(question, "it drops neurons in the forward pass").flags


def test_a_huge_answer_is_truncated_and_graded_quickly(
    grader: RubricGrader, question: Question
) -> None:
    answer = ("It normalises activations with the batch mean and variance. " * 2000)[:100_000]
    result = grader.grade(question, answer)
    assert "truncated" in result.flags
    assert concept(result, "normalises").credited


def test_non_english_answers_are_flagged(grader: RubricGrader, question: Question) -> None:
    for answer in [
        "Die Batch-Normalisierung macht das Lernen schneller und stabiler.",
        "批量归一化使训练更快更稳定",
    ]:
        result = grader.grade(question, answer)
        assert "non_english" in result.flags
        assert result.grade <= 1.0
        assert "English" in result.feedback


def test_control_characters_are_removed_flagged_and_spans_still_point_at_the_answer(
    grader: RubricGrader, question: Question
) -> None:
    answer = "It norm\x00alises the activ\u200bations\x1b, so it trains faster"
    result = grader.grade(question, answer)
    assert "control_chars" in result.flags
    assert concept(result, "normalises").credited
    for match in result.concepts:
        for span in match.spans:
            assert answer[span.start : span.end] == span.text


def test_spans_highlight_the_candidates_own_words(grader: RubricGrader, question: Question) -> None:
    answer = "Honestly, BN normalises the OUTPUTS. Also it trains faster."
    result = grader.grade(question, answer)
    match = concept(result, "normalises")
    assert match.credited
    assert [s.text for s in match.spans] == ["normalises the OUTPUTS"]
    assert match.method == "synonym"
    assert match.phrasing == "normalizes the activations"
    faster = concept(result, "faster-training")
    assert [s.text for s in faster.spans] == ["trains faster"]


def test_a_missed_concept_says_how_close_the_answer_came(
    grader: RubricGrader, question: Question
) -> None:
    result = grader.grade(question, "There is a beta in it.")
    match = concept(result, "scale-shift")
    assert not match.credited
    assert "'beta' found but not 'gamma'" in match.note


def test_composition_rows_add_up_to_the_grade(grader: RubricGrader, question: Question) -> None:
    for example in batch_norm_question().examples:
        result = grader.grade(question, example.answer)
        total = sum(contribution for _, _, contribution in result.composition)
        assert total == pytest.approx(result.grade, abs=0.06)
        assert result.composition[0][0] == "baseline"
    keywords = grader.grade(question, "mean, variance, gamma, beta, faster, stable, larger")
    assert any(row[0] == "cap: keyword list" for row in keywords.composition)


def test_features_are_the_named_signals(grader: RubricGrader, question: Question) -> None:
    features = grader.features(question, "It normalises activations so training is faster.")
    assert list(features) == list(SIGNALS)
    assert 0 < features["coverage"] <= 1
    assert 0 < features["similarity"] <= 1
    assert features["keyword_list"] == 0.0


def test_questions_outside_the_fitted_bank_are_graded_too(grader: RubricGrader) -> None:
    edited = batch_norm_question().model_copy(update={"id": "bn-edited"})
    result = grader.grade(edited, "It normalises activations so training is faster.")
    assert result.question_id == "bn-edited"
    assert concept(result, "normalises").credited


def test_an_edited_rubric_with_the_same_id_is_not_graded_with_stale_matchers(
    grader: RubricGrader,
) -> None:
    original = batch_norm_question()
    first = original.concepts[0].model_copy(update={"phrasings": ["whitening of inputs"]})
    edited = original.model_copy(update={"concepts": [first, *original.concepts[1:]]})
    result = grader.grade(edited, "it applies a whitening of inputs")
    assert concept(result, "normalises").credited


def test_grading_is_deterministic_and_has_no_side_effects(
    grader: RubricGrader, question: Question
) -> None:
    before_bytes = pickle.dumps({k: v for k, v in vars(grader).items() if k.endswith("_")})
    answers = [e.answer for e in batch_norm_question().examples] + ["", "BN does not help"]
    first = [grader.grade(question, a) for a in answers]
    second = [grader.grade(question, a) for a in reversed(answers)][::-1]
    assert first == second
    after = {k: v for k, v in vars(grader).items() if k.endswith("_")}
    assert pickle.dumps(after) == before_bytes


def test_a_pickled_grader_grades_identically(grader: RubricGrader, question: Question) -> None:
    restored = pickle.loads(pickle.dumps(grader))
    for example in batch_norm_question().examples:
        assert restored.grade(question, example.answer) == grader.grade(question, example.answer)


def test_never_raises_on_random_strings(grader: RubricGrader, question: Question) -> None:
    rng = random.Random(20240611)
    alphabet = (
        "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,;:!?'\"-/()[]\n\t"
        "\x00\x07\x1b\x7f\u200b\u200e\u202e\ufeff\u0301éßøñ漢字гр🙂🚀\ud800"
    )
    words = ["not", "no", "batch", "norm", "mean", "variance", "gamma", "n't", "don't", "BN"]
    for _ in range(400):
        if rng.random() < 0.5:
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        else:
            text = " ".join(rng.choice(words + list(alphabet)) for _ in range(rng.randint(0, 40)))
        result = grader.grade(question, text)
        assert 0.0 <= result.grade <= 5.0
        assert set(result.flags) <= set(FLAGS)
        assert result.feedback
        for match in result.concepts:
            for span in match.spans:
                assert text[span.start : span.end] == span.text
