"""Grading an answer to a computed question against the value PyTorch measures.

The instance's parameters come from the seed; the expected value from the torch
worker (:mod:`interviewer.handson.worker`), with the formula of
:mod:`interviewer.handson.tasks` as the fallback when torch cannot run. The
feedback shows the working and, for a wrong answer that a known slip explains,
a hint naming the slip.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from interviewer.handson.check_result import REVEAL, CheckOutcome, HandsOnResult
from interviewer.handson.parse import ParsedAnswer, parse_answer
from interviewer.handson.tasks import Solution, draw_params, solve
from interviewer.models import ComputedQuestion

__all__ = ["Measure", "grade_computed", "instance", "render_value", "torch_measure"]

Measure = Callable[[str, Mapping[str, int]], list[float]]
"""Measures a task's answer on real modules: ``(task, params) -> numbers``."""

APPROXIMATE_WITHIN = 0.05  # a hedged answer within 5% earns 4/5


def torch_measure(task: str, params: Mapping[str, int]) -> list[float]:
    """Ask the shared torch worker (see :mod:`interviewer.handson.worker`)."""
    from interviewer.handson.worker import shared_worker

    result = shared_worker().request({"op": "measure", "task": task, "params": dict(params)})
    return [float(v) for v in result]


def instance(question: ComputedQuestion, seed: int) -> tuple[dict[str, int], str]:
    """The parameters a seed draws for a question, and the question's wording for them."""
    params = draw_params(question.id, question.params, seed)
    return params, question.ask.format(**params)


def render_value(values: Sequence[float], unit: str = "") -> str:
    """``(1, 1)`` -> ``1x1``; ``(200960,)`` -> ``200,960``; ``()`` -> ``no output``."""
    if not values:
        return "no output (the filter does not fit)"
    text = "x".join(_fmt(v) for v in values)
    return f"{text} {unit}".strip() if len(values) == 1 and unit else text


def _fmt(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= max(tolerance * abs(b), 1e-9)


def _forms(expected: tuple[float, ...], solution: Solution) -> list[tuple[float, ...]]:
    """The ways of writing the expected answer that count as right."""
    forms = [expected]
    names = solution.names
    if names[:2] == ("height", "width"):
        forms.append(expected[:2])
        if expected[0] == expected[1]:
            forms.append(expected[:1])
        if len(expected) == 3:
            forms.append((expected[2], expected[0], expected[1]))  # PyTorch's C, H, W
    return forms


def _matches(values: tuple[float, ...], target: tuple[float, ...], tolerance: float) -> bool:
    return len(values) == len(target) and all(
        _close(a, b, tolerance) for a, b in zip(values, target, strict=True)
    )


def _judge(
    parsed: ParsedAnswer, expected: tuple[float, ...], solution: Solution
) -> tuple[float, str]:
    """The grade and the verdict line."""
    if not expected:
        if parsed.impossible or parsed.values in ((0.0,), (0.0, 0.0)):
            return 5.0, "Right: the filter does not fit, so there is no output."
        return 0.0, (
            "Not quite: the filter is larger than the padded input, so the layer "
            "cannot produce an output."
        )
    if not parsed.values:
        if parsed.impossible:
            return 0.0, "The layer does run here: the padded input is large enough."
        return 0.0, "I couldn't find a number in your answer (write e.g. 3x3 or 200,960)."
    tolerance = max(solution.tolerance, 1e-9)
    forms = _forms(expected, solution)
    if any(_matches(parsed.values, form, tolerance) for form in forms):
        return 5.0, "Right."
    for slip in solution.slips:
        if min(slip.value, default=0) <= 0:
            continue  # a slip that gives no valid size names nothing the candidate said
        if any(_matches(parsed.values, form, tolerance) for form in _forms(slip.value, solution)):
            return slip.credit, f"Not quite. {slip.hint}"
    if any(_matches(parsed.values, form, APPROXIMATE_WITHIN) for form in forms):
        if parsed.approximate:
            return 4.0, "About right (approximately, as you said); the exact figure is below."
        return 3.5, "Close, but not exact; the exact figure is below."
    if len(expected) == 2 and solution.names and len(parsed.values) >= 1:
        right = [i for i, v in enumerate(parsed.values[:2]) if _close(v, expected[i], tolerance)]
        if len(right) == 1:
            name = solution.names[right[0]]
            return 2.5, f"Half right: the {name} figure is right, the other is not."
    return 0.0, "Not quite."


def grade_computed(
    question: ComputedQuestion,
    seed: int,
    answer: str,
    measure: Measure | None = None,
) -> HandsOnResult:
    """Grade ``answer`` to the instance of ``question`` drawn by ``seed``; never raises.

    Args:
        question: The computed question.
        seed: The session's seed.
        answer: The candidate's answer, any text.
        measure: Where the expected value comes from (default: the torch worker).
    """
    params, _ = instance(question, seed)
    solution = solve(question.task, params)
    source = "PyTorch"
    try:
        expected = tuple((measure or torch_measure)(question.task, params))
    except Exception as exc:  # torch missing or failing: the formula stands in
        expected = solution.value
        source = f"the formula (torch could not run: {exc})"
    parsed = parse_answer(answer)
    grade, verdict = _judge(parsed, expected, solution)
    shown = render_value(expected, solution.unit)
    lines = [f"{shown} (measured with {source})."]
    if expected != solution.value and source == "PyTorch":
        lines.append(f"(The textbook formula gives {render_value(solution.value)}.)")
    lines.append("Working:\n\n" + "\n".join(f"    {line}" for line in solution.working))
    feedback = verdict + REVEAL + "\n\n".join(lines)
    check = CheckOutcome(
        name=f"the answer is {shown}",
        passed=grade >= 4.0,
        observed=f"you said {render_value(parsed.values)}" if parsed.values else "no number given",
    )
    return HandsOnResult(
        question_id=question.id,
        kind="computed",
        grade=grade,
        checks=(check,),
        feedback=feedback,
        seed=seed,
        params=params,
        expected=shown,
        details={
            "parsed": list(parsed.values),
            "approximate": parsed.approximate,
            "impossible": parsed.impossible,
            "source": "torch" if source == "PyTorch" else "formula",
        },
    )
