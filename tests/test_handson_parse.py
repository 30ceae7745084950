"""The lenient parser of numeric answers: the formats candidates write, and property tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviewer.handson.parse import parse_answer


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("1x1", (1, 1)),
        ("1 by 1", (1, 1)),
        ("(1, 1)", (1, 1)),
        ("[3, 3]", (3, 3)),
        ("1 × 1", (1, 1)),
        ("one", (1,)),
        ("two hundred and five", (205,)),
        ("16x16x32", (16, 16, 32)),
        ("It is 28 x 28 with 16 channels", (28, 28)),
        ("200,960", (200960,)),
        ("200 960 parameters", (200960,)),
        ("200_960", (200960,)),
        ("2^16", (65536,)),
        ("2**16", (65536,)),
        ("1.5 million", (1_500_000,)),
        ("1e5", (100000,)),
        ("3.06 MiB", (3.06,)),
        ("12 columns vs 1", (12, 1)),
        ("twelve and one", (12, 1)),
    ],
)
def test_formats_candidates_write(text: str, values: tuple[float, ...]) -> None:
    assert parse_answer(text).values == tuple(float(v) for v in values)


def test_about_200k_is_approximate() -> None:
    parsed = parse_answer("about 200k")
    assert parsed.values == (200000.0,) and parsed.approximate
    assert parse_answer("~0.2M").approximate
    assert not parse_answer("200,960").approximate


def test_a_shape_is_marked_as_one() -> None:
    assert parse_answer("16x16").shape
    assert not parse_answer("256").shape


@pytest.mark.parametrize(
    "text", ["the filter doesn't fit", "impossible", "It raises an error", "no valid output"]
)
def test_saying_the_layer_cannot_run_is_recognised(text: str) -> None:
    assert parse_answer(text).impossible


@pytest.mark.parametrize("text", ["", "   ", "no idea", "\x00\x01", "x" * 10_000, "()"])
def test_no_number_gives_no_values_and_never_raises(text: str) -> None:
    assert parse_answer(text).values == ()


def test_non_text_never_raises() -> None:
    assert parse_answer(None).values == ()  # type: ignore[arg-type]


dims = st.integers(min_value=0, max_value=100_000)


@given(st.lists(dims, min_size=2, max_size=4), st.sampled_from(["x", " x ", "×", " by ", "*"]))
def test_any_shape_written_with_any_separator(numbers: list[int], sep: str) -> None:
    assert parse_answer(sep.join(map(str, numbers))).values == tuple(map(float, numbers))


@given(st.lists(dims, min_size=2, max_size=4))
def test_any_tuple_shape(numbers: list[int]) -> None:
    text = "(" + ", ".join(map(str, numbers)) + ")"
    parsed = parse_answer(text)
    assert parsed.values == tuple(map(float, numbers)) and parsed.shape


@given(st.integers(min_value=0, max_value=10**12))
def test_any_count_with_thousands_separators(number: int) -> None:
    assert parse_answer(f"{number:,}").values == (float(number),)
    assert parse_answer(f"{number:_}").values == (float(number),)
    assert parse_answer(f"that's {number} parameters").values == (float(number),)


@given(st.integers(min_value=1, max_value=20), st.integers(min_value=0, max_value=40))
def test_any_power(base: int, exponent: int) -> None:
    assert parse_answer(f"{base}^{exponent}").values == (float(base**exponent),)
    assert parse_answer(f"{base}**{exponent}").values == (float(base**exponent),)


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["k", "K", " thousand"]))
def test_round_figures_in_thousands_are_approximate(number: int, unit: str) -> None:
    parsed = parse_answer(f"about {number}{unit}")
    assert parsed.values == (number * 1000.0,)
    assert parsed.approximate


@given(st.floats(min_value=0.001, max_value=1e6, allow_nan=False).map(lambda f: round(f, 3)))
def test_any_decimal(value: float) -> None:
    assert parse_answer(f"{value} MiB").values == (value,)


@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(text: str) -> None:
    parsed = parse_answer(text)
    assert all(isinstance(v, float) for v in parsed.values)
