"""Static files (CSS, JavaScript) of a feature, added for HTML builders only.

Each feature keeps its files in its own ``static/`` folder and asks for them
here, so LaTeX, text, epub and man builds never see them and every feature
adds its assets the same way.

The folders are never added to the user's ``html_static_path``: a config
value changed by an extension differs from ``conf.py`` on the next run, so
Sphinx would report "The configuration has changed" and re-read every page.
Sphinx 9.1+ copies them through ``app.add_static_dir``; on older versions
they are copied into ``_static`` when an HTML builder starts, before Sphinx
copies the theme's files and ``html_static_path`` (which can still override
them).  ``html-collect-pages`` would be later, but singlehtml never emits it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util.fileutil import copy_asset

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sphinx.application import Sphinx


def add_static_files(
    app: Sphinx,
    folder: Path,
    css: Sequence[str] = (),
    js: Sequence[str] = (),
    js_attributes: Callable[[Sphinx], dict[str, Any]] | None = None,
) -> None:
    """On ``builder-inited``: serve *folder* and link its CSS and JS files."""
    copy = True
    if hasattr(app, "add_static_dir"):  # Sphinx 9.1+
        app.add_static_dir(folder)
        copy = False

    def add(app: Sphinx) -> None:
        if app.builder.format != "html":
            return
        if copy:
            copy_asset(folder, Path(app.outdir, "_static"), force=True)
        for name in css:
            app.add_css_file(name)
        attributes = js_attributes(app) if js_attributes else {}
        for name in js:
            app.add_js_file(name, loading_method="defer", **attributes)

    app.connect("builder-inited", add)
