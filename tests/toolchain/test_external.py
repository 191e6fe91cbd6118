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


def _wheel_metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        return email.parser.Parser().parsestr(z.read(name).decode("utf-8"))


def test_the_floor_pins_every_declared_dependency(dists: tuple[Path, Path]) -> None:
    """Each requirement the wheel declares is tested at its lower bound."""
    floor = matrix.floor_profile()
    meta = _wheel_metadata(dists[1])
    for line in meta.get_all("Requires-Dist") or []:
        req = Requirement(line)
        extra = str(req.marker or "")
        if req.marker is None or "charts" in extra:
            assert req.name in floor.expect, f"{req} has no floor in the matrix"
    assert meta["Requires-Python"] == f">={floor.python}"
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
