"""Crossed pairings read further (crossings.crossed): a claim said after a clause-opening
pronoun ("it", "they") is said of the thing the clause before is about. Each case fails
without the mechanism it names.
"""

from __future__ import annotations

from interviewer.bank import Bank
from interviewer.grading import RubricGrader


def _swapped(result: object) -> set[str]:
    return {c.concept_id for c in result.concepts if c.method == "swapped"}  # type: ignore[attr-defined]


def test_a_claim_after_it_is_said_of_the_clause_befores_thing(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "The convolutional layer has no weights; it simply downsamples": across the
    semicolon (a sentence break), "it" is the convolutional layer, so pooling's claim is
    said of it, and the exchange with the convolutional claim said of pooling is found
    (crossings._referent)."""
    question = bank.question("cnn-layers")
    swapped = grader.grade(
        question,
        "A CNN has convolutional layers and pooling layers. The pooling layer is where the "
        "learning happens: it holds the learnable filters that slide across the image and "
        "extract features. The convolutional layer has no weights; it simply downsamples "
        "by taking the maximum of each window.",
    )
    assert _swapped(swapped) == {"conv-role", "pooling-role"}
    said = {c.concept_id: " ".join(s.text for s in c.spans) for c in swapped.concepts}
    assert "convolutional" in said["pooling-role"].lower()
    right = grader.grade(
        question,
        "A CNN has convolutional layers and pooling layers. The convolutional layer is where "
        "the learning happens: it holds the learnable filters that slide across the image "
        "and extract features. The pooling layer has no weights; it simply downsamples by "
        "taking the maximum of each window.",
    )
    assert not _swapped(right)
    assert "conv-role" in {c.concept_id for c in right.credited}
    assert not {c.concept_id for c in right.concepts if c.contradicted}
    assert swapped.grade < right.grade


def test_a_pronoun_refers_only_to_the_clause_right_before(bank: Bank, grader: RubricGrader) -> None:
    """A clause whose words stand after a clause that names no thing is said of nothing:
    "it" reaches back one clause only, so a thing named two clauses earlier takes no claim
    (here the convolutional layer, named before "Then comes the window"), and no swap is
    read."""
    question = bank.question("cnn-layers")
    result = grader.grade(
        question,
        "A CNN has convolutional layers and pooling layers. The pooling layer is where the "
        "learning happens: it holds the learnable filters that slide across the image and "
        "extract features. The convolutional layer comes next; then comes the window; it "
        "simply downsamples by taking the maximum of each window.",
    )
    assert not _swapped(result)
