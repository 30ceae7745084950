"""Precise explanations on the built-in bank: no false accusations, lists and echoes capped."""

from __future__ import annotations

import pytest

from interviewer.bank import Bank
from interviewer.grading import RubricGrader


def test_every_reference_answer_is_accused_of_nothing_and_grades_high(
    bank: Bank, grader: RubricGrader
) -> None:
    problems = []
    for question in bank.questions.values():
        result = grader.grade(question, question.reference)
        if result.misconceptions or result.grade < 4:
            hits = [(m.misconception_id, [s.text for s in m.spans]) for m in result.misconceptions]
            problems.append((question.id, result.grade, hits))
    assert problems == []


@pytest.mark.parametrize(
    ("question_id", "misconception_id", "answer"),
    [
        (
            "capsule-networks",
            "capsule-is-scalar",
            "A capsule is a group of neurons that outputs a vector instead of a scalar; its "
            "length says how likely the entity is present and its direction encodes the pose.",
        ),
        (
            "rbm",
            "hidden-layers-unconnected",
            "An RBM has a visible and a hidden layer and there are no connections within the "
            "hidden layer, nor within the visible layer.",
        ),
        (
            "adam-optimizer",
            "no-learning-rate",
            "Adam still has a learning rate, but it adapts the step size of every parameter "
            "with running averages of the gradient and of its square.",
        ),
        (
            "adam-optimizer",
            "no-learning-rate",
            "It's a myth that Adam does not need a learning rate: it still has one.",
        ),
        (
            "transformers-vs-rnns",
            "transformer-is-recurrent",
            "Unlike RNNs, which process words sequentially, transformers look at all the "
            "words at once with self-attention.",
        ),
        (
            "transformers-vs-rnns",
            "transformer-is-recurrent",
            "People say transformers process words sequentially, but they process them in "
            "parallel with attention.",
        ),
        (
            "why-gpus",
            "cpus-with-more-alus",
            "A GPU is not just a faster CPU: it has thousands of simple cores that run the "
            "same operation in parallel.",
        ),
    ],
)
def test_correct_answers_using_a_claims_words_are_not_accused(
    bank: Bank, grader: RubricGrader, question_id: str, misconception_id: str, answer: str
) -> None:
    result = grader.grade(bank.question(question_id), answer)
    assert misconception_id not in {m.misconception_id for m in result.misconceptions}


@pytest.mark.parametrize(
    ("question_id", "answer"),
    [
        ("layer-bias", "bias vector, per neuron, per layer, learned"),
        ("batch-normalisation", "mean, variance, gamma, beta"),
        ("dropout", "random, per unit, at training, scaling"),
    ],
)
def test_lists_with_small_words_are_keyword_lists(
    bank: Bank, grader: RubricGrader, question_id: str, answer: str
) -> None:
    result = grader.grade(bank.question(question_id), answer)
    assert "keyword_list" in result.flags
    assert result.grade <= grader.keyword_cap


@pytest.mark.parametrize(
    ("question_id", "answer"),
    [
        (
            "dropout",
            "Dropout is when you lower the learning rate after a few epochs so the training "
            "converges more smoothly.",
        ),
        (
            "transfer-learning",
            "Transfer learning is moving your training data from one server to another, like "
            "copying the dataset to the GPU machine.",
        ),
        (
            "batch-normalisation",
            "Batch normalization is choosing the batch size so that the gradient has less "
            "noise, like using 32 or 64 samples per step.",
        ),
    ],
)
def test_an_answer_earning_no_concept_gets_at_most_the_uncovered_cap(
    bank: Bank, grader: RubricGrader, question_id: str, answer: str
) -> None:
    result = grader.grade(bank.question(question_id), answer)
    assert not result.credited and not result.misconceptions
    assert result.grade <= grader.uncovered_cap


def test_the_uncovered_cap_is_a_declared_parameter(bank: Bank) -> None:
    question = bank.question("dropout")
    answer = (
        "Dropout is when you lower the learning rate after a few epochs so the training "
        "converges more smoothly."
    )
    loose = RubricGrader(uncovered_cap=5.0).fit(bank).grade(question, answer)
    strict = RubricGrader(uncovered_cap=0.5).fit(bank).grade(question, answer)
    assert strict.grade <= 0.5 < loose.grade
    name, cap, _ = strict.composition[-1]
    # the cap scales with the near misses: at most the declared parameter
    assert name == "cap: no concept" and 0 < cap <= 0.5
    assert loose.composition[-1][1] == pytest.approx(cap * 10, abs=1e-3)


