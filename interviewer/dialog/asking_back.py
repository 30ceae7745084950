"""The end of a real interview: "Do you have any questions for me?".

The candidate's questions are matched to an intent of ``dialogs/_voice.yaml``
(what was assessed, how they did, what to study, how to practise, the
interview's format, the role) by keywords first and then by rapidfuzz against
each intent's example questions; anything else gets a polite fallback. The
reply is filled in from the report, so it speaks about this interview.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from interviewer.dialog.commands import recognise
from interviewer.dialog.voice import Intent, VoiceLines
from interviewer.interview_report import Report

__all__ = ["MATCH_AT", "MAX_QUESTIONS", "Answer", "is_no_question", "match_intent", "reply_fields"]

MAX_QUESTIONS = 3  # questions answered before the interviewer closes
MATCH_AT = 70  # rapidfuzz score (0-100) for an example question to count as a match

_WORD = re.compile(r"[a-z0-9']+")
_NO_PHRASES = (
    "no",
    "nope",
    "nah",
    "none",
    "nothing",
    "nothing else",
    "not really",
    "thanks",
    "thank you",
    "thanks a lot",
    "i'm good",
    "im good",
    "all good",
    "that's all",
    "thats all",
    "that's it",
    "thats it",
    "that's everything",
    "i'm fine",
    "im fine",
    "no questions",
    "no question",
    "no more questions",
    "no more",
    "not at the moment",
    "not now",
    "not right now",
    "from me",
    "for now",
    "at all",
    "i think",
    "i don't think so",
    "i dont think so",
    "all clear",
    "ok",
    "okay",
)
# A reply made only of these phrases ("No, that's all, thanks.") means no questions.
_NO = re.compile(
    r"^(?:(?:"
    + "|".join(re.escape(p) for p in sorted(_NO_PHRASES, key=len, reverse=True))
    + r")\s*)+$"
)


@dataclass(frozen=True)
class Answer:
    """How the interviewer answers a candidate's question.

    Attributes:
        intent: The intent matched, or None for the fallback.
        how: ``keywords``, ``fuzzy`` or ``fallback``.
        score: The keyword count or the rapidfuzz score behind the match.
    """

    intent: Intent | None
    how: str
    score: float


def is_no_question(text: str) -> bool:
    """Whether the reply means "no (more) questions" or asks to end."""
    lowered = " ".join(_WORD.findall(text.lower().replace("’", "'")))
    if not lowered:
        return True
    return _NO.match(lowered) is not None or recognise(text) in ("end", "skip", "dont_know")


def _has(words: str, keyword: str) -> bool:
    pattern = r"\b" + r"\s+".join(re.escape(w) for w in keyword.lower().split()) + r"\b"
    return re.search(pattern, words) is not None


def match_intent(text: str, lines: VoiceLines) -> Answer:
    """The intent a candidate's question asks about.

    Keywords decide first: the intent with the most keyword hits wins, and a
    tie goes to the closer example question. Without a keyword hit, the closest
    example question (rapidfuzz ``token_set_ratio``) decides when it scores at
    least :data:`MATCH_AT`. Otherwise the fallback answers.
    """
    words = " ".join(_WORD.findall(text.lower().replace("’", "'")))
    examples = {i.id: i.examples for i in lines.intents}

    def closeness(intent: Intent) -> float:
        best = process.extractOne(words, examples[intent.id], scorer=fuzz.token_set_ratio)
        return float(best[1]) if best else 0.0

    hits = {i.id: sum(_has(words, k) for k in i.keywords) for i in lines.intents}
    top = max(hits.values(), default=0)
    if top > 0:
        tied = [i for i in lines.intents if hits[i.id] == top]
        chosen = max(tied, key=closeness)  # max keeps file order among equals
        return Answer(chosen, "keywords", float(top))
    scored = [(closeness(i), i) for i in lines.intents]
    best_score, best = max(scored, key=lambda pair: pair[0])
    if best_score >= MATCH_AT:
        return Answer(best, "fuzzy", best_score)
    return Answer(None, "fallback", best_score)


def reply_fields(report: Report, topic_names: dict[str, str]) -> dict[str, object]:
    """The values an intent's reply may use, taken from the report."""
    graded = [t for t in report.topics if t.questions]
    weakest = graded[0].title if graded else "the fundamentals"
    strongest = graded[-1].title if graded else "the fundamentals"
    study = " ".join(report.study_next[:1]).replace("**", "") if report.study_next else ""
    overall = f"{report.overall:.1f} out of 5" if report.overall is not None else "not graded"
    return {
        "count": report.answered + report.skipped,
        "overall": overall,
        "weakest": topic_names.get(graded[0].name, weakest) if graded else weakest,
        "strongest": topic_names.get(graded[-1].name, strongest) if graded else strongest,
        "study": study or "The report lists the concepts to review.",
        "flow": report.title,
        "length": report.length,
        "seed": report.seed,
    }
