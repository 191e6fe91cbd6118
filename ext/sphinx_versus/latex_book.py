"""Two fixes that make a Sphinx PDF read as a book under Read the Docs.

- Captioned root toctrees ("The guide", "Writer's guide") group the HTML
  sidebar, but LaTeX drops toctree captions: the PDF becomes one flat run of
  chapters.  Each captioned root toctree now opens a LaTeX ``\\part``.
- Sphinx's ``latexmkrc`` calls xindy with ``$XINDYOPTS``, which only Sphinx's
  own Makefile sets.  Read the Docs runs ``latexmk`` directly, so xindy runs
  without ``sphinx.xdy``, fails, and the PDF silently has no index.  The
  options are copied from the Makefile Sphinx just wrote into ``latexmkrc``.

Only the assembled LaTeX document and the generated files are touched, never
the cached doctrees an HTML build shares.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util.texescape import escape

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _depth(node: nodes.Node) -> int:
    """How many sections enclose *node*."""
    depth = 0
    while node.parent is not None:
        node = node.parent
        depth += isinstance(node, nodes.section)
    return depth


def toctree_captions_as_parts(
    app: Sphinx, doctree: nodes.document, docname: str
) -> None:
    r"""Start a ``\part`` at the first page of each captioned root toctree."""
    if (
        app.builder.format != "latex"
        or not app.config.versus_latex_parts
        or docname not in {entry[0] for entry in app.config.latex_documents}
    ):
        return
    captioned = [
        (toctree["caption"], toctree["includefiles"][0])
        for toctree in app.env.get_doctree(docname).findall(addnodes.toctree)
        if toctree.get("caption") and toctree.get("includefiles")
    ]
    if len(captioned) < 2:  # one part for the whole book adds nothing
        return
    starts = {n["docname"]: n for n in doctree.findall(addnodes.start_of_file)}
    for caption, first in captioned:
        node = starts.get(first)
        # Only toctrees at the root's top level: a \part inside a chapter is wrong.
        if node is None or _depth(node) != 1:
            continue
        if app.config.smartquotes:  # as the page titles got: Writer’s guide
            from docutils.utils import smartquotes

            caption = smartquotes.smartyPants(
                caption, app.config.smartquotes_action, app.config.language
            )
        title = escape(caption, app.config.latex_engine)
        part = nodes.raw("", rf"\part{{{title}}}", format="latex")
        node.parent.insert(node.parent.index(node), part)


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


def setup_latex_book(app: Sphinx) -> None:
    app.add_config_value("versus_latex_parts", True, "env", types=frozenset({bool}))
    app.connect("doctree-resolved", toctree_captions_as_parts)
    app.connect("build-finished", latexmkrc_without_make)
