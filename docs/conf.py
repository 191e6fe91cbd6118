"""Sphinx configuration for the Go vs Rust guide built with sphinx-versus."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import sphinx_versus

HERE = Path(__file__).resolve().parent
SNIPPETS = HERE.parent / "snippets"

project = "Go vs Rust"
author = "The sphinx-versus authors"
copyright = "2026, The sphinx-versus authors"
release = version = sphinx_versus.__version__
language = "en"

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_tabs.tabs",
    "sphinx_copybutton",
    "sphinx_versus",
]

exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
root_doc = "index"
nitpicky = True

# -- Toolchain versions: one source of truth ---------------------------------
# The Go and Rust versions the samples are verified with come from go.mod and
# Cargo.toml; pages use {{go_version}} / {{rust_version}} (MyST) or
# |go_version| / |rust_version| (reST), never a hand-typed number.


def _go_version() -> str:
    text = (SNIPPETS / "go" / "go.mod").read_text(encoding="utf-8")
    match = re.search(r"^go\s+(\S+)", text, re.MULTILINE)
    return match.group(1) if match else "unknown"


def _rust_version() -> str:
    with (SNIPPETS / "rust" / "Cargo.toml").open("rb") as f:
        return str(tomllib.load(f)["package"].get("rust-version", "unknown"))


go_version = _go_version()
rust_version = _rust_version()
rst_prolog = f"""
.. |go_version| replace:: {go_version}
.. |rust_version| replace:: {rust_version}
"""

# -- MyST ---------------------------------------------------------------------
myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "fieldlist",
    "substitution",
    "attrs_inline",
    "attrs_block",
    "smartquotes",
    "replacements",
]
myst_heading_anchors = 3
myst_substitutions = {"go_version": go_version, "rust_version": rust_version}

# -- HTML ---------------------------------------------------------------------
html_theme = "furo"
html_title = "Go vs Rust"
html_static_path: list[str] = []
html_last_updated_fmt = None
html_theme_options = {
    "navigation_with_keys": True,
}
copybutton_exclude = ".linenos, .gp, .go"

# -- LaTeX / PDF ----------------------------------------------------------------
# XeLaTeX: pdflatex cannot typeset µ, ≥ or →.  Sphinx pairs it with the
# FreeSerif/FreeSans/FreeMono fonts (Debian: fonts-freefont-otf) and xindy.
latex_engine = "xelatex"
latex_documents = [
    (root_doc, "sphinx-versus.tex", "Go vs Rust", author, "manual"),
]
latex_show_urls = "footnote"
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "10pt",
    "sphinxsetup": "verbatimwrapslines=true, verbatimforcewraps=true",
}

# -- epub -----------------------------------------------------------------------
epub_basename = "sphinx-versus"
epub_show_urls = "footnote"
