"""A wrong claim given with its reason in the next clause (issue 9): each mechanism against a
case that fails without it.

"Logistic regression can learn non-linear boundaries, because the sigmoid is non-linear"
states "the sigmoid makes the boundary non-linear" over two clauses; the comma before
"because", "since" or "so", or a first clause that opens with "because", joins them into one
statement. A listed claim found on the words of a denied concept costs no less than the
denial.
"""

from __future__ import annotations

from interviewer.bank import Bank
from interviewer.grading import RubricGrader


def _wrong(grader: RubricGrader, bank: Bank, question: str, answer: str) -> set[str]:
    result = grader.grade(bank.question(question), answer)
    return {m.misconception_id for m in result.misconceptions}


def test_a_claim_and_its_reason_after_a_comma_are_one_statement(
    bank: Bank, grader: RubricGrader
) -> None:
    """ ", because" and ", so" join the clause that states the claim and its reason."""
    because = _wrong(
        grader,
        bank,
        "perceptron-vs-logistic-regression",
        "The difference is that logistic regression can learn non-linear boundaries, because "
        "the sigmoid is a non-linear function, while the perceptron is restricted to a line.",
    )
    assert "sigmoid-nonlinear-boundary" in because
    so = _wrong(
        grader,
        bank,
        "perceptron",
        "A perceptron is a single neuron. With a nonlinear activation it becomes a nonlinear "
        "classifier, so one perceptron can learn any decision boundary.",
    )
    assert "solves-xor" in so


def test_a_clause_that_opens_with_its_reason_joins_the_next(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "Because ..., a plain RNN remembers everything perfectly": the reason clause before
    the comma is part of the claim."""
    found = _wrong(
        grader,
        bank,
        "rnn-for-text",
        "Because the hidden state is passed along the whole sequence, a plain RNN remembers "
        "everything perfectly no matter how long the text is.",
    )
    assert "perfect-memory" in found


def test_clauses_joined_without_a_reason_stay_apart(bank: Bank, grader: RubricGrader) -> None:
    """ ", and" adds a second statement: the words of the claim spread over the two are no
    claim."""
    found = _wrong(
        grader,
        bank,
        "perceptron-vs-logistic-regression",
        "Logistic regression can learn non-linear boundaries, and the sigmoid is a non-linear "
        "function.",
    )
    assert "sigmoid-nonlinear-boundary" not in found


def test_a_listed_claim_on_denied_words_costs_the_denial(bank: Bank, grader: RubricGrader) -> None:
    """The listed claim stands for a denial on the same words, at the denial's cost: finding
    it must not raise the grade."""
    result = grader.grade(
        bank.question("feedforward-vs-backprop"),
        "They're two different families of network. Feed-forward networks only pass signals "
        "forward, so they can't be trained with backpropagation; they're trained with "
        "forward-only rules like the perceptron rule.",
    )
    hit = next(m for m in result.misconceptions if m.misconception_id == "feedforward-not-trained")
    assert hit.penalty >= grader.contradiction_penalty
