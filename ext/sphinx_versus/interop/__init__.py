"""Glue for sphinx-tabs and sphinx-design, set up only beside them.

``sphinx_tabs`` turns sphinx-tabs' output into labelled blocks outside
interactive HTML, ``sphinx_design`` sphinx-design's tab-sets in an EPUB
(whose XHTML their radio inputs break), both as code-compare does
(``labelled``); ``sync`` writes the language keys of
both extensions' tabs into each page, so one choice of language drives every
tab widget.  Nothing here runs in a project without either extension.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SPHINX_TABS = "sphinx_tabs.tabs"
SPHINX_DESIGN = "sphinx_design"


def _add(app: Sphinx) -> None:
    """At ``builder-inited``, when every extension of ``conf.py`` is loaded."""
    tabs, design = SPHINX_TABS in app.extensions, SPHINX_DESIGN in app.extensions
    if not (tabs or design):
        return
    from sphinx_versus.interop.sphinx_tabs import SphinxTabsSequentialTransform
    from sphinx_versus.interop.sync import add_page_sync_ids

    epub = app.builder.name.startswith("epub")
    if app.builder.format == "html" and not epub:
        app.connect("html-page-context", add_page_sync_ids)
        return
    if tabs:
        app.add_post_transform(SphinxTabsSequentialTransform)
    if design and epub:
        from sphinx_versus.interop.sphinx_design import DesignTabsSequentialTransform

        app.add_post_transform(DesignTabsSequentialTransform)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _add)
