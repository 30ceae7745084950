"""Wrong claims said of a pronoun whose antecedent, the claim's subject, is named just
before (:mod:`interviewer.grading.antecedents`). The wrong cases fail without it (the
subject, "pooling layer", is no word of the question); the right answers use "it" and
"they" for the subject and for other things, and are accused of nothing.
"""

from __future__ import annotations

import pytest

from interviewer.bank import Bank
from interviewer.grading import RubricGrader
from interviewer.grading.antecedents import question_things, referred_readings
from interviewer.models import Concept, Question
from interviewer.text.phrases import compile_phrasings

_LAYERS = "A CNN stacks convolution layers, pooling layers and dense layers. "


def _wrong(grader: RubricGrader, bank: Bank, text: str) -> set[str]:
    result = grader.grade(bank.question("cnn-layers"), _LAYERS + text)
    return {m.misconception_id for m in result.misconceptions}


@pytest.mark.parametrize(
    "text",
    [
        # the pronoun in the next clause of the sentence, a relative clause between
        "The pooling layer is where the important pixels get chosen, it learns weights to "
        "pick the maximum.",
        # the pronoun opening the next sentence
        "The pooling layer keeps the largest value of each window. It learns weights to "
        "pick that value.",
        # "they" for a plural subject
        "Pooling layers sit in between; they have learnable weights that choose what to keep.",
    ],
)
def test_a_wrong_claim_said_of_a_pronoun_for_its_subject(
    grader: RubricGrader, bank: Bank, text: str
) -> None:
    assert "pooling-learns" in _wrong(grader, bank, text)


@pytest.mark.parametrize(
    "text",
    [
        # "it", "they" are the convolution layers, the last thing named
        "Pooling layers come right after the convolutions; they have learnable weights "
        "that find edges.",
        "The pooling layer takes the maximum of each window and the convolution layer "
        "slides filters over the image, it learns weights for each filter.",
        "The pooling layer takes the maximum of each window. The convolution layer slides "
        "filters over the image. It learns weights for each filter.",
        "The convolution layer slides filters over the image, it learns weights for each "
        "filter, and then the pooling layer takes the maximum of each window.",
        # said of the subject, denied or reported
        "The pooling layer has no parameters, it does not learn weights, it just takes the "
        "maximum of each window.",
        "The pooling layer shrinks each feature map; it is often said that it learns "
        "weights, but it has none.",
        # "it" for the subject, with a right claim
        "The pooling layer takes the maximum of each window, so it makes the feature map "
        "smaller; the network learns weights only in the convolution and dense layers.",
        # the subject named but not what its clause is about
        "The network sends the image on to the pooling layer, which shrinks it; it learns "
        "weights for the edges there.",
    ],
)
def test_no_wrong_claim_where_the_pronoun_stands_for_another_thing(
    grader: RubricGrader, bank: Bank, text: str
) -> None:
    assert "pooling-learns" not in _wrong(grader, bank, text)


def test_readings_are_of_names_that_stand_together() -> None:
    """A phrasing is read of its first word, and of its first two words when they stand
    together as one name; what is left must say something (two words or more)."""
    phrases = compile_phrasings(
        ["pooling layer learns weights", "pooling, layer learns weights", "relu shrinks maps"],
        {},
        lambda _stem: 1.0,
    )
    names = frozenset({"pool", "layer", "relu"})
    subjects = {(r.phrase.text, r.subject) for r in referred_readings(phrases, names)}
    assert ("pooling layer learns weights", ("pool", "layer")) in subjects
    assert ("pooling layer learns weights", ("pool",)) in subjects
    assert ("pooling, layer learns weights", ("pool", "layer")) not in subjects
    assert ("relu shrinks maps", ("relu",)) in subjects
    assert not any(r.subject == ("relu", "shrink") for r in referred_readings(phrases, names))


def test_things_are_asked_or_recurring_names() -> None:
    question = Question(
        id="layers",
        ask="Which layers does a CNN have?",
        rephrasings=["What are the layers of a CNN?"],
        hints=["think of what each layer does"],
        level="basic",
        topics=["cnn"],
        tracks=["general"],
        reference="Convolution, pooling and dense layers.",
        concepts=[
            Concept(
                id="pool",
                label="pooling downsamples",
                phrasings=["pooling halves the map", "relu after each convolution"],
                missing_feedback="say it",
            )
        ],
    )
    names, things = question_things(question, frozenset({"layer"}))
    assert names == {"layer", "pool"}
    assert {"layer", "pool", "relu"} <= things
