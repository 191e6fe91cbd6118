"""A small site that puts every kind of language tab on one page.

The browser tests need, side by side, what the real guide may or may not
contain at any given time: several ``code-compare`` blocks, sphinx-design
tab-sets keyed by language and sphinx-tabs groups, plus a second page to
navigate to.  It uses the same extensions and theme as ``docs/conf.py``.
"""

from __future__ import annotations

from pathlib import Path

project = "Browser fixture"
author = "sphinx-versus tests"
extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_tabs.tabs",
    "sphinx_copybutton",
    "sphinx_versus",
]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
html_theme = "furo"
# As in docs/conf.py, the site gives its own sideways-scrolling code boxes and
# tables keyboard access (the extension touches only the elements it made).
html_static_path = [str(Path(__file__).resolve().parents[3] / "docs" / "_static")]
html_js_files = [("versus-site.js", {"defer": "defer"})]
copybutton_exclude = ".linenos, .gp, .go"
