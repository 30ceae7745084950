"""Role swaps between the things a question compares (issue 9): a concept said of another
of them is a wrong claim, whether the question says it compares or the rubric names them
(``compares``). Each case fails without the mechanism it names.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from interviewer.bank import Bank
from interviewer.grading import RubricGrader
from interviewer.grading.roles import compound_tail, concept_subject, named_sides
from interviewer.models import Concept, Question


def _swapped(result: object) -> set[str]:
    return {c.concept_id for c in result.concepts if c.method == "swapped"}  # type: ignore[attr-defined]


def test_a_clause_without_a_name_is_said_of_the_sentences_subject(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "so ... the output shrinks" names no padding: it is said of the padding the
    sentence opened with."""
    question = bank.question("valid-vs-same-padding")
    swapped = grader.grade(
        question,
        "With 'same' padding the kernel only visits positions where it fits, so the "
        "output shrinks.",
    )
    right = grader.grade(
        question,
        "With 'valid' padding the kernel only visits positions where it fits, so the "
        "output shrinks.",
    )
    assert "valid" in _swapped(swapped)
    assert "valid" in {c.concept_id for c in right.credited}
    assert swapped.grade < right.grade


def test_the_rubrics_compares_field_names_things_the_question_does_not(
    bank: Bank, grader: RubricGrader
) -> None:
    """gradient-descent-variants asks "how do they differ" without naming them; its rubric
    names batch, stochastic and mini-batch."""
    question = bank.question("gradient-descent-variants")
    assert question.compares
    swapped = grader.grade(
        question,
        "Batch gradient descent gives very noisy updates since each step sees one example. "
        "Stochastic gradient descent computes the exact gradient over the entire dataset.",
    )
    right = grader.grade(
        question,
        "Stochastic gradient descent gives very noisy updates since each step sees one "
        "example. Batch gradient descent computes the exact gradient over the entire dataset.",
    )
    assert "stochastic" in _swapped(swapped)
    assert not _swapped(right)
    assert swapped.grade <= right.grade - 2


def test_weights_and_bias_swapped_is_a_wrong_claim(bank: Bank, grader: RubricGrader) -> None:
    question = bank.question("weights-and-bias-role")
    swapped = grader.grade(
        question,
        "The bias scales each input and says how much it matters. The weight is a constant "
        "offset that shifts the activation threshold.",
    )
    right = grader.grade(
        question,
        "The weight scales each input and says how much it matters. The bias is a constant "
        "offset that shifts the activation threshold.",
    )
    assert _swapped(swapped)
    assert any("roles are swapped" in c.note for c in swapped.concepts)
    assert not _swapped(right)
    assert swapped.grade < 1.5 < right.grade


def test_a_thing_named_after_than_is_not_the_subject(bank: Bank, grader: RubricGrader) -> None:
    """ "A GRU is simpler than an LSTM": the LSTM is what the GRU is compared to."""
    question = bank.question("gru-vs-lstm")
    sides = (frozenset({"gru"}), frozenset({"lstm"}))
    assert named_sides("simpler than an LSTM", sides) == []
    assert [side for _, side in named_sides("an LSTM is slower", sides)] == [1]
    result = grader.grade(
        question, "A GRU is a simpler version of an LSTM with fewer gates, so it trains faster."
    )
    assert not _swapped(result)


def test_a_match_spread_over_sentences_or_clauses_is_not_read_as_a_swap(
    bank: Bank, grader: RubricGrader
) -> None:
    question = bank.question("gradient-descent-variants")
    result = grader.grade(
        question,
        "Batch gradient descent uses the whole training set per step, so the gradient is "
        "exact. Stochastic gradient descent uses a single example per step, which is fast "
        "and noisy. Mini-batch is the compromise and the default in practice.",
    )
    assert not _swapped(result)
    assert {"full-batch", "stochastic"} <= {c.concept_id for c in result.credited}


def test_a_swap_is_read_in_the_clause_that_holds_most_of_its_words(
    bank: Bank, grader: RubricGrader
) -> None:
    """'from input to output' is said of backpropagation; 'layer' comes from the next
    clause, which no longer hides the swap."""
    result = grader.grade(
        bank.question("forward-backward-propagation"),
        "Forward propagation starts at the output and pushes the target back to the input. "
        "Backpropagation then goes the other way, from input to output: you feed x in, and "
        "the activations you compute at each layer are the gradients.",
    )
    assert "forward-pass" in _swapped(result)


