"""Self-correction: a later statement replaces the earlier claim it corrects.

Candidates correct themselves mid-answer: "LSTMs completely remove vanishing gradients.
Correction: they only ease them." or "Max pooling averages and average pooling takes the
maximum. Sorry, the other way round." The first kind *retracts* the latest earlier sentence
that shares at least two content words (or their opposites) with the correction, so
only the correction is graded; the second *swaps* one pair of contrasting words of the
sentence before it (max <-> average), so it is graded as the candidate meant it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from interviewer.text.contrast import contrast_stems
from interviewer.text.negation import Word

__all__ = ["Revision", "revise"]

_RETRACT = re.compile(
    r"^(?:correction|to correct myself|let me correct(?: that| myself)?|i misspoke|"
    r"scratch that|no wait|wait no|sorry i meant|sorry i mean|sorry|i meant|actually i meant|"
    r"actually no|oops|my mistake|my bad|what i meant is|i mean)\b"
)
_SWAP = re.compile(
    r"\b(?:the other way (?:round|around)|other way (?:round|around)|vice versa|"
    r"i (?:swapped|mixed up|mixed) (?:them|those|the two)|it'?s the reverse|the reverse)\b"
)
_MIN_SHARED = 2


@dataclass(frozen=True)
class Revision:
    """What self-correction changes in a text's words.

    Attributes:
        dropped: Indices of words no longer graded (a retracted sentence, the markers).
        swapped: Word index -> (norm, stem) it is read as instead.
    """

    dropped: frozenset[int] = frozenset()
    swapped: tuple[tuple[int, tuple[str, str]], ...] = ()


def _sentences(words: Sequence[Word]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for index, word in enumerate(words):
        out.setdefault(word.sentence, []).append(index)
    return out


def _content(words: Sequence[Word], indices: Sequence[int]) -> set[str]:
    return {words[i].stem for i in indices if not words[i].stop}


def revise(words: Sequence[Word]) -> Revision:
    """Find self-corrections in a text's words and what they retract or swap."""
    sentences = _sentences(words)
    order = sorted(sentences)
    dropped: set[int] = set()
    swapped: dict[int, tuple[str, str]] = {}
    for position, sentence in enumerate(order):
        indices = sentences[sentence]
        text = " ".join(words[i].norm for i in indices)
        earlier = [s for s in order[:position] if not set(sentences[s]) <= dropped]
        if not earlier:
            continue
        swap = _SWAP.search(text)
        if swap is not None:
            target = sentences[earlier[-1]]
            pairs = _swaps(words, target)
            if pairs:
                swapped.update(pairs)
                if len(_content(words, indices)) <= 4:
                    dropped.update(indices)  # the marker sentence itself says nothing more
                continue
        marker = _RETRACT.match(text)
        if marker is None:
            continue
        said = _content(words, indices)
        for previous in reversed(earlier):
            if _related(said, _content(words, sentences[previous])) >= _MIN_SHARED:
                dropped.update(sentences[previous])
                marker_words = len(marker.group().split())
                dropped.update(indices[:marker_words])
                break
    return Revision(frozenset(dropped), tuple(sorted(swapped.items())))


def _related(said: set[str], before: set[str]) -> int:
    """How many words a correction shares with an earlier sentence, a word's opposite
    counting as shared ("at test time" corrected by "during training")."""
    return len(said & before) + sum(1 for s in said - before if contrast_stems(s) & before)


def _swaps(words: Sequence[Word], indices: Sequence[int]) -> dict[int, tuple[str, str]]:
    """Exchange one pair of contrasting words of a sentence (max <-> average).

    "The other way round" swaps one role: of the pairs of opposites in the sentence, the
    one in parallel places ("*max* pooling ... *average* pooling": the same word after
    both) is swapped; swapping every pair would say the same wrong thing again.
    """
    content = [i for i in indices if not words[i].stop]
    stems = [words[i].stem for i in content]
    best: tuple[int, int, int] | None = None
    for a, i in enumerate(content):
        opposites = contrast_stems(stems[a])
        for b in range(a + 1, len(content)):
            if stems[b] not in opposites:
                continue
            after = a + 1 < len(stems) and b + 1 < len(stems) and stems[a + 1] == stems[b + 1]
            before = a > 0 and stems[a - 1] == stems[b - 1]
            score = 2 * after + before
            if best is None or score > best[0]:
                best = (score, i, content[b])
    if best is None:
        return {}
    _, i, j = best
    return {i: (words[j].norm, words[j].stem), j: (words[i].norm, words[i].stem)}
