"""code-compare: the same program in several languages, as tabs or listings.

``directive`` makes a builder-independent doctree of labelled code blocks
(``compare_tabs``: of labelled content of any kind; ``choice``: the sync
group and the default tab both share).
Once the builder is known, interactive HTML gets the tab widget (``html``)
and every other builder the labelled blocks (``fallback``).  ``languages``
names each block and keys its sync.  The reader's side is ``static/versus.js``
(:mod:`sphinx_versus.assets`): tabs, the reader's language across widgets and
pages, and the tabs/side-by-side view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx_versus.code_compare.compare_tabs import (
    CompareTabDirective,
    CompareTabsDirective,
)
from sphinx_versus.code_compare.directive import CodeCompareDirective
from sphinx_versus.code_compare.fallback import CodeCompareAnchorTransform
from sphinx_versus.code_compare.html import (
    CodeCompareHtmlTransform,
    OutputBlockTransform,
    add_tab_nodes,
    json_for_script,
)
from sphinx_versus.code_compare.languages import language_table
from sphinx_versus.code_compare.programs import ProgramListingsTransform

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
        app.add_post_transform(CodeCompareAnchorTransform)
        app.add_post_transform(ProgramListingsTransform)


def script_attributes(app: Sphinx) -> dict[str, Any]:
    """On the script's tag: the language names ``?lang=`` may use."""
    return {
        "data-versus-languages": json_for_script(language_table(app.config)),
    }


def setup(app: Sphinx) -> None:
    app.add_directive("code-compare", CodeCompareDirective)
    app.add_directive("compare-tabs", CompareTabsDirective)
    app.add_directive("compare-tab", CompareTabDirective)
    app.add_post_transform(OutputBlockTransform)
    add_tab_nodes(app)
    app.connect("builder-inited", _add_shaping)
