"""Closed word lists: stop-words, negation cues, clause breaks, connectives.

All words are in normal form (see :func:`interviewer.text.normalize.normalize_word`):
lower case, straight apostrophes, American spelling.
"""

from __future__ import annotations

__all__ = [
    "BACKWARD_NEGATION",
    "BACKWARD_VERBS",
    "CLAUSE_BREAK_WORDS",
    "CONNECTIVES",
    "CONTRAST_CUES",
    "DONT_KNOW_PHRASES",
    "DONT_KNOW_WORDS",
    "NEGATION_EXCEPTIONS",
    "NEGATORS",
    "STOP_WORDS",
    "is_negator",
]


def _words(text: str) -> list[str]:
    return text.split()


# Function words and light verbs that carry no rubric content. Negation cues are
# NOT here (they are handled by the negation detector), nor are words that carry
# meaning in this domain: numbers, "same", "more", "less", "first", "zero".
STOP_WORDS: frozenset[str] = frozenset(
    _words(
        """
    a an the this that these those there here it its it's itself they them their theirs
    themselves i i'm i've i'd i'll me my mine myself we we're we've our ours ourselves you
    you're your yours yourself he him his she her hers one's what which who whom whose
    when where why how whether
    am is are was were be been being
    have has had having
    do does did doing done
    get gets got gotten getting become becomes became becoming
    make makes made making use uses used using
    can could will would shall should may might must
    of in on at by for with from to into onto through throughout over under about
    against between among within upon across along around via per toward
    as than then so thus hence therefore also too very quite rather really
    basically actually essentially generally usually typically mostly often
    and or if while because since although though but yet
    all any some such each every both either other others another
    much many lot lots way ways thing things kind sort
    like e.g. i.e. eg ie etc vs versus cf well
    up down out off again further once
    say says said means meant call called
    """
    )
)

# Words that open a negation scope.
NEGATORS: frozenset[str] = frozenset(
    _words(
        """
    not no never cannot nor neither without none nothing nobody nowhere
    dont doesnt didnt isnt arent wasnt werent cant wont couldnt shouldnt wouldnt
    hasnt havent hadnt mustnt neednt aint
    """
    )
)

# A negator followed by these words is not a negation ("not only", "no doubt").
NEGATION_EXCEPTIONS: frozenset[tuple[str, str]] = frozenset(
    [
        ("not", "only"),
        ("not", "just"),
        ("not", "merely"),
        ("not", "simply"),
        ("no", "doubt"),
        ("no", "matter"),
        ("no", "idea"),  # "I have no idea" is not knowing, not a denial
        ("nothing", "but"),  # "nothing but X" affirms X
    ]
)

# Words that set what follows aside: "a vector instead of a scalar" does not
# claim a scalar. They open a negation scope like "not".
CONTRAST_CUES: tuple[tuple[str, ...], ...] = (
    ("instead", "of"),
    ("rather", "than"),
    ("as", "opposed", "to"),
    ("in", "contrast", "to"),
    ("unlike",),
    ("contrary", "to"),
)

# "X has nothing to do with Y" / "X is not true": the cue also denies what precedes it.
BACKWARD_NEGATION: tuple[tuple[str, ...], ...] = (
    ("nothing", "to", "do", "with"),
    ("not", "true"),
    ("not", "the", "case"),
    ("not", "correct"),
    ("not", "related"),
    ("no", "effect"),
    ("no", "impact"),
    ("no", "influence"),
    ("no", "role"),
    ("no", "part"),
    ("no", "difference"),
    ("no", "relation"),
    ("no", "connection"),
    ("no", "relevance"),
    ("is", "false"),
    ("is", "a", "myth"),
    ("is", "irrelevant"),
    ("are", "irrelevant"),
    ("is", "impossible"),
    ("are", "impossible"),
    ("unrelated",),
)

# "X doesn't matter", "X won't help", "X isn't needed": a negated verb (or
# predicate) that denies its subject.
BACKWARD_VERBS: frozenset[str] = frozenset(
    _words(
        """
        matter matters help helps work works change changes apply applies exist exists
        count counts affect affects
        needed required necessary useful important relevant helpful possible
        """
    )
)

# Words that end a negation scope (a new clause starts).
CLAUSE_BREAK_WORDS: frozenset[str] = frozenset(
    _words(
        """
    but because although though however whereas while yet since so unless instead
    rather which whereby thus therefore hence otherwise except
    """
    )
)

# Words that make a text an explanation rather than a bare list of terms: verbs
# of cause and effect, connectives, copulas.
CONNECTIVES: frozenset[str] = frozenset(
    _words(
        """
    is are was were be being been becomes become gets get makes make causes cause
    leads lead means so because since therefore thus hence which that when
    if then by how why where while whereas but although so-called helps help
    prevents prevent reduces reduce increases increase allows allow lets let
    does do did can could will would should has have it they this we you
    """
    )
)

# Ways of saying "I do not know" (normal forms, joined by single spaces).
DONT_KNOW_PHRASES: tuple[str, ...] = (
    "i don't know",
    "i dont know",
    "i do not know",
    "don't know",
    "dont know",
    "do not know",
    "no idea",
    "not sure",
    "no clue",
    "not a clue",
    "i have no idea",
    "can't remember",
    "cannot remember",
    "don't remember",
    "do not remember",
    "i forgot",
    "i forget",
    "haven't heard",
    "never heard",
    "not familiar",
    "i'm not familiar",
)


# Words that say "I do not know" only when they are the whole answer ("pass"),
# not inside one ("the forward pass").
DONT_KNOW_WORDS: frozenset[str] = frozenset(
    ["idk", "dunno", "pass", "skip", "unknown", "no comment", "no answer"]
)


def is_negator(word: str) -> bool:
    """Whether a normal-form word opens a negation scope ("not", "doesn't", "without")."""
    return word in NEGATORS or word.endswith("n't")
