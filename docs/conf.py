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

# Files starting with _ are {include}d into pages, never pages themselves.
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "**/_*.md"]
root_doc = "index"
nitpicky = True
# {numref} to tables and code-compare blocks needs numbered figures.
numfig = True

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
# Clicking the selected sphinx-tabs tab must not close it (it would hide the code).
sphinx_tabs_disable_tab_closing = True

# -- LaTeX / PDF ----------------------------------------------------------------
# sphinx_versus turns the root toctrees' captions into LaTeX parts and gives
# latexmkrc the xindy options Read the Docs' direct latexmk call lacks
# (ext/sphinx_versus/latex_book.py).
# Read the Docs runs `latexmk -r latexmkrc -pdf ...`; the latexmkrc Sphinx
# writes for latex_engine = "xelatex" maps -pdf to xelatex, so the RTD command
# and `make pdf` both use XeLaTeX.  pdflatex cannot typeset µ, ≥ or →; XeLaTeX
# with Sphinx's FreeSerif/FreeSans/FreeMono (Debian: fonts-freefont-otf) has
# every character the guide uses, and xindy sorts the index.
latex_engine = "xelatex"
_SUBTITLE = "A practical comparison for backend teams"
latex_documents = [
    # (start doc, target, title, author, class, toctree_only)
    (root_doc, "sphinx-versus.tex", project, author, "manual", False),
]
# Every guide page is a chapter; the root toctrees' captions become parts
# (see _toctree_captions_as_parts below).
latex_toplevel_sectioning = "chapter"
latex_show_urls = "footnote"
latex_domain_indices = False
latex_table_style = ["booktabs", "colorrows"]


def _tex(text: str) -> str:
    """Escape the characters that are special in LaTeX text (and hyperref keys)."""
    special = {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "#": r"\#",
        "$": r"\$",
        "%": r"\%",
        "&": r"\&",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
    return "".join(special.get(char, char) for char in text)


_PDF_SUBJECT = (
    f"{_SUBTITLE}: features, memory model, concurrency, HTTP services, "
    "error handling, benchmarks and deployment, with code samples verified "
    f"with Go {go_version} and Rust {rust_version}"
)
_PDF_KEYWORDS = (
    "Go, Golang, Rust, programming languages, comparison, backend, "
    "concurrency, memory safety, garbage collection, ownership, benchmarks"
)

latex_elements = {
    "papersize": "a4paper",
    "pointsize": "10pt",
    # A screen-first PDF: no blank pages to make chapters start on the right.
    "extraclassoptions": "openany,oneside",
    # Tables, figures and listings numbered per chapter ("Table 7.1"), not
    # "Table 1" again in every chapter.  (numfig = True would set this too.)
    "passoptionstopackages": r"\PassOptionsToPackage{numfigreset=1}{sphinx}",
    # Long code lines wrap (at spaces first, then anywhere) instead of running
    # off the page; wrapped lines carry Sphinx's continuation marks.
    "sphinxsetup": "verbatimwrapslines=true, verbatimforcewraps=true",
    "preamble": rf"""
% A glyph the fonts lack is an error, not a silent gap in the PDF (XeTeX's
% \tracinglostchars=3; `latexmk -f` on Read the Docs still writes the PDF).
\tracinglostchars=3
% Narrow table columns ("Aspect", "Go") are never squeezed below this width,
% so tabulary does not hyphenate short header words.
\setlength{{\tymin}}{{50pt}}
\makeatletter
% Table cells ragged-right rather than justified: a justified narrow column
% ("Notes", "Source") is full of wide gaps.  Each cell paragraph starts with
% \sphinxAtStartPar; inside a table (a group) that now sets \raggedright first.
\newcommand*{{\versus@raggedcells}}{{%
  \let\versus@AtStartPar\sphinxAtStartPar
  \def\sphinxAtStartPar{{\raggedright\versus@AtStartPar}}}}
\g@addto@macro\sphinxattablestart{{\versus@raggedcells}}
\g@addto@macro\sphinxatlongtablestart{{\versus@raggedcells}}
\makeatother
\hypersetup{{
  pdftitle={{{_tex(project)}}},
  pdfauthor={{{_tex(author)}}},
  pdfsubject={{{_tex(_PDF_SUBJECT)}}},
  pdfkeywords={{{_tex(_PDF_KEYWORDS)}}},
  pdflang={{{language}}},
  pdfdisplaydoctitle=true,
}}
% The table of contents keeps its name: Sphinx would title it after the first
% toctree caption, which here names Part I.
\addto\captionsenglish{{\renewcommand{{\contentsname}}{{Contents}}}}
\makeatletter
% Part pages in the sans-serif bold of the chapter and section headings.
\titleformat{{\part}}[display]{{\centering\py@HeaderFamily\Huge}}%
  {{\partname~\thepart}}{{1em}}{{}}
\newcommand{{\versusmaketitle}}{{%
  \let\sphinxrestorepageanchorsetting\relax
  \ifHy@pageanchor\def\sphinxrestorepageanchorsetting{{\Hy@pageanchortrue}}\fi
  \hypersetup{{pageanchor=false}}% no duplicate page.1 destination
  \begin{{titlepage}}%
    \noindent\rule{{\textwidth}}{{1pt}}\par
    \begin{{flushright}}%
      \py@HeaderFamily
      \vspace*{{2\baselineskip}}
      {{\Huge \@title\par}}
      \vspace{{1.5\baselineskip}}
      {{\LARGE\itshape {_tex(_SUBTITLE)}\par}}
      \vfill
      {{\large\normalfont Every code sample compiles, passes the linters and
        runs with\par Go {_tex(go_version)} and Rust {_tex(rust_version)}.\par}}
      \vfill
      {{\LARGE \@author\par}}
      \vspace{{\baselineskip}}
      {{\large \py@release\releaseinfo\par \@date\par}}
    \end{{flushright}}%
    \par\noindent\rule{{\textwidth}}{{1pt}}
  \end{{titlepage}}%
  \setcounter{{footnote}}{{0}}%
  \sphinxrestorepageanchorsetting
}}
\makeatother
""",
    "maketitle": r"\versusmaketitle",
}


# -- epub -----------------------------------------------------------------------
epub_basename = "sphinx-versus"
epub_title = project
epub_description = _SUBTITLE
epub_author = author
epub_publisher = author
epub_copyright = copyright
epub_language = language
# A fixed UUID (uuid5 of the project) so every edition is the same book to a reader.
epub_scheme = "UUID"
epub_identifier = "urn:uuid:2167c1b8-f4e1-55cb-9b7a-efae2f17f087"
epub_show_urls = "footnote"
