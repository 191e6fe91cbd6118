"""Glue for sphinx-tabs and sphinx-design, set up only beside them.

``sphinx_tabs`` turns sphinx-tabs' output into labelled blocks outside
interactive HTML (as code-compare does); ``sync`` writes the language keys of
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

    interactive = app.builder.format == "html" and not app.builder.name.startswith(
        "epub"
    )
    if interactive:
        app.connect("html-page-context", add_page_sync_ids)
    elif tabs:
        app.add_post_transform(SphinxTabsSequentialTransform)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _add)
