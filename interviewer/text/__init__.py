"""Text normalisation and matching: tokens, stems, synonyms, negation, fuzzy phrases.

The pieces, in the order an answer goes through them:

- :mod:`~interviewer.text.normalize`: NFKC, control characters, British -> American spelling;
- :mod:`~interviewer.text.tokens`: tokens with offsets into the original answer;
- :mod:`~interviewer.text.lexicon`: abbreviations candidates use ("BN", "backprop");
- :mod:`~interviewer.text.analysis`: content words, stems, negation scopes, shape;
- :mod:`~interviewer.text.phrases`: rubric phrasings compiled with their synonyms;
- :mod:`~interviewer.text.matcher`: finding compiled phrases in an analysed answer.
"""

from interviewer.text.analysis import Analysis, NegationCue, Unit, analyse
from interviewer.text.matcher import PhraseMatch, TermIndex, match_phrase
from interviewer.text.normalize import fold_spelling, normalize_word, strip_control
from interviewer.text.phrases import CompiledPhrase, compile_phrasings, split_alternatives
from interviewer.text.stem import stem
from interviewer.text.tokens import Token, tokenize

__all__ = [
    "Analysis",
    "CompiledPhrase",
    "NegationCue",
    "PhraseMatch",
    "TermIndex",
    "Token",
    "Unit",
    "analyse",
    "compile_phrasings",
    "fold_spelling",
    "match_phrase",
    "normalize_word",
    "split_alternatives",
    "stem",
    "strip_control",
    "tokenize",
]
