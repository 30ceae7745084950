"""Compiling rubric phrasings into matchable patterns.

A phrasing such as "gradient shrinks towards zero" becomes a
:class:`CompiledPhrase`: one *slot* per content word ("gradient", "shrinks",
"zero"), each filled by *options* — the word itself, the concept's synonyms for
it ("decays", "gets smaller"), and compounds of neighbouring slots
("mini batch" -> "minibatch"). "A or B" and "A/B" become separate phrasings.
Compilation happens once per question, when the grader is fitted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from interviewer.text.analysis import Unit, analyse
from interviewer.text.stem import stem

__all__ = [
    "NUMBER_PLACEHOLDER",
    "NUMBER_STEM",
    "CompiledPhrase",
    "Option",
    "Term",
    "compile_phrasings",
    "split_alternatives",
    "without_slot",
    "without_subject",
]

# "{number}" in a phrasing stands for any number the answer gives ("from 80% to 95%",
# "0.25", "3x3"). It is compiled to a word no answer types; the term index gives every
# numeric word of an answer a hit for it.
NUMBER_PLACEHOLDER = "{number}"
NUMBER_WORD = "anynumberslot"
NUMBER_STEM = stem(NUMBER_WORD)

_OR_RE = re.compile(r"\s+or\s+|\s*/\s*", re.IGNORECASE)
_EITHER_RE = re.compile(r"\beither\s+", re.IGNORECASE)
_MAX_VARIANTS = 8


class Term(NamedTuple):
    """A word a slot option needs in the answer.

    Attributes:
        stem: Its stem (the matching key).
        norm: Its normal form (for fuzzy matching and display).
        polarity: 0 if it must not be negated in the answer; 1 if it must be
            negated ("no activation"); 2 if it must be directly negated
            ("do not learn", not "do not stop learning"); 3 if either will do (a
            word after an alternative that brings its own negation: "at test time"
            in "*not applied* at test time").
    """

    stem: str
    norm: str
    polarity: int = 0


class Option(NamedTuple):
    """One way to fill some slots of a phrase.

    Attributes:
        mask: Bit set of the slots it fills.
        terms: The words it needs, near each other, in any order.
        source: ``phrasing``, ``synonym`` or ``compound``.
    """

    mask: int
    terms: tuple[Term, ...]
    source: str


class CompiledPhrase(NamedTuple):
    """A phrasing ready to match.

    Attributes:
        text: The phrasing as written (one alternative of an "or").
        slots: The content word of each slot, for notes.
        weights: Each slot's share of the phrase (rarer words weigh more).
        options: Every way of filling slots.
        full_mask: The bit set of all slots.
        topical: Per slot, whether it is a word of the question itself; such a
            slot may be filled from anywhere in the answer ("the gradient ...
            Later it gets really small" matches "gradient becomes small").
        keys: The stems of every option's first word: an answer with none of
            them cannot match at all.
    """

    text: str
    slots: tuple[str, ...]
    weights: tuple[float, ...]
    options: tuple[Option, ...]
    full_mask: int
    topical: tuple[bool, ...] = ()
    keys: frozenset[str] = frozenset()


def split_alternatives(phrasing: str) -> list[str]:
    """Distribute "or" and "/" in a phrasing into separate phrasings.

    "xavier or he initialization" -> ["xavier initialization", "he initialization"];
    "lstm or gru" -> ["lstm", "gru"].
    """
    text = _EITHER_RE.sub("", phrasing.strip())
    parts = _OR_RE.split(text, maxsplit=1)
    if len(parts) == 1:
        return [text]
    left, right = parts[0].split(), parts[1].split()
    if not left or not right:
        return [w for w in (" ".join(left), " ".join(right)) if w]
    variants = [" ".join(left + right[1:]), *split_alternatives(" ".join(left[:-1] + right))]
    unique = list(dict.fromkeys(v for v in variants if v))
    return unique[:_MAX_VARIANTS]


# Identical terms are shared, so a pickled grader stores each once.
_INTERNED: dict[Term, Term] = {}


def _intern(term: Term) -> Term:
    if len(_INTERNED) > 200_000:
        _INTERNED.clear()
    return _INTERNED.setdefault(term, term)


def _terms(units: Sequence[Unit]) -> tuple[Term, ...]:
    return tuple(
        _intern(Term(u.stem, u.norm, 0 if u.negation < 0 else (2 if u.direct else 1)))
        for u in units
    )


def _find(sub: Sequence[str], seq: Sequence[str]) -> int:
    """Index of ``sub`` as a contiguous run in ``seq``, or -1."""
    size = len(sub)
    for at in range(len(seq) - size + 1):
        if tuple(seq[at : at + size]) == tuple(sub):
            return at
    return -1


def _inherit_polarity(terms: tuple[Term, ...], replaced: Sequence[Term]) -> tuple[Term, ...]:
    """A synonym of negated words must be negated too ("cannot capture" -> "cannot model").

    An alternative that states its own negation keeps it.
    """
    if all(t.polarity == 0 for t in replaced) or any(t.polarity for t in terms):
        return terms
    last = len(replaced) - 1
    return tuple(
        _intern(t._replace(polarity=replaced[min(i, last)].polarity or 1))
        for i, t in enumerate(terms)
    )


_Synonyms = Sequence[tuple[tuple[str, ...], list[tuple[Term, ...]], bool]]


def _compile_one(
    text: str,
    synonyms: _Synonyms,
    weight_of: Callable[[str], float],
    topic: frozenset[str],
) -> CompiledPhrase | None:
    units: list[Unit] = []
    seen: set[str] = set()
    for unit in analyse(text.replace(NUMBER_PLACEHOLDER, NUMBER_WORD)).units:
        if unit.stem not in seen:  # a repeated word is one slot
            seen.add(unit.stem)
            units.append(unit)
    if not units:
        return None
    slot_terms = _terms(units)
    stems = [t.stem for t in slot_terms]
    options: list[Option] = [Option(1 << i, (t,), "phrasing") for i, t in enumerate(slot_terms)]
    for i in range(len(slot_terms) - 1):
        left, right = slot_terms[i], slot_terms[i + 1]
        if left.polarity == right.polarity == 0:
            joined = left.norm + right.norm
            term = _intern(Term(stem(joined), joined, 0))
            options.append(Option(0b11 << i, (term,), "compound"))
    for key, alternatives, key_negates in synonyms:
        at = _find(key, stems)
        if at < 0:
            continue
        mask = ((1 << len(key)) - 1) << at
        replaced = slot_terms[at : at + len(key)]
        for terms in alternatives:
            if not key_negates:
                terms = _inherit_polarity(terms, replaced)
            if terms != tuple(replaced):
                options.append(Option(mask, terms, "synonym"))
    options = _under_own_negation(options)
    raw = [weight_of(t.stem) for t in slot_terms]
    if NUMBER_STEM in stems and len(raw) > 1:
        # any number is weak evidence alone: it weighs no more than the lightest word
        lightest = min(w for t, w in zip(slot_terms, raw, strict=True) if t.stem != NUMBER_STEM)
        raw = [
            lightest if t.stem == NUMBER_STEM else w for t, w in zip(slot_terms, raw, strict=True)
        ]
    total = sum(raw) or 1.0
    return CompiledPhrase(
        text,
        tuple(u.norm for u in units),
        tuple(w / total for w in raw),
        tuple(dict.fromkeys(options)),
        (1 << len(slot_terms)) - 1,
        tuple(t.stem in topic and t.polarity == 0 for t in slot_terms),
        frozenset(option.terms[0].stem for option in options),
    )


def _under_own_negation(options: list[Option]) -> list[Option]:
    """Let the slots after an alternative that brings its own negation ("turned off" ->
    "not applied") be said under that negation too: in "it is *not applied at test
    time*" the "not" also reaches "test time", which denies nothing."""
    negating = [
        o.mask for o in options if o.source == "synonym" and any(t.polarity for t in o.terms)
    ]
    if not negating:
        return options
    after = min(negating).bit_length()  # slots past the first negating alternative
    out = []
    for option in options:
        if option.mask >> after and not option.mask & ((1 << after) - 1):
            terms = tuple(
                _intern(t._replace(polarity=3)) if t.polarity == 0 else t for t in option.terms
            )
            option = option._replace(terms=terms)
        out.append(option)
    return out


def compile_phrasings(
    phrasings: Sequence[str],
    synonyms: Mapping[str, Sequence[str]],
    weight_of: Callable[[str], float],
    topic: frozenset[str] = frozenset(),
) -> tuple[CompiledPhrase, ...]:
    """Compile a concept's (or misconception's) phrasings with its synonyms.

    Args:
        phrasings: The accepted phrasings.
        synonyms: Word or phrase occurring in the phrasings -> alternatives.
        weight_of: Informativeness of a stem (e.g. its IDF in the bank).
        topic: Stems of the question's own words (see :attr:`CompiledPhrase.topical`).

    Returns:
        One compiled phrase per phrasing and "or" alternative, duplicates removed.
    """
    compiled_synonyms: list[tuple[tuple[str, ...], list[tuple[Term, ...]], bool]] = []
    # only keys whose words occur in a phrasing can apply (a thesaurus is large)
    present = {u.stem for p in phrasings for v in split_alternatives(p) for u in analyse(v).units}
    for key, alternatives in synonyms.items():
        key_analysis = analyse(key)
        key_stems = tuple(u.stem for u in key_analysis.units)
        if not key_stems or not present.issuperset(key_stems):
            continue
        terms = []
        for alternative in alternatives:
            for variant in split_alternatives(alternative):
                alt_terms = _terms(analyse(variant).units)
                if alt_terms:
                    terms.append(alt_terms)
        # a key that states its own negation ("no parameters") is replaced whole
        compiled_synonyms.append((key_stems, terms, bool(key_analysis.cues)))
    out: dict[tuple[str, ...], CompiledPhrase] = {}
    for phrasing in phrasings:
        for variant in split_alternatives(phrasing):
            phrase = _compile_one(variant, compiled_synonyms, weight_of, topic)
            if phrase is not None:
                out.setdefault(tuple(sorted(phrase.slots)), phrase)
    return tuple(out.values())


def without_subject(phrase: CompiledPhrase) -> CompiledPhrase:
    """The phrase without its first slot, the rest weighted as a whole.

    "perceptron can learn any function" -> "learn any function": the claim as said of
    "it" (:func:`interviewer.grading.misconceptions.find_misconception` decides when). Its
    ``text`` stays the whole phrasing, for notes.
    """
    return without_slot(phrase, 0)


def without_slot(phrase: CompiledPhrase, k: int) -> CompiledPhrase:
    """The phrase without its slot ``k`` (and every option filling it), the rest weighted
    as a whole: "softmax output layer" without "output" is "softmax layer". Its ``text``
    stays the whole phrasing, for notes."""
    low = (1 << k) - 1

    def shifted(mask: int) -> int:
        return (mask & low) | ((mask >> (k + 1)) << k)

    options = tuple(o._replace(mask=shifted(o.mask)) for o in phrase.options if not o.mask >> k & 1)
    weights = phrase.weights[:k] + phrase.weights[k + 1 :]
    total = sum(weights) or 1.0
    return phrase._replace(
        slots=phrase.slots[:k] + phrase.slots[k + 1 :],
        weights=tuple(w / total for w in weights),
        options=options,
        full_mask=phrase.full_mask >> 1,
        topical=phrase.topical[:k] + phrase.topical[k + 1 :],
        keys=frozenset(o.terms[0].stem for o in options),
    )


# Verbs whose object is what does not happen: "prevents overfitting".
PREVENTING = frozenset(stem(w) for w in ("prevent", "stop", "avoid", "reduce"))


def without_prevention(phrase: CompiledPhrase) -> CompiledPhrase | None:
    """The phrase without its verb of prevention ("prevents overfitting" -> "overfitting"),
    the thing prevented; None when it has no such verb or nothing else."""
    slot = next((k for k, w in enumerate(phrase.slots) if stem(w.lower()) in PREVENTING), None)
    return None if slot is None or len(phrase.slots) < 2 else without_slot(phrase, slot)
