"""matplotlib is imported only to draw a chart, never to read a page
(issue 21): each build runs in a fresh interpreter and reports whether
``matplotlib`` reached ``sys.modules``."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from tests.paths import DOCS, ROOT

if TYPE_CHECKING:
    from pathlib import Path

BUILD = """\
import sys
from sphinx.cmd.build import build_main

src, out, builder, *extra = sys.argv[1:]
code = build_main(["-q", "-W", "-b", builder, *extra, src, out])
assert code == 0, code
print("matplotlib" in sys.modules)
"""

# Non-ASCII labels (µs, ×, a CJK workload): the font's glyph check once
# imported matplotlib while reading.
CSV = (DOCS / "data" / "benchmarks.csv").read_text("utf-8") + (
    "解析 JSON,ms,lower,2,1,Go vs Rust article (seed),\n"
)


def _project(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    (src / "data").mkdir(parents=True)
    (src / "data" / "benchmarks.csv").write_text(CSV, "utf-8")
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_versus"]\n'
        "suppress_warnings = ['versus.chart']\n",
        "utf-8",
    )
    (src / "index.md").write_text(
        "# Chart\n\n```{benchmark-chart} data/benchmarks.csv\n:caption: µs\n```\n",
        "utf-8",
    )
    return src


def _imports_matplotlib(src: Path, out: Path, builder: str, *extra: str) -> bool:
    result = subprocess.run(
        [sys.executable, "-c", BUILD, str(src), str(out), builder, *extra],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.strip() == "True"


@pytest.mark.parametrize("builder", ["text", "man"])
def test_a_builder_that_does_not_draw_never_imports_matplotlib(tmp_path, builder):
    src = _project(tmp_path)
    assert not _imports_matplotlib(src, tmp_path / "out", builder)


def test_reading_a_chart_page_never_imports_matplotlib(tmp_path):
    """The first HTML build draws; a fresh environment (every page read
    again) with the drawings cached does not even import it."""
    src = _project(tmp_path)
    out = tmp_path / "out"
    assert _imports_matplotlib(src, out, "html")
    assert not _imports_matplotlib(src, out, "html", "-E")
