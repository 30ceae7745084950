"""The house: no import circles inside ``interviewer/``, and no module of 400 lines or more.

The import graph is read statically with :mod:`ast`, without importing anything.
Every ``import`` statement of a module counts, wherever it stands: at module
level, inside a function (a lazy import defers the cost, not the dependency)
and under ``if TYPE_CHECKING:`` (a type-only import is still a dependency that
mypy and the reader follow). Both circles once found in this package hid that
way, behind a lazy import on one side and a lazy or TYPE_CHECKING import on the
other, so a graph of module-level imports alone would not have seen them.

An edge goes to the deepest module of the package an import names:
``from interviewer.grading import grader`` is an edge to ``interviewer.grading.grader``
when that is a module, ``from interviewer.grading import RubricGrader`` one to
the package ``interviewer.grading`` (its ``__init__``). Relative imports are
resolved. The parent packages that Python imports on the way are not edges (every
package's ``__init__`` would otherwise form a circle with its own submodules),
and imports by computed name (``importlib.import_module``) are not seen.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import interviewer

PACKAGE_DIR = Path(interviewer.__file__).parent
MAX_LINES = 400
"""Every module must stay under this many lines."""


@dataclass(frozen=True)
class Module:
    """One Python file of a package: its dotted name, its path, whether it is a package."""

    name: str
    path: Path
    is_package: bool


def find_modules(package_dir: Path) -> dict[str, Module]:
    """Every ``.py`` file under ``package_dir``, by dotted module name."""
    root = package_dir.parent
    modules: dict[str, Module] = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        name = ".".join(parts)
        modules[name] = Module(name, path, is_package)
    return modules


def _resolve(module: Module, node: ast.ImportFrom) -> str:
    """The absolute module a ``from ... import`` statement imports from."""
    if not node.level:
        return node.module or ""
    base = module.name.split(".")
    if not module.is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _deepest(name: str, modules: dict[str, Module]) -> str | None:
    """The longest prefix of ``name`` that is a module of the package, if any."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module: Module, modules: dict[str, Module]) -> dict[str, int]:
    """The package's modules that ``module`` imports anywhere, each with its first line."""
    found: dict[str, int] = {}
    for node in ast.walk(ast.parse(module.path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(module, node)
            names = [
                f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source
                for alias in node.names
            ]
        else:
            continue
        for name in names:
            target = _deepest(name, modules)
            if target is not None and target != module.name:
                found[target] = min(found.get(target, node.lineno), node.lineno)
    return found


def import_graph(package_dir: Path) -> dict[str, dict[str, int]]:
    """Module -> the modules it imports (with the line of the first such import)."""
    modules = find_modules(package_dir)
    return {name: imports_of(module, modules) for name, module in modules.items()}


def import_circles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected groups of two or more modules (Tarjan's algorithm), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(circles)


def describe(circle: list[str], graph: dict[str, dict[str, int]]) -> str:
    """One circle as the imports that close it: ``a:12 -> b``, one per line."""
    members = set(circle)
    edges = [
        f"    {source}:{line} imports {target}"
        for source in circle
        for target, line in sorted(graph[source].items())
        if target in members
    ]
    return " <-> ".join(circle) + "\n" + "\n".join(edges)


def test_no_import_circle_inside_the_package() -> None:
    graph = import_graph(PACKAGE_DIR)
    circles = import_circles(graph)
    assert not circles, "import circles:\n" + "\n".join(describe(c, graph) for c in circles)


def test_every_module_is_under_400_lines() -> None:
    too_long = {}
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines >= MAX_LINES:
            too_long[str(path.relative_to(PACKAGE_DIR.parent))] = lines
    assert not too_long, f"modules of {MAX_LINES} lines or more: {too_long}"


def test_the_graph_sees_the_package_and_its_lazy_imports() -> None:
    graph = import_graph(PACKAGE_DIR)
    assert len(graph) > 100
    # a module-level import, and an import inside a function (the sub-command's run)
    assert "interviewer.errors" in graph["interviewer.loader"]
    assert "interviewer.evaluation.agreement" in graph["interviewer.cli.evaluate"]


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "pkg"


def test_the_circle_check_sees_lazy_type_checking_and_relative_imports(tmp_path: Path) -> None:
    package = _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            # a lazy import one way, a type-only import the other: a circle
            "pkg/lazy.py": "def f():\n    from pkg.typed import T\n",
            "pkg/typed.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from pkg.lazy import f\nT = int\n"
            ),
            # relative imports, 'from . import module' and 'from .. import name'
            "pkg/sub/__init__.py": "from .inner import x\n",
            "pkg/sub/inner.py": "from .. import sub\nx = 1\n",
            "pkg/one.py": "from . import two\n",
            "pkg/two.py": "import pkg.one\n",
            # no circle: a chain, and an import of something outside the package
            "pkg/leaf.py": "import json\nfrom pkg.typed import T\n",
        },
    )
    graph = import_graph(package)
    assert graph["pkg.sub.inner"] == {"pkg.sub": 1}
    assert graph["pkg.leaf"] == {"pkg.typed": 2}
    assert import_circles(graph) == [
        ["pkg.lazy", "pkg.typed"],
        ["pkg.one", "pkg.two"],
        ["pkg.sub", "pkg.sub.inner"],
    ]
    assert "pkg.lazy:2 imports pkg.typed" in describe(["pkg.lazy", "pkg.typed"], graph)


def test_a_package_without_circles_passes(tmp_path: Path) -> None:
    package = _write(
        tmp_path,
        {
            "pkg/__init__.py": "from pkg.a import A\n",
            "pkg/a.py": "from pkg.b import B\nA = 1\n",
            "pkg/b.py": "def f():\n    from pkg import c\nB = 2\n",
            "pkg/c.py": "",
        },
    )
    assert import_circles(import_graph(package)) == []
