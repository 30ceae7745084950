"""Code exercises: each model solution passes every check; wrong ones fail the right checks.

Every submission really runs in the sandbox with torch: nothing is mocked.
"""

from __future__ import annotations

import textwrap

import pytest

from interviewer.bank import Bank
from interviewer.handson.catalogue import EXERCISES
from interviewer.handson.code import extract_code, grade_code
from interviewer.handson.exercises import CHECKS
from interviewer.models import CodeQuestion


def _by_exercise(bank: Bank) -> dict[str, CodeQuestion]:
    return {q.exercise: q for q in bank.handson.values() if isinstance(q, CodeQuestion)}


def test_every_exercise_has_checks_and_a_question(bank: Bank) -> None:
    assert set(CHECKS) == set(EXERCISES)
    assert set(_by_exercise(bank)) == set(EXERCISES)
    assert len(EXERCISES) >= 8


@pytest.mark.parametrize("exercise", sorted(EXERCISES))
def test_the_model_solution_passes_every_check(bank: Bank, exercise: str) -> None:
    question = _by_exercise(bank)[exercise]
    result = grade_code(question, question.solution)
    assert result.status == "graded", result.feedback
    assert result.grade == 5.0, result.feedback
    assert len(result.checks) >= 3 and all(c.observed for c in result.checks)


