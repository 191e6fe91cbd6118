"""Static files (CSS, JavaScript) of a feature, added for HTML builders only.

Each feature keeps its files in its own ``static/`` folder and asks for them
here, so LaTeX, text, epub and man builds never see them and every feature
adds its assets the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from sphinx.application import Sphinx


def add_static_files(
    app: Sphinx,
    folder: Path,
    css: Sequence[str] = (),
    js: Sequence[str] = (),
    js_attributes: Callable[[Sphinx], dict[str, Any]] | None = None,
) -> None:
    """On ``builder-inited``: serve *folder* and link its CSS and JS files."""

    def add(app: Sphinx) -> None:
        if app.builder.format != "html":
            return
        static = str(folder)
        if static not in app.config.html_static_path:
            app.config.html_static_path.append(static)
        for name in css:
            app.add_css_file(name)
        attributes = js_attributes(app) if js_attributes else {}
        for name in js:
            app.add_js_file(name, loading_method="defer", **attributes)

    app.connect("builder-inited", add)
