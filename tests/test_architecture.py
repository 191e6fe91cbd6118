"""The package keeps the shape ARCHITECTURE.md promises.

Imports are read from the source with ``ast`` (module level, inside
functions and under ``TYPE_CHECKING`` alike), so a cycle or a feature reaching
into another feature fails here before it confuses a reader.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ext" / "sphinx_versus"
FEATURES = ("benchmarks", "book", "code_compare", "comparison", "table_output")
SHARED = {
    "config",
    "datafiles",
    "nodes",
    "assets",
    "locale",
    "markup",
    "limits",
    "options",
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every sphinx_versus module *path* imports, resolved to a module name."""
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("sphinx_versus")}
        elif isinstance(node, ast.ImportFrom) and node.module:
            if not node.module.startswith("sphinx_versus"):
                continue
            found.add(node.module)
            # ``from sphinx_versus import benchmarks`` imports a module too
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return found & MODULES.keys()


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {name: _imports(path) - {name} for name, path in MODULES.items()}


def _cycle() -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        stack.append(name)
        for target in sorted(GRAPH[name]):
            # a package's __init__ importing its own submodules is wiring
            if target.startswith(name + "."):
                continue
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[name] = 2
        return None

    for name in sorted(GRAPH):
        if name not in state and (found := visit(name)):
            return found
    return None


def test_the_module_graph_is_read() -> None:
    assert "sphinx_versus.benchmarks.table" in GRAPH
    assert "sphinx_versus.nodes" in GRAPH["sphinx_versus.benchmarks.table"]


def test_no_import_cycles() -> None:
    assert _cycle() is None, " -> ".join(_cycle() or [])


def _feature(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in FEATURES else None


def _above_features(module: str) -> bool:
    return module == "sphinx_versus" or module.startswith("sphinx_versus.cli")


def test_nothing_in_the_extension_imports_the_command_line() -> None:
    """A build never loads the CLI (nor its Markdown and JSON5 readers)."""
    for module, targets in GRAPH.items():
        if not _above_features(module):
            assert not any(t.startswith("sphinx_versus.cli") for t in targets), module


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_features_use_only_shared_modules(module: str) -> None:
    """A feature imports its own modules and the shared ones, never another's."""
    own = _feature(module)
    for target in GRAPH[module]:
        theirs = _feature(target)
        # setup() and the command line sit above the features: the CLI reads
        # their option specs and parsers so its checks match the build's.
        if _above_features(module) or theirs in (None, own):
            continue
        pytest.fail(f"{module} imports {target} (feature {theirs!r})")
    if own is not None:
        shared = {t.split(".")[1] for t in GRAPH[module] if _feature(t) is None}
        assert shared <= SHARED, f"{module} imports {shared - SHARED}"


def test_setup_lists_every_feature_once() -> None:
    source = (PACKAGE / "__init__.py").read_text("utf-8")
    calls = re.findall(r"^\s+(\w+)\.setup\(app\)$", source, re.MULTILINE)
    assert sorted(calls) == sorted(["config", "locale", *FEATURES])
    assert len(calls) == len(set(calls))


def test_no_feature_registers_another() -> None:
    """Only a feature's own package connects its directives and transforms."""
    for module, path in MODULES.items():
        if _feature(module) is None:
            continue
        text = path.read_text("utf-8")
        for other in FEATURES:
            if other != _feature(module):
                assert f"{other}.setup" not in text, (module, other)


PRIVATE = re.compile(
    r"\b(?:env|app|builder|config|registry|self\.env|self\.app|self\.builder)"
    r"\._[a-z]\w*"
)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_sphinx_attributes(module: str) -> None:
    text = MODULES[module].read_text("utf-8")
    assert not PRIVATE.findall(text), PRIVATE.findall(text)
    # and nothing stuck onto Sphinx's objects under a name of ours
    assert not re.findall(r"\b(?:self|builder|app)\._versus", text)
    # nor the application through a transform or the environment: both are
    # deprecated in Sphinx 9 (removed in 11)
    assert not re.findall(r"\b(?:self|env|self\.env)\.app\b", text)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_says_its_job(module: str) -> None:
    docstring = ast.get_docstring(ast.parse(MODULES[module].read_text("utf-8")))
    assert docstring, f"{module} has no docstring"
