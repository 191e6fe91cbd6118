"""LaTeX: make ``latexmkrc`` work for Read the Docs' direct latexmk call.

- Sphinx's ``latexmkrc`` calls xindy with ``$XINDYOPTS``, which only Sphinx's
  own Makefile sets.  Read the Docs runs ``latexmk`` directly, so xindy runs
  without ``sphinx.xdy``, fails, and the PDF silently has no index.  The
  options are copied from the Makefile Sphinx just wrote into ``latexmkrc``.
- Read the Docs runs ``latexmk -jobname=<slug>`` with no file name, which
  fails when the LaTeX directory holds two ``.tex`` files (two books).
  ``latexmkrc`` names the first book as latexmk's default file, so Read the
  Docs builds that one; ``make pdf`` (Sphinx's Makefile) names each file and
  builds them all.

Every value written into ``latexmkrc`` is a Perl single-quoted string made
by :func:`perl_quote`: a target name with ``'`` cannot end the string and
run Perl.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def perl_quote(value: str) -> str:
    """*value* as a Perl single-quoted string (only ``\\`` and ``'`` are special)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def latexmkrc_without_make(app: Sphinx, exception: Exception | None) -> None:
    """Give ``latexmkrc`` the xindy options that only Sphinx's Makefile exports."""
    if exception is not None or app.builder.format != "latex":
        return
    outdir = Path(app.outdir)
    makefile, latexmkrc = outdir / "Makefile", outdir / "latexmkrc"
    if not (makefile.is_file() and latexmkrc.is_file()):
        return
    options = [
        match[1].strip()
        for match in re.finditer(
            r"^(?:export\s+)?XINDYOPTS\s*\+?=(.*)$",
            makefile.read_text("utf-8"),
            re.MULTILINE,
        )
    ]
    rc = latexmkrc.read_text("utf-8")
    if not options or "$ENV{'XINDYOPTS'} //=" in rc:
        return
    value = perl_quote(" ".join(options))
    line = f"$ENV{{'XINDYOPTS'}} //= {value};  # for latexmk without make\n"
    latexmkrc.write_text(line + rc, "utf-8")


def latexmk_default_file(app: Sphinx, exception: Exception | None) -> None:
    """With several books, make the first latexmk's default file."""
    if exception is not None or app.builder.format != "latex":
        return
    documents = app.config.latex_documents
    rc = Path(app.outdir) / "latexmkrc"
    if len(documents) < 2 or not rc.is_file():
        return
    text = rc.read_text("utf-8")
    if "@default_files" in text:
        return
    first = perl_quote(str(documents[0][1]))
    line = f"@default_files = ({first});  # Read the Docs: the first book\n"
    rc.write_text(text + ("" if text.endswith("\n") else "\n") + line, "utf-8")
