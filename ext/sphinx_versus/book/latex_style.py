"""LaTeX: the book's typography, as a package every PDF of the site loads.

``static/versus-book.sty`` keeps listings from leaving a line or two alone on
a page (and records where each line was shipped, for the PDF tests), keeps
justified lines with inline code free of wide gaps, sets table headers in
the body face, and defines ``\\versusmaketitle``, a designed title page
(``latex_elements["maketitle"]``; the site's ``preamble`` fills in
``\\versuskicker``, ``\\versussubtitle`` and ``\\versustitlenote``).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

PACKAGE = "versus-book"
STYLE = Path(__file__).parent / "static" / f"{PACKAGE}.sty"


def copy_style(app: Sphinx, exception: Exception | None) -> None:
    """Put the package beside the .tex files that load it."""
    if exception is not None or app.builder.format != "latex":
        return
    target = Path(app.outdir) / STYLE.name
    if not target.is_file() or target.read_bytes() != STYLE.read_bytes():
        shutil.copyfile(STYLE, target)
