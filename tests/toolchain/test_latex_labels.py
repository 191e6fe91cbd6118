"""code-compare beside sphinx-tabs' code-tab: every LaTeX label once, checked by TeX.

code-compare's listings hold ``id1``, ``id2``, ... from reading; the
sphinx-tabs glue used ``document.set_id`` on the (pickled, then assembled)
LaTeX doctree, which counted from ``id1`` again, so XeLaTeX reported
"Label `index:id1' multiply defined".  Both Read the Docs' order (HTML, then
LaTeX from the same doctrees) and a fresh LaTeX build are compiled here and
their ``.log`` read.
"""

from __future__ import annotations

import collections
import re
import subprocess
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.plugin import Built

pytestmark = [pytest.mark.pdf, pytest.mark.toolchain]

PAGE = """\
Labels
======

.. code-compare:: Printing

   .. code-block:: go

      fmt.Println("compare")

   .. code-block:: rust

      println!("compare");

.. tabs::

   .. code-tab:: go

      fmt.Println("go tab")

   .. code-tab:: rust

      println!("rust tab");

.. code-compare:: Again

   .. code-block:: go
      :caption: again.go

      fmt.Println("again")

   .. code-block:: rust

      println!("again");

.. tabs::

   .. code-tab:: python
      :caption: script.py

      print("captioned tab")
"""

CONF = """\
extensions += ["sphinx_tabs.tabs"]  # noqa: F821
project = "labels"
copyright = "2026, sphinx-versus"
version = release = "1.0"
latex_engine = "xelatex"
"""


def _labels(built: Built) -> collections.Counter[str]:
    (tex,) = built.outdir.glob("*.tex")
    return collections.Counter(
        re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex.read_text("utf-8"))
    )


def _compile(built: Built, latexmk: str) -> str:
    (tex,) = built.outdir.glob("*.tex")
    subprocess.run(
        [latexmk, "-pdfxe", "-interaction=nonstopmode", "-halt-on-error", tex.name],
        cwd=built.outdir,
        capture_output=True,
        check=True,
        timeout=600,
    )
    return tex.with_suffix(".log").read_text("utf-8", errors="replace")


@pytest.mark.parametrize("order", ["fresh", "html-then-latex"])
def test_no_label_is_multiply_defined(order, build_site, tmp_path, require_tool):
    latexmk = require_tool("latexmk", "apt-get install latexmk texlive-xetex")
    files: dict[str, str | bytes] = {"index.rst": PAGE}
    if order == "html-then-latex":
        html = build_site(files, "html", conf=CONF)
        html.app.cleanup()
        built = build_site({}, "latex", conf=CONF, srcdir=html.srcdir)
        assert "0 added, 0 changed, 0 removed" in built.app.status.getvalue()
    else:
        built = build_site(files, "latex", conf=CONF)
    labels = _labels(built)
    # Seven listings: two code-compare pairs, two code-tabs, one captioned code-tab.
    assert sum(1 for name in labels if name != "index::doc") >= 7, labels
    assert [n for n, c in labels.items() if c > 1] == []
    log = _compile(built, latexmk)
    assert "multiply defined" not in log, re.findall(r".*multiply defined.*", log)
    assert "Label(s) may have changed" not in log
