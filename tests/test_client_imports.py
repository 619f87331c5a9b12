"""The client package's modules import each other one way only.

A cycle (``client`` needs ``claims`` needs ``client``) only works while every edge but one is
hidden in a function body or a ``TYPE_CHECKING`` block, and breaks as soon as someone moves
such an import to the top. So the graph is read from the source with :mod:`ast`, every
``import``/``from`` statement wherever it stands, and must be acyclic.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = "zitat_client"
SOURCE = Path(__file__).resolve().parent.parent / "client" / "src" / PACKAGE


def _module_name(path: Path) -> str:
    parts = [PACKAGE, *path.relative_to(SOURCE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(SOURCE.rglob("*.py"))}


def _imported(module: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The package modules one statement loads; ``from pkg import sub`` counts as ``pkg.sub``."""
    if isinstance(node, ast.Import):
        names = {alias.name for alias in node.names}
    else:
        base = node.module or ""
        if node.level:  # relative: resolve against the importing module's package
            package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
            anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            base = f"{anchor}.{base}" if base else anchor
        names = {f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names}
    return {name for name in names if name in MODULES and name != module}


def _edges(module: str) -> set[str]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    nodes = (n for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom))
    return set().union(*(_imported(module, node) for node in nodes))


def import_graph() -> dict[str, set[str]]:
    return {module: _edges(module) for module in MODULES}


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle as ``[a, b, …, a]``, or ``[]`` when the graph is acyclic (depth-first search)."""
    done: set[str] = set()
    path: list[str] = []

    def visit(node: str) -> list[str]:
        if node in path:
            return path[path.index(node):] + [node]
        if node in done:
            return []
        path.append(node)
        for target in sorted(graph[node]):
            if cycle := visit(target):
                return cycle
        path.pop()
        done.add(node)
        return []

    for node in sorted(graph):
        if cycle := visit(node):
            return cycle
    return []


def test_the_graph_is_read_from_the_source() -> None:
    graph = import_graph()
    assert {"zitat_client.client", "zitat_client.errors"} <= graph[PACKAGE]
    assert "zitat_client.taskformat" in graph["zitat_client.cli"]  # from zitat_client import taskformat


def test_cycles_are_found() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_client_modules_import_each_other_one_way() -> None:
    cycle = find_cycle(import_graph())
    assert not cycle, "import cycle: " + " -> ".join(cycle)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_package_imports_inside_functions(module: str) -> None:
    """Imports of sibling modules stand at the top, where the graph above can see them."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    hidden = [
        (node.lineno, name)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in sorted(_imported(module, node))
    ]
    assert not hidden, f"{module} imports package modules in functions: {hidden}"