def test_a_match_with_one_word_in_each_clause_is_said_of_nothing(
    bank: Bank, grader: RubricGrader
) -> None:
    result = grader.grade(
        bank.question("gradient-descent-variants"),
        "Batch gradient descent uses the whole dataset for each update, stochastic gradient "
        "descent uses one sample at a time so it's noisy, and mini-batch uses small batches, "
        "a compromise between the two.",
    )
    assert not _swapped(result)


def test_a_prefixed_compound_names_no_side() -> None:
    assert compound_tail("self-supervised pretraining", 5)
    assert compound_tail("semi-supervised", 5)
    assert not compound_tail("one-hot encoding", 4)
    sides = (frozenset({"supervis"}), frozenset({"unsupervis"}))
    assert named_sides("Self-supervised pretraining on unlabelled data", sides) == []
    # a phrasing writes the compound with a space
    assert named_sides("self supervised learning", sides) == []


def test_a_possessive_names_no_subject(bank: Bank, grader: RubricGrader) -> None:
    """ "the LSTM's forget and input gates" is what the GRU's gate merges, not a claim about
    the LSTM; "a GRU is a simplified LSTM that merges ..." says it of the GRU."""
    sides = (frozenset({"gru"}), frozenset({"lstm"}))
    assert named_sides("the update gate merges the LSTM's forget gate", sides) == []
    result = grader.grade(
        bank.question("gru-vs-lstm"),
        "A GRU is a simplified LSTM that merges the forget and input gates into one update "
        "gate and drops the separate memory cell, so it trains faster with fewer parameters.",
    )
    assert not _swapped(result)
    assert "merged-gates" in {c.concept_id for c in result.credited}


