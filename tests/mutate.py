"""``make mutate``: mutation testing of the pure modules with mutmut.

mutmut finds a package only under ``src/`` (or the working directory), and
names every mutant after that path, so this stages a copy of the project in
``build/mutate/`` -- the package as ``src/sphinx_versus``, the fast unit tests
of the pure modules and the data file they read -- runs ``mutmut run`` there,
and prints the score of each module: killed, survived, total.  Surviving
mutants are written with their diffs to ``build/mutate/survivors.txt``.

Not part of ``make test`` or CI: a full run takes tens of minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tests.paths import DOCS, ROOT

STAGE = ROOT / "build" / "mutate"
PACKAGE = ROOT / "ext" / "sphinx_versus"

#: The modules that know nothing of Sphinx, and the tests that exercise them.
MODULES = (
    "comparison/rows.py",
    "benchmarks/numbers.py",
    "benchmarks/compare.py",
    "benchmarks/data.py",
    "datafiles.py",
)
TESTS = (
    "unit/test_table_rows.py",
    "unit/test_benchmark_numbers.py",
    "unit/test_benchmark_data.py",
    "unit/test_datafiles.py",
    "unit/test_pure_edges.py",
)
#: What the tests import besides the package, or read from disk.
SUPPORT = ("conftest.py", "plugin.py", "paths.py")

CONFIG = """\
[tool.mutmut]
source_paths = ["src"]
only_mutate = [{only}]
pytest_add_cli_args_test_selection = [{tests}]
pytest_add_cli_args = ["-q", "-p", "no:cacheprovider", "--hypothesis-seed=0"]
also_copy = ["docs"]

[tool.pytest.ini_options]
pythonpath = ["."]
addopts = "-ra --strict-markers"
markers = ["toolchain: unused here", "browser: unused here", "pdf: unused here",
           "snippets: unused here"]
filterwarnings = ["ignore::DeprecationWarning"]
"""


def _quoted(items: list[str]) -> str:
    return ", ".join(f'"{item}"' for item in items)


def stage() -> None:
    """A fresh copy of the package, the unit tests and their data."""
    shutil.rmtree(STAGE, ignore_errors=True)
    shutil.copytree(
        PACKAGE,
        STAGE / "src" / "sphinx_versus",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (STAGE / "tests" / "unit").mkdir(parents=True)
    (STAGE / "tests" / "unit" / "__init__.py").touch()
    for name in (*SUPPORT, *TESTS):
        shutil.copy2(ROOT / "tests" / name, STAGE / "tests" / name)
    (STAGE / "docs" / "data").mkdir(parents=True)
    shutil.copy2(DOCS / "data" / "benchmarks.csv", STAGE / "docs" / "data")
    (STAGE / "pyproject.toml").write_text(
        CONFIG.format(
            only=_quoted([f"src/sphinx_versus/{m}" for m in MODULES]),
            tests=_quoted([f"tests/{t}" for t in TESTS]),
        ),
        "utf-8",
    )


def mutmut(*args: str, capture: bool = False) -> str:
    command = [str(Path(sys.executable).with_name("mutmut")), *args]
    done = subprocess.run(
        command,
        cwd=STAGE,
        check=not capture,
        capture_output=capture,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    return done.stdout if capture else ""


def score() -> str:
    """Killed/survived/total per module, and the survivors with their diffs."""
    statuses: dict[str, Counter[str]] = defaultdict(Counter)
    survivors: list[str] = []
    for line in mutmut("results", "--all", "true", capture=True).splitlines():
        found = re.fullmatch(r"\s*(\S+): (.+)", line)
        if not found:
            continue
        name, status = found.groups()
        statuses[name.rsplit(".", 1)[0]][status] += 1
        if status == "survived":
            survivors.append(name)
    lines = [f"{'module':42} killed  survived  other  total"]
    for module, counts in sorted(statuses.items()):
        other = sum(counts.values()) - counts["killed"] - counts["survived"]
        lines.append(
            f"{module:42} {counts['killed']:6}  {counts['survived']:8}  "
            f"{other:5}  {sum(counts.values()):5}"
        )
    with (STAGE / "survivors.txt").open("w", encoding="utf-8") as out:
        for name in survivors:
            out.write(mutmut("show", name, capture=True) + "\n")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once")
    parser.add_argument(
        "--report-only", action="store_true", help="score the last run again"
    )
    args = parser.parse_args()
    if not args.report_only:
        stage()
        mutmut("run", "--max-children", str(args.jobs))
    print(score())
    print(f"\nSurvivors and their diffs: {STAGE.relative_to(ROOT)}/survivors.txt")


if __name__ == "__main__":
    main()
