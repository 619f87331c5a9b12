"""The import graph of the server package: layers, upward imports, cycles and depth.

    python scripts/import_graph.py [--edges]

Every ``import``/``from`` statement counts, at module level or inside a function. The layers,
bottom to top, and which layers each may import:

    document, language  <-  learned  <-  extraction, claims  <-  serving, batch  <-  training

``tests/test_layers.py`` fails on an upward or sideways import or a cycle.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "server" / "src" / "zitat_server"
PACKAGE = "zitat_server"

#: Layer -> the layers it may import (besides itself).
ALLOWED: dict[str, set[str]] = {
    "root": set(),
    "document": {"root"},
    "language": {"root", "document"},
    "learned": {"root", "document", "language"},
    "extraction": {"root", "document", "language", "learned"},
    "claims": {"root", "document", "language"},
    "serving": {"root", "document", "language", "learned", "extraction", "claims"},
    "batch": {"root", "document", "language", "learned", "extraction", "claims"},
    "training": {"root", "document", "language", "learned", "extraction", "claims", "serving"},
}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE_DIR.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "root"
    return parts[1]


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE_DIR.rglob("*.py"))}


def imports(path: Path, module: str, known: set[str]) -> set[str]:
    """The package's modules that ``path`` imports (resolving ``from package import module``)."""
    found: set[str] = set()
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # "from package import module" imports the module; "from module import name" the module.
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        for name in names:
            if not name.startswith(PACKAGE):
                continue
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {m: imports(p, m, known) for m, p in mods.items()}


def violations(g: dict[str, set[str]]) -> list[str]:
    """Imports from a layer that may not import the target's layer."""
    out = []
    for m, targets in g.items():
        for t in sorted(targets):
            lm, lt = layer(m), layer(t)
            if lm != lt and lt not in ALLOWED[lm]:
                out.append(f"{m} -> {t} ({lm} may not import {lt})")
    return out


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]
    sys.setrecursionlimit(10_000)

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in g.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def depth(g: dict[str, set[str]]) -> int:
    """Floors: the longest chain of imports (acyclic graphs only)."""
    memo: dict[str, int] = {}

    def d(v: str) -> int:
        if v not in memo:
            memo[v] = 0
            memo[v] = 1 + max((d(w) for w in g[v]), default=0)
        return memo[v]

    return max(d(v) for v in g)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--edges", action="store_true", help="print every edge")
    args = p.parse_args()
    g = graph()
    print(f"{len(g)} modules, {sum(len(t) for t in g.values())} imports, {depth(g)} floors")
    bad = violations(g)
    print(f"{len(bad)} upward or sideways imports")
    for line in bad:
        print("  " + line)
    cyc = cycles(g)
    print(f"{len(cyc)} cycles")
    for c in cyc:
        print("  " + " <-> ".join(c))
    if args.edges:
        for m in sorted(g):
            for t in sorted(g[m]):
                print(f"{m} -> {t}")


if __name__ == "__main__":
    main()
