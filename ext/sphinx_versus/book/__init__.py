"""The site as a whole: repairs Sphinx lacks around the pages, in HTML and PDF.

``latex_parts`` turns captioned root toctrees into the PDF's parts,
``latexmkrc`` makes Read the Docs' latexmk build the index (and the first of
several books), ``books`` keeps each book's navigation and PDF to its own
pages, ``tabs`` makes tabs 4
columns wide outside HTML, and ``a11y`` gives the sidebar's toctree captions
a heading level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_versus.book.a11y import add_heading_levels_to_context
from sphinx_versus.book.books import (
    LeaveOutHiddenPages,
    OtherBookReferences,
    keep_within_book,
    remember_builder,
)
from sphinx_versus.book.latex_parts import toctree_captions_as_parts
from sphinx_versus.book.latexmkrc import latexmk_default_file, latexmkrc_without_make
from sphinx_versus.book.tabs import expand_tabs_outside_html

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> None:
    app.connect("doctree-resolved", toctree_captions_as_parts)
    app.connect("build-finished", latexmkrc_without_make)
    app.connect("build-finished", latexmk_default_file)
    app.add_post_transform(LeaveOutHiddenPages)
    app.add_post_transform(OtherBookReferences)
    app.connect("builder-inited", expand_tabs_outside_html)
    app.connect("builder-inited", remember_builder)
    app.connect("html-page-context", keep_within_book)
    # After the theme's own handlers (furo renders its tree at the default 500).
    app.connect("html-page-context", add_heading_levels_to_context, priority=900)