def test_repeating_the_question_earns_nothing(bank: Bank, grader: RubricGrader) -> None:
    for question in bank.questions.values():
        for text in (question.ask, *question.rephrasings):
            result = grader.grade(question, text)
            assert result.grade == 0, (question.id, text, result.composition)
            assert result.composition[-1][:2] == ("rule: repeats the question", 0.0)


def test_a_denial_in_the_questions_words_is_not_an_echo(bank: Bank, grader: RubricGrader) -> None:
    question = bank.question("supervised-unsupervised-dl")
    result = grader.grade(question, "No, deep learning is not only for labelled data.")
    assert not any(row[0] == "rule: repeats the question" for row in result.composition)


def test_a_comparison_asserts_the_denied_predicate_of_its_referent(
    bank: Bank, grader: RubricGrader
) -> None:
    question = bank.questions["activation-functions"]
    # "A doesn't P like X": P is denied of A but asserted of X
    result = grader.grade(
        question,
        "ReLU is the default for hidden layers because it doesn't cause vanishing "
        "gradients like sigmoid.",
    )
    saturate = next(c for c in result.concepts if c.concept_id == "sigmoid-tanh-saturate")
    assert saturate.credited and not saturate.negated
    # the subject before the negation stays denied: nothing is asserted of sigmoid here
    swapped = grader.grade(
        question, "Sigmoid is fine for hidden layers because it doesn't cause vanishing gradients."
    )
    denied = next(c for c in swapped.concepts if c.concept_id == "sigmoid-tanh-saturate")
    assert not denied.credited and denied.negated
    reversed_claim = grader.grade(
        question, "Sigmoid doesn't cause vanishing gradients like ReLU does."
    )
    denied = next(c for c in reversed_claim.concepts if c.concept_id == "sigmoid-tanh-saturate")
    assert not denied.credited and denied.negated


