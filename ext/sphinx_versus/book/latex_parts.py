"""LaTeX: each captioned root toctree opens a ``\\part`` of the book.

Captioned root toctrees ("The guide", "Writer's guide") group the HTML
sidebar, but LaTeX drops toctree captions: the PDF becomes one flat run of
chapters.  Only the assembled LaTeX document is touched, never the cached
doctrees an HTML build shares.
"""

from __future__ import annotations

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
