"""Lint: runs of words copied verbatim from the source material.

Rubric authors write from source articles: the facts carry over, the sentences
must not. Given the sources (``rubric lint --sources PATH``), every text field
of every question (the question and its rephrasings, the reference, hints,
feedback, probes, claims, corrections, follow-up lines and example answers) is
compared with them. A run of ``min_words`` or more words in a row that also
occurs in a source is a warning that names the field's line, the source's file
and line, and the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from interviewer.authoring.lint_source import Findings, LoadedQuestion
from interviewer.yaml_lines import YamlPath

__all__ = ["SourceText", "check_copied", "read_sources"]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# fields that hold ids or short labels, not prose
_NOT_PROSE = frozenset(["id", "to", "level", "topics", "tracks", "sources", "kind", "grade"])
_SUFFIXES = (".txt", ".md", ".markdown", ".rst", ".html")
FIX = "say it in your own words: the facts may carry over, the sentences may not"


@dataclass(frozen=True)
class SourceText:
    """A source document as words, with the line each word is on."""

    label: str
    words: tuple[str, ...]
    lines: tuple[int, ...]


def _words(text: str) -> Iterator[tuple[str, int]]:
    """The lower-cased words of ``text`` with their character offsets."""
    for match in _WORD.finditer(text):
        yield match.group().lower(), match.start()


def read_sources(paths: Iterable[Path]) -> tuple[list[SourceText], list[str]]:
    """Read source documents (files, or directories of text files).

    Returns:
        The documents read, and a message for each path that could not be read.
    """
    documents: list[SourceText] = []
    errors: list[str] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in _SUFFIXES)
        elif path.exists():
            files = [path]
        else:
            errors.append(f"{path}: no such file or directory")
            continue
        for file in files:
            try:
                text = file.read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                errors.append(f"{file}: cannot read it ({exc.strerror or exc})")
                continue
            found = list(_words(text))
            line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
            lines, line, index = [], 1, 0
            for _, offset in found:
                while index + 1 < len(line_starts) and line_starts[index + 1] <= offset:
                    index += 1
                line = index + 1
                lines.append(line)
            documents.append(SourceText(file.name, tuple(w for w, _ in found), tuple(lines)))
    return documents, errors


def _strings(value: Any, path: YamlPath) -> Iterator[tuple[YamlPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_PROSE:
                yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*path, index))


def _index(documents: Sequence[SourceText], size: int) -> dict[tuple[str, ...], tuple[int, int]]:
    """Every run of ``size`` words of the sources -> (document, word index)."""
    runs: dict[tuple[str, ...], tuple[int, int]] = {}
    for number, document in enumerate(documents):
        words = document.words
        for start in range(len(words) - size + 1):
            runs.setdefault(words[start : start + size], (number, start))
    return runs


def check_copied(
    questions: Sequence[LoadedQuestion],
    documents: Sequence[SourceText],
    findings: Findings,
    min_words: int = 8,
) -> None:
    """Warn about every field that shares ``min_words`` words in a row with a source."""
    if not documents or min_words < 1:
        return
    runs = _index(documents, min_words)
    for question in questions:
        for path, text in _strings(question.raw, question.path):
            words = [w for w, _ in _words(text)]
            start = 0
            while start + min_words <= len(words):
                where = runs.get(tuple(words[start : start + min_words]))
                if where is None:
                    start += 1
                    continue
                number, at = where
                document = documents[number]
                length = min_words
                while (
                    start + length < len(words)
                    and at + length < len(document.words)
                    and words[start + length] == document.words[at + length]
                ):
                    length += 1
                copied = " ".join(words[start : start + length])
                findings.add(
                    question.source,
                    path,
                    f"{length} words in a row are copied from {document.label} line "
                    f"{document.lines[at]}: '{copied}'",
                    FIX,
                    severity="warning",
                )
                start += length
