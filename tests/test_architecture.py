"""The package tree is the architecture: each layer imports only the layers below it, no module imports
another that imports it back (imports made inside functions and for type checking included), and the library
never imports the web framework or the templates. docs/architecture.md draws the same layers."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

import zangraph

pytestmark = pytest.mark.unit

PACKAGE = Path(zangraph.__file__).resolve().parent
API = Path(__file__).resolve().parents[1] / "api"  # installed as zangraph.api

# The layers, lowest first. "core" is the modules at the top of the package (settings, errors, files,
# resources, progress): everything may use them, they use nothing of the project.
LAYERS = ["core", "model", "parse", "timeline", "store", "graph", "service", "api", "cli"]
WEB = ("fastapi", "starlette", "uvicorn", "jinja2")


def _files() -> dict[str, Path]:
    """Every module of the project by its dotted name."""
    out = {}
    for root, prefix in ((PACKAGE, "zangraph"), (API, "zangraph.api")):
        for path in root.rglob("*.py"):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if root == PACKAGE and parts[0] == "api":
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out[".".join([prefix, *parts])] = path
    return out


MODULES = _files()


def _imports(name: str, path: Path) -> set[str]:
    """Every module ``name`` imports, wherever the import statement stands (in a function, under TYPE_CHECKING)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES)
    return found


def _project(imported: str) -> str | None:
    """The project's module an import names (the module itself or the package holding the name)."""
    while imported:
        if imported in MODULES:
            return imported
        imported = imported.rpartition(".")[0]
    return None


GRAPH = {name: {m for i in _imports(name, path) if (m := _project(i)) and m != name} for name, path in MODULES.items()}


def layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in LAYERS) else "core"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), and modules that import themselves."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_check_reads_the_whole_project():
    assert {"zangraph.parse.segmenter", "zangraph.service", "zangraph.api.app", "zangraph.cli.main",
            "zangraph.store.base"} <= set(MODULES)
    assert {layer(name) for name in MODULES} == set(LAYERS)


def test_no_module_imports_one_that_imports_it_back():
    assert _cycles(GRAPH) == []


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_each_layer_imports_only_the_layers_below_it():
    rank = {name: i for i, name in enumerate(LAYERS)}
    upward = sorted(f"{a} ({layer(a)}) imports {b} ({layer(b)})" for a, targets in GRAPH.items() for b in targets
                    if rank[layer(b)] > rank[layer(a)])
    assert upward == []


def test_the_library_never_imports_the_web_framework_or_the_templates():
    found = defaultdict(list)
    for name, path in MODULES.items():
        if layer(name) == "api":
            continue
        for imported in _imports(name, path):
            if imported.split(".")[0] in WEB:
                found[name].append(imported)
    assert dict(found) == {}
