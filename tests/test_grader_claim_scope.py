"""Where a wrong claim is read, and where it is not (issue 9).

"It can learn any function" states "a perceptron can learn any function" when the pronoun
stands for the question's subject; "too large or too small, you get exploding or vanishing
gradients" pairs each side with its own case and reverses nothing. Each case fails without
the mechanism it names.
"""

from __future__ import annotations

import pytest

from interviewer.bank import Bank
from interviewer.grading import RubricGrader
from interviewer.grading.result import ConceptMatch, GradeResult
from interviewer.text.phrases import compile_phrasings, without_slot, without_subject


def _concept(result: GradeResult, concept_id: str) -> ConceptMatch:
    """The match of one concept in a grade."""
    return next(c for c in result.concepts if c.concept_id == concept_id)


def _found(grader: RubricGrader, bank: Bank, question: str, answer: str) -> set[str]:
    result = grader.grade(bank.question(question), answer)
    return {m.misconception_id for m in result.misconceptions}


def test_a_claim_said_of_it_is_a_claim_about_the_subject(bank: Bank, grader: RubricGrader) -> None:
    found = _found(
        grader,
        bank,
        "perceptron",
        "A perceptron is one neuron with a weighted sum and a step. If you train it long "
        "enough it can learn any function, even XOR.",
    )
    assert "solves-xor" in found


def test_its_own_states_the_claim_of_the_subject(bank: Bank, grader: RubricGrader) -> None:
    result = grader.grade(
        bank.question("pooling"),
        "A pooling layer makes the maps smaller. It has its own learned weights, like a "
        "convolution.",
    )
    hit = next(m for m in result.misconceptions if m.misconception_id == "pooling-has-weights")
    # the quote is the words the answer said, not the pronoun's antecedent
    assert [s.text for s in hit.spans] == ["learned weights"]


def test_a_contracted_pronoun_is_the_subject_too(bank: Bank, grader: RubricGrader) -> None:
    """ "They've basically replaced CNNs" says "capsules replaced CNNs" as "they basically
    replaced" would: a contraction of the pronoun is read as the pronoun."""
    found = _found(
        grader,
        bank,
        "capsule-networks",
        "Capsule networks group neurons into small vectors called capsules. They've "
        "basically replaced CNNs in most modern vision systems now.",
    )
    assert "capsules-widely-used" in found


def test_a_pronoun_after_another_thing_named_is_not_the_subject(
    bank: Bank, grader: RubricGrader
) -> None:
    """The last thing named before "it" is GPT-2, not BERT."""
    found = _found(
        grader,
        bank,
        "pretrained-models",
        "BERT is a transformer encoder pretrained with masked language modelling. GPT-2 is "
        "a transformer decoder, and the surprise was that it could generate coherent text.",
    )
    assert "bert-generates" not in found


def test_the_claim_without_a_pronoun_is_said_of_what_precedes_it(
    bank: Bank, grader: RubricGrader
) -> None:
    found = _found(
        grader,
        bank,
        "perceptron",
        "A perceptron draws a single line. With hidden layers, an MLP can learn any function.",
    )
    assert "solves-xor" not in found


def test_without_subject_drops_the_first_slot_and_reweighs_the_rest() -> None:
    (phrase,) = compile_phrasings(["perceptron can learn any function"], {}, lambda _s: 1.0)
    rest = without_subject(phrase)
    assert rest.slots == phrase.slots[1:]
    assert sum(rest.weights) == pytest.approx(1.0)
    assert rest.full_mask == phrase.full_mask >> 1
    assert all(o.mask and not o.mask & ~rest.full_mask for o in rest.options)
    assert "perceptron" not in {t.stem for o in rest.options for t in o.terms}


def test_both_sides_named_in_one_breath_reverse_nothing(bank: Bank, grader: RubricGrader) -> None:
    question = bank.question("weight-initialisation")
    paired = grader.grade(
        question,
        "If the weights are too large or too small you get exploding or vanishing gradients. "
        "You should use random initialization to break symmetry, for example Xavier.",
    )
    assert not any(c.contradicted for c in paired.concepts)
    assert "signal-scale" in {c.concept_id for c in paired.credited}
    # the contrast word alone, with no pairing, still reverses the concept
    reversed_ = grader.grade(question, "If the weights are too small you get exploding gradients.")
    assert any(c.concept_id == "signal-scale" and c.contradicted for c in reversed_.concepts)


