"""Degree words: the words of a phrasing that say how much of the next one.

"low learning rate", "more data": the degree word modifies the word after it. In an
answer it must stand before that word, or right after it as what is said of it ("the
learning rate is too low"), not after other words ("a learning rate that makes the steps
smaller" says nothing low of the learning rate), and not right before another word it
modifies ("fewer data and much *more computing* power").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from interviewer.text.analysis import Unit
from interviewer.text.stem import stem

__all__ = ["DEGREE", "modifier_slots", "modifies_next"]

DEGREE = frozenset(
    stem(w)
    for w in (
        *("more", "fewer", "less", "large", "larger", "big", "bigger", "huge"),
        *("small", "smaller", "tiny", "high", "higher", "low", "lower"),
        *("fast", "faster", "slow", "slower", "long", "longer", "short", "shorter"),
        *("cheap", "cheaper", "expensive", "simple", "simpler", "complex"),
        *("deep", "deeper", "shallow", "shallower", "easy", "easier", "hard", "harder"),
        *("better", "worse", "noisy", "noisier", "smooth", "smoother", "stable", "unstable"),
    )
)


@lru_cache(maxsize=4096)
def modifier_slots(slots: tuple[str, ...]) -> tuple[int, ...]:
    """The slots holding a degree word that another slot follows."""
    return tuple(k for k in range(len(slots) - 1) if stem(slots[k].lower()) in DEGREE)


def modifies_next(at: int, units: Sequence[Unit]) -> bool:
    """Whether the unit at ``at`` stands right before the next content word of its
    sentence, a space apart ("more *computing*"): the word it modifies is that one."""
    if at + 1 >= len(units):
        return False
    here, after = units[at], units[at + 1]
    return after.sentence == here.sentence and after.start - here.end <= 1
