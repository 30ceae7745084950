"""One concept's claims exchanged between the thing a phrasing opens with and another
thing of the question (inner_crossings.inner_crossed): "A GPU has a handful of powerful
cores, whereas a CPU has thousands of small cores". Each case fails without it.
"""

from __future__ import annotations

from interviewer.bank import Bank
from interviewer.grading import RubricGrader
from interviewer.grading.inner_crossings import opening_thing
from interviewer.text.phrases import compile_phrasings


def _contradicted(result: object) -> set[str]:
    return {c.concept_id for c in result.concepts if c.contradicted}  # type: ignore[attr-defined]


def test_the_opening_thing_must_be_the_questions_and_say_two_words() -> None:
    """ "cpu has few cores" opens with the CPU when the question names it, its synonyms
    with it; "xavier initialization" says one word of Xavier, too little to exchange."""
    cores, xavier = compile_phrasings(
        ["cpu has few cores", "xavier initialization"],
        {"cpu": ["cpus", "processor"]},
        lambda _: 1.0,
    )
    assert opening_thing(cores, frozenset({"cpu", "gpu"})) >= {"cpu", "cpus", "processor"}
    assert opening_thing(cores, frozenset({"gpu"})) == frozenset()
    assert opening_thing(xavier, frozenset({"xavier"})) == frozenset()


def test_cores_exchanged_between_gpu_and_cpu(bank: Bank, grader: RubricGrader) -> None:
    """The CPU's few cores said of the GPU and the thousands of cores said of the CPU
    (after "whereas") contradict the concept; the right way round, or the CPU's claim
    said near the GPU's name only, does not."""
    question = bank.question("why-gpus")
    swapped = grader.grade(
        question,
        "Training is dominated by matrix multiplications. A GPU has a handful of very "
        "powerful cores, whereas a CPU has thousands of small simple cores.",
    )
    assert "parallel-cores" in _contradicted(swapped)
    right = grader.grade(
        question,
        "Training is dominated by matrix multiplications. A GPU has thousands of small "
        "simple cores, whereas a CPU has a handful of very powerful cores.",
    )
    assert "parallel-cores" not in _contradicted(right)
    assert "parallel-cores" in {c.concept_id for c in right.credited}
    one = grader.grade(
        question,
        "Training is dominated by matrix multiplications. A GPU has a handful of very "
        "powerful memory controllers, and the CPU has few cores.",
    )
    assert "parallel-cores" not in _contradicted(one)
    assert swapped.grade < right.grade