WRONG: list[tuple[str, str, set[str]]] = [
    # (exercise, code, the checks that must fail: a word of each check's name)
    (
        "add-dropout",
        """
        import torch
        from torch import nn
        class MLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.hidden, self.out = nn.Linear(100, 256), nn.Linear(256, 10)
            def forward(self, x):
                return self.out(torch.relu(self.hidden(x)))
        """,
        {"zeroes about 30%", "scaled"},
    ),
    (
        "add-dropout",
        """
        import torch
        from torch import nn
        class MLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.hidden, self.out = nn.Linear(100, 256), nn.Linear(256, 10)
            def forward(self, x):
                h = torch.relu(self.hidden(x))
                return self.out(nn.functional.dropout(h, 0.3, training=True))
        """,
        {"eval mode zeroes nothing", "scaled"},
    ),
    (
        "add-dropout",
        """
        import torch
        from torch import nn
        class MLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.hidden, self.out = nn.Linear(100, 256), nn.Linear(256, 10)
            def forward(self, x):
                h = torch.relu(self.hidden(x))
                if self.training:
                    h = h * (torch.rand_like(h) > 0.3)
                return self.out(h)
        """,
        {"scaled"},
    ),
    (
        "add-dropout",
        """
        from torch import nn
        class MLP(nn.Module):
            def __init__(self):
                super().__init__()
                self.net = nn.Sequential(nn.Linear(100, 256), nn.ReLU(), nn.Dropout(0.6),
                                         nn.Linear(256, 10))
            def forward(self, x):
                return self.net(x)
        """,
        {"zeroes about 30%", "scaled"},
    ),
    (
        "mnist-mlp",
        """
        from torch import nn
        model = nn.Sequential(nn.Linear(784, 256), nn.Linear(256, 128), nn.Linear(128, 10))
        """,
        {"non-linear"},
    ),
    (
        "mnist-mlp",
        """
        from torch import nn
        model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                              nn.Linear(64, 10))
        """,
        {"235,146", "784->256"},
    ),
    (
        "mnist-mlp",
        """
        from torch import nn
        model = nn.Sequential(nn.Linear(784, 256, bias=False), nn.ReLU(),
                              nn.Linear(256, 128, bias=False), nn.ReLU(), nn.Linear(128, 10))
        """,
        {"235,146"},
    ),
    (
        "sobel-filter",
        """
        from torch import nn
        sobel = nn.Conv2d(1, 1, kernel_size=3, bias=False)
        """,
        {"vertical edge", "flat", "horizontal edge", "fixed"},
    ),
    (
        "sobel-filter",
        """
        import torch
        from torch import nn
        sobel = nn.Conv2d(1, 1, kernel_size=3, bias=False)
        with torch.no_grad():
            sobel.weight.copy_(torch.tensor([[[[-1., -2., -1.], [0., 0., 0.], [1., 2., 1.]]]]))
        sobel.weight.requires_grad_(False)
        """,
        {"vertical edge", "horizontal edge"},
    ),
    (
        "sobel-filter",
        """
        import torch
        from torch import nn
        sobel = nn.Conv2d(1, 1, kernel_size=3, bias=False)
        with torch.no_grad():
            sobel.weight.copy_(torch.tensor([[[[-1., 0., 1.], [-2., 0., 2.], [-1., 0., 1.]]]]))
        """,
        {"fixed"},
    ),
    (
        "custom-activation",
        """
        import torch
        class Swish(torch.nn.Module):
            def forward(self, x):
                return torch.relu(x)
        """,
        {"equals x * sigmoid", "gradient"},
    ),
    (
        "custom-activation",
        """
        import torch
        class Swish(torch.nn.Module):
            def forward(self, x):
                return torch.sigmoid(x)
        """,
        {"equals x * sigmoid", "gradient"},
    ),
    (
        "custom-activation",
        """
        import torch
        def Swish():
            return lambda x: x * torch.sigmoid(x)
        """,
        {"nn.Module"},
    ),
    (
        "residual-block",
        """
        from torch import nn
        class ResidualBlock(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.branch = nn.Sequential(nn.Linear(dim, dim), nn.ReLU(), nn.Linear(dim, dim))
            def forward(self, x):
                return self.branch(x)
        """,
        {"skip connection", "identity"},
    ),
    (
        "residual-block",
        """
        from torch import nn
        class ResidualBlock(nn.Module):
            def __init__(self, dim):
                super().__init__()
                self.branch = nn.Sequential(nn.Linear(dim, dim), nn.ReLU(), nn.Linear(dim, dim))
            def forward(self, x):
                return x.detach() + self.branch(x)
        """,
        {"skip connection"},
    ),
    (
        "residual-block",
        """
        from torch import nn
        class ResidualBlock(nn.Module):
            def __init__(self, dim):
                super().__init__()
            def forward(self, x):
                return x
        """,
        {"trainable layers"},
    ),
    (
        "training-loop",
        """
        import torch
        def train(model, x, y, steps):
            opt = torch.optim.SGD(model.parameters(), lr=0.1)
            losses = []
            for _ in range(steps):
                opt.zero_grad()
                loss = torch.nn.functional.mse_loss(model(x), y)
                loss.backward()
                losses.append(loss.item())
            return losses
        """,
        {"falls", "below 0.05", "updated"},
    ),
    (
        "training-loop",
        """
        import torch
        def train(model, x, y, steps):
            opt = torch.optim.SGD(model.parameters(), lr=1e-5)
            losses = []
            for _ in range(steps):
                opt.zero_grad()
                loss = torch.nn.functional.mse_loss(model(x), y)
                loss.backward()
                opt.step()
                losses.append(loss.item())
            return losses
        """,
        {"falls", "below 0.05"},
    ),
    (
        "training-loop",
        """
        def train(model, x, y, steps):
            return []
        """,
        {"returns 200", "falls", "below 0.05", "updated"},
    ),
    (
        "he-init",
        """
        from torch import nn
        def init_layer(layer):
            nn.init.xavier_normal_(layer.weight)
            nn.init.zeros_(layer.bias)
        """,
        {"fan_in 1000", "fan_in 50"},
    ),
    (
        "he-init",
        """
        from torch import nn
        def init_layer(layer):
            nn.init.kaiming_normal_(layer.weight, mode="fan_out", nonlinearity="relu")
            nn.init.zeros_(layer.bias)
        """,
        {"fan_in 1000", "fan_in 50"},
    ),
    (
        "he-init",
        """
        from torch import nn
        def init_layer(layer):
            nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
        """,
        {"biases are zero"},
    ),
    (
        "fix-zero-grad",
        """
        import torch
        def train(model, x, y, steps):
            opt = torch.optim.SGD(model.parameters(), lr=0.05)
            for _ in range(steps):
                loss = torch.nn.functional.mse_loss(model(x), y)
                loss.backward()
                opt.step()
        """,
        {"correct SGD run", "running sum", "goes down"},
    ),
    (
        "fix-zero-grad",
        """
        import torch
        def train(model, x, y, steps):
            opt = torch.optim.SGD(model.parameters(), lr=0.05)
            for _ in range(steps):
                loss = torch.nn.functional.mse_loss(model(x), y)
                loss.backward()
                opt.zero_grad()
                opt.step()
        """,
        {"correct SGD run", "goes down"},
    ),
    (
        "fix-eval-mode",
        """
        def evaluate(model, x):
            return model(x)
        """,
        {"eval-mode outputs", "same predictions", "no gradients", "running statistics"},
    ),
    (
        "fix-eval-mode",
        """
        import torch
        def evaluate(model, x):
            with torch.no_grad():
                return model(x)
        """,
        {"eval-mode outputs", "same predictions", "running statistics"},
    ),
    (
        "fix-eval-mode",
        """
        def evaluate(model, x):
            model.eval()
            return model(x)
        """,
        {"no gradients"},
    ),
]


