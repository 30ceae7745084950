"""Implied sides: a rubric that declares no things compared may still set two kinds of one
thing side by side ("first-moment" and "second-moment"); an answer that says one's claim
of the other swaps their roles. And what a claim is attached to by its place (apposition,
a relative clause, a list), read before calling it a swap. The swap cases fail without
the mechanism; the others guard its precision.
"""

from __future__ import annotations

from interviewer.bank import Bank
from interviewer.grading import RubricGrader
from interviewer.grading.implied_sides import implied_sides, question_sides
from interviewer.models import Concept, Question


def _wrong(result: object) -> set[str]:
    return {
        c.concept_id
        for c in result.concepts  # type: ignore[attr-defined]
        if c.contradicted or c.wrong_claim
    }


def _question(reference: str, ask: str = "How does pooling work in a CNN?") -> Question:
    def concept(id: str, label: str) -> Concept:
        return Concept(id=id, label=label, phrasings=["x y"], missing_feedback="say it")

    return Question(
        id="pooling-kinds",
        ask=ask,
        rephrasings=["What does a pooling layer do?"],
        level="basic",
        topics=["cnn"],
        tracks=["general"],
        reference=reference,
        concepts=[
            concept("max-pooling", "Max pooling keeps the largest value of each window"),
            concept("average-pooling", "Average pooling takes the mean of each window"),
            concept("downsamples", "Pooling downsamples the feature maps"),
        ],
        hints=["think of windows"],
    )


def test_kinds_of_one_thing_the_concepts_open_with_are_its_sides() -> None:
    question = _question("Max pooling keeps the largest value; average pooling the mean.")
    assert implied_sides(question) == (frozenset({"max"}), frozenset({"averag"}))
    assert question_sides(question)[1] is False


def test_a_kind_the_reference_never_names_is_no_side() -> None:
    """Labels that open alike by chance ("Each update ...") name no kinds the reference
    answer knows of."""
    question = _question("Pooling keeps one value per window and shrinks the maps.")
    assert implied_sides(question) == ()


def test_a_word_the_question_asks_with_is_its_topic_not_a_side() -> None:
    question = _question(
        "Max pooling keeps the largest value; average pooling the mean.",
        ask="What is max pooling and how does it compare with the average?",
    )
    assert implied_sides(question) == ()


def test_the_bank_implies_sides_only_where_kinds_are_compared(bank: Bank) -> None:
    assert implied_sides(bank.question("adam-optimizer")) == (
        frozenset({"first"}),
        frozenset({"second"}),
    )
    assert frozenset({"full"}) in implied_sides(bank.question("big-data-gradient-descent"))
    # "batch" of "What is batch normalisation?" is the topic; dropout's concepts open apart
    assert implied_sides(bank.question("batch-normalisation")) == ()
    assert implied_sides(bank.question("dropout")) == ()
    # a question that declares its sides keeps them
    sides, declared = question_sides(bank.question("gradient-descent-variants"))
    assert declared and len(sides) == 3


def test_the_two_moments_of_adam_swapped(bank: Bank, grader: RubricGrader) -> None:
    question = bank.question("adam-optimizer")
    swapped = grader.grade(
        question,
        "Adam keeps two averages for every weight. The first moment is the average of the "
        "squared gradients, and the second moment is the running mean of the raw "
        "gradients. It converges fast with the default settings.",
    )
    assert "second-moment" in _wrong(swapped)
    right = grader.grade(
        question,
        "Adam keeps two averages for every weight. The first moment is the running mean "
        "of the raw gradients, and the second moment is the average of the squared "
        "gradients. It converges fast with the default settings.",
    )
    assert not _wrong(right)
    assert swapped.grade < right.grade - 1.5


def test_a_moment_named_in_apposition_after_its_claim(bank: Bank, grader: RubricGrader) -> None:
    """The sentence opens with the first moment, but the second average is said of the
    second moment, named right after it."""
    question = bank.question("adam-optimizer")
    for answer in (
        "It combines momentum and RMSProp: a moving average of the gradients (the first "
        "moment) and a moving average of the squared gradients (the second moment), "
        "with bias correction.",
        "Per parameter it tracks the first moment, an average of the gradients, and an "
        "average of the squared gradients, the second moment, then divides one by the "
        "root of the other.",
    ):
        assert not _wrong(grader.grade(question, answer)), answer


def test_full_batch_and_mini_batch_swapped(bank: Bank, grader: RubricGrader) -> None:
    question = bank.question("big-data-gradient-descent")
    swapped = grader.grade(
        question,
        "Mini-batch gradient descent is out, since it needs the whole dataset for every "
        "step. Go with full batch gradient descent and read one example at a time.",
    )
    assert "full-batch-impractical" in _wrong(swapped)


def test_full_batch_in_a_comparison_or_a_relative_clause(bank: Bank, grader: RubricGrader) -> None:
    """Right answers that name both kinds, each with its own claim."""
    question = bank.question("big-data-gradient-descent")
    for answer in (
        "Unlike full-batch gradient descent, which needs the whole dataset for every step, "
        "mini-batch SGD only needs one batch in memory, so stream batches from disk.",
        "Full batch gradient descent needs the whole dataset for every step, so use "
        "mini-batch SGD and stream batches from disk with a data loader.",
        "With full batch you'd load the whole dataset for every step; mini-batch only "
        "needs one batch in memory at a time.",
    ):
        assert not _wrong(grader.grade(question, answer)), answer


def test_layers_listed_are_no_swap(bank: Bank, grader: RubricGrader) -> None:
    question = bank.question("cnn-layers")
    for answer in (
        "The layers are convolution, ReLU, pooling and fully connected: kernels extract "
        "features, pooling reduces spatial size, and a dense layer at the end classifies.",
        "For images you stack conv layers whose kernels extract features, max pooling that "
        "halves width and height, and dense layers at the end.",
        "Convolutional layers have learnable filters, while pooling layers have no weights "
        "and just downsample the feature maps.",
        "First comes a convolution layer, then a pooling layer, and a dense layer last.",
        "The main layers are the convolutional layer, which turns the image into feature "
        "maps with its filters, the pooling layer, which reduces the spatial size, and a "
        "dense layer for the class scores.",
    ):
        assert not _wrong(grader.grade(question, answer)), answer


def test_a_match_over_several_clauses_is_no_swap_of_implied_sides(
    bank: Bank, grader: RubricGrader
) -> None:
    """With sides inferred (first/second moment), words gathered from two clauses are no
    claim said of the first moment: the update divides the first average by the root of
    the second, which is right, whatever order the sentences come in."""
    text = (
        "The update is the first average divided by the square root of the second plus a "
        "small epsilon, so weights with large noisy gradients move carefully. Adam keeps two "
        "running averages per weight: one of the gradients, like momentum, and one of their "
        "squares, like RMSprop."
    )
    result = grader.grade(bank.question("adam-optimizer"), text)
    assert not any(c.contradicted for c in result.concepts)
    assert not result.misconceptions
