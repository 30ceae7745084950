"""A concept stated both ways ("gradients explode or vanish") is not reversed by its
other side: the flipped word belongs to a full match of another of its phrasings."""

from __future__ import annotations

from interviewer.grading import RubricGrader
from interviewer.models import Concept, Example, Question


def _scale_question() -> Question:
    return Question(
        id="scale-test",
        ask="Why does the scale of the initial weights matter?",
        rephrasings=["What goes wrong with badly scaled initial weights?"],
        level="basic",
        topics=["training"],
        tracks=["general"],
        reference=(
            "With a bad scale the signal is multiplied at every layer, so the gradients "
            "explode or vanish and training stalls."
        ),
        concepts=[
            Concept(
                id="explode-or-vanish",
                label="Gradients explode or vanish across layers",
                key=True,
                probe="What happens to the gradients?",
                phrasings=["vanishing gradients", "exploding gradients"],
                synonyms={"vanishing": ["shrink", "shrinks"]},
                missing_feedback="Say what bad scale does to the gradients.",
            ),
            Concept(
                id="per-layer",
                label="The signal is multiplied at every layer",
                phrasings=["multiplied at every layer"],
                missing_feedback="Say why depth makes it worse.",
            ),
        ],
        hints=["Think of multiplying many numbers."],
        examples=[
            Example(
                kind="good",
                grade=(3.0, 5.0),
                answer="The gradients explode or vanish, since the signal is multiplied at "
                "every layer.",
            ),
            Example(kind="wrong", grade=(0.0, 1.0), answer="It makes the model use more RAM."),
        ],
    )


def test_the_other_side_of_a_concept_stated_both_ways_is_no_contradiction() -> None:
    question = _scale_question()
    grader = RubricGrader().fit([question])
    result = grader.grade(question, "The gradients explode and everything shrinks to zero.")
    found = next(c for c in result.concepts if c.concept_id == "explode-or-vanish")
    assert found.credited and not found.contradicted
    assert not result.misconceptions


def test_a_comparing_phrasing_does_not_count_as_a_side() -> None:
    """The guard needs a one-sided phrasing matched on the same words: a phrasing that
    names both sides ("training mode vs evaluation mode") is a comparison, and dropout
    switched off during training is still reversed."""
    from interviewer.grading import default_grader
    from interviewer.loader import load_bank

    question = load_bank().question("dropout")
    result = default_grader().grade(
        question,
        "Dropout randomly zeroes units. During training it's switched off so the model "
        "learns from all neurons, and at evaluation you turn it on with model.eval().",
    )
    assert "contradicts:train-only" in {m.misconception_id for m in result.misconceptions}
