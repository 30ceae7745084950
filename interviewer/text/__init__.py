"""Text normalisation and matching: tokens, stems, synonyms, negation, fuzzy phrases."""

__all__: list[str] = []
