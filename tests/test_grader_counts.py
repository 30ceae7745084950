"""Counted otherwise: a concept whose phrasing counts a thing ("two 3x3 kernels", "each
neuron has its own bias") is contradicted by an answer that gives it another count ("a
single 3x3 kernel", "one bias per layer"), while distributive counts, ranges and counts
said of another thing compared stand."""

from __future__ import annotations

from interviewer.bank import Bank
from interviewer.grading import RubricGrader
from interviewer.grading.counts import phrase_counts


def _contradicted(grader: RubricGrader, bank: Bank, qid: str, text: str) -> set[str]:
    result = grader.grade(bank.question(qid), text)
    return {c.concept_id for c in result.concepts if c.contradicted}


def test_another_number_of_the_counted_noun_contradicts(bank: Bank, grader: RubricGrader) -> None:
    """ "a single 3x3 kernel" for "two 3x3 kernels"; "two gates" for "three gates"."""
    single = "Sobel is an edge detector. It's a single 3x3 kernel that finds all the edges."
    assert "two-kernels" in _contradicted(grader, bank, "sobel-filter", single)
    graded = grader.grade(bank.question("sobel-filter"), single)
    (claim,) = [m for m in graded.misconceptions if m.misconception_id.endswith("two-kernels")]
    assert "single" in " ".join(s.text for s in claim.spans)
    two = "The LSTM has two gates, a reset gate and an update gate, around its cell state."
    assert "three-gates" in _contradicted(grader, bank, "lstm-vanishing-gradients", two)


def test_distributed_ranged_or_told_apart_counts_stand(bank: Bank, grader: RubricGrader) -> None:
    """One kernel per direction is two; "one or two"; "one ... and the other ..." and "two
    kernels, one for x" say the concept's count; "128 units" lacks the counted words of
    "10 output units"."""
    qid = "sobel-filter"
    for text in (
        "Sobel uses one 3x3 kernel per direction, for x and for y.",
        "Sobel uses a 3x3 kernel for x, and the other 3x3 kernel is its transpose for y.",
        "It uses two 3x3 kernels: one kernel for x and one kernel for y.",
        "You run one or two 3x3 kernels over the image depending on the edges you need.",
    ):
        assert "two-kernels" not in _contradicted(grader, bank, qid, text), text
    mlp = "Two hidden layers of 256 and then 128 units with ReLU, and 10 output units."
    assert "softmax-output" not in _contradicted(grader, bank, "build-mlp", mlp)


def test_one_for_another_thing_or_for_all_contradicts_each_its_own(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "each layer has a single bias" and "a single bias for the whole network" contradict
    "each neuron has its own bias"; "one bias per filter" is a count the question itself
    makes (conv layers), and "one bias per neuron" the concept's own."""
    qid = "layer-bias"
    for wrong in (
        "Each layer has a single bias value that all its neurons share.",
        "There's one bias per layer, added to every neuron of that layer.",
        "There is a single bias term for the whole network, added at the output.",
    ):
        assert "per-neuron-bias" in _contradicted(grader, bank, qid, wrong), wrong
    for right in (
        "There is one bias per neuron, so each layer holds a bias vector.",
        "Every neuron has its own bias; in a conv layer it's one bias per filter.",
    ):
        assert "per-neuron-bias" not in _contradicted(grader, bank, qid, right), right


def test_said_of_the_other_thing_compared_is_no_count_of_it(
    bank: Bank, grader: RubricGrader
) -> None:
    """In a GRU-versus-LSTM answer, "an LSTM has three gates" counts the LSTM's gates."""
    text = "A GRU has two gates, update and reset. An LSTM has three gates and a cell state."
    assert "update-and-reset" not in _contradicted(grader, bank, "gru-vs-lstm", text)


def test_phrase_counts_read_numbers_and_own_counts(bank: Bank, grader: RubricGrader) -> None:
    """A number opening a phrasing counts its noun; one with other numbers for synonyms
    ("128 hidden units") is an example; "separate biases per layer" counts several."""
    compiled = grader._compiled(bank.question("sobel-filter"))
    two = next(c for c in compiled.concepts if c.id == "two-kernels")
    counts = [c for p in two.phrases for c in phrase_counts(p)]
    assert any(c.values == {2} and "kernel" in c.noun for c in counts)
    mlp = grader._compiled(bank.question("build-mlp"))
    hidden = next(c for c in mlp.concepts if c.id == "hidden-dense-relu")
    assert not any(phrase_counts(p) for p in hidden.phrases if "128" in p.text)
    bias = grader._compiled(bank.question("layer-bias"))
    per_layer = next(c for c in bias.concepts if c.id == "per-layer")
    assert any(c.several and "layer" in c.per for p in per_layer.phrases for c in phrase_counts(p))
