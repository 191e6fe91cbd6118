"""The adopter's guide, followed as written, gives a first comparison page.

``docs/adopting.md`` starts from the project ``sphinx-quickstart docs`` makes.
This test makes that project in a clean venv, then performs the guide's
steps from the guide's own code blocks, in page order — so a step that no
longer works fails here, and the guide cannot rot:

- a block captioned with a file name is that file (``(add)``: appended);
- a block captioned ``Terminal`` is run line by line (``pip`` through uv,
  ``python`` as the venv's), with the built wheel standing in for the
  package index's ``sphinx-versus``;
- ``.readthedocs.yaml`` must name files the guide made.

The build the guide asks for runs with ``-W``; its page must hold what the
guide says a reader sees.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
import yaml

from tests.external import matrix
from tests.paths import ROOT

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

pytestmark = [pytest.mark.toolchain]

GUIDE = ROOT / "docs" / "adopting.md"
#: The package as the guide names it; the test installs the wheel instead.
PACKAGE = "sphinx-versus[charts]"

_BLOCK = re.compile(
    r"^(?P<fence>`{3,6})\{code-block\} (?P<language>\S+)\n"
    r":caption: (?P<caption>[^\n]+)\n\n(?P<body>.*?)^(?P=fence)$",
    re.MULTILINE | re.DOTALL,
)


@dataclass(frozen=True)
class Block:
    caption: str
    language: str
    body: str

    @property
    def path(self) -> str:
        """``docs/conf.py (add, for such a theme)`` -> ``docs/conf.py``."""
        return self.caption.split(" (", 1)[0]

    @property
    def appends(self) -> bool:
        return self.caption.endswith(")") and "(add" in self.caption


def guide_blocks(text: str) -> list[Block]:
    return [
        Block(m["caption"].strip(), m["language"], m["body"])
        for m in _BLOCK.finditer(text)
    ]


def _run(argv: list[str], cwd: Path, timeout: int = 600) -> str:
    env = {
        k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}
    }
    done = subprocess.run(
        argv,
        cwd=cwd,
        env={**env, "UV_PYTHON_DOWNLOADS": "never", "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, f"{shlex.join(argv)}:\n{done.stdout}{done.stderr}"
    return done.stdout + done.stderr


def test_the_guide_has_the_steps_this_test_follows() -> None:
    captions = [b.caption for b in guide_blocks(GUIDE.read_text("utf-8"))]
    for wanted in (
        "docs/requirements.txt",
        "Terminal",
        "docs/conf.py (add)",
        "docs/comparison.md",
        "docs/index.rst (add)",
        ".readthedocs.yaml",
    ):
        assert wanted in captions, captions
    assert captions.count("Terminal") == 2  # install, then build


def test_following_the_guide_builds_a_first_comparison_page(
    tmp_path: Path, require_tool: Callable[[str, str], str]
) -> None:
    uv = require_tool("uv", "pip install uv")
    _, wheel = matrix.build_dists(tmp_path / "dist")
    project = tmp_path / "project"
    project.mkdir()
    venv = tmp_path / "venv"
    python = str(venv / "bin" / "python")

    # The project the guide starts from: Sphinx and sphinx-quickstart's docs/.
    # The Python running the tests: the guide needs nothing newer.
    _run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], project)
    _run([uv, "pip", "install", "--quiet", "--python", python, "sphinx"], project)
    quickstart = [str(venv / "bin" / "sphinx-quickstart"), "-q", "--no-sep"]
    _run([*quickstart, "-p", "Demo", "-a", "Demo team", "docs"], project)

    readthedocs: dict[str, object] = {}
    for block in guide_blocks(GUIDE.read_text("utf-8")):
        if block.caption == "Terminal":
            for line in block.body.strip().splitlines():
                command = shlex.split(line)
                if command[:2] == ["pip", "install"]:
                    _run(
                        [uv, "pip", "install", "--python", python, *command[2:]],
                        project,
                    )
                elif command[0] == "python":
                    _run([python, *command[1:]], project)
                else:
                    pytest.fail(f"the guide runs {line!r}; teach this test how")
            continue
        body = block.body
        if block.path.endswith("requirements.txt"):
            assert PACKAGE in body.splitlines(), body
            body = body.replace(PACKAGE, f"{PACKAGE} @ {wheel.as_uri()}")
        if block.path == ".readthedocs.yaml":
            readthedocs = yaml.safe_load(body)
        target = project / block.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if block.appends:
            assert target.is_file(), f"{block.caption}: nothing to add to"
            with target.open("a", encoding="utf-8") as f:
                f.write("\n" + body)
        else:
            target.write_text(body, encoding="utf-8")

    page = (project / "docs" / "_build" / "html" / "comparison.html").read_text("utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "Table 1 sums up the differences" in text  # {numref} with numfig
    assert "Client–server" in text
    assert len(re.findall(r'role="tab"', page)) == 2  # Python | SQL
    assert "2.3× slower" in text and "15× faster" in text
    assert len(re.findall(r"<picture>", page)) == 1  # the chart
    assert "_static/versus.css" in page and "_static/versus.js" in page

    # Read the Docs would install and build what the guide made.
    python_install = readthedocs["python"]
    assert isinstance(python_install, dict)
    for step in python_install["install"]:
        assert (project / step["requirements"]).is_file(), step
    sphinx = readthedocs["sphinx"]
    assert isinstance(sphinx, dict)
    assert (project / sphinx["configuration"]).is_file()
    assert sphinx["fail_on_warning"] is True
