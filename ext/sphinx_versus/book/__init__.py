"""The site as a whole: repairs Sphinx lacks around the pages, in HTML and PDF.

``latex_parts`` turns captioned root toctrees into the PDF's parts,
``latexmkrc`` makes Read the Docs' latexmk build the index, and ``a11y``
gives the sidebar's toctree captions a heading level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_versus.book.a11y import add_heading_levels_to_context
from sphinx_versus.book.latex_parts import toctree_captions_as_parts
from sphinx_versus.book.latexmkrc import latexmkrc_without_make

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", toctree_captions_as_parts)
    app.connect("build-finished", latexmkrc_without_make)
    # After the theme's own handlers (furo renders its tree at the default 500).
    app.connect("html-page-context", add_heading_levels_to_context, priority=900)
