"""When a denial found in an answer is stated, and costs as a wrong claim.

"There isn't any symmetry breaking" names nothing, and "the depth is not giving more
power" restates the concept with its own word: neither is stated. "Don't add more data"
orders the denial, "..., even zero, doesn't cause any symmetry problem" says it of its
sentence's subject, and "it converges when the data is not separable" states the claim
under its condition denied.
Each case fails without the rule it names.
"""

from __future__ import annotations

from interviewer.bank import Bank
from interviewer.grading import RubricGrader


def _found(grader: RubricGrader, bank: Bank, question: str, answer: str) -> set[str]:
    result = grader.grade(bank.question(question), answer)
    return {m.misconception_id for m in result.misconceptions}


def test_a_denial_of_no_one_or_of_the_concepts_own_word_is_not_stated(
    bank: Bank, grader: RubricGrader
) -> None:
    assert not _found(
        grader,
        bank,
        "weight-initialisation",
        "Bad init makes gradients vanish or explode. With all-equal starts, there isn't any "
        "symmetry breaking. Xavier and He keep the variance stable.",
    )
    assert not _found(
        grader,
        bank,
        "no-activation-function",
        "Every layer is linear, so the stack collapses to one linear map. The depth is not "
        "giving any more power in this case.",
    )
    assert not _found(
        grader,
        bank,
        "activation-functions",
        "Sigmoid and tanh squash inputs. ReLU is the default in hidden layers, it is cheap, "
        "doesn't saturate for positive inputs.",
    )


def test_an_order_not_to_do_it_is_stated(bank: Bank, grader: RubricGrader) -> None:
    found = _found(
        grader,
        bank,
        "overfitting-remedies",
        "You see it when validation loss rises while training loss falls. Don't add more "
        "training data, it only adds noise.",
    )
    assert "denies:more-data" in found


def test_a_clause_without_a_subject_is_said_of_the_one_its_sentence_opens_with(
    bank: Bank, grader: RubricGrader
) -> None:
    found = _found(
        grader,
        bank,
        "same-weight-init",
        "Initialising every weight to one value, even zero, doesn't cause any symmetry "
        "problem; the neurons drift apart.",
    )
    assert "denies:symmetry" in found
    found = _found(
        grader,
        bank,
        "cost-function",
        "The cost function measures the error. It is only computed after training, and has "
        "no effect on how the weights are updated.",
    )
    assert "denies:minimise" in found


def test_a_claim_affirmed_under_its_condition_denied_is_stated(
    bank: Bank, grader: RubricGrader
) -> None:
    found = _found(
        grader,
        bank,
        "perceptron",
        "A perceptron takes a weighted sum of its inputs plus a bias and applies a step "
        "function. Its learning rule is guaranteed to converge when the data is not linearly "
        "separable.",
    )
    assert "denies:learning-rule" in found
    assert not _found(
        grader,
        bank,
        "single-layer-drawbacks",
        "It can only draw one straight boundary. So when the data is not linearly separable, "
        "like XOR, it cannot learn it at all.",
    )
