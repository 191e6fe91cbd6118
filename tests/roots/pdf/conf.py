"""A small project that exercises the site's LaTeX setup on hard content.

It takes every ``latex_*`` and ``epub_*`` setting from ``docs/conf.py`` (and
the extension's LaTeX hooks), so the PDF test checks the settings the site
really uses, not a copy of them.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import sphinx_versus

# The test copies this project to a temp dir, so find the site's conf.py from
# the (editable) package: <repo>/ext/sphinx_versus/__init__.py.
_REPO = Path(sphinx_versus.__file__).resolve().parents[2]
_SITE = runpy.run_path(str(_REPO / "docs" / "conf.py"))

project = "PDF fixture"
author = "The sphinx-versus authors"
release = version = "0"
language = "en"
extensions = ["myst_parser", "sphinx_design", "sphinx_tabs.tabs", "sphinx_versus"]
myst_enable_extensions = ["colon_fence", "smartquotes", "replacements"]
exclude_patterns = ["_build"]
root_doc = "index"
nitpicky = True
html_theme = "alabaster"

globals().update({k: v for k, v in _SITE.items() if k.startswith(("latex_", "epub_"))})
# One book: the site's first latex_documents entry (the second one names a
# page this project does not have).
latex_documents = _SITE["latex_documents"][:1]
# The site's own LaTeX look (listings, title page) lives with the site.
sys.path.insert(0, str(_REPO / "docs" / "_ext"))
extensions.append("site_book")
