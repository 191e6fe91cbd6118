"""HTML assets: added only when the builder writes HTML.

LaTeX, text, epub and man builds never see the CSS or JavaScript, and the
static folder is registered once per build rather than once per page.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_versus.code_compare import language_keys

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent / "static"
CSS_FILES = ("versus-tables.css", "versus-benchmarks.css", "versus-tabs.css")
JS_FILES = ("versus-tabs.js",)


def _add_assets(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    static = str(STATIC_DIR)
    if static not in app.config.html_static_path:
        app.config.html_static_path.append(static)
    for css in CSS_FILES:
        app.add_css_file(css)
    # The configured language keys tell the script which sphinx-design and
    # sphinx-tabs choices are language choices worth remembering.
    languages = language_keys(app.config)
    for js in JS_FILES:
        app.add_js_file(
            js, loading_method="defer", **{"data-versus-languages": languages}
        )


def setup_assets(app: Sphinx) -> None:
    app.connect("builder-inited", _add_assets)
