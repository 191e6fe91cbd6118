"""code-compare: the same program in several languages, as tabs or listings.

``directive`` makes a builder-independent doctree of labelled code blocks.
Once the builder is known, interactive HTML gets the tab widget (``html``)
and every other builder the labelled blocks, with sphinx-tabs' output made to
match (``fallback``).  ``languages`` names each block and keys its sync;
``sync`` writes the keys of sphinx-design and sphinx-tabs tabs into each page.

The scripts, one concern each: ``versus-tabs.js`` the tab widget,
``versus-language.js`` the reader's language across widgets and pages,
``versus-layout.js`` the tabs/side-by-side view and scrollable boxes.
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
from sphinx_versus.code_compare.sync import add_page_sync_ids, script_attributes
from sphinx_versus.locale import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def interactive_html(app: Sphinx) -> bool:
    """HTML read in a browser, where scripts run; epub readers mostly do not."""
    return app.builder.format == "html" and not app.builder.name.startswith("epub")


def _add_shaping(app: Sphinx) -> None:
    """The builder decides the shape, so the cached doctree never has to."""
    if interactive_html(app):
        app.add_post_transform(CodeCompareHtmlTransform)
        app.connect("html-page-context", add_page_sync_ids)
    else:
        app.add_post_transform(SphinxTabsSequentialTransform)
        app.add_post_transform(CodeCompareAnchorTransform)


def _toggle_label(app: Sphinx) -> dict[str, Any]:
    """The toggle's label in the build's language, for versus-layout.js."""
    return {"data-versus-toggle": _("Side by side")}


def setup(app: Sphinx) -> None:
    app.add_directive("code-compare", CodeCompareDirective)
    app.add_post_transform(OutputBlockTransform)
    add_tab_nodes(app)
    app.connect("builder-inited", _add_shaping)
    static = Path(__file__).parent / "static"
    add_static_files(app, static, css=["versus-tabs.css"], js=["versus-tabs.js"])
    add_static_files(app, static, js=["versus-layout.js"], js_attributes=_toggle_label)
    add_static_files(
        app, static, js=["versus-language.js"], js_attributes=script_attributes
    )
