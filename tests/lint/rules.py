"""Rules about the repository's shape that need no build: they run as lint.

Each rule reads files with ``ast`` or a regular expression and returns its
problems as ``path:line: message`` strings, so ``make lint`` (``python -m
tests.lint``) fails in well under a second instead of collecting ~190 pytest
cases.  The import rules (no feature importing another, pure modules without
Sphinx, no cycles) are import-linter contracts in ``pyproject.toml``;
``tests/unit/test_lint_rules.py`` shows that each rule here can fail.
"""

from __future__ import annotations

import ast
import re
from typing import TYPE_CHECKING

from tests.paths import ROOT

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

EXT = ROOT / "ext"
PACKAGE = EXT / "sphinx_versus"
TESTS = ROOT / "tests"
README = ROOT / "README.md"

Problems = list[str]


def _where(path: Path, line: int = 0) -> str:
    try:
        shown = path.relative_to(ROOT).as_posix()
    except ValueError:
        shown = path.as_posix()
    return f"{shown}:{line}" if line else shown


def _python_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "output" not in p.parts)


# -- the package ---------------------------------------------------------------


def features(package: Path = PACKAGE) -> list[str]:
    """Subpackages and modules with a ``setup(app)`` of their own."""
    found = []
    for path in sorted(package.iterdir()):
        module = path / "__init__.py" if path.is_dir() else path
        if module.suffix != ".py" or module == package / "__init__.py":
            continue
        if not module.is_file():
            continue
        tree = ast.parse(module.read_text("utf-8"))
        if any(
            isinstance(node, ast.FunctionDef) and node.name == "setup"
            for node in tree.body
        ):
            found.append(path.stem if path.is_file() else path.name)
    return found


def setup_lists_every_feature_once(package: Path = PACKAGE) -> Problems:
    """``sphinx_versus.setup`` calls each part's ``setup(app)`` exactly once."""
    init = package / "__init__.py"
    source = init.read_text("utf-8")
    calls = re.findall(r"^\s+(\w+)\.setup\(app\b[^)]*\)$", source, re.M)
    problems = []
    for name in features(package):
        if calls.count(name) != 1:
            problems.append(
                f"{_where(init)}: setup() calls {name}.setup(app) "
                f"{calls.count(name)} times; call it exactly once"
            )
    for name in sorted(set(calls) - set(features(package))):
        problems.append(f"{_where(init)}: {name}.setup is not a part with setup()")
    return problems


def no_feature_registers_another(package: Path = PACKAGE) -> Problems:
    """Only a feature's own package connects its directives and transforms."""
    names = [n for n in features(package) if (package / n).is_dir()]
    problems = []
    for own in names:
        for path in _python_files(package / own):
            for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
                for other in names:
                    if other != own and f"{other}.setup" in line:
                        problems.append(
                            f"{_where(path, number)}: {own} registers {other}'s "
                            f"parts; leave that to sphinx_versus.setup"
                        )
    return problems


_PRIVATE = re.compile(
    r"\b(?:env|app|builder|config|registry|self\.env|self\.app|self\.builder)"
    r"\._[a-z]\w*"
)
_STUCK_ON = re.compile(r"\b(?:self|builder|app)\._versus")
# The application through a transform or the environment: deprecated in
# Sphinx 9, removed in 11.
_APP_VIA = re.compile(r"\b(?:self|env|self\.env)\.app\b")


def public_sphinx_api_only(package: Path = PACKAGE) -> Problems:
    """No private Sphinx attribute, nothing stuck onto Sphinx's objects."""
    problems = []
    for path in _python_files(package):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            for pattern, why in (
                (_STUCK_ON, "an attribute of ours stuck onto Sphinx's object"),
                (_PRIVATE, "a private Sphinx attribute"),
                (_APP_VIA, "the application through a transform or env"),
            ):
                if found := pattern.search(line):
                    problems.append(
                        f"{_where(path, number)}: {found.group()} is {why}; "
                        "use the public API"
                    )
                    break  # one problem per line
    return problems


# -- the tests -----------------------------------------------------------------


def imported_modules(source: str) -> list[str]:
    """Every module *source* imports, relative ones with their leading dots."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            found.append(module)
            found += [f"{module}.{alias.name}" for alias in node.names]
    return found


def no_module_imports_a_conftest(folder: Path = TESTS) -> Problems:
    """Shared test code is reached through fixtures or plain modules.

    pytest imports each ``conftest.py`` under a name of its own choosing, so
    a module importing one may get a second copy with its own session state.
    """
    problems = []
    for path in _python_files(folder):
        modules = imported_modules(path.read_text("utf-8"))
        conftests = [m for m in modules if "conftest" in m.split(".")]
        if conftests:
            problems.append(
                f"{_where(path)}: imports {conftests}; use a fixture or tests.paths"
            )
    return problems


LAYERS = ("unit", "build", "browser", "toolchain")


def tests_sit_in_a_layer(folder: Path = TESTS) -> Problems:
    """Every test module is in a layer's folder, so ``make check`` knows it."""
    return [
        f"{_where(path)}: a test module outside the layers; move it into "
        f"tests/{{{','.join(LAYERS)}}}/ (CONTRIBUTING.md says which)"
        for path in sorted(folder.rglob("test_*.py"))
        if path.relative_to(folder).parts[0] not in LAYERS
    ]


