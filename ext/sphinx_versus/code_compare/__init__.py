"""code-compare: the same program in several languages, as tabs or listings.

``directive`` makes a builder-independent doctree of labelled code blocks.
Once the builder is known, interactive HTML gets the tab widget (``html``)
and every other builder the labelled blocks, with sphinx-tabs' output made to
match (``fallback``).  ``languages`` names each block and keys its sync.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx_versus.assets import add_static_files
from sphinx_versus.code_compare.directive import CodeCompareDirective
from sphinx_versus.code_compare.fallback import (
    CodeCompareAnchorTransform,
    SphinxTabsSequentialTransform,
)
from sphinx_versus.code_compare.html import (
    CodeCompareHtmlTransform,
    OutputBlockTransform,
    add_tab_nodes,
)
from sphinx_versus.code_compare.languages import language_keys
from sphinx_versus.code_compare.programs import add_program_nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def interactive_html(app: Sphinx) -> bool:
    """HTML read in a browser, where scripts run; epub readers mostly do not."""
    return app.builder.format == "html" and not app.builder.name.startswith("epub")


def _add_shaping(app: Sphinx) -> None:
    """The builder decides the shape, so the cached doctree never has to."""
    if interactive_html(app):
        app.add_post_transform(CodeCompareHtmlTransform)
    else:
        app.add_post_transform(SphinxTabsSequentialTransform)
        app.add_post_transform(CodeCompareAnchorTransform)


def _script_attributes(app: Sphinx) -> dict[str, Any]:
    # The configured language keys tell the script which sphinx-design and
    # sphinx-tabs choices are language choices worth remembering.
    return {"data-versus-languages": language_keys(app.config)}


def setup(app: Sphinx) -> None:
    app.add_directive("code-compare", CodeCompareDirective)
    app.add_post_transform(OutputBlockTransform)
    add_tab_nodes(app)
    add_program_nodes(app)
    app.connect("builder-inited", _add_shaping)
    add_static_files(
        app,
        Path(__file__).parent / "static",
        css=["versus-tabs.css"],
        js=["versus-tabs.js"],
        js_attributes=_script_attributes,
    )