@pytest.mark.parametrize(("exercise", "code", "failing"), WRONG)
def test_a_wrong_submission_fails_exactly_the_checks_it_should(
    bank: Bank, exercise: str, code: str, failing: set[str]
) -> None:
    question = _by_exercise(bank)[exercise]
    result = grade_code(question, textwrap.dedent(code))
    assert result.status == "graded", result.feedback
    failed = [c.name for c in result.checks if not c.passed]
    for word in failing:
        assert any(word in name for name in failed), (word, failed, result.feedback)
    assert len(failed) == len(failing), (failed, result.feedback)
    assert 0 <= result.grade < 5.0
    for check in result.checks:  # each check is named with what it saw
        assert f"[{'PASS' if check.passed else 'FAIL'}] {check.name}: {check.observed}" in (
            result.feedback
        )


def test_the_grade_is_the_weighted_share_of_checks(bank: Bank) -> None:
    question = _by_exercise(bank)["he-init"]
    code = (
        "from torch import nn\ndef init_layer(layer):\n    nn.init.kaiming_normal_(layer.weight)\n"
    )
    result = grade_code(question, code)
    total = sum(c.weight for c in result.checks)
    passed = sum(c.weight for c in result.checks if c.passed)
    assert result.grade == round(5 * passed / total, 1) == 4.0


def test_code_in_a_markdown_fence_is_extracted() -> None:
    answer = "Here you go:\n```python\nx = 1\n```\nand that's it"
    assert extract_code(answer) == "x = 1\n"
    assert extract_code("y = 2") == "y = 2"


def test_an_empty_submission_is_not_run(bank: Bank) -> None:
    result = grade_code(_by_exercise(bank)["mnist-mlp"], "   \n")
    assert result.status == "no_answer" and result.grade == 0.0


def test_a_syntax_error_is_found_without_starting_a_process(bank: Bank) -> None:
    question = _by_exercise(bank)["mnist-mlp"]
    result = grade_code(question, "from torch import nn\nmodel = nn.Sequential(\n")
    assert result.status == "syntax_error" and result.details["seconds"] == 0.0
    assert "syntax error on line 2" in result.feedback


def test_prose_for_a_code_exercise_is_told_to_write_python(bank: Bank) -> None:
    result = grade_code(_by_exercise(bank)["mnist-mlp"], "I don't know how to do this")
    assert result.status == "syntax_error" and result.grade == 0.0
    assert "write the Python itself" in result.feedback


def test_a_huge_paste_is_refused_before_anything_runs(bank: Bank) -> None:
    result = grade_code(_by_exercise(bank)["mnist-mlp"], "x = 1\n" * 20_000)
    assert result.status == "no_answer" and "characters" in result.feedback
