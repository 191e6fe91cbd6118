"""The package as another team gets it (issue 13).

The sdist and wheel are built with ``uv build``; the wheel is installed into
a clean venv per profile — the lowest versions ``pyproject.toml`` declares,
and the newest — and builds ``tests/external/docs`` (PostgreSQL vs SQLite,
reST and MyST, only ``sphinx_versus`` and ``myst_parser``) with
``-W --keep-going`` in html, dirhtml, singlehtml, latex, epub, text and man.
``make matrix`` runs the same steps and prints timings.
"""

from __future__ import annotations

import email.parser
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from typing import TYPE_CHECKING

import pytest
from packaging.requirements import Requirement

from tests.external import matrix

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

pytestmark = [pytest.mark.toolchain, pytest.mark.matrix]


@pytest.fixture(scope="module")
def dists(
    tmp_path_factory: pytest.TempPathFactory, require_tool: Callable[[str, str], str]
) -> tuple[Path, Path]:
    """The sdist and the wheel built from it, once for this module."""
    require_tool("uv", "pip install uv")
    return matrix.build_dists(tmp_path_factory.mktemp("dist"))


@pytest.mark.parametrize("name", ["floor", "newest"])
def test_wheel_builds_the_external_project(
    name: str, dists: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> None:
    profile = matrix.PROFILES[name]()
    result = matrix.run_profile(profile, dists[1], tmp_path_factory.mktemp(name))
    print(result.summary())
    assert result.ok, result.summary()
    assert [b.builder for b in result.builds] == list(matrix.BUILDERS)


def _dependency_groups() -> dict[str, list[str | dict[str, str]]]:
    with matrix.PYPROJECT.open("rb") as f:
        groups: dict[str, list[str | dict[str, str]]] = tomllib.load(f)[
            "dependency-groups"
        ]
    return groups


def _group_requirements(name: str) -> list[str]:
    """A PEP 735 group's requirements, its ``include-group`` entries expanded."""
    found: list[str] = []
    for item in _dependency_groups()[name]:
        if isinstance(item, dict):
            found += _group_requirements(item["include-group"])
        else:
            found.append(item)
    return found


def _at_lower_bound(requirement: str) -> str:
    """``furo>=2024.8.6`` -> ``furo==2024.8.6``; unbounded stays as written."""
    req = Requirement(requirement)
    bounds = [s.version for s in req.specifier if s.operator in {">=", "==", "~="}]
    return f"{req.name}=={bounds[0]}" if bounds else requirement


@pytest.mark.parametrize("group", sorted(_dependency_groups()))
def test_each_dependency_group_resolves_on_the_floor(
    group: str, tmp_path: Path, require_tool: Callable[[str, str], str]
) -> None:
    """The repository's tools work with the oldest versions users may have.

    Every lower bound of the group, pinned exactly, resolves together with
    the package's own floor (Python, dependencies, every extra): a bound
    that cannot install there — sphinx-design 0.6.0 needs Sphinx < 8 — is
    a resolver error here.
    """
    tool = require_tool("uv", "pip install uv")
    floor = matrix.floor_profile()
    pins = [f"{name}=={version}" for name, version in floor.expect.items()]
    pins += [_at_lower_bound(r) for r in _group_requirements(group)]
    wanted = tmp_path / "requirements.in"
    wanted.write_text("\n".join(pins) + "\n", encoding="utf-8")
    command = [tool, "pip", "compile", "--quiet", "--no-header", str(wanted)]
    done = subprocess.run(
        [*command, "--python-version", floor.python],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{group} on the floor:\n{done.stderr}"


def _wheel_metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        return email.parser.Parser().parsestr(z.read(name).decode("utf-8"))


def test_the_floor_pins_every_declared_dependency(dists: tuple[Path, Path]) -> None:
    """Each requirement the wheel declares, every extra's too, is tested at
    its lower bound; the wheel offers users only the extras they need."""
    floor = matrix.floor_profile()
    meta = _wheel_metadata(dists[1])
    requires = [Requirement(line) for line in meta.get_all("Requires-Dist") or []]
    assert {r.name for r in requires} == set(floor.expect)
    for req in requires:
        assert req.specifier.contains(floor.expect[req.name]), req
    assert meta["Requires-Python"] == f">={floor.python}"
    # The repository's tools (docs site, tests, lint) are dependency groups,
    # never published as extras.
    assert sorted(meta.get_all("Provides-Extra") or []) == ["charts", "cli"]
    assert matrix.extras() == ("charts", "cli")
    assert "myst-parser" in floor.expect
    # The Pythons the classifiers name are the range the matrix tests.
    classifiers = meta.get_all("Classifier") or []
    for python in (floor.python, matrix.newest_profile().python):
        assert f"Programming Language :: Python :: {python}" in classifiers


def test_twine_check_strict(dists: tuple[Path, Path]) -> None:
    """The PyPI page renders: README as Markdown, metadata complete."""
    done = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dists)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 2, done.stdout


def test_sdist_leaves_the_tests_out(dists: tuple[Path, Path]) -> None:
    with tarfile.open(dists[0]) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for wanted in ("pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE"):
        assert wanted in names
    assert "ext/sphinx_versus/static/versus.js" in names
    assert "ext/sphinx_versus/locale/de/LC_MESSAGES/sphinx_versus.mo" in names
    assert not [n for n in names if n.startswith(("tests/", "docs/", "snippets/"))]


def test_wheel_ships_static_files_and_metadata(dists: tuple[Path, Path]) -> None:
    with zipfile.ZipFile(dists[1]) as z:
        names = set(z.namelist())
    for shipped in (
        "static/versus.js",
        "static/versus.css",
        "locale/sphinx_versus.pot",
        "locale/de/LC_MESSAGES/sphinx_versus.mo",
        "py.typed",
    ):
        assert f"sphinx_versus/{shipped}" in names, shipped
    assert not [n for n in names if n.startswith("tests/")]
    # The site's look (its LaTeX package, title page, colours) is not shipped.
    assert not [n for n in names if n.endswith((".sty", ".lines", "latex_style.py"))]
    meta = _wheel_metadata(dists[1])
    assert meta["Description-Content-Type"] == "text/markdown"
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert {"Documentation", "Source", "Issues", "Changelog"} <= set(urls)
    classifiers = meta.get_all("Classifier") or []
    for c in (
        "Framework :: Sphinx :: Extension",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.13",
        "Operating System :: OS Independent",
        "Typing :: Typed",
    ):
        assert c in classifiers
    body = meta.get_payload()
    assert isinstance(body, str)
    assert "pip install sphinx-versus" in body
    assert 'extensions = ["sphinx_versus"' in body
