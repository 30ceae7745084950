"""Lenient parsing of numeric answers: shapes, counts, powers, words and round figures.

Accepted, among others: ``1x1``, ``1 by 1``, ``(1, 1)``, ``one``, ``16x16x32``,
``[16, 16, 32]``, ``200,960``, ``200 960``, ``about 200k`` (approximate),
``2^16``, ``2**16``, ``1.5 million``, ``1e5``, ``3.06 MiB``. An answer saying the
layer cannot run ("the filter doesn't fit", "impossible") is recognised too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from interviewer.text.numbers import NUMBER_WORDS

__all__ = ["ParsedAnswer", "parse_answer"]


@dataclass(frozen=True)
class ParsedAnswer:
    """The numbers found in an answer.

    Attributes:
        values: The numbers, in order (a shape gives several).
        approximate: The candidate hedged ("about", "~") or rounded ("200k").
        impossible: The candidate says there is no valid output.
        shape: The numbers were written as a shape ("16x16", "(16, 16)").
    """

    values: tuple[float, ...]
    approximate: bool = False
    impossible: bool = False
    shape: bool = False


_UNITS = {
    "": 1.0,
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mio": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "billion": 1e9,
    "g": 1e9,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6}
_HEDGES = re.compile(
    r"(?:\babout\b|\baround\b|\broughly\b|\bapprox\w*|\bnearly\b|\balmost\b|\bcirca\b"
    r"|\bca\.|~|≈|\bsomething like\b|\bin the order of\b)"
)
_IMPOSSIBLE = re.compile(
    r"(?:impossible|not possible|doesn'?t fit|does not fit|won'?t fit|will not fit|can'?t fit"
    r"|cannot fit|too (?:big|large)|\berror\b|no output|no valid output|undefined|\bnothing\b"
    r"|not defined|invalid|can'?t be applied|cannot be applied|larger than the input"
    r"|bigger than the input)"
)
# A number: digits with optional thousands separators and decimals, or scientific notation.
_NUMBER = r"\d+(?:[,_ ]\d{3})*(?:\.\d+)?(?:e[+-]?\d+)?|\.\d+"
_POWER = re.compile(rf"(?P<base>{_NUMBER})\s*(?:\^|\*\*)\s*(?P<exp>\d+)")
_SCALED = re.compile(
    rf"(?P<num>{_NUMBER})\s*(?P<unit>k|thousand|m(?:io)?|millions?|b|billion|g)?"
    r"(?![a-z])(?!\s*(?:by|x)\s*\d)",
)
_SHAPE_SEP = re.compile(r"\s*(?:x|×|\*|by|,)\s*")
_SHAPE = re.compile(rf"(?:{_NUMBER})(?:\s*(?:x|×|\*|by)\s*(?:{_NUMBER}))+")
_TUPLE = re.compile(rf"[(\[]\s*(?:{_NUMBER})(?:\s*,\s*(?:{_NUMBER}))+\s*,?\s*[)\]]")


def _number(text: str) -> float:
    return float(re.sub(r"[,_ ]", "", text))


def _words_to_numbers(text: str) -> str:
    """Replace runs of number words ("two hundred and five", "twenty one") by digits.

    Words combine only the way numbers are said: a unit after a tens word, anything
    after a scale ("hundred", "thousand") and its "and"; "twelve and one" stays two.
    """
    out: list[str] = []
    total, current, last = 0, 0, ""

    def flush() -> None:
        nonlocal total, current, last
        if last:
            out.append(str(total + current))
        total, current, last = 0, 0, ""

    for word in text.split():
        bare = word.strip(".,;:!?()")
        if bare in NUMBER_WORDS:
            value = NUMBER_WORDS[bare]
            joins = (last == "tens" and value < 10) or last in ("scale", "and")
            if last and not joins:
                flush()
            current += value
            last = "tens" if value >= 20 and value % 10 == 0 else "small"
            continue
        if last and bare in _SCALES:
            current = max(current, 1) * _SCALES[bare]
            if _SCALES[bare] >= 1000:
                total, current = total + current, 0
            last = "scale"
            continue
        if last == "scale" and bare == "and":
            last = "and"
            continue
        if last == "and":
            last = "scale"
            flush()
            out.append("and")
        flush()
        out.append(word)
    if last == "and":
        last = "scale"
        flush()
        out.append("and")
    flush()
    return " ".join(out)


def parse_answer(text: str) -> ParsedAnswer:
    """Find the numbers a candidate gave; never raises.

    A shape ("16x16x32", "(1, 1)") wins over loose numbers. Otherwise every
    number is taken in order, with powers ("2^16") and round figures ("200k")
    expanded. ``values`` is empty when no number is found.
    """
    raw = text if isinstance(text, str) else ""
    lowered = raw.lower().replace("−", "-").replace("\u00a0", " ")
    impossible = bool(_IMPOSSIBLE.search(lowered))
    approximate = bool(_HEDGES.search(lowered))
    cleaned = _words_to_numbers(re.sub(r"\s+", " ", lowered))
    cleaned = re.sub(r"(\d)\s*(?:mib|mb|gib|kib|bytes?|px|pixels?)\b", r"\1", cleaned)
    for pattern in (_TUPLE, _SHAPE):
        match = pattern.search(cleaned)
        if match:
            parts = [p for p in _SHAPE_SEP.split(match.group().strip("()[] ,")) if p]
            try:
                values = tuple(_number(p) for p in parts)
            except ValueError:
                continue
            return ParsedAnswer(values, approximate, impossible, shape=True)
    found: list[float] = []
    position = 0
    while position < len(cleaned):
        power = _POWER.match(cleaned, position)
        if power:
            base, exponent = _number(power["base"]), int(power["exp"])
            try:
                exact = int(base) ** exponent if base.is_integer() and exponent < 300 else None
                found.append(float(exact) if exact is not None else base**exponent)
            except OverflowError:
                found.append(float("inf"))
            position = power.end()
            continue
        scaled = _SCALED.match(cleaned, position)
        if scaled and (position == 0 or not cleaned[position - 1].isalnum()):
            unit = scaled["unit"] or ""
            value = _number(scaled["num"]) * _UNITS[unit]
            if unit:
                approximate = approximate or value != int(value) or unit in ("k", "m", "b", "g")
            found.append(value)
            position = scaled.end()
            continue
        position += 1
    return ParsedAnswer(tuple(found), approximate, impossible)
