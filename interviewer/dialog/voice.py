"""The interviewer's voice: pools of phrasings from ``dialogs/_voice.yaml``, drawn by seed.

Every line the interviewer says between questions (acknowledgements by grade
band, moving on, hint and probe lead-ins, stage intros, closings, the
"any questions for me?" exchange) comes from a pool in that file. A
:class:`Voice` draws from each pool with the interview's seed, so a session
replays exactly, and deals a pool like a deck: no phrasing comes back within a
session until every other one in its pool has been said.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from interviewer.errors import BankLoadError, Problem
from interviewer.packaged import packaged_data_dir
from interviewer.yaml_lines import dotted_path, read_with_lines

__all__ = [
    "VOICE_FILE",
    "Intent",
    "Voice",
    "VoiceLines",
    "band",
    "default_lines",
    "load_voice",
]

VOICE_FILE = "_voice.yaml"

_Pool = list[str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Acknowledgements(_Strict):
    """Acknowledgements by credit band."""

    strong: _Pool = Field(min_length=1)
    good: _Pool = Field(min_length=1)
    partial: _Pool = Field(min_length=1)
    weak: _Pool = Field(min_length=1)


class StageIntros(_Strict):
    """Stage intros: the first stage, later stages, and the project stage."""

    first: _Pool = Field(min_length=1)
    next: _Pool = Field(min_length=1)
    project: _Pool = Field(min_length=1)


class Closings(_Strict):
    """Closings by how the interview ended and went (a strong one is the flow's own)."""

    mixed: _Pool = Field(min_length=1)
    weak: _Pool = Field(min_length=1)
    early: _Pool = Field(min_length=1)
    empty: _Pool = Field(min_length=1)


class Intent(_Strict):
    """Something the candidate may ask at the end, and the replies to it."""

    id: str = Field(min_length=1)
    keywords: list[str] = Field(min_length=1)
    examples: list[str] = Field(min_length=1)
    replies: _Pool = Field(min_length=1)


class VoiceLines(_Strict):
    """The content of ``dialogs/_voice.yaml``."""

    acknowledge: Acknowledgements
    move_on: _Pool = Field(min_length=1)
    dont_know: _Pool = Field(min_length=1)
    hint_lead: _Pool = Field(min_length=1)
    probe_lead: _Pool = Field(min_length=1)
    deeper: _Pool = Field(min_length=1)
    mentioned: _Pool = Field(min_length=1)
    are_you_sure: _Pool = Field(min_length=1)
    thread_bridge: _Pool = Field(min_length=1)
    easier_lead: _Pool = Field(min_length=1)
    advance: _Pool = Field(min_length=1)
    stage_intro: StageIntros
    wrap_up: _Pool = Field(min_length=1)
    questions_prompt: _Pool = Field(min_length=1)
    more_questions: _Pool = Field(min_length=1)
    closing: Closings
    intents: list[Intent] = Field(min_length=1)
    fallback: _Pool = Field(min_length=1)
    topic_names: dict[str, str] = Field(default_factory=dict)

    def pool(self, key: str) -> list[str]:
        """The pool at a dotted key such as ``acknowledge.strong``.

        Raises:
            KeyError: if there is no such pool.
        """
        node: Any = self
        for part in key.split("."):
            node = getattr(node, part.replace("-", "_"), None)
            if node is None:
                raise KeyError(key)
        if not isinstance(node, list):
            raise KeyError(key)
        return node


# The placeholders each pool may use; a pool not listed takes none.
PLACEHOLDERS: dict[str, frozenset[str]] = {
    "deeper": frozenset({"quote"}),
    "mentioned": frozenset({"quote"}),
    "are_you_sure": frozenset({"quote"}),
    "stage_intro.first": frozenset({"topic", "title", "title_lower"}),
    "stage_intro.next": frozenset({"topic", "title", "title_lower"}),
    "stage_intro.project": frozenset({"topic", "title", "title_lower"}),
    "intents": frozenset(
        {"count", "overall", "weakest", "strongest", "study", "flow", "length", "seed"}
    ),
}


def _placeholder_problems(lines: VoiceLines, label: str, where: dict[Any, int]) -> list[Problem]:
    problems = []
    pools: list[tuple[str, tuple[str | int, ...], list[str]]] = []
    for name, value in lines:
        if isinstance(value, list) and value and isinstance(value[0], str):
            pools.append((name, (name,), value))
        elif isinstance(value, BaseModel):
            for sub, items in value:
                pools.append((f"{name}.{sub}", (name, sub), items))
    for index, intent in enumerate(lines.intents):
        pools.append(("intents", ("intents", index, "replies"), intent.replies))
    for key, path, items in pools:
        allowed = PLACEHOLDERS.get(key, frozenset())
        for item_index, text in enumerate(items):
            try:
                used = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
            except ValueError as exc:
                used, bad = set(), str(exc)
            else:
                bad = ""
            unknown = sorted(used - allowed)
            if bad or unknown:
                loc = (*path, item_index)
                problems.append(
                    Problem(
                        label,
                        where.get(loc, where.get(path, 0)),
                        dotted_path(loc),
                        bad or f"unknown placeholder {{{unknown[0]}}}",
                        (
                            "use only " + ", ".join(f"{{{a}}}" for a in sorted(allowed))
                            if allowed
                            else "this phrasing takes no placeholders"
                        )
                        + "; write a literal brace as {{ or }}",
                    )
                )
    return problems


def load_voice(path: Path) -> VoiceLines:
    """Load and validate a voice file.

    Raises:
        BankLoadError: naming each problem's file, line, field and fix.
    """
    data, where = read_with_lines(path)
    label = str(path)
    try:
        lines = VoiceLines.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
            line = next(
                (where[loc[:cut]] for cut in range(len(loc), -1, -1) if loc[:cut] in where), 0
            )
            problems.append(
                Problem(
                    label,
                    line,
                    dotted_path(loc),
                    err["msg"],
                    "see the comments at the top of dialogs/_voice.yaml for the expected form",
                )
            )
        raise BankLoadError(problems) from None
    problems = _placeholder_problems(lines, label, where)
    if problems:
        raise BankLoadError(problems)
    return lines


@lru_cache(maxsize=1)
def default_lines() -> VoiceLines:
    """The built-in voice (``dialogs/_voice.yaml``), loaded once."""
    return load_voice(packaged_data_dir("dialogs") / VOICE_FILE)


def band(credit: float) -> str:
    """The acknowledgement band of a credit: strong, good, partial or weak."""
    if credit >= 4.0:
        return "strong"
    if credit >= 3.0:
        return "good"
    if credit >= 1.5:
        return "partial"
    return "weak"


@dataclass
class Voice:
    """Draws phrasings for one interview.

    Args:
        lines: The pools.
        seed: The interview's seed; the same seed gives the same phrasings.
    """

    lines: VoiceLines
    seed: int
    _rng: random.Random = field(init=False, repr=False)
    _decks: dict[str, list[str]] = field(default_factory=dict, init=False, repr=False)
    _last: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(f"voice-{self.seed}")

    def say(self, key: str, items: list[str] | None = None, /, **fields: object) -> str:
        """The next phrasing of the pool ``key``, with its placeholders filled in.

        Args:
            key: A dotted pool key such as ``acknowledge.strong``.
            items: The pool's phrasings when they are not at ``key`` (intent replies).
            fields: Values for the placeholders.
        """
        pool = items if items is not None else self.lines.pool(key)
        deck = self._decks.get(key)
        if not deck:
            deck = list(pool)
            self._rng.shuffle(deck)
            # A fresh deck never starts with what the last one ended on.
            if len(deck) > 1 and deck[-1] == self._last.get(key):
                deck[0], deck[-1] = deck[-1], deck[0]
            self._decks[key] = deck
        text = deck.pop()
        self._last[key] = text
        return text.format(**fields) if fields or "{" in text else text

    def state(self) -> dict[str, Any]:
        """The draw so far, JSON-ready: the generator's state, each deck's phrasings
        still to come (in order) and the last phrasing said from each pool."""
        version, internal, gauss = self._rng.getstate()
        return {
            "rng": [version, list(internal), gauss],
            "decks": {key: list(deck) for key, deck in self._decks.items()},
            "last": dict(self._last),
        }

    def restore(self, state: dict[str, Any]) -> None:
        """Continue the draw saved by :meth:`state`: the same phrasings come next.

        A phrasing no longer in its pool (the voice file was edited since) is
        dropped from its deck; the rest of the draw is kept.

        Raises:
            ValueError: when ``state`` is not the shape :meth:`state` writes.
        """
        try:
            version, internal, gauss = state["rng"]
            rng_state = (int(version), tuple(int(i) for i in internal), gauss)
            decks = {str(k): [str(t) for t in v] for k, v in dict(state["decks"]).items()}
            last = {str(k): str(v) for k, v in dict(state["last"]).items()}
            self._rng.setstate(rng_state)
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"the voice's saved draw is malformed ({exc})") from None
        self._decks = {}
        for key, deck in decks.items():
            known = set(self._pool_of(key))
            kept = [text for text in deck if text in known]
            if kept:
                self._decks[key] = kept
        self._last = last

    def _pool_of(self, key: str) -> list[str]:
        """The phrasings of a deck's key; an intent's replies for ``intent.<id>``."""
        if key.startswith("intent."):
            wanted = key.removeprefix("intent.")
            return next((i.replies for i in self.lines.intents if i.id == wanted), [])
        try:
            return self.lines.pool(key)
        except KeyError:
            return []

    def topic_name(self, topic: str) -> str:
        """How the interviewer names a bank topic out loud."""
        return self.lines.topic_names.get(topic, topic.replace("-", " "))
