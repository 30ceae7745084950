"""The whole bank's synonyms pooled into one domain thesaurus (built at fit).

A question's phrasings are compiled with its own synonyms first and then these, so a
claim said in another question's words is still recognised
(:func:`~interviewer.grading.compiled.compile_question`).
"""

from __future__ import annotations

from collections.abc import Iterable

from interviewer.models import Question

__all__ = ["bank_thesaurus"]


def bank_thesaurus(questions: Iterable[Question]) -> dict[str, list[str]]:
    """Every synonym list of the bank pooled by its key word: one domain thesaurus.

    Borrowed into another question, an entry may not make a phrase less specific: an
    alternative shorter than its key, or contained in it ("mini batch" -> "batch"),
    holds only in the question that wrote it.
    """
    pooled: dict[str, list[str]] = {}
    for question in questions:
        for concept in question.concepts:
            for key, values in concept.synonyms.items():
                known = pooled.setdefault(key, [])
                known.extend(
                    v
                    for v in values
                    if v not in known
                    and len(v.split()) >= len(key.split())
                    and v.lower() not in key.lower()
                )
    return {key: values for key, values in pooled.items() if values}
