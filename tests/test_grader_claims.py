"""The grade follows what an answer claims (issue 9): each mechanism against a case that
fails without it.

Repetition and padding add nothing; a contrast swap contradicts the concept it swaps;
a self-correction replaces what it corrects; misspellings are read as meant while the
quotes stay as typed; a shuffle of words earns no claim; evidence never borrows a word
from an unrelated sentence; the grader's parameters are read from its signature.
"""

from __future__ import annotations

import random
import re

import pytest

from interviewer.bank import Bank
from interviewer.grading import RubricGrader
from interviewer.grading.composition import GradeRules
from interviewer.grading.context import Settings
from interviewer.grading.shape import fluency
from interviewer.text.analysis import analyse
from interviewer.text.contrast import compared_in, contrast_stems
from interviewer.text.revision import revise
from interviewer.text.stem import stem
from interviewer.text.vocabulary import STOP_WORDS

MINI_BATCH = (
    "Mini-batch gradient descent computes the gradient on a small batch of examples, "
    "which balances noise and speed."
)
PADDING = (
    " I have been coding since high school and I really enjoy it."
    " In my free time I like hiking with my dog and cooking."
)


def test_repeating_an_answer_adds_nothing(bank: Bank, grader: RubricGrader) -> None:
    question = bank.question("gradient-descent-variants")
    once = grader.grade(question, MINI_BATCH)
    four = grader.grade(question, " ".join([MINI_BATCH] * 4))
    assert four.grade == once.grade
    assert "repetition" in four.flags


def test_every_reference_pasted_twice_keeps_its_grade(bank: Bank, grader: RubricGrader) -> None:
    for question in bank.questions.values():
        once = grader.grade(question, question.reference).grade
        twice = grader.grade(question, question.reference + " " + question.reference).grade
        assert twice <= once + 0.05, question.id


def test_unrelated_padding_adds_nothing(bank: Bank, grader: RubricGrader) -> None:
    question = bank.question("gradient-descent-variants")
    assert (
        grader.grade(question, MINI_BATCH + PADDING).grade
        <= grader.grade(question, MINI_BATCH).grade
    )


