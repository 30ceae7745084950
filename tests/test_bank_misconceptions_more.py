"""Added misconceptions: a paraphrase fires, a correct answer in the same words does not.

The first wrong answer of each case was written apart from the misconception's phrasings and
does not contain any of them word for word (it fires through the matcher's tolerance for gaps,
inflections and word order across phrasings); the right answers use the same words but deny,
correct or reverse the claim.
"""

from __future__ import annotations

import pytest

from interviewer.bank import Bank
from interviewer.grading import RubricGrader

# (question id, misconception id, wrong claims in other words, correct answers in the same words)
CASES: list[tuple[str, str, list[str], list[str]]] = [
    (
        "what-is-cnn",
        "new-weights-per-position",
        [
            "The filter learns different kernel weights at each image position.",
            "It keeps separate learned weights for every small patch.",
            "The kernel learns different weights for each position in the image as it slides.",
        ],
        [
            "The filter is shared, so we do not use different weights at each position.",
            "The same weights are applied at every position of the image.",
        ],
    ),
    (
        "cnn-vs-ann-images",
        "cnn-more-parameters",
        [
            "The CNN has way more learnable parameters.",
            "CNNs have more trainable weights than MLPs do.",
            "A CNN has more parameters than an MLP, so it can learn more from the image.",
        ],
        [
            "A CNN has fewer parameters than an MLP because the filters are shared.",
            "The MLP has far more weights than the CNN, which is why it overfits.",
        ],
    ),
    (
        "valid-vs-same-padding",
        "valid-pads",
        [
            "Valid padding adds extra zeros on every side.",
            "Valid padding adds a thin border.",
            "Valid padding adds zeros around the image so the filter is valid at the edges.",
        ],
        [
            "Valid padding adds no zeros at all, so the output shrinks; same pads with zeros.",
            "Same padding adds zeros around the border; valid doesn't pad.",
            "In valid padding the filter stays inside the image, and same padding "
            "adds zeros around it.",
        ],
    ),
    (
        "pooling",
        "pooling-adds-detail",
        [
            "Pooling makes every feature map a lot bigger.",
            "The pooling layer increases the resolution.",
            "The pooling layer increases the resolution of the feature maps so we see more detail.",
        ],
        [
            "Pooling does not increase the resolution; it downsamples the feature map.",
            "Pooling shrinks the feature map; upsampling layers are what make it bigger.",
        ],
    ),
    (
        "sobel-filter",
        "sobel-blurs",
        [
            "The Sobel filter blurs the input image.",
            "Sobel is a simple blur filter.",
            "The Sobel filter blurs the image to remove noise before classification.",
        ],
        [
            "Sobel is not a smoothing filter: it computes the intensity gradient to find edges.",
            "A Gaussian blur removes noise, while Sobel highlights edges.",
            "Sobel combines a smoothing filter with a derivative, so it is less "
            "sensitive to noise.",
        ],
    ),
    (
        "resnet",
        "skip-drops-layers",
        [
            "Its skip connections remove entire blocks of layers from the computation.",
            "The skip connections remove layers so the network becomes shallower and faster.",
        ],
        [
            "The skip connections do not remove layers; they add the input to the "
            "block's output, so gradients flow.",
        ],
    ),
    (
        "ml-vs-dl",
        "dl-needs-less-data",
        [
            "Deep learning generally needs much less labelled training data.",
            "Deep learning needs less data than machine learning because it learns "
            "features itself.",
        ],
        [
            "Classical ML needs less data than deep learning, which wants large datasets.",
            "Deep learning does not need less data; it typically needs far more.",
        ],
    ),
    (
        "supervised-unsupervised-dl",
        "gans-need-labels",
        [
            "GANs need carefully labelled data.",
            "GANs need labelled data, so they are supervised too.",
        ],
        [
            "GANs don't need labelled data, and autoencoders learn from unlabelled inputs.",
        ],
    ),
    (
        "tensors",
        "scalar-not-tensor",
        [
            "A tensor needs at least three separate dimensions.",
            "A scalar is not a tensor, and neither is a vector; you need three axes.",
        ],
        [
            "A scalar is a rank-0 tensor and a vector is a rank-1 tensor.",
            "A tensor generalises a matrix to more than two dimensions, but scalars count too.",
            "A tensor can have any number of dimensions, including zero.",
        ],
    ),
    (
        "rbm",
        "rbm-directed",
        [
            "An RBM is a directed graphical network.",
            "An RBM is a directed network: information flows in one direction, visible to hidden.",
        ],
        [
            "An RBM is undirected: the weights are used both from visible to hidden and back.",
            "An RBM is not feedforward; information goes both ways.",
        ],
    ),
    (
        "vanishing-exploding-gradients",
        "clipping-fixes-vanishing",
        [
            "Clipping the gradients fixes vanishing gradients.",
            "To fix vanishing gradients you use gradient clipping.",
        ],
        [
            "We fix exploding gradients with clipping and vanishing gradients with "
            "residual connections.",
            "Gradient clipping fixes exploding gradients; for vanishing gradients "
            "we use ReLU and residual connections.",
            "Clipping does not help with vanishing gradients, only exploding ones.",
        ],
    ),
    (
        "rnn-vanishing-gradients",
        "rnn-long-memory",
        [
            "An RNN remembers really long input sequences.",
            "A plain RNN remembers long sequences without a problem.",
        ],
        [
            "A plain RNN struggles to capture long range dependencies because the "
            "gradients vanish.",
            "A plain RNN does not remember long sequences well.",
        ],
    ),
    (
        "single-layer-drawbacks",
        "sigmoid-fixes-xor",
        [
            "A sigmoid activation function solves XOR for a single neuron.",
            "With a sigmoid activation it can solve XOR, the step function is the problem.",
        ],
        [
            "Even with a sigmoid a single neuron cannot solve XOR, because the "
            "boundary stays linear.",
        ],
    ),
    (
        "no-activation-function",
        "bias-adds-nonlinearity",
        [
            "The bias term still adds some non-linearity.",
            "The bias makes the model non-linear even if there are no activations.",
        ],
        [
            "The bias does not add non-linearity; the whole network stays affine.",
            "Adding a bias keeps it affine, so the result is still linear.",
        ],
    ),
    (
        "layer-bias",
        "bias-per-weight",
        [
            "Every weight has its own separate bias.",
            "Each weight has its own bias, so there is one bias per weight.",
        ],
        [
            "Each neuron has one bias, not a bias for every connection.",
            "There is one bias per neuron in each layer.",
        ],
    ),
    (
        "weight-initialisation",
        "xavier-for-relu",
        [
            "Xavier is the best scheme for ReLU.",
            "Xavier init is the best choice for ReLU networks since it keeps the variance.",
        ],
        [
            "Use He initialization with ReLU and Xavier with tanh.",
            "Xavier works for tanh, while for ReLU He initialization is better.",
        ],
    ),
    (
        "evaluate-model",
        "tune-on-test",
        [
            "I select the best model on test data.",
            "I'd tune the hyperparameters on the test set until the accuracy is highest.",
        ],
        [
            "Never tune on the test set; choose the model using the validation set.",
            "We use the validation set to pick hyperparameters and the test set only once.",
            "We tune hyperparameters on the validation set and report the final "
            "score on the test set.",
        ],
    ),
    (
        "one-hot-vs-label-encoding",
        "label-codes-no-order",
        [
            "The model ignores any order of the integer labels.",
            "Label encoding has no order, the model ignores the order of labels.",
        ],
        [
            "Label encoding implies an order, so for categories with no natural order use one-hot.",
            "The model does not ignore the order of labels; it treats them as numbers.",
        ],
    ),
    (
        "overfitting-remedies",
        "early-stop-on-train-loss",
        [
            "Early stopping monitors the training set loss.",
            "With early stopping you stop when the training loss stops decreasing.",
        ],
        [
            "Early stopping monitors the validation loss, not the training loss.",
            "Stop when the validation loss starts rising even though the training "
            "loss keeps decreasing.",
        ],
    ),
    (
        "overfitting-remedies",
        "overfitting-high-bias",
        [
            "Overfitting is mainly a bias problem.",
            "Overfitting comes from bias towards the training data.",
        ],
        [
            "Overfitting is high variance, while underfitting is high bias.",
            "Overfitting does not mean high bias; it means high variance.",
            "Overfitting is a variance problem; underfitting is a bias problem.",
            "An overfit model has high variance, while an underfit model has high bias.",
        ],
    ),
    (
        "batch-normalisation",
        "bn-no-parameters",
        [
            "Batch norm has no learnable weights or parameters.",
            "Batch norm has no learnable parameters, it is just a fixed normalisation.",
        ],
        [
            "Batch norm learns a scale gamma and a shift beta; it does have learnable parameters.",
        ],
    ),
    (
        "weight-decay",
        "l2-absolute-values",
        [
            "L2 regularization adds the absolute values.",
            "L2 adds the absolute values of the weights to the loss.",
        ],
        [
            "L1 adds the absolute values, while L2 adds the squared weights.",
        ],
    ),
    (
        "rnn-for-text",
        "rnn-parallel",
        [
            "An RNN processes all the input words in parallel.",
            "An RNN processes all words in parallel, which is why it is fast.",
        ],
        [
            "An RNN cannot process the words in parallel; it reads them one at a time.",
            "Unlike a transformer, an RNN does not read the whole sentence at once.",
        ],
    ),
    (
        "lstm-vanishing-gradients",
        "forget-one-erases",
        [
            "A forget gate of 1 completely erases the memory.",
            "When the forget gate is 1 it erases the memory of the cell.",
        ],
        [
            "A forget gate of 1 keeps the cell state; a value of 0 erases it.",
        ],
    ),
    (
        "gru-vs-lstm",
        "gru-has-cell-state",
        [
            "A GRU has its own separate cell state.",
            "The GRU has a separate cell state, just like the LSTM.",
        ],
        [
            "A GRU has no separate cell state; it merges it into the hidden state.",
            "Unlike the LSTM, the GRU does not keep a separate cell state.",
        ],
    ),
    (
        "cost-function",
        "nn-loss-convex",
        [
            "A deep neural network's loss is always convex.",
            "The neural network loss is convex, so we always reach the best solution.",
        ],
        [
            "The loss is not convex, so we may land in a local minimum.",
            "For linear regression the MSE is convex, but a neural network's loss surface is not.",
            "Gradient descent does not always find the global minimum.",
        ],
    ),
    (
        "gradient-descent-variants",
        "sgd-whole-dataset",
        [
            "SGD looks at the full training dataset.",
            "SGD needs the complete dataset for every update.",
        ],
        [
            "Batch gradient descent uses the whole dataset, while SGD uses one example.",
            "SGD does not use the whole dataset for each step.",
        ],
    ),
    (
        "adam-optimizer",
        "adam-second-order",
        [
            "Adam uses the full Hessian.",
            "Adam uses the Hessian to find better directions.",
        ],
        [
            "Adam is a first-order method; it uses the second moment of the "
            "gradients, not the Hessian.",
        ],
    ),
    (
        "transfer-learning",
        "always-freeze",
        [
            "You should always freeze all the pretrained base layers.",
            "You always freeze the pretrained layers and only train the head.",
        ],
        [
            "You do not always freeze the pretrained layers; with enough data you fine-tune them.",
            "Freeze the pretrained layers at first, then fine tune the top layers "
            "with a small learning rate.",
        ],
    ),
    (
        "pretrained-models",
        "bert-generates",
        [
            "BERT generates new text.",
            "BERT generates text like ChatGPT does.",
        ],
        [
            "BERT does not generate text left to right; it predicts masked words, "
            "while GPT-2 predicts the next word.",
        ],
    ),
    (
        "project-walkthrough",
        "leaky-preprocessing",
        [
            "We normalized the whole raw dataset before splitting.",
            "First I normalized the whole dataset before splitting it into train and test.",
        ],
        [
            "I split first and fit the scaler on the training data only, so nothing leaked.",
            "We never normalized the whole dataset before splitting.",
        ],
    ),
    (
        "minibatch-popularity",
        "batch-size-irrelevant",
        [
            "Batch size does not affect the final result.",
            "The batch size does not affect the result, only how fast an epoch is.",
        ],
        [
            "The batch size affects the noise of the gradient and the result, not just the speed.",
        ],
    ),
]


def fired(grader: RubricGrader, bank: Bank, question_id: str, answer: str) -> set[str]:
    result = grader.grade(bank.question(question_id), answer)
    return {m.misconception_id for m in result.misconceptions}


def test_the_sample_covers_at_least_fifteen_misconceptions() -> None:
    assert len({(q, m) for q, m, _, _ in CASES}) >= 15


@pytest.mark.parametrize(("question_id", "misconception_id", "wrong", "right"), CASES)
def test_a_paraphrase_fires_and_a_correct_answer_does_not(
    bank: Bank,
    grader: RubricGrader,
    question_id: str,
    misconception_id: str,
    wrong: list[str],
    right: list[str],
) -> None:
    assert misconception_id in {m.id for m in bank.question(question_id).misconceptions}
    for answer in wrong:
        assert misconception_id in fired(grader, bank, question_id, answer), answer
    for answer in right:
        assert misconception_id not in fired(grader, bank, question_id, answer), answer
