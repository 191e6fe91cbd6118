"""Each rule of ``make lint`` (:mod:`tests.lint.rules`) sees what it forbids.

The rules pass on the repository (``python -m tests.lint``); these tests
plant each kind of mistake in a small copy and check the rule names it with
its file and line.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

from tests.lint import rules
from tests.paths import ROOT


def test_the_repository_keeps_every_rule() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.lint"],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(rules.RULES)} rules, 0 problems" in done.stdout


@pytest.fixture
def package(tmp_path):
    """A copy of the package's Python files to break."""
    copy = tmp_path / "sphinx_versus"
    shutil.copytree(
        rules.PACKAGE, copy, ignore=shutil.ignore_patterns("static", "locale", "*.mo")
    )
    (copy / "locale").mkdir()
    shutil.copy2(rules.PACKAGE / "locale" / "__init__.py", copy / "locale")
    return copy


def test_features_are_found(package) -> None:
    assert {"benchmarks", "code_compare", "comparison", "config", "locale"} <= set(
        rules.features(package)
    )
    assert rules.setup_lists_every_feature_once(package) == []
    assert rules.no_feature_registers_another(package) == []
    assert rules.public_sphinx_api_only(package) == []


def test_a_feature_left_out_of_setup(package) -> None:
    init = package / "__init__.py"
    init.write_text(init.read_text("utf-8").replace("    comparison.setup(app)\n", ""))
    (problem,) = rules.setup_lists_every_feature_once(package)
    assert "comparison.setup(app) 0 times" in problem


def test_a_feature_set_up_twice(package) -> None:
    init = package / "__init__.py"
    text = init.read_text("utf-8")
    init.write_text(text.replace("    book.setup(app)\n", "    book.setup(app)\n" * 2))
    (problem,) = rules.setup_lists_every_feature_once(package)
    assert "book.setup(app) 2 times" in problem


def test_a_feature_registering_another(package) -> None:
    module = package / "comparison" / "directive.py"
    module.write_text(module.read_text("utf-8") + "\n# benchmarks.setup(app)\n")
    (problem,) = rules.no_feature_registers_another(package)
    assert problem.endswith(
        "comparison registers benchmarks's parts; leave that to sphinx_versus.setup"
    )
    assert "comparison/directive.py:" in problem


@pytest.mark.parametrize(
    "line",
    ["x = env._viewcode_modules", "app._versus_cache = {}", "self.env.app.srcdir"],
)
def test_private_sphinx_attributes(package, line: str) -> None:
    module = package / "markup.py"
    lines = module.read_text("utf-8").count("\n")
    module.write_text(module.read_text("utf-8") + line + "\n")
    (problem,) = rules.public_sphinx_api_only(package)
    assert f"markup.py:{lines + 1}:" in problem


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
def test_the_conftest_rule_sees_every_spelling(tmp_path, line: str) -> None:
    (tmp_path / "test_sample.py").write_text(f"import os\n{line}\n", "utf-8")
    (tmp_path / "test_fine.py").write_text("from tests.paths import ROOT\n", "utf-8")
    (problem,) = rules.no_module_imports_a_conftest(tmp_path)
    assert "test_sample.py: imports" in problem


def test_the_readme_rule(tmp_path) -> None:
    readme = tmp_path / "README.md"
    text = rules.README.read_text("utf-8")
    readme.write_text(text, "utf-8")
    assert rules.readme_names_the_install_and_the_extension(readme) == []
    # said only below the PyPI part: not enough
    part = rules.readme_pypi_part(readme)
    readme.write_text(
        part.replace("{code-compare}", "{code compare}")
        + textwrap.dedent(text[len(part) :]),
        "utf-8",
    )
    (problem,) = rules.readme_names_the_install_and_the_extension(readme)
    assert "'{code-compare}'" in problem


def test_the_readme_settings_rule(tmp_path) -> None:
    readme = tmp_path / "README.md"
    text = rules.README.read_text("utf-8")
    readme.write_text(text, "utf-8")
    assert rules.readme_lists_every_setting(readme) == []
    # versus_table_max_cells was once missing from the README
    readme.write_text(text.replace("| `versus_table_max_cells` |", "|", 1), "utf-8")
    (problem,) = rules.readme_lists_every_setting(readme)
    assert "no row for 'versus_table_max_cells'" in problem


def test_ci_runs_the_readmes_test_command(tmp_path) -> None:
    readme, ci_run = tmp_path / "README.md", tmp_path / "run"
    readme.write_text(rules.README.read_text("utf-8"), "utf-8")
    ci_run.write_text(rules.CI_RUN.read_text("utf-8"), "utf-8")
    assert rules.ci_runs_the_readmes_test_command(readme, ci_run) == []
    ci_run.write_text(ci_run.read_text("utf-8") + "make check\n", "utf-8")
    (problem,) = rules.ci_runs_the_readmes_test_command(readme, ci_run)
    assert "ends with 'make check', the README says 'make test'" in problem


def test_a_test_module_outside_the_layers(tmp_path) -> None:
    for where in ("unit", "browser/site"):
        (tmp_path / where).mkdir(parents=True)
        (tmp_path / where / "test_fine.py").write_text("", "utf-8")
    (tmp_path / "test_stray.py").write_text("", "utf-8")
    (problem,) = rules.tests_sit_in_a_layer(tmp_path)
    assert "test_stray.py: a test module outside the layers" in problem
    assert "tests/{unit,build,browser,toolchain}/" in problem


def test_a_module_over_400_lines(tmp_path) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "short.py").write_text("x = 1\n" * 400, "utf-8")
    (package / "long.py").write_text("x = 1\n" * 401, "utf-8")
    (problem,) = rules.no_module_over_400_lines(tmp_path, waived={})
    assert "pkg/long.py: 401 lines, more than 400" in problem
    # a waiver covers a long module, and a waiver no longer needed is named
    waived = {"pkg/long.py": "being split", "pkg/short.py": "split", "pkg/gone.py": ""}
    problems = rules.no_module_over_400_lines(tmp_path, waived=waived)
    assert len(problems) == 2
    assert "pkg/short.py: 400 lines, within the limit; remove its waiver" in problems[0]
    assert "ext/pkg/gone.py: waived () but not found" in problems[1]
