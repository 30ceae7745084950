"""Character- and word-level normalisation.

Answers are never rewritten as a whole: the tokeniser keeps offsets into the
original text, and each token's *normal form* is computed here (Unicode NFKC,
lower case, curly apostrophes straightened, British spellings folded to
American ones so that "normalisation" and "normalization" are one word).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "fold_spelling",
    "is_control",
    "normalize_word",
    "strip_control",
]


def _words(text: str) -> list[str]:
    return text.split()


# Control and format characters that are not ordinary whitespace.
_KEEP = frozenset("\n\t\r")

# Words ending in -ise/-yse that are spelled that way in American English too.
_ISE_KEEP = frozenset(
    _words(
        """
    advertise advise arise chastise circumcise comprise compromise concise demise
    despise devise disguise enterprise excise exercise expertise franchise improvise
    incise likewise merchandise noise otherwise paradise poise praise precise premise
    promise raise revise rise supervise surmise surprise televise treatise wise
    clockwise stepwise pairwise pointwise elementwise layerwise channelwise rowwise
    columnwise bitwise piecewise
    """
    )
)

# Long keep-words also protect their compounds ("unsupervised", "imprecise");
# short ones ("rise") must not, or "memorise" would be kept.
_ISE_KEEP_SUFFIXES = (*sorted(w for w in _ISE_KEEP if len(w) >= 6), "wise", "vise")

# British spellings that no suffix rule covers (word -> American).
_WORD_FOLDS = {
    "colour": "color",
    "behaviour": "behavior",
    "favour": "favor",
    "neighbour": "neighbor",
    "honour": "honor",
    "labour": "labor",
    "centre": "center",
    "metre": "meter",
    "litre": "liter",
    "fibre": "fiber",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "analogue": "analog",
    "programme": "program",
    "defence": "defense",
    "licence": "license",
    "grey": "gray",
    "towards": "toward",
    "artefact": "artifact",
    "judgement": "judgment",
    "learnt": "learned",
    "modelled": "modeled",
    "modelling": "modeling",
    "labelled": "labeled",
    "labelling": "labeling",
    "travelled": "traveled",
    "travelling": "traveling",
    "cancelled": "canceled",
    "levelled": "leveled",
    "signalled": "signaled",
    "channelled": "channeled",
    "tunnelled": "tunneled",
    "fuelled": "fueled",
    "totalled": "totaled",
}

# (British suffix, American suffix), longest first. Applied once per word.
_SUFFIX_FOLDS = (
    ("isations", "izations"),
    ("isation", "ization"),
    ("ysation", "yzation"),
    ("ising", "izing"),
    ("ysing", "yzing"),
    ("isers", "izers"),
    ("ised", "ized"),
    ("ysed", "yzed"),
    ("ises", "izes"),
    ("yses", "yzes"),
    ("iser", "izer"),
    ("yser", "yzer"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("ours", "ors"),
)

_OUR_STEMS = frozenset(["colour", "behaviour", "favour", "neighbour", "honour", "labour"])


@lru_cache(maxsize=65536)
def fold_spelling(word: str) -> str:
    """Fold a lower-case British spelling to its American form.

    Args:
        word: One lower-case word.

    Returns:
        The American spelling ("normalise" -> "normalize",
        "initialisation" -> "initialization", "colour" -> "color"), or the
        word unchanged.
    """
    direct = _WORD_FOLDS.get(word)
    if direct is not None:
        return direct
    for british, american in _SUFFIX_FOLDS:
        if not word.endswith(british):
            continue
        root = word[: -len(british)]
        if british == "ours":
            return root + american if root + "our" in _OUR_STEMS else word
        if len(root) < 3:
            return word
        # Compare the base form ("-ise") against words spelled -ise everywhere.
        base = root + ("yse" if british.startswith("ys") else "ise")
        if base in _ISE_KEEP or base.endswith(_ISE_KEEP_SUFFIXES):
            return word
        return root + american
    return word


def is_control(char: str) -> bool:
    """Whether ``char`` is a control/format character to strip (not newline or tab)."""
    return char not in _KEEP and unicodedata.category(char) in ("Cc", "Cf", "Cs")


_CONTROL_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001-\U000e007f]"
)


def strip_control(text: str) -> tuple[str, list[int] | None]:
    """Remove control and format characters, keeping a map back to ``text``.

    Args:
        text: The original answer.

    Returns:
        ``(clean, index)``: the cleaned text and, when anything was removed,
        ``index[i]`` = the offset in ``text`` of ``clean[i]`` (with one extra
        entry for the end); ``None`` when nothing was removed.
    """
    if _CONTROL_RE.search(text) is None:
        return text, None
    kept: list[str] = []
    index: list[int] = []
    removed = False
    for offset, char in enumerate(text):
        if is_control(char):
            removed = True
            continue
        kept.append(char)
        index.append(offset)
    if not removed:
        return text, None
    index.append(len(text))
    return "".join(kept), index


@lru_cache(maxsize=65536)
def normalize_word(raw: str) -> str:
    """The normal form of one word token: NFKC, lower case, American spelling.

    Args:
        raw: The token as written in the answer.

    Returns:
        Its normal form ("Normalisation" -> "normalization", "ｒｅｌｕ" -> "relu",
        "doesn’t" -> "doesn't").
    """
    word = unicodedata.normalize("NFKC", raw).lower().replace("’", "'").replace("‘", "'")
    return fold_spelling(word)
