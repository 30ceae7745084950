"""Normalisation and tokenisation: normal forms, spelling folding, offsets into the original."""

from __future__ import annotations

import pytest

from interviewer.grading import default_grader
from interviewer.loader import load_bank
from interviewer.text.analysis import analyse
from interviewer.text.normalize import fold_spelling, normalize_word, strip_control
from interviewer.text.stem import stem
from interviewer.text.tokens import tokenize


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("normalise", "normalize"),
        ("normalisation", "normalization"),
        ("initialisation", "initialization"),
        ("regularised", "regularized"),
        ("optimiser", "optimizer"),
        ("memorising", "memorizing"),
        ("analyse", "analyze"),
        ("behaviour", "behavior"),
        ("modelling", "modeling"),
        ("centre", "center"),
    ],
)
def test_british_spellings_fold_to_american(british: str, american: str) -> None:
    assert fold_spelling(british) == american


@pytest.mark.parametrize(
    "word", ["otherwise", "noise", "precise", "exercise", "rise", "unsupervised", "promise"]
)
def test_words_spelled_ise_everywhere_are_left_alone(word: str) -> None:
    assert fold_spelling(word) == word


def test_normal_form_is_nfkc_lower_case_with_straight_apostrophes() -> None:
    assert normalize_word("Normalisation") == "normalization"
    assert normalize_word("ｒｅｌｕ") == "relu"  # full-width letters
    assert normalize_word("doesn’t") == "doesn't"
    assert normalize_word("ﬁlter") == "filter"  # ligature


def test_control_characters_are_removed_with_a_map_back() -> None:
    clean, index = strip_control("ab\x00c\u200bd")
    assert clean == "abcd"
    assert index is not None
    assert [index[i] for i in range(4)] == [0, 1, 3, 5]
    assert strip_control("plain text\nwith lines") == ("plain text\nwith lines", None)


def test_token_offsets_point_into_the_original_text() -> None:
    text = "Batch-norm doesn’t normalise the ｇｒａｄｉｅｎｔ\x00s; e.g. at 0.25.\nNext"
    result = tokenize(text)
    assert result.had_control
    for token in result.tokens:
        assert text[token.start : token.end].strip()
    words = {t.norm: text[t.start : t.end] for t in result.tokens if t.is_word}
    assert words["gradients"] == "ｇｒａｄｉｅｎｔ\x00s"
    assert words["normalize"] == "normalise"
    assert words["0.25"] == "0.25"
    assert "eg" in words  # the abbreviation keeps its dots inside one token


def test_sentences_split_at_full_stops_and_new_lines() -> None:
    tokens = tokenize("One two. Three\nfour; five").tokens
    sentences = {t.norm: t.sentence for t in tokens if t.is_word}
    assert sentences["one"] == sentences["two"]
    assert sentences["three"] == sentences["two"] + 1
    assert sentences["four"] == sentences["three"] + 1
    assert sentences["five"] == sentences["four"] + 1


def test_stems_conflate_inflections_and_acronym_plurals() -> None:
    assert stem("gradients") == stem("gradient")
    assert stem("normalization") == stem("normalize")
    assert stem("rnns") == "rnn"
    assert stem("network's") == stem("network")
    assert stem("3x3") == "3x3"


def test_lexicon_rewrites_abbreviations_on_the_candidates_words() -> None:
    text = "BN and batchnorm help, backprop uses the LR; RNNs and NNs too"
    units = analyse(text).units
    norms = [u.norm for u in units]
    assert norms.count("normalization") == 2
    assert "backpropagation" in norms
    assert [u.norm for u in units if u.norm in ("learning", "rate")] == ["learning", "rate"]
    assert "rnn" in [u.stem for u in units]  # a plural acronym
    assert [u.norm for u in units if u.norm in ("neural", "network")] == ["neural", "network"]
    bn = next(u for u in units if u.norm == "batch")
    assert text[bn.start : bn.end] == "BN"
    assert bn.rewritten


def test_terse_notation_reads_as_the_words_it_stands_for() -> None:
    """ "w" is the weights, "fn" a function, "seq" a sequence, in hurried answers."""
    units = analyse("each step shrinks w toward 0, a smoother fn over the seq").units
    assert {"weight", "function", "sequence"} <= {u.norm for u in units}
    units = analyse("label enc: 1 col; one-hot dim blows up; optim Adam, fwd/bwd").units
    assert {"encoding", "column", "dimension", "optimizer", "forward", "backward"} <= {
        u.norm for u in units
    }


def test_terse_notation_earns_the_concept_it_states() -> None:
    """The same claim in notation earns what it earns in words."""
    question = load_bank().question("rnn-vanishing-gradients")
    result = default_grader().grade(
        question, "unrolled RNN = very deep net, same w multiplied every step"
    )
    assert "shared-weights" in {c.concept_id for c in result.credited}


def test_stop_words_are_not_content_but_negators_and_numbers_are_kept_apart() -> None:
    analysis = analyse("The gradient is not 0.25 and it is the same")
    assert [u.norm for u in analysis.units] == ["gradient", "0.25", "same"]
    assert len(analysis.cues) == 1


def test_a_code_name_is_read_as_the_words_it_joins_and_quoted_as_typed() -> None:
    """ "nn.CrossEntropyLoss()" says "cross entropy loss"; a product's name ("TensorFlow")
    and a name written as prose stay whole, and so does a name the lexicon knows."""
    grader = default_grader()
    text = "loss_fn = nn.CrossEntropyLoss() in TensorFlow or CrossEntropyLoss, nn.ReLU()"
    units = analyse(text, speller=grader.speller_).units
    words = [u.norm for u in units]
    assert words[words.index("cross") : words.index("cross") + 3] == ["cross", "entropy", "loss"]
    assert [text[u.start : u.end] for u in units if u.norm in ("cross", "entropy")][:2] == [
        "Cross",
        "Entropy",
    ]
    assert "tensorflow" in words and "crossentropyloss" in words and "relu" in words
    result = grader.grade(
        load_bank().question("build-mlp"),
        "nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10); "
        "loss nn.CrossEntropyLoss on logits, optim Adam.",
    )
    assert "cross-entropy" in {c.concept_id for c in result.credited}