def test_a_short_sentence_is_judged_whole_not_as_its_content_words(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "You should use random initialization instead" is a sentence; cut to its content
    words ("use random initialization") it looked like a bare run of terms, and the answer
    was capped as a padded keyword list."""
    result = grader.grade(
        bank.question("same-weight-init"),
        "If all the weights are zero the network won't learn well, because the outputs are "
        "all zero. You should use random initialization instead.",
    )
    assert "keyword_list" not in result.flags
    assert result.grade > 1.0


def test_a_piece_that_recurs_in_notes_does_not_make_them_a_pasted_list(
    bank: Bank, grader: RubricGrader
) -> None:
    """Notes that name "Xavier init" twice are not a list pasted twice; the same list
    pasted again still is."""
    question = bank.question("weight-initialisation")
    notes = grader.grade(
        question,
        "Break symmetry + keep activation/gradient variance ~constant across layers (avoid "
        "vanish/explode). Xavier init (var 2/(fan_in+fan_out)) for tanh/sigmoid, He init "
        "(var 2/fan_in) for ReLU; linear layers: Xavier init. Biases start at 0.",
    )
    listed = "Xavier, He, random, zeros"
    pasted = grader.grade(question, f"{listed}. {listed}.")
    assert "keyword_list" not in notes.flags
    assert notes.grade >= 3.5
    assert "keyword_list" in pasted.flags


def test_notes_beside_notes_are_no_padding_but_restating_the_question_is(
    bank: Bank, grader: RubricGrader
) -> None:
    """A list of reasons followed by a note of its own ("AlexNet 2012 proved it") is an
    answer in notes; the same list followed by the question said back, or by a sentence
    about oneself, is a list padded out."""
    question = bank.question("why-dl-took-off")
    listed = (
        "Big labeled data (ImageNet, web), GPU compute (CUDA), better tricks (ReLU, dropout, "
        "BN, Adam, good init), open frameworks."
    )
    notes = grader.grade(question, f"{listed} AlexNet 2012 proved it → industry demand.")
    restated = grader.grade(question, f"{listed} Deep learning took off because it took off.")
    about_me = grader.grade(question, f"{listed} I am a fast learner and a strong team player.")
    assert "keyword_list" not in notes.flags
    assert "keyword_list" in restated.flags
    assert "keyword_list" in about_me.flags


def test_zero_learnable_parameters_is_no_claim_that_pooling_learns(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "It has zero learnable parameters" says what "no learnable parameters" says (issue
    9); it was read as "has learnable parameters", a listed misconception."""
    result = grader.grade(
        bank.question("pooling"),
        "Max pooling keeps the largest value in each 2x2 window with stride 2, halving the "
        "size; it has zero learnable parameters and gives some translation invariance.",
    )
    assert not result.misconceptions
    assert "no-parameters" in {c.concept_id for c in result.credited}


def test_a_negation_an_alternative_brings_reaches_the_rest_of_the_phrase(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "Not applied at test time" says "turned off at inference" (its synonyms "not
    applied" and "test time"): the "not" it brings also reaches "test time", which it
    denied, so a right answer was read as denying the concept. Negating the concept's
    own words still denies it."""
    question = bank.question("dropout")
    right = grader.grade(question, "Dropout is not applied at test time.")
    denied = grader.grade(question, "Dropout is not turned off at inference.")
    assert "train-only" in {c.concept_id for c in right.credited}
    assert not right.misconceptions
    assert "denies:train-only" in {m.misconception_id for m in denied.misconceptions}


def test_xor_said_to_be_impossible_credits_the_counterexample(
    bank: Bank, grader: RubricGrader
) -> None:
    """The issue's case: "... so XOR is impossible for it" was followed by the probe for a
    two-input problem it cannot learn, and the card showed XOR as missed."""
    result = grader.grade(
        bank.question("single-layer-drawbacks"),
        "It can only draw a straight line between classes, so XOR is impossible for it.",
    )
    assert "xor" in {c.concept_id for c in result.credited}


def test_named_augmentations_are_augmentation(bank: Bank, grader: RubricGrader) -> None:
    """The issue's "Flips, colour jitter" names augmentations: the remedy "more data or
    data augmentation" is credited for it, quoting the word that said it."""
    result = grader.grade(
        bank.question("overfitting-remedies"),
        "Training loss keeps falling while validation loss rises. Fixes: flips, colour jitter, "
        "dropout, early stopping.",
    )
    concept = next(c for c in result.credited if c.concept_id == "more-data")
    assert any("flips" in span.text.lower() for span in concept.spans)


def test_a_denial_corrected_after_a_dash_credits_the_concept(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "Deep learning isn't really separate from machine learning - it's a subset of it"
    corrects a wrong idea with the concept, as it does after an em dash."""
    question = bank.question("ml-vs-dl")
    for dash in (" - ", " — "):
        answer = (
            f"Deep learning isn't really separate from machine learning{dash}it's a subset of it."
        )
        result = grader.grade(question, answer)
        assert "subset" in {c.concept_id for c in result.credited}, dash
        assert not result.misconceptions, dash


def test_restating_the_questions_premise_contradicts_nothing(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "Initialising all weights to the same value makes every unit identical" restates
    what the question asks about; "same" there is no contrast of the random-init concept
    (a contrast row random <-> same would read it as one)."""
    question = bank.question("same-weight-init")
    answer = (
        "Initialising all weights to the same value makes every hidden unit identical, "
        "so the layer behaves like one neuron."
    )
    result = grader.grade(question, answer)
    assert not result.misconceptions
    assert result.grade >= 3.0


def test_it_is_x_not_y_denies_y_of_the_first_clauses_subject(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "It stays a nonlinear model, not a linear one" denies the concept of its own
    subject: the clause after the comma opens with the negation and has no subject of
    its own, so it borrows the clause before. The right way round denies nothing."""
    question = bank.question("no-activation-function")
    wrong = grader.grade(
        question,
        "It would still be a nonlinear model, not a linear one, so extra layers keep adding "
        "expressive power.",
    )
    right = grader.grade(
        question,
        "It would collapse into a linear model, not a nonlinear one, so extra layers add nothing.",
    )
    assert "denies:collapses-to-linear" in {m.misconception_id for m in wrong.misconceptions}
    assert not right.misconceptions
    assert right.grade > wrong.grade + 1.5