def make_mutate_names_files_that_exist() -> Problems:
    """``make mutate`` copies these; a rename must not silently drop one."""
    from tests import mutate

    problems = []
    for module in mutate.MODULES:
        if not (mutate.PACKAGE / module).is_file():
            problems.append(f"tests/mutate.py: no module {module}")
    for name in (*mutate.TESTS, *mutate.SUPPORT):
        if not (TESTS / name).is_file():
            problems.append(f"tests/mutate.py: no test file tests/{name}")
    return problems


#: One job per module: past this a module holds more than one; split it by job.
MAX_MODULE_LINES = 400
#: Modules over the limit while another branch splits them, each with the
#: reason; a waiver that is no longer needed is itself a problem, so it goes.
WAIVED: dict[str, str] = {}


def no_module_over_400_lines(
    folder: Path = EXT, waived: dict[str, str] | None = None
) -> Problems:
    """Every module in ``ext/`` is at most :data:`MAX_MODULE_LINES` lines."""
    waived = WAIVED if waived is None else waived
    problems = []
    for path in _python_files(folder):
        name = path.relative_to(folder).as_posix()
        lines = len(path.read_text("utf-8").splitlines())
        if lines > MAX_MODULE_LINES and name not in waived:
            problems.append(
                f"{_where(path)}: {lines} lines, more than {MAX_MODULE_LINES}; "
                "split it by job, each new module named after its job"
            )
        elif lines <= MAX_MODULE_LINES and name in waived:
            problems.append(
                f"{_where(path)}: {lines} lines, within the limit; remove its "
                "waiver from tests/lint/rules.py (WAIVED)"
            )
    problems += [
        f"ext/{name}: waived ({why}) but not found; remove its waiver from "
        "tests/lint/rules.py (WAIVED)"
        for name, why in waived.items()
        if not (folder / name).is_file()
    ]
    return problems


# -- the README (the PyPI page) -----------------------------------------------

README_MUST_SAY = (
    "pip install sphinx-versus",
    'pip install "sphinx-versus[charts]"',
    'extensions = ["sphinx_versus"]',
    "https://sphinx-versus.readthedocs.io",
    "{comparison-table}",
    "{code-compare}",
    "{benchmark-table}",
    "{benchmark-chart}",
)


def readme_pypi_part(readme: Path = README) -> str:
    """The README down to a "Developing" part, if it has one (the PyPI page)."""
    return readme.read_text("utf-8").split("\n# Developing sphinx-versus", 1)[0]


def readme_names_the_install_and_the_extension(readme: Path = README) -> Problems:
    part = readme_pypi_part(readme)
    return [
        f"{_where(readme)}: the PyPI part does not say {text!r}"
        for text in README_MUST_SAY
        if text not in part
    ]


def readme_lists_every_setting(readme: Path = README) -> Problems:
    """Each ``versus_*`` value of ``config.py`` has a row in the README's table.

    The names are the first argument of each ``ConfigValue(...)`` in
    ``config.py``'s source (``ast``): the rule runs without importing the
    package.
    """
    source = (PACKAGE / "config.py").read_text("utf-8")
    names = {
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "ConfigValue"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    rows = set(re.findall(r"^\| `(versus_[a-z_]+)` \|", readme_pypi_part(readme), re.M))
    return [
        f"{_where(readme)}: the configuration table has no row for {name!r}"
        for name in sorted(names - rows)
    ]


CI_RUN = ROOT / ".ci" / "run"


def ci_runs_the_readmes_test_command(
    readme: Path = README, ci_run: Path = CI_RUN
) -> Problems:
    """``.ci/run`` ends with the command the README's "Running the tests" gives.

    A contributor and CI then run the same thing; changing one alone fails.
    """
    section = re.search(
        r"^## Running the tests\n(.*?)(?=^## |\Z)",
        readme.read_text("utf-8"),
        re.M | re.S,
    )
    block = section and re.search(r"^```sh\n(.*?)^```", section.group(1), re.M | re.S)
    if not block:
        return [f'{_where(readme)}: no "## Running the tests" section with a sh block']
    command = block.group(1).strip()
    lines = [
        line.strip()
        for line in ci_run.read_text("utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines or lines[-1] != command:
        last = lines[-1] if lines else ""
        return [f"{_where(ci_run)}: ends with {last!r}, the README says {command!r}"]
    return []


RULES: tuple[Callable[[], Iterable[str]], ...] = (
    setup_lists_every_feature_once,
    no_feature_registers_another,
    public_sphinx_api_only,
    no_module_over_400_lines,
    no_module_imports_a_conftest,
    tests_sit_in_a_layer,
    make_mutate_names_files_that_exist,
    readme_names_the_install_and_the_extension,
    readme_lists_every_setting,
    ci_runs_the_readmes_test_command,
)
