"""Shared test machinery, as fixtures: build sites, require tools, know CI.

Tests get everything here by naming a fixture, never by importing this
module (``tests/conftest.py`` only loads it); the types the fixtures return
(:class:`Built`, :class:`DocsHtml`) are imported from here under
``TYPE_CHECKING``, and paths come from :mod:`tests.paths`.

``build_site`` writes a ``conf.py`` and pages into ``tmp_path``, builds them with
``sphinx.testing``'s ``make_app`` and, unless told otherwise, fails the test if
the build printed any warning.  ``require_tool`` skips a test locally when an
external tool is missing, and fails it under ``CI=true`` (the ``ci`` fixture).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.paths import DOCS, ROOT

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

BASE_CONF = """\
extensions = ["myst_parser", "sphinx_design", "sphinx_versus"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
"""

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _require_tool(name: str, install_hint: str) -> str:
    path = shutil.which(name)
    if path:
        return path
    message = f"{name!r} is not on PATH; install it with: {install_hint}"
    if _in_ci():
        pytest.fail(f"CI=true and {message}", pytrace=False)
    pytest.skip(message)
    raise AssertionError  # unreachable: pytest.skip raises


@pytest.fixture(scope="session")
def ci() -> bool:
    """True under ``CI=true``: a missing tool fails there instead of skipping."""
    return _in_ci()


@pytest.fixture(scope="session")
def require_tool() -> Callable[[str, str], str]:
    """``require_tool("latexmk", "apt-get install latexmk")`` -> the tool's path.

    Skips the test locally when the tool is not on PATH, and fails it under
    ``CI=true``, where every tool must be installed.
    """
    return _require_tool


@dataclass
class Built:
    """The result of one build: the app, its output and its warnings."""

    app: Sphinx
    srcdir: Path
    outdir: Path

    @property
    def warnings(self) -> str:
        return _ANSI.sub("", self.app.warning.getvalue())

    def read(self, name: str) -> str:
        """Read an output file, e.g. ``index.html``, ``index.txt``, ``python.tex``."""
        return (self.outdir / name).read_text(encoding="utf-8")

    def doctree(self, docname: str = "index", *, resolved: bool = False) -> Any:
        env = self.app.env
        if resolved:
            return env.get_and_resolve_doctree(
                docname, self.app.builder, tags=self.app.tags
            )
        return env.get_doctree(docname)


@pytest.fixture
def build_site(tmp_path: Path, make_app: Callable[..., Sphinx]) -> Callable[..., Built]:
    """Build a throwaway project: ``build_site({"index.md": "..."}, "html")``.

    ``files`` maps paths relative to the source dir to their text (dedented)
    or bytes.  ``conf`` is appended to a minimal ``conf.py``.  With
    ``warnings_ok=False`` (the default) any warning fails the test.
    """
    previous: list[Sphinx] = []

    def _build(
        files: dict[str, str | bytes],
        buildername: str = "html",
        *,
        conf: str = "",
        warnings_ok: bool = False,
        srcdir: Path | None = None,
        confoverrides: dict[str, Any] | None = None,
        freshenv: bool = False,
    ) -> Built:
        src = srcdir or (tmp_path / "src")
        src.mkdir(parents=True, exist_ok=True)
        (src / "conf.py").write_text(BASE_CONF + textwrap.dedent(conf), "utf-8")
        for rel, content in files.items():
            path = src / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(textwrap.dedent(content), "utf-8")
        # A second build in one test (an incremental rebuild) must start from
        # clean global registries, or every node class warns "already
        # registered".
        while previous:
            previous.pop().cleanup()
        app = make_app(
            buildername,
            srcdir=src,
            confoverrides=confoverrides or {},
            freshenv=freshenv,
        )
        previous.append(app)
        app.build()
        built = Built(app=app, srcdir=src, outdir=Path(app.outdir))
        if not warnings_ok:
            assert built.warnings == "", built.warnings
        return built

    return _build


@dataclass
class DocsHtml:
    """The real docs, built once per session as ``make html`` builds them."""

    returncode: int
    log: str
    outdir: Path


@pytest.fixture(scope="session")
def docs_html(tmp_path_factory: pytest.TempPathFactory) -> DocsHtml:
    """``docs/`` built with ``-n -W --keep-going``; shared by content and browser."""
    base = tmp_path_factory.mktemp("docs-build")
    outdir = base / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-n", "-W", "--keep-going",
         "-q", "-d", str(base / "doctrees"), str(DOCS), str(outdir)],
        capture_output=True, text=True, cwd=ROOT, timeout=900, check=False,
    )  # fmt: skip
    return DocsHtml(result.returncode, result.stdout + result.stderr, outdir)
