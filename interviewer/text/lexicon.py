"""The general lexicon: abbreviations and variant spellings candidates use.

It is applied to rubric phrasings and to answers alike, so "BN", "batchnorm" and
"batch norm" all become "batch normalization" on both sides. Rubric-specific
alternatives belong in a concept's ``synonyms``, not here.

Keys and values are in normal form (lower case, American spelling). Keys are
matched by stem, so plurals ("nns", "params") need no entries of their own.
"""

from __future__ import annotations

from functools import lru_cache

from interviewer.text.stem import stem

__all__ = ["LEXICON", "lexicon_index"]

LEXICON: dict[str, str] = {
    # networks: named architectures contract to their acronym, so that
    # "convolutional layer" is not matched by the "convolutional" of "CNN"
    "nn": "neural network",
    "neural net": "neural network",
    "ann": "artificial neural network",
    "dnn": "deep neural network",
    "deep net": "deep neural network",
    "convnet": "cnn",
    "conv net": "cnn",
    "convolutional net": "cnn",
    "convolutional network": "cnn",
    "convolutional neural network": "cnn",
    "recurrent net": "rnn",
    "recurrent network": "rnn",
    "recurrent neural network": "rnn",
    "multilayer perceptron": "mlp",
    "multi layer perceptron": "mlp",
    "long short term memory": "lstm",
    "gated recurrent unit": "gru",
    "grus": "gru",
    "generative adversarial network": "gan",
    "restricted boltzmann machine": "rbm",
    "support vector machine": "svm",
    "res net": "resnet",
    # layers, activations, normalisation
    "rectified linear unit": "relu",
    "rectifier": "relu",
    "relus": "relu",
    "hyperbolic tangent": "tanh",
    "bn": "batch normalization",
    "batchnorm": "batch normalization",
    "batch norm": "batch normalization",
    "layernorm": "layer normalization",
    "layer norm": "layer normalization",
    "fc": "fully connected",
    "conv": "convolution",
    "maxpool": "max pooling",
    "maxpooling": "max pooling",
    "max pool": "max pooling",
    "non linearity": "nonlinearity",
    "non linear": "nonlinear",
    "drop out": "dropout",
    # training
    "backprop": "backpropagation",
    "back prop": "backpropagation",
    "back propagation": "backpropagation",
    "backpropagate": "backpropagation",
    "bptt": "backpropagation through time",
    "lr": "learning rate",
    "sgd": "stochastic gradient descent",
    "gd": "gradient descent",
    "grad": "gradient",
    "param": "parameter",
    # terse notation: "shrinks w toward 0", "a lower-capacity fn"
    "w": "weight",
    "fn": "function",
    "seq": "sequence",
    "enc": "encoding",
    "col": "column",
    "dim": "dimension",
    "feat": "feature",
    "img": "image",
    "avg": "average",
    "acc": "accuracy",
    "optim": "optimizer",
    "fwd": "forward",
    "bwd": "backward",
    "arch": "architecture",
    "hyperparam": "hyperparameter",
    "hyper parameter": "hyperparameter",
    "init": "initialization",
    "he init": "kaiming initialization",
    "he initialization": "kaiming initialization",
    "he normal": "kaiming initialization",
    "kaiming": "kaiming initialization",
    "kaiming init": "kaiming initialization",
    "kaiming initialization": "kaiming initialization",
    "xavier": "xavier initialization",
    "xavier init": "xavier initialization",
    "xavier initialization": "xavier initialization",
    "glorot": "xavier initialization",
    "glorot initialization": "xavier initialization",
    "mini batch": "minibatch",
    "pre trained": "pretrained",
    "pre train": "pretrain",
    "fine tune": "finetune",
    "fine tuning": "finetuning",
    "over fitting": "overfitting",
    "overfit": "overfitting",
    "under fitting": "underfitting",
    "underfit": "underfitting",
    "data set": "dataset",
    "val": "validation",
    "mse": "mean squared error",
    "mean square error": "mean squared error",
    # fields
    "ml": "machine learning",
    "dl": "deep learning",
    "ai": "artificial intelligence",
    # naming: "X, also called Y" is a claim about names ("also" and "called"
    # are stop-words, so without this the claim cannot be told from a contrast)
    "also called": "aka",
    "also known as": "aka",
    "nlp": "natural language processing",
}


@lru_cache(maxsize=1)
def lexicon_index() -> dict[tuple[str, ...], tuple[str, ...]]:
    """The lexicon keyed by the stems of each key's words.

    Returns:
        ``{key stems: canonical words}``, e.g. ``("batch", "norm") -> ("batch",
        "normalization")``.
    """
    index: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key, value in LEXICON.items():
        words = tuple(value.split())
        index[tuple(stem(w) for w in key.split())] = words
        index.setdefault(tuple(key.split()), words)
    return index
