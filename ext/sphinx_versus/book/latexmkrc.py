"""LaTeX: give ``latexmkrc`` the xindy options Read the Docs' latexmk lacks.

Sphinx's ``latexmkrc`` calls xindy with ``$XINDYOPTS``, which only Sphinx's
own Makefile sets.  Read the Docs runs ``latexmk`` directly, so xindy runs
without ``sphinx.xdy``, fails, and the PDF silently has no index.  The options
are copied from the Makefile Sphinx just wrote into ``latexmkrc``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


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
    line = (
        f"$ENV{{'XINDYOPTS'}} //= '{' '.join(options)}';  # for latexmk without make\n"
    )
    latexmkrc.write_text(line + rc, "utf-8")
