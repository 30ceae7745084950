"""Checks inside one question: ids, phrasings, synonyms, and the warnings.

They read the raw mapping, not the validated model, so they still run (and
still give exact lines) when the question has schema errors too.
"""

from __future__ import annotations

from typing import Any

from interviewer.authoring._text import content_key, words
from interviewer.authoring.lint_source import Findings, LoadedQuestion, items
from interviewer.text.phrases import NUMBER_PLACEHOLDER
from interviewer.yaml_lines import YamlPath

__all__ = ["MIN_CONCEPTS", "MIN_EXAMPLES", "MIN_HINTS", "REQUIRED_KINDS", "check_question"]

MIN_CONCEPTS = 3
MIN_EXAMPLES = 6
MIN_HINTS = 2
MAX_PHRASING_WORDS = 6
REQUIRED_KINDS = ("excellent", "good", "partial", "wrong", "misconception", "keywords")
LOW_KINDS = ("misconception", "keywords", "negation")
# quantifiers the matcher drops as stop-words: "all examples" matches any "example"
_QUANTIFIERS = frozenset(("all", "every", "each", "any", "both", "many", "some"))


def _strings(value: Any) -> list[tuple[int, str]]:
    if not isinstance(value, list):
        return []
    return [(i, s) for i, s in enumerate(value) if isinstance(s, str)]


def _check_ids(question: LoadedQuestion, findings: Findings) -> None:
    seen: dict[str, YamlPath] = {}
    for section in ("concepts", "misconceptions"):
        for index, item in items(question.raw, section):
            value = item.get("id")
            if not isinstance(value, str):
                continue
            path: YamlPath = (*question.path, section, index, "id")
            if value in seen:
                first = question.source.line(seen[value])
                findings.add(
                    question.source,
                    path,
                    f"id {value!r} is already used in this question (line {first})",
                    "give this concept or misconception its own id",
                )
            else:
                seen[value] = path


def _check_phrasings(question: LoadedQuestion, findings: Findings) -> None:
    """Empty-after-normalisation phrasings and phrasings shared between items."""
    owner: dict[tuple[str, ...], tuple[str, str, int]] = {}
    for section in ("concepts", "misconceptions"):
        for index, item in items(question.raw, section):
            item_id = str(item.get("id", f"#{index + 1}"))
            usable = 0
            for p_index, phrasing in _strings(item.get("phrasings")):
                path: YamlPath = (*question.path, section, index, "phrasings", p_index)
                key = content_key(phrasing)
                if not key:
                    findings.add(
                        question.source,
                        path,
                        f"phrasing {phrasing!r} is only stop-words or punctuation, "
                        "so it can never match",
                        "write the content words a candidate would say",
                    )
                    continue
                if NUMBER_PLACEHOLDER in phrasing and not content_key(
                    phrasing.replace(NUMBER_PLACEHOLDER, " ")
                ):
                    findings.add(
                        question.source,
                        path,
                        f"phrasing {phrasing!r} has nothing but number slots, "
                        "so any number in an answer matches it",
                        "put the words the number goes with beside it ('went from {number} "
                        "to {number}', 'accuracy of {number}')",
                    )
                    continue
                usable += 1
                if len(key) > MAX_PHRASING_WORDS:
                    findings.add(
                        question.source,
                        path,
                        f"phrasing {phrasing!r} has {len(key)} content words; "
                        "long phrasings rarely match",
                        "split it into short phrasings of 2-5 content words",
                        "warning",
                    )
                if key in owner:
                    first_section, first_id, first_line = owner[key]
                    same = first_section == section and first_id == item_id
                    findings.add(
                        question.source,
                        path,
                        f"phrasing {phrasing!r} repeats one of {first_id!r} (line {first_line})"
                        + ("" if same else " in this question"),
                        "remove the repeat" if same else "keep each phrasing in one place only",
                        "warning" if same else "error",
                    )
                else:
                    owner[key] = (section, item_id, question.source.line(path))
            if section == "concepts" and usable == 0:
                findings.add(
                    question.source,
                    (*question.path, section, index, "phrasings"),
                    f"concept {item_id!r} has no usable phrasings, so it can never be credited",
                    "add 3-6 short phrasings as candidates would say them",
                )


def _check_synonyms(question: LoadedQuestion, findings: Findings) -> None:
    for index, concept in items(question.raw, "concepts"):
        synonyms = concept.get("synonyms")
        if not isinstance(synonyms, dict):
            continue
        phrasing_keys = [_unsigned(p) for _, p in _strings(concept.get("phrasings"))]
        for word in synonyms:
            key = _unsigned(str(word))
            path: YamlPath = (*question.path, "concepts", index, "synonyms", str(word))
            if not key:
                findings.add(
                    question.source,
                    path,
                    f"synonym key {word!r} is only stop-words, which the matcher ignores",
                    "use a content word of the phrasings as the key",
                    "warning",
                )
            elif not any(_contains(p, key) for p in phrasing_keys):
                findings.add(
                    question.source,
                    path,
                    f"synonym key {word!r} occurs in none of this concept's phrasings, "
                    "so it never expands",
                    "use a word or phrase that occurs in a phrasing as the key",
                    "warning",
                )
            for v_index, value in _strings(synonyms[word]):
                if not _unsigned(value):
                    findings.add(
                        question.source,
                        (*path, v_index),
                        f"synonym {value!r} of {word!r} is only stop-words, so it never "
                        "matches anything",
                        "use a content word the candidate would say, or drop it",
                        "warning",
                    )
                elif len(_unsigned(value)) < len(key) and _QUANTIFIERS & set(value.lower().split()):
                    findings.add(
                        question.source,
                        (*path, v_index),
                        f"synonym {value!r} of {word!r} loses its quantifier (a stop-word the "
                        f"matcher ignores): it matches any {' '.join(_unsigned(value))!r}",
                        "say the quantity in a content word ('entire dataset', 'deep net'), "
                        "or drop it",
                        "warning",
                    )


