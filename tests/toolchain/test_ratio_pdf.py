"""In the PDF, a ratio, its interval and a figure's spread never break
across lines: compiled with XeLaTeX, read back as text."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

pytestmark = [pytest.mark.pdf, pytest.mark.toolchain]

CSV = Path(__file__).parents[1] / "roots" / "benchmarks" / "data" / "ratios.csv"

PAGE = """\
# Ratios

JSON: {benchmark-ratio}`data/r.csv#json-decode`. Rust is
{benchmark-verdict}`data/r.csv#json-decode` at JSON decoding, and
{benchmark-ratio}`data/r.csv#binary-search` at binary search.

```{benchmark-table} data/r.csv
```
"""

#: Each stays on one line of the PDF, wherever the line breaks fall.
WHOLE = [
    "4.7× faster",
    "95 % CI 4.5–4.9×",
    "(95 % CI 0.96–1.08×)",
    "95 % CI 24–27×",
    "(0.96–1.08×)",
    "(30.06–31.27)",
    "(0.8245–0.8722)",
]


def test_pdf_keeps_each_ratio_on_one_line(build_site, require_tool):
    latexmk = require_tool("latexmk", "apt-get install latexmk texlive-xetex")
    pdftotext = require_tool("pdftotext", "apt-get install poppler-utils")
    built = build_site(
        {"index.md": PAGE, "data/r.csv": CSV.read_bytes()},
        "latex",
        conf='latex_engine = "xelatex"\n',
    )
    tex = next(built.outdir.glob("*.tex"))
    subprocess.run(
        [latexmk, "-pdfxe", "-interaction=nonstopmode", "-halt-on-error", tex.name],
        cwd=built.outdir,
        capture_output=True,
        check=True,
        timeout=600,
    )
    text = subprocess.run(
        [pdftotext, "-layout", tex.with_suffix(".pdf").name, "-"],
        cwd=built.outdir,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lines = text.replace("\u00a0", " ").splitlines()
    for piece in WHOLE:
        assert any(piece in line for line in lines), (piece, text)
