"""This site's PDF typography, as a LaTeX package every book of the site loads.

``versus-book.sty`` keeps listings from leaving a line or two alone on a page
(and records where each line was shipped in ``<job>.lines``, for the PDF
tests), keeps justified lines with inline code free of wide gaps, sets table
headers in the body face, and defines ``\\versusmaketitle``, the site's title
page in its Go and Rust colours (``latex_elements["maketitle"]``; the
preamble in ``conf.py`` fills in ``\\versuskicker``, ``\\versussubtitle`` and
``\\versustitlenote``).  It redefines ``listings``/fancyvrb internals, so it
is this site's choice, not something sphinx-versus imposes on its users.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.application import Sphinx

PACKAGE = "versus-book"
STYLE = Path(__file__).parent / f"{PACKAGE}.sty"


def copy_style(app: Sphinx, exception: Exception | None) -> None:
    """Put the package beside the .tex files that load it."""
    if exception is not None or app.builder.format != "latex":
        return
    target = Path(app.outdir) / STYLE.name
    if not target.is_file() or target.read_bytes() != STYLE.read_bytes():
        shutil.copyfile(STYLE, target)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_latex_package(PACKAGE)
    app.connect("build-finished", copy_style)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
