"""A small site that puts every kind of language tab on one page.

The browser tests need, side by side, what the real guide may or may not
contain at any given time: several ``code-compare`` blocks, sphinx-design
tab-sets keyed by language and sphinx-tabs groups, plus a second page to
navigate to.  It uses the same extensions and theme as ``docs/conf.py``.
"""

from __future__ import annotations

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
html_static_path: list[str] = []
copybutton_exclude = ".linenos, .gp, .go"
