"""The man page of a benchmark table: the legend starts below the table's box.

docutils wrote the legend (first in the notes container) straight after
``.TE``, and groff set its first words on the box's bottom border.  The page
is rendered with groff's tbl, as ``man`` shows it, and the border line read.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

pytestmark = [pytest.mark.toolchain]

CSV = Path(__file__).parents[1] / "roots" / "benchmarks" / "data" / "ratios.csv"

PAGE = """\
Figures
=======

.. benchmark-table:: data/r.csv

After the table.
"""

CONF = """\
project = "figures"
man_pages = [("index", "figures", "Figures", ["Tests"], 1)]
"""

BOX = set("─┴└┘ ")


def test_legend_is_below_the_box(build_site, require_tool):
    groff = require_tool("groff", "apt-get install groff")
    built = build_site(
        {"index.rst": PAGE, "data/r.csv": CSV.read_bytes()}, "man", conf=CONF
    )
    source = (built.outdir / "figures.1").read_text("utf-8")
    after = source.split("\n.TE\n", 1)[1]
    assert after.startswith((".sp\n", ".PP\n", ".LP\n")), after[:200]
    shown = subprocess.run(
        [groff, "-t", "-man", "-Tutf8", "-rLL=78n", "-P-cbou"],
        input=source,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = shown.splitlines()
    (bottom,) = [n for n, line in enumerate(lines) if "└" in line]
    assert set(lines[bottom].strip()) <= BOX, lines[bottom]
    legend = next(n for n, line in enumerate(lines) if "best figure" in line)
    assert legend > bottom
