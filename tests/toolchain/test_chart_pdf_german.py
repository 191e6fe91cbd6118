"""A German PDF: the translated chart caption, and German numbers in the
chart's drawing and in the table (issue 25), compiled with XeLaTeX and read
back as text."""

from __future__ import annotations

import subprocess

import pytest

pytestmark = [pytest.mark.pdf, pytest.mark.toolchain]

CSV = """\
workload,unit,better,Go,Rust
JSON decode,µs,lower,1234.5 (1200-1300),45 (44-46)
Binary search,µs,lower,0.8,0.5
"""

PAGE = """\
# Charts

```{benchmark-chart} latency.csv
:caption: Latency of each system
:values: absolute
:scale: log
```

```{benchmark-table} latency.csv
```
"""

PO = b"""\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=utf-8\\n"

msgid "Latency of each system"
msgstr "Latenz jedes Systems"
"""


def test_german_pdf_has_the_translated_caption_and_german_numbers(
    build_site, require_tool
):
    latexmk = require_tool("latexmk", "apt-get install latexmk texlive-xetex")
    pdftotext = require_tool("pdftotext", "apt-get install poppler-utils")
    built = build_site(
        {
            "index.md": PAGE,
            "latency.csv": CSV,
            "locales/de/LC_MESSAGES/index.po": PO,
        },
        "latex",
        conf='latex_engine = "xelatex"\n',
        confoverrides={"language": "de", "locale_dirs": ["locales"]},
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
    lines = [
        " ".join(line.split()) for line in text.replace("\u00a0", " ").splitlines()
    ]
    assert any(line.endswith("Latenz jedes Systems") for line in lines), text
    assert "Latency of each system" not in text
    # The drawing (a vector PDF with its text): its figures, axis and legend.
    assert any(line.split()[-1:] == ["1.234,5"] for line in lines), text
    assert any(line.split()[:5] == ["0,1", "1", "10", "100", "1.000"] for line in lines)
    assert "Der eigene Wert jedes Systems, in µs." in lines
    # The table beside it.
    assert any(
        "1.234,5 (1.200–1.300) 45 (44–46) 27× schneller" in line for line in lines
    )
    assert any("0,8 0,5 1,6× schneller" in line for line in lines)
    assert "1,234.5" not in text
