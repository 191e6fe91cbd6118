"""Tests reach shared machinery through fixtures, never by importing a conftest.

pytest imports each ``conftest.py`` under a name of its own choosing (plain
``conftest`` for ``tests/``), so a test that imports one may get a second copy
of it, with its own session state.  Shared code lives in plain modules
(:mod:`tests.paths`, :mod:`tests.plugin`, :mod:`tests.browser.served`) and
fixtures.
"""

from __future__ import annotations

import ast

import pytest

from tests.paths import ROOT

TESTS = ROOT / "tests"
SOURCES = sorted(p for p in TESTS.rglob("*.py") if "output" not in p.parts)


def _imported(path) -> list[str]:
    """Every module *path* imports, relative ones with their leading dots."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            found.append(module)
            found += [f"{module}.{alias.name}" for alias in node.names]
    return found


def test_the_sources_are_found() -> None:
    names = {p.relative_to(TESTS).as_posix() for p in SOURCES}
    assert {"conftest.py", "plugin.py", "browser/conftest.py"} <= names


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(TESTS).as_posix())
def test_no_module_imports_a_conftest(path) -> None:
    conftests = [m for m in _imported(path) if "conftest" in m.split(".")]
    assert not conftests, f"imports {conftests}; use a fixture or tests.paths"


@pytest.mark.parametrize(
    "line",
    [
        "from conftest import ROOT",
        "import conftest",
        "from .conftest import Site",
        "from . import conftest",
        "from tests.conftest import x",
        "if TYPE_CHECKING:\n    from conftest import Built",
    ],
)
def test_the_check_sees_every_spelling(tmp_path, line: str) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(f"import os\n{line}\n", "utf-8")
    assert [m for m in _imported(sample) if "conftest" in m.split(".")]


def test_make_mutate_names_files_that_exist() -> None:
    """``make mutate`` copies these; a rename must not silently drop one."""
    from tests import mutate

    for module in mutate.MODULES:
        assert (mutate.PACKAGE / module).is_file(), module
    for name in (*mutate.TESTS, *mutate.SUPPORT):
        assert (TESTS / name).is_file(), name