def _unsigned(text: str) -> tuple[str, ...]:
    """The content key without negation marks: synonyms expand words either way."""
    return tuple(k.removeprefix("not:") for k in content_key(text))


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def _check_threads(question: LoadedQuestion, findings: Findings) -> None:
    concept_ids = {c.get("id") for _, c in items(question.raw, "concepts")}
    for index, link in items(question.raw, "threads"):
        path: YamlPath = (*question.path, "threads", index)
        when = link.get("when")
        if isinstance(when, dict):
            for field in ("covered", "missed"):
                ref = when.get(field)
                if isinstance(ref, str) and ref not in concept_ids:
                    known = ", ".join(sorted(str(c) for c in concept_ids if c))
                    findings.add(
                        question.source,
                        (*path, "when", field),
                        f"thread to {link.get('to')!r} names unknown concept {ref!r}",
                        f"use one of this question's concept ids: {known}",
                    )
            for m_index, phrase in _strings(when.get("mentioned")):
                if not words(phrase):
                    findings.add(
                        question.source,
                        (*path, "when", "mentioned", m_index),
                        f"mentioned phrase {phrase!r} has no words, so it never fires",
                        "use a word or phrase the candidate would say",
                    )
                elif not content_key(phrase):
                    findings.add(
                        question.source,
                        (*path, "when", "mentioned", m_index),
                        f"mentioned phrase {phrase!r} is only stop-words, so it fires on "
                        "almost any answer",
                        "use a content word the candidate would say",
                        "warning",
                    )
        if not link.get("say"):
            findings.add(
                question.source,
                path,
                f"thread to {link.get('to')!r} has no 'say' bridging line",
                "add a short line the interviewer says when following the thread",
                "warning",
            )


def _check_examples(question: LoadedQuestion, findings: Findings) -> None:
    examples = items(question.raw, "examples")
    for index, example in examples:
        grade = example.get("grade")
        path: YamlPath = (*question.path, "examples", index, "grade")
        if not (isinstance(grade, list) and len(grade) == 2):
            continue
        if not all(isinstance(g, int | float) for g in grade):
            continue
        low, high = float(grade[0]), float(grade[1])
        at_end = low == 0 or high == 5
        if 0 <= low <= high and high - low < (0.5 if at_end else 1):
            findings.add(
                question.source,
                path,
                f"grade range [{low:g}, {high:g}] is narrower than one point",
                "widen it to an honest range at least one point wide",
                "warning",
            )
        if example.get("kind") in LOW_KINDS and high > 1.5:
            findings.add(
                question.source,
                path,
                f"a {example.get('kind')} example should not reach {high:g}",
                "cap its range at 1.5",
                "warning",
            )
    kinds = {e.get("kind", "other") for _, e in examples}
    missing = [k for k in REQUIRED_KINDS if k not in kinds]
    if len(examples) < MIN_EXAMPLES or missing:
        need = f"; missing kinds: {', '.join(missing)}" if missing else ""
        findings.add(
            question.source,
            (*question.path, "examples") if examples else question.path,
            f"{question.qid}: {len(examples)} example(s){need}",
            f"add at least {MIN_EXAMPLES} examples, one of each kind "
            f"({', '.join(REQUIRED_KINDS)}, and negation)",
            "warning",
        )


def _check_sizes(question: LoadedQuestion, findings: Findings) -> None:
    concepts = items(question.raw, "concepts")
    source, qid = question.source, question.qid
    if len(concepts) < MIN_CONCEPTS:
        findings.add(
            source,
            (*question.path, "concepts"),
            f"{qid}: only {len(concepts)} concept(s)",
            f"split the reference into at least {MIN_CONCEPTS} weighted concepts",
            "warning",
        )
    elif not any(c.get("key") for _, c in concepts):
        findings.add(
            source,
            (*question.path, "concepts"),
            f"{qid}: no key concept, so the interviewer never probes",
            "mark the 2-3 concepts that matter most 'key: true' and give each a probe",
            "warning",
        )
    if not items(question.raw, "misconceptions"):
        findings.add(
            source,
            question.path,
            f"{qid}: no misconception",
            "add the wrong claim candidates most often make, with phrasings and a correction",
            "warning",
        )
    hints = _strings(question.raw.get("hints"))
    if 0 < len(hints) < MIN_HINTS:
        findings.add(
            source,
            (*question.path, "hints"),
            f"{qid}: the hint ladder has {len(hints)} step(s)",
            f"add hints until there are at least {MIN_HINTS}, from gentle to explicit",
            "warning",
        )


def check_question(question: LoadedQuestion, findings: Findings) -> None:
    """Run every in-question check on ``question``."""
    _check_ids(question, findings)
    _check_phrasings(question, findings)
    _check_synonyms(question, findings)
    _check_threads(question, findings)
    _check_examples(question, findings)
    _check_sizes(question, findings)
