"""Analysis of one text: content words with stems, negation scopes, shape.

:func:`analyse` turns an answer (or a rubric phrasing) into the sequence of its
*content units*: canonical words (after the lexicon) that are not stop-words,
each with its stem, its span in the original text, its sentence and whether a
negation governs it. It also measures the text's shape (fragments, connectives)
for keyword-list detection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from interviewer.text.lexicon import lexicon_index
from interviewer.text.negation import NegationCue, Word, mark_negation
from interviewer.text.revision import revise
from interviewer.text.spelling import Speller
from interviewer.text.stem import stem
from interviewer.text.tokens import CLAUSE_PUNCT, SENTENCE_PUNCT, Token, tokenize
from interviewer.text.vocabulary import CONNECTIVES, STOP_WORDS, is_negator

__all__ = ["Analysis", "NegationCue", "Unit", "analyse", "clear_memo"]

_FRAGMENT_PUNCT = frozenset(",;•·|*+") | SENTENCE_PUNCT


_MAX_KEY = 4


@dataclass(frozen=True, slots=True)
class Unit:
    """One content word of a text.

    Attributes:
        norm: Canonical normal form (after the lexicon: "bn" -> "batch", "normalization").
        stem: Its Snowball stem.
        start: Offset of the source word(s) in the original text.
        end: End offset of the source word(s) in the original text.
        sentence: Sentence index.
        negation: Index of the governing cue in :attr:`Analysis.cues`, or -1.
        direct: True when the negation governs it directly (only stop-words
            between the cue and this word), as in "do not learn".
        rewritten: True when the lexicon rewrote the source word(s).
        compared: In "A doesn't P like X", the cue whose denied P the word X is
            compared to (P holds of X), or -1.
    """

    norm: str
    stem: str
    start: int
    end: int
    sentence: int
    negation: int = -1
    direct: bool = False
    rewritten: bool = False
    compared: int = -1


@dataclass(frozen=True, slots=True)
class Analysis:
    """A text broken into content units, with what its shape says.

    Attributes:
        units: Content words in order.
        cues: Negation cues found.
        words: Number of word tokens (stop-words included).
        stop_words: How many of them are stop-words or negators.
        connectives: How many are verbs/connectives that make an explanation.
        fragments: Word count of each comma/newline/semicolon-separated fragment.
        non_ascii_words: Word tokens containing non-ASCII letters.
        had_control: Whether control characters were removed.
        normal_text: The normal forms of all word tokens, space-joined.
        corrections: How many words were read as another spelling (a speller's work).
        revised: Whether a self-correction retracted or swapped earlier words.
        chunks: The normal text cut at every clause or list break: the stretches
            whose neighbouring words are really adjacent.
    """

    units: tuple[Unit, ...]
    cues: tuple[NegationCue, ...]
    words: int
    stop_words: int
    connectives: int
    fragments: tuple[int, ...]
    non_ascii_words: int
    had_control: bool
    normal_text: str
    corrections: int = 0
    revised: bool = False
    chunks: tuple[str, ...] = ()


def _spaced_dash(tokens: tuple[Token, ...], at: int) -> bool:
    """Whether the hyphen at ``at`` (or the run of hyphens it stands in) stands between
    spaces, as a dash does ("ML - it's"), not inside a word ("one-hot")."""
    first = last = at
    while (
        first > 0 and tokens[first - 1].norm == "-" and tokens[first - 1].end == tokens[first].start
    ):
        first -= 1
    while (
        last + 1 < len(tokens)
        and tokens[last + 1].norm == "-"
        and tokens[last + 1].start == tokens[last].end
    ):
        last += 1
    before = first == 0 or tokens[first - 1].end < tokens[first].start
    after = last + 1 == len(tokens) or tokens[last + 1].start > tokens[last].end
    return before and after


def _canonical_words(tokens: tuple[Token, ...]) -> list[Word]:
    """Apply the lexicon to word tokens; punctuation becomes break flags."""
    index = lexicon_index()
    firsts = _first_words()
    out: list[Word] = []
    count = len(tokens)
    clause_break = fragment_break = punct = False
    i = 0
    while i < count:
        token = tokens[i]
        if not token.is_word:
            punct = True
            if token.newline_before:  # a bullet or a symbol starting a line
                clause_break = fragment_break = True
            if token.norm in CLAUSE_PUNCT or token.norm in SENTENCE_PUNCT:
                clause_break = True
            if token.norm in _FRAGMENT_PUNCT:
                fragment_break = True
            if token.norm == "-" and _spaced_dash(tokens, i):
                clause_break = True  # "isn't separate from ML - it's a subset of it"
            i += 1
            continue
        if token.newline_before or (out and out[-1].sentence != token.sentence):
            clause_break = True
            fragment_break = fragment_break or token.newline_before
        length = 1
        words: tuple[str, ...] = (token.norm,)
        rewritten = False
        last = token
        if token.norm in firsts or stem(token.norm) in firsts:
            run = _run_from(tokens, i)
            matched = _longest_key(run, index)
            if matched is not None:
                length, words = matched
                last = run[length - 1]
                rewritten = words != tuple(t.norm for t in run[:length])
        for word in words:
            item = _make_word(word, token.start, last.end, token.sentence, rewritten)
            item.clause_break, item.fragment_break = clause_break, fragment_break
            item.punct_before = punct
            clause_break = fragment_break = punct = False
            out.append(item)
        consumed = 0
        while consumed < length:
            consumed += tokens[i].is_word
            i += 1
    return out


def _run_from(tokens: tuple[Token, ...], i: int) -> list[Token]:
    """Up to _MAX_KEY consecutive words from ``i``, hyphens being transparent."""
    first = tokens[i]
    run = [first]
    j = i + 1
    while j < len(tokens) and len(run) < _MAX_KEY:
        nxt = tokens[j]
        if nxt.is_word and nxt.sentence == first.sentence and not nxt.newline_before:
            run.append(nxt)
            j += 1
        elif nxt.norm == "-" and j + 1 < len(tokens) and tokens[j + 1].is_word:
            j += 1
        else:
            break
    return run


def _longest_key(
    run: list[Token], index: dict[tuple[str, ...], tuple[str, ...]]
) -> tuple[int, tuple[str, ...]] | None:
    for length in range(len(run), 0, -1):
        norms = tuple(t.norm for t in run[:length])
        words = index.get(norms) or index.get(tuple(stem(n) for n in norms))
        if words is not None:
            return length, words
    return None


_FIRSTS: set[str] = set()


def _first_words() -> set[str]:
    if not _FIRSTS:
        _FIRSTS.update(key[0] for key in lexicon_index())
    return _FIRSTS


def _make_word(norm: str, start: int, end: int, sentence: int, rewritten: bool) -> Word:
    negator = is_negator(norm)
    return Word(
        norm, stem(norm), start, end, sentence, rewritten, norm in STOP_WORDS or negator, negator
    )


def analyse(text: str, negation_scope: int = 6, speller: Speller | None = None) -> Analysis:
    """Analyse a text into content units, negation cues and shape measures.

    Texts up to a few thousand characters are memoised (an Analysis is
    immutable): fitting analyses every text of the bank several times.

    Args:
        text: The original text (an answer or a phrasing).
        negation_scope: How many words a negation cue governs at most.
        speller: Reads misspelled words as the words they stand for (answers only;
            rubric text is taken as written).

    Returns:
        The analysis; spans in it are offsets into ``text``.
    """
    if len(text) <= _SHORT:
        return _analyse_short(text, negation_scope, speller)
    if len(text) <= _MEDIUM:
        return _analyse_medium(text, negation_scope, speller)
    return _analyse(text, negation_scope, speller)


_SHORT = 160
_MEDIUM = 4000


def clear_memo() -> None:
    """Forget memoised analyses (for benchmarks that must time real work)."""
    _analyse_short.cache_clear()
    _analyse_medium.cache_clear()


@lru_cache(maxsize=8192)
def _analyse_short(text: str, negation_scope: int, speller: Speller | None) -> Analysis:
    return _analyse(text, negation_scope, speller)


@lru_cache(maxsize=1024)
def _analyse_medium(text: str, negation_scope: int, speller: Speller | None) -> Analysis:
    return _analyse(text, negation_scope, speller)


def _spelled(tokens: tuple[Token, ...], speller: Speller) -> tuple[tuple[Token, ...], int]:
    """The tokens with misspelled words read as meant; how many were corrected.

    A text most of whose longer words are neither known nor near a known word is another
    language, not a typo-ridden English one: it is left as written.
    """
    longer = [t.norm for t in tokens if t.is_word and len(t.norm) >= 4 and t.norm.isalpha()]
    strange = [w for w in longer if not speller.known(w) and speller.correct(w) is None]
    said = [t.norm for t in tokens if t.is_word]
    english = sum(w in STOP_WORDS for w in said) / len(said) if said else 1.0
    if longer and (
        len(strange) > len(longer) / 2 or (english < 0.1 and len(strange) > len(longer) / 4)
    ):
        return tokens, 0
    out = []
    count = 0
    for token in tokens:
        meant = speller.correct(token.norm) if token.is_word else None
        if meant is not None and meant != token.norm:
            token = Token(meant, token.start, token.end, True, token.sentence, token.newline_before)
            count += 1
        out.append(token)
    return tuple(out), count


_CAMEL_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+[a-z]*")


def _in_code(text: str, token: Token) -> bool:
    """Whether the token is written as code: an attribute ("nn.Linear") or a call ("Linear(")."""
    return text[token.start - 1 : token.start] == "." or text[token.end : token.end + 1] == "("


def _camel_split(tokens: tuple[Token, ...], text: str, speller: Speller) -> tuple[Token, ...]:
    """Code names read as the words they join: "nn.CrossEntropyLoss" as "cross entropy
    loss". Only a name written as code (after a dot or before a bracket) that is no English
    or lexicon word, made of words the vocabulary knows, is split ("TensorFlow" and
    "nn.BatchNorm2d" stay whole); each part keeps its own offsets."""
    out: list[Token] = []
    for token in tokens:
        raw = text[token.start : token.end]
        if (
            not token.is_word
            or len(raw) <= 5
            or raw.islower()
            or raw.isupper()
            or len(raw) != len(token.norm)
            or not _in_code(text, token)  # a product's name: TensorFlow, RetinaFace
            or speller.common(token.norm)
        ):
            out.append(token)
            continue
        parts = list(_CAMEL_PART.finditer(raw))
        if len(parts) < 2 or not all(
            p.group()[0].isdigit() or speller.known(p.group().lower()) for p in parts
        ):
            out.append(token)
            continue
        for part in parts:
            start, end = token.start + part.start(), token.start + part.end()
            out.append(
                Token(part.group().lower(), start, end, True, token.sentence, token.newline_before)
            )
    return tuple(out)


def _analyse(text: str, negation_scope: int, speller: Speller | None = None) -> Analysis:
    tokenized = tokenize(text)
    raw_tokens = tokenized.tokens
    if speller is not None and not tokenized.had_control:
        raw_tokens = _camel_split(raw_tokens, text, speller)
    tokens, corrections = _spelled(raw_tokens, speller) if speller is not None else (raw_tokens, 0)
    words = _canonical_words(tokens)
    cues = mark_negation(words, text, negation_scope)
    revision = revise(words)
    replaced = dict(revision.swapped)
    units: list[Unit] = []
    fragments: list[int] = []
    stops = connectives = non_ascii = 0
    in_fragment = 0
    for position, word in enumerate(words):
        if position in revision.dropped:
            continue
        norm, word_stem = replaced.get(position, (word.norm, word.stem))
        if word.fragment_break and in_fragment:
            fragments.append(in_fragment)
            in_fragment = 0
        # words the lexicon expanded ("BPTT") count once, as typed
        in_fragment += position == 0 or words[position - 1].start != word.start
        if not word.norm.isascii():
            non_ascii += 1
        if word.norm in CONNECTIVES:
            connectives += 1
        if word.stop:
            stops += 1
            continue
        units.append(
            Unit(
                norm,
                word_stem,
                word.start,
                word.end,
                word.sentence,
                word.negation,
                word.direct,
                word.rewritten,
                word.compared,
            )
        )
    if in_fragment:
        fragments.append(in_fragment)
    return Analysis(
        tuple(units),
        tuple(cues),
        len(words),
        stops,
        connectives,
        tuple(fragments),
        non_ascii,
        tokenized.had_control,
        " ".join(w.norm for i, w in enumerate(words) if i not in revision.dropped),
        corrections,
        bool(revision.dropped or revision.swapped),
        _chunks(words, revision.dropped),
    )


def _chunks(words: list[Word], dropped: frozenset[int]) -> tuple[str, ...]:
    out: list[list[str]] = []
    for position, word in enumerate(words):
        if position in dropped:
            continue
        if not out or word.clause_break or word.fragment_break or word.punct_before:
            out.append([])
        out[-1].append(word.norm)
    return tuple(" ".join(chunk) for chunk in out)
