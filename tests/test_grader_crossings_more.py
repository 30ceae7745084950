"""Crossed pairings read further (crossings.crossed): a claim said after a clause-opening
pronoun ("it", "they") is said of the thing the clause before is about. Each case fails
without the mechanism it names.
"""

from __future__ import annotations

from interviewer.bank import Bank
from interviewer.grading import RubricGrader
from interviewer.grading.readings import named_things, readings, recurring_names
from interviewer.text.phrases import compile_phrasings


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
    (here the convolutional layer, named before "Then comes the window"), and no exchange
    is read: pooling's claim stands. The learnable filters said of the pooling layer are
    still a swap of roles on their own (roles.role_swap, the layers the concepts open with
    being the things compared: implied_sides)."""
    question = bank.question("cnn-layers")
    result = grader.grade(
        question,
        "A CNN has convolutional layers and pooling layers. The pooling layer is where the "
        "learning happens: it holds the learnable filters that slide across the image and "
        "extract features. The convolutional layer comes next; then comes the window; it "
        "simply downsamples by taking the maximum of each window.",
    )
    assert _swapped(result) == {"conv-role"}


def test_things_named_at_a_phrasings_head_or_after_for_trade_claims(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "softmax output layer" is a claim ("softmax") about the output layer and "hidden
    layer with relu" one ("relu") about the hidden layer, where "dense hidden layers" names
    it (readings.named_things): the hidden and output layers trading softmax and ReLU is an
    exchange, and the right way round is none."""
    question = bank.question("build-mlp")
    swapped = grader.grade(
        question,
        "Flatten to 784 inputs. The hidden layers use softmax so each layer's activations "
        "sum to one, and the output layer uses ReLU. Train with cross-entropy and Adam.",
    )
    assert _swapped(swapped) == {"hidden-dense-relu", "softmax-output"}
    for right in (
        "Flatten to 784 inputs. The hidden layers use ReLU, and the output layer uses "
        "softmax over 10 units. Train with cross-entropy and Adam.",
        "The output layer uses softmax rather than ReLU, and the hidden layers use ReLU "
        "rather than softmax. Cross-entropy loss.",
    ):
        result = grader.grade(question, right)
        assert not _swapped(result)
        assert not {c.concept_id for c in result.concepts if c.contradicted}
        assert swapped.grade < result.grade


def test_a_clause_opening_with_for_is_about_its_own_topic(bank: Bank, grader: RubricGrader) -> None:
    """ "..., for time series maybe LSTM or 1D convolution" says "convolution" of time
    series, not of the text named a clause before (crossings._own_topic): a list of
    "for X, Y" pairs exchanges nothing; the same pairs said the wrong way round do."""
    question = bank.question("choose-algorithm")
    right = grader.grade(
        question,
        "For images I take CNN or vision transformer, for text usually transformer, for "
        "time series maybe LSTM or 1D convolution, and for tabular data gradient boosting.",
    )
    assert not _swapped(right)
    wrong = grader.grade(
        question,
        "For images I'd go for an RNN since it reads pixels in order, and for text a CNN "
        "because words don't have any sequential structure that matters.",
    )
    assert _swapped(wrong) == {"cnn-spatial", "sequence-models"}


def test_named_things_reads_a_head_and_words_after_for() -> None:
    """The last two words of a noun phrase of three words or more, and the words after
    "for"/"in"/"at", name a thing; a thing so named twice is one of the question's, and a
    phrasing opening with its name gives its head up with it ("hidden layer with relu"
    says "relu")."""
    assert named_things("softmax output layer") == (("output", "layer"),)
    assert named_things("relu for hidden layers") == (("hidden", "layer"),)
    assert named_things("softmax in the output layer") == (("output", "layer"),)
    assert named_things("relu activation") == ()
    assert "hidden" in recurring_names(["dense hidden layers", "relu for hidden layers"])
    assert "hidden" not in recurring_names(["dense hidden layers", "relu activation"])
    phrases = compile_phrasings(
        ["dense hidden layers", "hidden layer with relu"], {}, lambda _s: 1.0
    )
    found = {(r.names, r.rest.slots) for r in readings(phrases, "relu", frozenset({"hidden"}))}
    assert found == {(frozenset({"hidden"}), ("dense",)), (frozenset({"hidden"}), ("relu",))}


def test_a_claim_is_said_of_the_thing_it_is_put_in_or_given_to(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "softmax in the hidden layers", "ReLU on the 10-unit output layer" and "hidden
    layers with softmax" say the claim of the thing that frames it, wherever the clause
    opens (crossings._framed): the hidden and output layers trading softmax and ReLU so
    is an exchange, and the right way round is none."""
    question = bank.question("build-mlp")
    for wrong, right in (
        (
            "Use softmax in the hidden layers and ReLU in the output layer, trained with "
            "cross-entropy.",
            "Use ReLU in the hidden layers and softmax in the output layer, trained with "
            "cross-entropy.",
        ),
        (
            "Use hidden layers with softmax activations and put ReLU on the 10-unit output "
            "layer so the outputs sum to one.",
            "Use hidden layers with ReLU activations and put softmax on the 10-unit output "
            "layer so the outputs sum to one.",
        ),
    ):
        assert _swapped(grader.grade(question, wrong)) == {"hidden-dense-relu", "softmax-output"}
        result = grader.grade(question, right)
        assert not _swapped(result)
        assert not {c.concept_id for c in result.concepts if c.contradicted}
