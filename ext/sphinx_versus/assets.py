"""The extension's one stylesheet and one script, on the HTML pages that use them.

``static/versus.css`` styles only elements the extension made (every
selector sits under a ``versus-`` class) and ``static/versus.js`` acts only on
what Python wrote into them.  Both are linked only from pages that hold such
an element, or another extension's tabs the script keeps in step with the
reader's language, so every other page of a project is left as its theme
made it.  LaTeX, text, epub and man builds never see them.

The folder keeps the commented sources; a page gets them minified
(:mod:`sphinx_versus.minify`), written into ``_static`` when an HTML builder
starts, before Sphinx copies the theme's files and ``html_static_path``
(which can still override them).  The folder is never added to the user's
``html_static_path`` nor given to ``app.add_static_dir``: the first would
differ from ``conf.py`` on the next run (so Sphinx would re-read every page),
the second would ship the sources unminified.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_versus.minify import minify_css, minify_js

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

STATIC = Path(__file__).parent / "static"
CSS = "versus.css"
JS = "versus.js"
#: Written only when ``versus_dark_selector`` names another theme's dark marker.
DARK_CSS = "versus-dark.css"
#: The elements that carry the colour variables (versus.css's first rule).
COLOURED = (
    ".versus-code-compare,.versus-table-wrapper,.versus-table-notes,.versus-chart"
)
#: Classes of other extensions' tabs the script syncs (see ``interop``).
OTHER_TABS = frozenset({"sd-tab-label", "sphinx-tabs-tab"})


def uses_assets(doctree: nodes.Node) -> bool:
    """Whether a page holds an element the stylesheet or the script acts on."""
    for node in doctree.findall(nodes.Element):
        classes: list[str] = node.get("classes", [])
        for name in classes:
            if name.startswith("versus-") or name in OTHER_TABS:
                return True
    return False


def dark_rule(selector: str) -> str:
    """The rule that turns the extension's colours dark under *selector*.

    The known themes' markers are in versus.css; this is for any other theme
    (``versus_dark_selector``, checked in :mod:`sphinx_versus.config`).
    """
    if not selector.strip():
        return ""
    return f":is({selector}) :is({COLOURED}){{color-scheme:dark;--versus-dark:1}}\n"


def shipped() -> dict[str, str]:
    """The files a page links, by name: the minified ``static/`` sources."""
    return {
        CSS: minify_css((STATIC / CSS).read_text("utf-8")),
        JS: minify_js((STATIC / JS).read_text("utf-8")),
    }


def setup(app: Sphinx, js_attributes: Callable[[Sphinx], dict[str, Any]]) -> None:
    """Serve ``static/`` minified and link it from the pages that use it."""

    def copy_files(app: Sphinx) -> None:
        if app.builder.format != "html":
            return
        files = shipped()
        dark = dark_rule(app.config.versus_dark_selector)
        if dark:
            files[DARK_CSS] = dark
        static = Path(app.outdir, "_static")
        static.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (static / name).write_text(text, "utf-8", newline="\n")

    def link(
        app: Sphinx,
        pagename: str,
        templatename: str,
        context: dict[str, Any],
        doctree: nodes.document | None,
    ) -> None:
        # Called during html-page-context, add_*_file links this page only.
        if doctree is None or not uses_assets(doctree):
            return
        app.add_css_file(CSS)
        if app.config.versus_dark_selector:
            app.add_css_file(DARK_CSS)
        app.add_js_file(JS, loading_method="defer", **js_attributes(app))

    app.connect("builder-inited", copy_files)
    app.connect("html-page-context", link)