def test_a_question_the_grader_was_not_fitted_on_is_read_as_fluently(bank: Bank) -> None:
    """The fluency check knows the question's own words even when the grader was fitted
    without it (a rubric being written, held-out checks): its domain pairs are no salad."""
    question = bank.question("cnn-uses")
    others = [q for q in bank.questions.values() if q.id != question.id]
    grader = RubricGrader().fit(others)
    answer = next(e.answer for e in question.examples if e.kind == "excellent")
    result = grader.grade(question, answer)
    assert not any(name == "cap: word salad" for name, _, _ in result.composition)
    assert result.grade >= 4.0


def test_a_denial_corrected_in_the_next_clause_states_the_concept(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "It does not get rid of vanishing gradients, it reduces them": the cue denies only
    the question's own words; the concept's claim is affirmed after the clause break."""
    question = bank.question("lstm-vanishing-gradients")
    corrected = grader.grade(
        question,
        "The cell state is updated additively through the forget gate. It does not get rid "
        "of vanishing gradients entirely, it reduces them.",
    )
    limits = _concept(corrected, "lstm-limits")
    assert limits.credited and not limits.negated
    assert "lstm-limits" not in {
        m.misconception_id.split(":")[-1] for m in corrected.misconceptions
    }
    # the concept's own claim under the cue stays denied
    denied = grader.grade(
        question,
        "The cell state is updated additively through the forget gate. It does not reduce "
        "vanishing gradients at all.",
    )
    limits = _concept(denied, "lstm-limits")
    assert not limits.credited


def test_a_focus_word_after_a_denial_claims_nothing(bank: Bank, grader: RubricGrader) -> None:
    """ "Not during training, only at test time": "only" restricts, it is no correction,
    so the concept's "only during training" stays denied."""
    question = bank.question("dropout")
    result = grader.grade(
        question,
        "Dropout zeroes random units with probability p. It is not used during training, "
        "only at test time.",
    )
    train_only = _concept(result, "train-only")
    assert not train_only.credited


def test_a_listed_wrong_claim_in_another_word_order_is_caught(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "Attention maps completely explain the model" said as "the attention maps ...
    explain the whole model completely": all its words, one clause, led by its subject.
    Led by another word, or denied, it is not that claim."""
    base = "It has millions of weights with no readable rule. "
    stated = _found(
        grader,
        bank,
        "black-box",
        base + "The attention maps of a transformer explain the whole model completely.",
    )
    assert "attention-explains" in stated
    other_lead = _found(
        grader,
        bank,
        "black-box",
        base + "To explain the model completely you need more than attention maps.",
    )
    assert "attention-explains" not in other_lead
    denied = _found(
        grader,
        bank,
        "black-box",
        base + "The attention maps of a transformer do not explain the whole model completely.",
    )
    assert "attention-explains" not in denied


def test_a_denial_that_states_another_concept_is_no_wrong_claim(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "The network cannot depend on only few neurons" states that dropout stops units
    relying on each other; the "only ... training" it seems to deny is no wrong claim."""
    answer = (
        "It is switching off random neurons with probability p in every training step, "
        "so network cannot depend on only few neurons."
    )
    result = grader.grade(bank.question("dropout"), answer)
    train_only = _concept(result, "train-only")
    assert not train_only.wrong_claim
    assert not any(m.misconception_id.endswith("train-only") for m in result.misconceptions)


def test_without_slot_drops_a_middle_slot_and_reweighs_the_rest() -> None:
    """ "softmax output layer" without "output" is "softmax layer": the options filling
    the slot (and compounds over it) go, the later slots move down one."""
    (phrase,) = compile_phrasings(["softmax output layer"], {}, lambda _: 1.0)
    rest = without_slot(phrase, 1)
    assert rest.slots == ("softmax", "layer")
    assert rest.full_mask == 0b11
    assert abs(sum(rest.weights) - 1.0) < 1e-9
    assert {o.terms[0].stem for o in rest.options} == {"softmax", "layer"}
    assert without_subject(phrase).slots == ("output", "layer")