def test_a_near_miss_in_a_sentence_about_oneself_counts_for_nothing(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "I moved to this city" half-says "running mean" in words only: a missed concept's
    partial match counts in a sentence about the question, never in padding."""
    question = bank.question("batch-normalisation")
    answer = "It normalizes the outputs of the hidden layers so the training is faster."
    padded = grader.grade(question, answer + " I moved to this city two years ago for my studies.")
    running = {c.concept_id: c for c in padded.concepts}["running-statistics"]
    assert not running.credited and running.confidence == 0.0
    assert padded.grade <= grader.grade(question, answer).grade


def test_a_padded_keyword_list_is_still_a_keyword_list(bank: Bank, grader: RubricGrader) -> None:
    question = bank.question("evaluate-model")
    terms = "test set, cross validation, F1, confusion matrix"
    padded = grader.grade(question, terms + PADDING)
    pasted = grader.grade(question, terms + " " + terms)
    for result in (padded, pasted):
        assert "keyword_list" in result.flags
        assert result.grade <= 1.5


def test_a_role_swap_contradicts_the_concept(bank: Bank, grader: RubricGrader) -> None:
    question = bank.question("pooling")
    right = grader.grade(
        question,
        "Max pooling keeps the largest value in each window and average pooling takes the mean.",
    )
    swapped = grader.grade(
        question,
        "Max pooling takes the average of each window and average pooling keeps the largest value.",
    )
    assert "max-average" in {c.concept_id for c in right.credited}
    assert "max-average" not in {c.concept_id for c in swapped.credited}
    assert "contradicted" in swapped.flags
    hit = next(m for m in swapped.misconceptions if m.misconception_id == "contradicts:max-average")
    assert "Max pooling takes the average" in [s.text for s in hit.spans]
    assert hit.correction  # the concept's correction is given
    assert swapped.grade <= right.grade - 1.5
    concept = next(c for c in swapped.concepts if c.concept_id == "max-average")
    assert concept.contradicted and concept.wrong_claim


def test_a_parallel_statement_about_the_other_thing_is_no_contradiction(
    bank: Bank, grader: RubricGrader
) -> None:
    question = bank.question("is-dl-better")
    result = grader.grade(question, question.reference)
    assert not result.misconceptions
    assert result.grade >= 4.0


def test_a_denial_in_a_frame_denies_the_clause(bank: Bank, grader: RubricGrader) -> None:
    question = bank.question("pooling")
    stated = grader.grade(question, "Pooling downsamples the feature maps.")
    denied = grader.grade(question, "It is not true that pooling downsamples the feature maps.")
    assert "downsample" in {c.concept_id for c in stated.credited}
    concept = next(c for c in denied.concepts if c.concept_id == "downsample")
    assert concept.negated and not concept.credited
    assert denied.grade < stated.grade


def test_a_denial_about_the_alternative_is_not_held_against_the_candidate(
    bank: Bank, grader: RubricGrader
) -> None:
    question = bank.question("minibatch-popularity")
    answer = (
        "Full-batch gradient descent needs the whole dataset per step, which doesn't fit in "
        "memory for big datasets, while a mini-batch runs efficiently on a GPU."
    )
    assert not grader.grade(question, answer).misconceptions


def test_self_correction_replaces_the_claim_it_corrects(bank: Bank, grader: RubricGrader) -> None:
    question = bank.question("lstm-vanishing-gradients")
    wrong = "LSTMs completely eliminate the vanishing gradient problem."
    corrected = grader.grade(
        question,
        wrong + " Correction: LSTMs only ease the vanishing gradient problem, thanks to the "
        "additive cell state.",
    )
    assert grader.grade(question, wrong).misconceptions
    assert not corrected.misconceptions
    assert "self_corrected" in corrected.flags


def test_the_other_way_round_swaps_the_roles_back(bank: Bank, grader: RubricGrader) -> None:
    question = bank.question("valid-vs-same-padding")
    swapped = "Same padding shrinks the output while valid padding keeps the input size."
    assert grader.grade(question, swapped).misconceptions
    fixed = grader.grade(question, swapped + " Sorry, the other way round.")
    assert not fixed.misconceptions
    assert {"valid", "same"} <= {c.concept_id for c in fixed.credited}


def test_revise_keeps_an_addition_that_only_starts_with_sorry() -> None:
    words = analyse("Dropout zeroes units. Sorry, and it also rescales the rest.").units
    assert [u.norm for u in words][:2] == ["dropout", "zeroes"]


def test_misspellings_are_read_as_meant_and_quoted_as_typed(
    bank: Bank, grader: RubricGrader
) -> None:
    question = bank.question("vanishing-exploding-gradients")
    clean = (
        "The gradient is a product of many derivatives, so it shrinks exponentially and the "
        "early layers stop learning."
    )
    typed = (
        "The gradiant is a prodcut of many derivitives, so it shrinks exponentialy and the "
        "early layres stop lerning."
    )
    right, wrong = grader.grade(question, clean), grader.grade(question, typed)
    assert abs(right.grade - wrong.grade) <= 0.3
    assert "spelling" in wrong.flags
    quoted = " ".join(s.text for c in wrong.credited for s in c.spans)
    assert "gradiant" in quoted or "prodcut" in quoted


def test_another_language_is_not_spell_corrected_into_english(grader: RubricGrader) -> None:
    speller = grader.speller_
    assert speller is not None
    german = analyse("Die Normalisierung macht das Lernen schneller und stabiler.", 6, speller)
    assert german.corrections == 0
    assert speller.correct("optimizor") == "optimizer"
    assert speller.correct("convnet") is None  # a lexicon word, not a typo
    assert speller.correct("because") is None  # English


def test_shuffled_words_make_no_claim(bank: Bank, grader: RubricGrader) -> None:
    question = bank.question("vanishing-exploding-gradients")
    words = re.sub(r"[^\w\s'-]", " ", question.reference).split()
    random.Random(1).shuffle(words)
    assert grader.grade(question, question.reference).grade >= 4.0
    assert grader.grade(question, " ".join(words)).grade <= 1.5


def test_fluency_tells_a_sentence_from_its_shuffle(grader: RubricGrader) -> None:
    text = (
        "The gradient of the early layers is a product of many small factors, so it "
        "shrinks towards zero as the network gets deeper and the first layers stop learning."
    )
    words = text.replace(",", "").replace(".", "").split()
    random.Random(3).shuffle(words)
    pairs, known = grader.word_pairs_, grader.known_words_
    sentence = fluency(analyse(text), pairs, known)
    shuffle = fluency(analyse(" ".join(words)), pairs, known)
    assert sentence is not None and shuffle is not None
    assert sentence > shuffle + 0.5


def test_a_note_is_not_taken_for_a_shuffle(grader: RubricGrader) -> None:
    note = "GRU: 2 gates (update, reset), no cell state -> fewer params, faster; LSTM: 3 gates."
    assert fluency(analyse(note), grader.word_pairs_, grader.known_words_) is None


def test_notes_with_a_stretch_of_prose_are_not_taken_for_a_shuffle(
    bank: Bank, grader: RubricGrader
) -> None:
    """Notes with two longer pieces among many short ones are notes, and earn their claims;
    the same words shuffled without their breaks are still capped."""
    notes = (
        "Momentum + RMSProp combined: 1st moment smooths direction, 2nd moment scales the step "
        "per parameter, bias correction for early steps. Popular since it works out of the box "
        "with the default lr 1e-3, handles sparse/noisy grads; AdamW adds decoupled weight decay."
    )
    pairs, known = grader.word_pairs_, grader.known_words_
    assert fluency(analyse(notes), pairs, known) is None
    result = grader.grade(bank.question("adam-optimizer"), notes)
    assert not any(name == "cap: word salad" for name, _, _ in result.composition)
    assert result.grade >= 3.5
    words = re.sub(r"[^\w\s'-]", " ", notes).split()
    random.Random(5).shuffle(words)
    shuffled = grader.grade(bank.question("adam-optimizer"), " ".join(words))
    assert any(name == "cap: word salad" for name, _, _ in shuffled.composition)


def test_evidence_is_not_borrowed_from_an_unrelated_sentence(
    bank: Bank, grader: RubricGrader
) -> None:
    question = bank.question("vanishing-exploding-gradients")
    answer = "The gradient does not become small. I also play the guitar in a small band."
    result = grader.grade(question, answer)
    vanishing = next(c for c in result.concepts if c.concept_id == "vanishing")
    assert not vanishing.credited
    assert all("band" not in s.text for c in result.credited for s in c.spans)


def test_one_word_standing_for_two_slots_borrows_no_word_from_elsewhere(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "same" is a synonym for "same features" in "learn the same features", and "learn"
    is a word of the question's rephrasings, so it may complete a window from anywhere,
    but only a window where the answer says two of the phrase's words itself: one word
    filling two slots is not two. "a fast learner" in a sentence about oneself credits
    nothing."""
    question = bank.question("same-weight-init")
    answer = (
        "If all weights are the same it leads to underfitting. But it's not a big deal, "
        "the gradients will make them different during training."
    )
    padded = grader.grade(question, answer + " I am a fast learner and a strong team player.")
    symmetry = next(c for c in padded.concepts if c.concept_id == "symmetry")
    assert not symmetry.credited
    assert padded.grade <= grader.grade(question, answer).grade


def test_a_two_word_synonym_for_one_slot_borrows_no_word_from_elsewhere(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "deep learning" stands for the one slot "cnn" of "cnn trained on faces": one of the
    phrase's words, however many of the answer's. In a sentence of filler praise it does
    not take the question's "face" from a wrong answer to credit CNN detectors."""
    question = bank.question("face-detection")
    wrong = (
        "you should use k-means clustering on the pixel colours, the face cluster is always "
        "the skin coloured one."
    )
    dressed = grader.grade(
        question,
        "Great question, I have always been very passionate about deep learning. "
        "Basically, " + wrong,
    )
    assert "deep-detectors" not in {c.concept_id for c in dressed.credited}
    assert dressed.grade <= grader.grade(question, wrong.capitalize()).grade + 0.3


def test_a_question_word_is_not_borrowed_into_a_window_that_says_its_contrast(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "same" is the question's word and may fill a slot from anywhere, but not in a
    window that says "different" there: "each one receives a slightly different gradient"
    is not "the same gradient"."""
    question = bank.question("same-weight-init")
    opening = "Initialising all weights to the same value is the recommended starting point. "
    different = grader.grade(
        question, opening + "After the first few updates each neuron receives a different gradient."
    )
    same = grader.grade(
        question,
        opening + "After the first few updates each neuron has received the same gradient.",
    )
    assert "same-gradient" not in {c.concept_id for c in different.credited}
    assert "same-gradient" in {c.concept_id for c in same.credited}


def test_no_key_concept_keeps_length_and_closeness_from_lifting_the_grade(
    bank: Bank, grader: RubricGrader
) -> None:
    question = bank.question("what-is-cnn")
    answer = (
        "It is a type of neural network that is used for images and pictures, with many layers "
        "stacked on top of each other, and people use it a lot for images in industry."
    )
    result = grader.grade(question, answer)
    assert not result.credited or not any(
        c.concept_id in {k.id for k in question.concepts if k.key} for c in result.credited
    )
    assert result.grade <= 1.5


def test_contrasts_come_from_the_lexicon_and_from_what_the_question_compares() -> None:
    assert stem("average") in contrast_stems(stem("max"))
    assert stem("inference") in contrast_stems(stem("training"))
    compared = compared_in("How do machine learning and deep learning differ?", STOP_WORDS)
    assert compared == {"machine": ["deep"], "deep": ["machine"]}
    assert compared_in("What is weight decay, or L2 regularisation?", STOP_WORDS) == {}


def test_revise_drops_the_corrected_sentence_only() -> None:
    text = "Dropout is used at test time. Actually no, dropout is used only during training."
    from interviewer.text.analysis import _canonical_words
    from interviewer.text.tokens import tokenize

    words = _canonical_words(tokenize(text).tokens)
    revision = revise(words)
    kept = [w.norm for i, w in enumerate(words) if i not in revision.dropped and not w.stop]
    assert "test" not in kept and "training" in kept


def test_parameters_are_read_from_the_constructor_and_records_take_keywords() -> None:
    grader = RubricGrader(contradiction_penalty=2.0)
    params = grader.get_params()
    assert params["contradiction_penalty"] == 2.0
    assert set(params) == {
        name for name in RubricGrader.__init__.__code__.co_varnames[1:] if name in params
    }
    with pytest.raises(ValueError):
        grader.set_params(no_such_parameter=1)
    with pytest.raises(TypeError):
        GradeRules(1.5, 1.5, 1.0, 0.35, 0.75)  # type: ignore[misc]
    with pytest.raises(TypeError):
        Settings(0.6, 0.75, 4, 0.5, 6, 1.5, 8000, 0.15, 12, 3)  # type: ignore[misc]


def test_a_concept_said_of_the_other_thing_compared_is_a_swap(
    bank: Bank, grader: RubricGrader
) -> None:
    question = bank.question("one-hot-vs-label-encoding")
    right = grader.grade(
        question,
        "One-hot encoding turns k categories into k binary columns, while label encoding "
        "maps each category to a single integer in one column.",
    )
    swapped = grader.grade(
        question,
        "Label encoding turns k categories into k binary columns, while one-hot encoding "
        "maps each category to a single integer in one column.",
    )
    assert {"onehot-columns", "label-integers"} <= {c.concept_id for c in right.credited}
    assert not {"onehot-columns", "label-integers"} & {c.concept_id for c in swapped.credited}
    notes = [c.note for c in swapped.concepts if c.contradicted]
    assert any("roles are swapped" in note for note in notes)
    assert swapped.grade <= 1.0 < right.grade


def test_an_off_topic_answer_earns_nothing_and_a_near_miss_a_little(
    bank: Bank, grader: RubricGrader
) -> None:
    question = bank.question("pooling")
    off = grader.grade(
        question,
        "Honestly I mostly worked on web development with React and Node, so I'd need to "
        "read up on that, but I learn fast.",
    )
    near = grader.grade(question, "Pooling makes the picture a bit smaller somehow.")
    terms = grader.grade(question, "max pooling, average pooling, stride, window")
    assert off.grade <= 0.3
    assert not near.credited or near.grade > off.grade
    assert "keyword_list" in terms.flags and 0.5 <= terms.grade <= 1.5


def test_a_contrast_word_in_the_crediting_clause_contradicts_the_concept(
    bank: Bank, grader: RubricGrader
) -> None:
    """The phrasing "largest value in window" matches "max ... values in the window" loosely;
    "averages" stands in that clause where the phrasing says "largest"."""
    question = bank.question("pooling")
    swapped = grader.grade(question, "Max pooling averages all the values in the window.")
    right = grader.grade(
        question, "Max pooling keeps the largest value in the window; average pooling the mean."
    )
    both = grader.grade(
        question, "Max pooling keeps the largest value rather than averaging the window."
    )
    assert any(c.concept_id == "max-average" and c.contradicted for c in swapped.concepts)
    assert any(m.misconception_id == "contradicts:max-average" for m in swapped.misconceptions)
    assert "max-average" in {c.concept_id for c in right.credited}
    assert "max-average" in {c.concept_id for c in both.credited}
    assert swapped.grade < right.grade


def test_gradient_ascent_in_place_of_descent_contradicts_the_update(
    bank: Bank, grader: RubricGrader
) -> None:
    """ascent/descent is a row of the contrast lexicon: "update the weights with gradient
    ascent" states the opposite of "update weights with gradient descent"."""
    question = bank.question("forward-backward-propagation")
    opening = (
        "Forward propagation computes the prediction and the loss from the input. "
        "Backpropagation then applies the chain rule backwards from the loss to get the "
        "gradient of every weight, and we update the weights with gradient "
    )
    ascent = grader.grade(question, opening + "ascent.")
    descent = grader.grade(question, opening + "descent.")
    assert "contradicts:weight-update" in {m.misconception_id for m in ascent.misconceptions}
    assert "weight-update" in {c.concept_id for c in descent.credited}
    assert ascent.grade < descent.grade - 2


def test_a_contrast_of_the_concepts_label_inside_the_match_contradicts_it(
    bank: Bank, grader: RubricGrader
) -> None:
    """The matched phrasing "each neuron dropped with probability p" has no "training"; the
    concept's label has ("on each training pass"), and "inference" stands inside the match.
    After the match, in its own words, it is a further claim and reverses nothing."""
    question = bank.question("dropout")
    inside = grader.grade(
        question, "Dropout randomly switches off neurons during inference with probability p."
    )
    after = grader.grade(
        question,
        "Dropout randomly switches off neurons with probability p and is turned off at inference.",
    )
    zeroing = {c.concept_id: c for c in inside.concepts}["random-zeroing"]
    assert zeroing.contradicted and "inference" in zeroing.note
    assert "random-zeroing" in {c.concept_id for c in after.credited}
    assert inside.grade < after.grade


def test_a_contrast_said_as_the_matchs_predicate_contradicts_it(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "activation functions" credits the label "non-linear activation functions"; "are
    linear" right after it, in its clause, says the opposite of the label's word, even
    when "non-linear" stands in the next clause of the sentence. Said of something else
    after a clause break, it reverses nothing."""
    question = bank.question("mlp-components")
    predicate = grader.grade(
        question,
        "It has an input layer, hidden layers and an output layer. The activation functions "
        "are linear, which is what lets it learn non-linear boundaries.",
    )
    apart = grader.grade(
        question,
        "It has an input layer, hidden layers and an output layer. The activation functions "
        "matter, and a linear model could not learn non-linear boundaries.",
    )
    activations = {c.concept_id: c for c in predicate.concepts}["activations"]
    assert activations.contradicted and "'linear'" in activations.note
    assert "activations" in {c.concept_id for c in apart.credited}
    assert predicate.grade < apart.grade


def test_a_contrast_of_the_labels_modifier_contradicts_the_concept(
    bank: Bank, grader: RubricGrader
) -> None:
    """The label says "non-linear activation functions": "linear activation functions"
    says the opposite of its modifier. A phrasing's example word is no claim: "global
    average pooling" does not reverse the pooling concept's phrasing "max pooling"."""
    layers = "It has an input layer, hidden layers and an output layer."
    question = bank.question("mlp-components")
    linear = grader.grade(question, f"{layers} The neurons use linear activation functions.")
    right = grader.grade(question, f"{layers} The neurons use non-linear activation functions.")
    assert {c.concept_id: c for c in linear.concepts}["activations"].contradicted
    assert "activations" in {c.concept_id for c in right.credited}
    pooling = grader.grade(
        bank.question("cnn-layers"),
        "Convolutions with ReLU, then max pooling. At the end global average pooling layers "
        "and a dense softmax layer.",
    )
    assert not {c.concept_id: c for c in pooling.concepts}["pooling-layer"].contradicted


def test_words_that_state_a_listed_misconception_earn_no_concept(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "approximates the second derivative" matches the gradient concept's words, but the
    same words state the listed misconception: the concept is not credited for them."""
    question = bank.question("sobel-filter")
    wrong = grader.grade(
        question, "A Sobel filter approximates the second derivative of the image."
    )
    right = grader.grade(question, "A Sobel filter approximates the first derivative of the image.")
    assert "second-derivative" in {m.misconception_id for m in wrong.misconceptions}
    uncredited = {c.concept_id: c for c in wrong.concepts}["edge-gradient"]
    assert not uncredited.credited and "wrong claim" in uncredited.note
    assert "edge-gradient" in {c.concept_id for c in right.credited}


def test_a_contrast_listed_with_its_counterpart_is_no_flip(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "taking max or average over small windows" names both kinds of pooling; "average"
    beside "max" reverses nothing of "largest value in window". Alone, it does."""
    question = bank.question("pooling")
    both = grader.grade(question, "Pooling takes the max or average over small windows.")
    alone = grader.grade(question, "Max pooling takes the average over small windows.")
    assert not any(c.contradicted for c in both.concepts)
    assert "max-average" in {c.concept_id for c in both.credited}
    assert any(c.contradicted for c in alone.concepts)


def test_a_misconceptions_own_claim_is_one_of_its_phrasings(
    bank: Bank, grader: RubricGrader
) -> None:
    """The claim a misconception is written as ("Stochastic gradient descent computes the
    gradient on the whole dataset") states it, in its words or close to them."""
    result = grader.grade(
        bank.question("gradient-descent-variants"),
        "Batch gradient descent takes one random example per update, so it is noisy. "
        "Stochastic gradient descent uses the entire training set to compute every step, "
        "which gives you the exact gradient.",
    )
    assert "sgd-whole-dataset" in {m.misconception_id for m in result.misconceptions}


def test_a_contrast_word_in_another_clause_is_no_contradiction(
    bank: Bank, grader: RubricGrader
) -> None:
    """Words of both sides in a list or in separate clauses state nothing reversed."""
    question = bank.question("batch-normalisation")
    answer = (
        "During training it tracks moving averages of the mean and variance, "
        "and it uses them at inference instead of the batch statistics."
    )
    result = grader.grade(question, answer)
    assert not any(c.contradicted for c in result.concepts)


def test_it_is_not_true_that_denies_the_rest_of_its_sentence() -> None:
    analysis = analyse(
        "It is not true that dropout zeroes units, and that it curbs overfitting. It helps."
    )
    negated = {u.norm for u in analysis.units if u.negation >= 0}
    assert {"dropout", "units", "overfitting"} <= negated
    assert "helps" not in negated


def test_two_opposite_words_traded_reverse_the_claim(bank: Bank, grader: RubricGrader) -> None:
    """ "adds input to output" read as "adds output to input": both words are there, so no
    single exchange finds it; the traded pair does. A list of both trades nothing."""
    question = bank.question("resnet")
    traded = grader.grade(question, "The shortcut adds the output to the input of the block.")
    right = grader.grade(question, "The shortcut adds the input to the output of the block.")
    assert any(c.concept_id == "residual-sum" and c.contradicted for c in traded.concepts)
    assert "residual-sum" in {c.concept_id for c in right.credited}
    steps = bank.question("backprop-through-time")
    backwards = grader.grade(steps, "The error flows from the first step to the last one.")
    assert any(
        c.concept_id == "backward-through-steps" and c.contradicted for c in backwards.concepts
    )
    gates = grader.grade(
        bank.question("lstm-vanishing-gradients"),
        "It has output, input and forget gates around a cell state.",
    )
    assert not any(c.contradicted for c in gates.concepts)


def test_a_list_of_terms_among_sentences_that_earn_nothing_is_still_a_list(
    bank: Bank, grader: RubricGrader
) -> None:
    question = bank.question("transformers-vs-rnns")
    terms = "Self-attention, multi-head, positional encoding, BERT, GPT, parallelism."
    dressed = (
        "Transformers have replaced RNNs in NLP because transformers are better than RNNs. "
        "Attention is all you need. " + terms
    )
    result = grader.grade(question, dressed)
    assert "keyword_list" in result.flags
    assert result.grade <= grader.keyword_cap


def test_to_the_next_is_from_the_previous_seen_from_the_other_end(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "Passing from one time step to next" says "from the previous step": the contrast
    word after "to" where the concept has "from" is the converse, not the opposite."""
    question = bank.question("rnn-for-text")
    converse = grader.grade(
        question,
        "Difference is that RNN has hidden state which is passing from one time step to "
        "next, so network have some memory about what it saw before.",
    )
    opposite = grader.grade(
        question, "An RNN keeps a hidden state that comes from the next step, so it has memory."
    )
    loop = {c.concept_id: c for c in converse.concepts}["loop-hidden-state"]
    assert not loop.contradicted
    assert {c.concept_id: c for c in opposite.concepts}["loop-hidden-state"].contradicted


def test_a_wrong_claim_of_three_words_or_more_may_come_in_any_order(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "The test set is what you use during development to tune hyperparameters" states
    "tune hyperparameters on the test set" in another order. A contrast of the claim's
    words in the same clause still makes it two claims ("the gradient points uphill and we
    want to go downhill"), and a claim of two words must still be led by its first
    ("in a fully connected network there's one bias per neuron" is no "bias per weight")."""
    tuned = grader.grade(
        bank.question("evaluate-model"),
        "You split the data into train, validation and test sets, and the test set is what "
        "you use during development to tune hyperparameters.",
    )
    assert "tune-on-test" in {m.misconception_id for m in tuned.misconceptions}
    downhill = grader.grade(
        bank.question("gradient-descent-steps"),
        "Each weight moves a small step against its gradient, because the gradient points "
        "uphill and we want to go downhill.",
    )
    assert "follow-gradient-uphill" not in {m.misconception_id for m in downhill.misconceptions}
    per_neuron = grader.grade(
        bank.question("layer-bias"),
        "In a fully connected network there's one bias per neuron, a vector per layer.",
    )
    assert not per_neuron.misconceptions


def test_a_wrong_claim_may_go_on_past_a_colon_or_an_ing_clause(
    bank: Bank, grader: RubricGrader
) -> None:
    """ "a preprocessing step: before training you go through the dataset" and "trained
    with backprop, minimizing the ... reconstruction" each state one claim over a break
    that only goes on with it (a colon, a comma before an -ing verb)."""
    norm = grader.grade(
        bank.question("batch-normalisation"),
        "I think batch norm is basically a preprocessing step: before training you go "
        "through the dataset batch by batch and standardise it.",
    )
    assert "only-input-data" in {m.misconception_id for m in norm.misconceptions}
    rbm = grader.grade(
        bank.question("rbm"),
        "It has a visible and a hidden layer. You train it with backprop, minimizing the "
        "mean squared error between the input and the reconstruction.",
    )
    assert "trained-by-backprop" in {m.misconception_id for m in rbm.misconceptions}


def test_a_claim_is_read_where_it_is_stated_most_tightly(bank: Bank, grader: RubricGrader) -> None:
    """ "... well below the training loss while the training loss keeps *rising*": the
    reversed claim "training loss keeps rising" is read at its second "training loss", in
    its own clause; read from the first, it spanned two clauses and counted for nothing."""
    question = bank.question("overfitting-remedies")
    wrong = grader.grade(
        question,
        "Overfitting shows up as validation loss dropping well below the training loss "
        "while the training loss keeps rising.",
    )
    right = grader.grade(
        question,
        "Overfitting shows up as validation loss rising well above the training loss "
        "while the training loss keeps falling.",
    )
    assert "diagnose" in {c.concept_id for c in wrong.concepts if c.contradicted}
    assert "diagnose" in {c.concept_id for c in right.credited}
    assert not right.misconceptions