def test_a_thing_compared_to_in_an_earlier_clause_is_no_subject(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "far fewer params than MLP on flattened pixels, ..., hierarchical features": the
    MLP is what the CNN is compared to, so the later clause is still said of the CNN."""
    answer = (
        "CNN exploits spatial structure: weight sharing -> far fewer params than MLP on "
        "flattened pixels, translation equivariance, hierarchical features (edges->objects)."
    )
    result = grader.grade(bank.question("cnn-vs-ann-images"), answer)
    assert not _swapped(result)
    assert "hierarchy" in {c.concept_id for c in result.credited}


def test_a_concept_is_about_the_thing_its_label_opens_with() -> None:
    sides = (frozenset({"gru"}), frozenset({"lstm"}))

    def concept(label: str, id: str = "c") -> Concept:
        return Concept(id=id, label=label, phrasings=["x y"], missing_feedback="say it")

    assert concept_subject(concept("A GRU has two gates, update and reset"), sides) == 0
    assert concept_subject(concept("The update gate merges the LSTM's gates"), sides) is None
    assert concept_subject(concept("GRU and LSTM perform alike"), sides) is None
    # a label that names neither: the id may ("forward-pass"), a prefixed compound not
    forward = (frozenset({"forward"}), frozenset({"backward"}))
    named = concept("Each layer computes its output", "forward-pass")
    assert concept_subject(named, forward) == 0
    supervised = (frozenset({"supervis"}), frozenset({"unsupervis"}))
    compound = concept("Pretraining on unlabelled data", "self-supervised")
    assert concept_subject(compound, supervised) is None
    # a label naming its thing late leaves the id to say it, unless it names another
    vanish = (frozenset({"vanish"}), frozenset({"explod"}))
    late = concept("Small factors make the gradient vanish", "vanishing")
    assert concept_subject(late, vanish) == 0
    other = late.model_copy(update={"label": "Small factors: the gradient explodes"})
    assert concept_subject(other, vanish) is None


def test_vanishing_and_exploding_swapped_is_a_wrong_claim(bank: Bank, grader: RubricGrader) -> None:
    """The rubric compares vanishing with exploding gradients (``compares``): each said with
    the other's cause is a wrong claim, the right way round is credited."""
    question = bank.question("vanishing-exploding-gradients")
    swapped = grader.grade(
        question,
        "Backprop multiplies one factor per layer. With factors above one the gradient "
        "vanishes, and exploding gradients come from factors below one that shrink it "
        "towards zero, so the first layers barely move.",
    )
    right = grader.grade(
        question,
        "Backprop multiplies one factor per layer. With factors below one the gradient "
        "vanishes towards zero so the first layers barely move, and with factors above one "
        "it explodes and training blows up.",
    )
    assert _swapped(swapped) & {"vanishing", "exploding"}
    assert not _swapped(right)
    assert swapped.grade <= right.grade - 2.0


def test_compares_must_name_two_sides_of_single_words(bank: Bank) -> None:
    base = bank.question("gru-vs-lstm").model_dump()
    with pytest.raises(ValidationError, match="two sides or more"):
        Question.model_validate({**base, "compares": [["gru"]]})
    with pytest.raises(ValidationError, match="single words"):
        Question.model_validate({**base, "compares": [["gated unit"], ["lstm"]]})
    assert Question.model_validate({**base, "compares": [["gru"], ["lstm", "lstms"]]})


WRONG_ADAM = (
    "Adam is short for Adaptive Dropout Management. While the network trains it watches "
    "which neurons fire the most and switches them off for a while, so that no single "
    "neuron takes over, and it slowly relaxes this as the validation accuracy climbs. "
    "People like it because it removes the need to pick a learning rate schedule by hand."
)


def test_one_mention_in_a_long_answer_is_a_near_miss(bank: Bank, grader: RubricGrader) -> None:
    """A made-up mechanism whose only credit is the two words "learning rate"."""
    question = bank.question("adam-optimizer")
    result = grader.grade(question, WRONG_ADAM)
    assert [c.concept_id for c in result.credited] == ["adaptive-lr"]
    assert "thin_credit" in result.flags
    assert any(row[0] == "cap: thin credit" for row in result.composition)
    assert result.grade <= 1.0


def test_a_short_answer_naming_one_thing_is_partial_not_thin(
    bank: Bank, grader: RubricGrader
) -> None:
    question = bank.question("overfitting-remedies")
    short = grader.grade(question, "I'd add weight decay.")
    assert [c.concept_id for c in short.credited] == ["regularisation"]
    assert "thin_credit" not in short.flags and short.grade > 1.0
    # repeating it says nothing new: still not thin (distinct words are counted)
    repeated = grader.grade(question, " ".join(["I'd add weight decay."] * 8))
    assert "thin_credit" not in repeated.flags


def test_a_terse_answer_dense_with_content_is_not_thin(bank: Bank, grader: RubricGrader) -> None:
    """Notes of 25-30 words with one concept credited on a mention are terse, not a long
    answer with one lucky word: they keep what their claims earn; said three times over,
    they are no longer for it."""
    cases = {
        "vanishing-exploding-gradients": (
            "Chain rule multiplies one factor per layer; factors under 1 -> grads shrink to ~0 "
            "near the input, over 1 -> they blow up. Deeper nets, sigmoid, long RNNs = worse."
        ),
        "forward-backward-propagation": (
            "Fwd: x -> W1 -> relu -> W2 -> y_hat -> loss, keep intermediates. Bwd: dL/dy_hat "
            "pushed back layer by layer to dL/dW, then W -= lr*grad."
        ),
    }
    for qid, text in cases.items():
        result = grader.grade(bank.question(qid), text)
        assert len(result.credited) == 1, qid
        assert "thin_credit" not in result.flags and result.grade >= 2.0, qid
        repeated = grader.grade(bank.question(qid), " ".join([text] * 3))
        assert "thin_credit" not in repeated.flags, qid


def test_a_reversal_is_read_within_one_clause(bank: Bank, grader: RubricGrader) -> None:
    """ "ML needs manual feature engineering, while in deep learning ..." states no
    "manual feature engineering in deep learning": a comma ends the claim."""
    question = bank.question("ml-vs-dl")
    result = grader.grade(
        question,
        "With classical ML you do manual feature engineering, in deep learning the network "
        "learns the features automatically from raw data.",
    )
    assert not any(c.contradicted for c in result.concepts)
    assert "feature-learning" in {c.concept_id for c in result.credited}


def test_a_contextual_opposite_beside_the_concepts_words_reverses_it(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "different weight matrix" where the concept says "same weight matrix": the
    opposite stands right beside the concept's own words."""
    question = bank.question("rnn-vanishing-gradients")
    wrong = grader.grade(
        question,
        "When you unroll an RNN, each step uses a different weight matrix.",
    )
    shared = next(c for c in wrong.concepts if c.concept_id == "shared-weights")
    assert shared.contradicted and not shared.credited
    # reported as a wrong claim: the listed one when it says the same ("a different set of
    # weights at every step"), else the concept's contradiction
    assert any("different" in span.text for m in wrong.misconceptions for span in m.spans), (
        wrong.misconceptions
    )


def test_both_sides_said_or_a_homograph_is_no_reversal(bank: Bank, grader: RubricGrader) -> None:
    """ "less parameters ..., ANN is more for tabular data" says both sides; "the fix is
    the residual block" is a remedy, not "fixed" against "learned"."""
    cnn = grader.grade(
        bank.question("cnn-vs-ann-images"),
        "CNN is better for images because it has less parameters and is faster, ANN is "
        "more for tabular data.",
    )
    assert not any(c.contradicted for c in cnn.concepts)
    resnet = grader.grade(
        bank.question("resnet"),
        "Adding layers made even the training loss worse. The fix is the residual block: "
        "the layers learn the residual F(x) and the input is added back, out = F(x) + x.",
    )
    assert not any(c.contradicted for c in resnet.concepts)


def test_a_clause_fronting_its_words_is_said_of_the_name_after_them(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "But on small tabular datasets gradient boosting is better": the clause names its
    own subject after the words it fronts; the deep learning of the clause before is not
    it. Swapped for real, the same words are a wrong claim."""
    question = bank.question("is-dl-better")
    fronted = grader.grade(
        question,
        "It depends on the problem. Deep learning is better on lots of images or text, but "
        "on small tabular datasets gradient boosting is often better.",
    )
    assert not _swapped(fronted)
    assert "ml-tabular-small" in {c.concept_id for c in fronted.credited}
    swapped = grader.grade(
        question,
        "It depends on the problem. Classical machine learning wins on images, audio and "
        "text, and deep learning wins on small tabular datasets.",
    )
    assert _swapped(swapped) & {"dl-unstructured-large", "ml-tabular-small"}
    assert swapped.grade <= fronted.grade - 2.0


def test_said_of_the_other_and_turned_around_says_the_concept_again(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "Classical ML is easier to interpret" said as "deep models are harder to explain":
    the other thing, and the contrast of the concept's "easier" beside its words."""
    question = bank.question("is-dl-better")
    base = (
        "It depends on the problem. Deep learning wins on large unstructured data such as "
        "images and text. On small tabular data gradient-boosted trees often win, and deep "
        "models are {} to explain to the business."
    )
    twice = grader.grade(question, base.format("harder"))
    once = grader.grade(question, base.format("easier"))
    assert "cost-interpretability" not in _swapped(twice)
    assert "cost-interpretability" in _swapped(once)


def test_a_thing_named_after_as_is_not_the_subject(bank: Bank, grader: RubricGrader) -> None:
    """ "Costs about the same as the forward pass" compares with the forward pass: said of
    the backward pass, it is the concept, not a swap."""
    sides = (frozenset({"forward"}), frozenset({"backward"}))
    assert named_sides("same cost as the forward pass", sides) == []
    result = grader.grade(
        bank.question("forward-backward-propagation"),
        "The forward pass computes each layer's output and the loss, caching the values. "
        "Backpropagation applies the chain rule from the output back, reusing the cached "
        "values, so the whole backward pass costs about the same as the forward pass.",
    )
    assert "caching-efficiency" not in _swapped(result)


def test_the_opposite_said_of_the_other_thing_is_the_same_claim(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "Classic ML ... needs less data" for "deep learning needs more data": the contrast
    and the subject are both turned around, which says the concept again."""
    question = bank.question("ml-vs-dl")
    other = grader.grade(
        question,
        "Deep learning is part of ML: multi-layer nets learn features from raw data; classic "
        "ML relies on hand-crafted features, needs less data.",
    )
    same = grader.grade(
        question,
        "Deep learning is part of ML: multi-layer nets learn features from raw data; deep "
        "learning needs less data.",
    )
    data = {c.concept_id: c for c in other.concepts}["data-compute"]
    assert not data.contradicted
    assert {c.concept_id: c for c in same.concepts}["data-compute"].contradicted


def test_said_of_the_other_thing_in_the_other_direction_is_the_same_claim(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "input to output layer by layer" is the forward pass; said of backpropagation
    "from the output back to the input", it is reversed twice: backpropagation's own
    direction, no swap. In the same direction it is a swap."""
    question = bank.question("forward-backward-propagation")
    reversed_ = grader.grade(
        question,
        "Backpropagation computes the gradients layer by layer from the output back to the input.",
    )
    same = grader.grade(question, "Backpropagation passes the input to the output layer by layer.")
    assert "forward-pass" not in _swapped(reversed_)
    assert "forward-pass" in _swapped(same)


def test_a_subject_borrowed_from_another_sentence_is_said_of_its_clauses_subject(
    bank: Bank, grader: RubricGrader
) -> None:
    """A word of the question may fill a phrase's slot from anywhere, but then the words
    are said of the subject of their own clause: "SGD uses the entire training set" is
    the full-batch claim said of SGD, whatever sentence the "batch" came from."""
    question = bank.question("gradient-descent-variants")
    swapped = grader.grade(
        question,
        "Batch gradient descent takes one random example per update, so it is noisy. "
        "Stochastic gradient descent uses the entire training set to compute every step.",
    )
    right = grader.grade(
        question,
        "Stochastic gradient descent takes one random example per update, so it is noisy. "
        "Batch gradient descent uses the entire training set to compute every step.",
    )
    assert "full-batch" in _swapped(swapped)
    assert {"full-batch", "stochastic"} <= {c.concept_id for c in right.credited}
    assert not _swapped(right)
    assert swapped.grade + 1.5 < right.grade


def test_a_borrowed_subject_takes_no_words_that_state_another_concept(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "SGD uses one example per update" earns the SGD concept; the mini-batch phrasing
    "mini batch of samples per update" with its name taken from the next sentence is not
    mini-batch said of SGD."""
    result = grader.grade(
        bank.question("gradient-descent-variants"),
        "Stochastic gradient descent uses one example per update, so it is fast but noisy. "
        "Mini-batch, say 32 to 512 examples, sits in between and uses the GPU well.",
    )
    assert "stochastic" in {c.concept_id for c in result.credited}
    assert not _swapped(result)
    assert not result.misconceptions


def test_a_borrowed_name_that_is_no_subject_swaps_nothing(bank: Bank, grader: RubricGrader) -> None:
    """ "manual feature engineering in ML" is about ML only as an object: "Deep learning
    reduces manual feature engineering" (with "machine learning" in another sentence)
    is no claim of it said of deep learning."""
    result = grader.grade(
        bank.question("ml-vs-dl"),
        "Deep learning is a subset of machine learning. "
        "Deep learning reduces manual feature engineering.",
    )
    assert not _swapped(result)


def test_the_issues_mini_batch_sentence_is_no_role_swap(bank: Bank, grader: RubricGrader) -> None:
    """The issue's own sentence: "all examples", a synonym of "whole dataset" that lost its
    quantifier, made it read as batch GD said of mini-batch, graded 0."""
    result = grader.grade(
        bank.question("gradient-descent-variants"),
        "Mini-batch gradient descent computes the gradient on a small batch of examples, "
        "which balances noise and speed.",
    )
    assert not any(c.contradicted for c in result.concepts)
    assert "mini-batch" in {c.concept_id for c in result.credited}
    assert result.grade >= 1.5


def test_feed_forward_and_backprop_are_things_compared(bank: Bank, grader: RubricGrader) -> None:
    """The question quotes the two terms it contrasts, so the rubric names them
    (``compares``): the training procedure said of feed-forward is a swap of roles."""
    question = bank.question("feedforward-vs-backprop")
    swapped = grader.grade(
        question,
        "Feed-forward refers to the training procedure and backpropagation refers to how "
        "the network makes predictions.",
    )
    right = grader.grade(
        question,
        "Backpropagation refers to the training procedure and feed-forward refers to how "
        "the network makes predictions.",
    )
    assert "backprop-algorithm" in _swapped(swapped)
    assert "backprop-algorithm" in {c.concept_id for c in right.credited}
    assert swapped.grade < right.grade


def test_a_borrowed_name_is_read_against_the_clause_before_in_its_sentence(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "Logistic regression, on the other hand, uses a hard threshold": the words stand in
    a clause of their own, after the one that names logistic regression; with "perceptron"
    from the sentence before they state the perceptron's claim of logistic regression."""
    result = grader.grade(
        bank.question("perceptron-vs-logistic-regression"),
        "The perceptron feeds the weighted sum through a sigmoid and gives a probability. "
        "Logistic regression, on the other hand, uses a hard threshold.",
    )
    assert "step-vs-sigmoid" in _swapped(result)


def test_two_things_that_trade_their_claims_are_both_contradicted(
    bank: Bank, grader: RubricGrader
) -> None:
    """activation-functions declares no things compared: each concept's phrasings name the
    thing they are about ("relu for hidden layers", "sigmoid and tanh saturate"). Said each
    of the other, in its own place, both claims are wrong (crossings.crossed)."""
    question = bank.question("activation-functions")
    assert not question.compares
    swapped = grader.grade(
        question,
        "ReLU saturates at both ends, so it gives vanishing gradients in deep networks. "
        "Sigmoid is the usual choice for hidden layers.",
    )
    assert _swapped(swapped) == {"relu-hidden-default", "sigmoid-tanh-saturate"}
    said = {c.concept_id: " ".join(s.text for s in c.spans) for c in swapped.concepts}
    assert "hidden layers" in said["relu-hidden-default"]
    assert "vanishing gradients" in said["sigmoid-tanh-saturate"]
    assert {"contradicts:relu-hidden-default", "contradicts:sigmoid-tanh-saturate"} <= {
        m.misconception_id for m in swapped.misconceptions
    }
    right = grader.grade(
        question,
        "Sigmoid and tanh saturate, so gradients vanish in deep networks. ReLU is the usual "
        "choice for hidden layers, and softmax for multi class outputs.",
    )
    assert not _swapped(right)
    assert {"relu-hidden-default", "sigmoid-tanh-saturate"} <= {
        c.concept_id for c in right.credited
    }
    assert swapped.grade < right.grade


@pytest.mark.parametrize(
    "answer",
    [
        # a list names both things, then each with its own claim
        "A CNN has convolutional layers, pooling layers and fully connected layers. "
        "Convolutional layers have learnable filters that slide over the image, and pooling "
        "layers downsample the feature maps.",
        # both named in one sentence, each with its own claim
        "Convolutional layers have learnable filters that slide over the image while pooling "
        "layers downsample the feature maps.",
    ],
)
def test_a_list_or_a_sentence_naming_both_things_swaps_nothing(
    bank: Bank, grader: RubricGrader, answer: str
) -> None:
    """Only an exchange is a swap: things listed, or each named with its own claim, are not."""
    result = grader.grade(bank.question("cnn-layers"), answer)
    assert not _swapped(result)
    assert {"conv-role", "pooling-role"} <= {c.concept_id for c in result.credited}


def test_a_crossed_pairing_in_one_sentence_is_found(bank: Bank, grader: RubricGrader) -> None:
    """ "CNNs suit sequential data ..., while RNNs are the choice for images": each
    architecture takes the other's data."""
    question = bank.question("choose-algorithm")
    swapped = grader.grade(
        question, "CNNs suit sequential data such as text, while RNNs are the choice for images."
    )
    right = grader.grade(
        question, "CNNs suit images, while RNNs are the choice for sequential data such as text."
    )
    assert _swapped(swapped) == {"cnn-spatial", "sequence-models"}
    assert not _swapped(right)
    assert swapped.grade < right.grade


@pytest.mark.parametrize(
    "answer",
    [
        "Batch gradient descent uses the whole dataset for each update, stochastic gradient "
        "descent uses one sample at a time so it's noisy, and mini-batch uses small chunks "
        "of the data, a compromise between the two.",
        "Mini-batch gradient descent takes small batches of data for each update.",
        "Mini-batch gradient descent uses a batch size like 32 or 64 examples per update.",
    ],
)
def test_a_name_used_as_a_common_noun_is_no_phrasings_subject(
    bank: Bank, grader: RubricGrader, answer: str
) -> None:
    """ "small batches of data" and "batch size like 32" are phrasings of mini-batch, not
    claims about batch gradient descent: "batch" there is an amount of data. Read as batch
    GD said of mini-batch, these right answers were graded 0."""
    result = grader.grade(bank.question("gradient-descent-variants"), answer)
    assert not any(c.contradicted for c in result.concepts)
    assert "mini-batch" in {c.concept_id for c in result.credited}


def test_a_common_noun_names_no_side_but_the_name_does() -> None:
    """A name after a word of size, before "of" as a plural or after "a", or before a
    measure is a common noun; the name as a subject still names its side."""
    sides = (frozenset({"batch", "full"}), frozenset({"stochast"}), frozenset({"minibatch"}))
    assert named_sides("small batches of data", sides, False) == []
    assert named_sides("a batch of samples", sides, False) == []
    assert named_sides("batch size like 32 or 64", sides, False) == []
    assert named_sides("small batches of data", sides) == [(1, 0)]
    assert named_sides("batch gradient descent uses the whole dataset", sides, False) == [(0, 0)]
    assert [s for _, s in named_sides("mini batch of samples per update", sides, False)] == [2]
