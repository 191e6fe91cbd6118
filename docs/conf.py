"""Sphinx configuration for the Go vs Rust guide built with sphinx-versus."""

from __future__ import annotations

import os
import re
import sys
import tomllib
from pathlib import Path

import sphinx_versus

HERE = Path(__file__).resolve().parent
SNIPPETS = HERE.parent / "snippets"
# docs/_ext/versus_site.py: the 404 page and social meta.
sys.path.insert(0, str(HERE / "_ext"))

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
    "versus_site",
]

# Files starting with _ are {include}d into pages, never pages themselves.
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "**/_*.md"]
root_doc = "index"
nitpicky = True
# {numref} to tables and code-compare blocks needs numbered figures.
numfig = True
# The verified programs live next to the docs; code-compare offers them whole.
versus_file_dirs = ["../snippets"]
# A comparison is side by side wherever both programs fit their longest line,
# tabs elsewhere. _static/versus-site.css lets a comparison break out of the
# text column (furo's table of contents folds into its button on such pages):
# from 1440 px two panes of 64 columns at 13 px, the width the samples keep
# (snippets/rust/rustfmt.toml); at 1280 px, 52 columns.
versus_code_layout = "auto"

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
html_static_path: list[str] = ["_static"]
html_favicon = "_static/favicon.svg"
html_css_files = ["versus-site.css"]
# Keyboard access to this site's own sideways-scrolling code boxes and tables.
html_js_files = [("versus-site.js", {"defer": "defer"})]
html_last_updated_fmt = None
# Read the Docs gives the version's URL; with it pages get a canonical link
# and absolute Open Graph URLs, and the 404 page knows the site's root.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
versus_site_description = (
    "Go or Rust? A practical guide for backend teams: the verdict, a feature "
    "table, side-by-side code that compiles, and benchmark figures."
)
html_theme_options = {
    "navigation_with_keys": True,
}
copybutton_exclude = ".linenos, .gp, .go"
# Clicking the selected sphinx-tabs tab must not close it (it would hide the code).
sphinx_tabs_disable_tab_closing = True

# -- LaTeX / PDF ----------------------------------------------------------------
# sphinx_versus turns the root toctrees' captions into LaTeX parts
# (versus_latex_parts, ext/sphinx_versus/book/latex_parts.py) and gives
# latexmkrc the xindy options Read the Docs' direct latexmk call lacks
# (book/latexmkrc.py).
# Read the Docs runs `latexmk -r latexmkrc -pdf ...`; the latexmkrc Sphinx
# writes for latex_engine = "xelatex" maps -pdf to xelatex, so the RTD command
# and `make pdf` both use XeLaTeX.  pdflatex cannot typeset µ, ≥ or →; XeLaTeX
# with Sphinx's FreeSerif/FreeSans/FreeMono (Debian: fonts-freefont-otf) has
# every character the guide uses, and xindy sorts the index.
latex_engine = "xelatex"
_SUBTITLE = "A practical comparison for backend teams"
_WRITERS_TEX = "sphinx-versus-writers-guide.tex"
# Two books: the reader's guide with its glossary, and the writer's guide (the
# root page's toctree of it is HTML-only).  Read the Docs publishes one PDF, the
# first book (sphinx-versus names it in latexmkrc); `make pdf` builds both.
latex_documents = [
    # (start doc, target, title, author, class, toctree_only)
    (root_doc, "sphinx-versus.tex", project, author, "manual", False),
    ("writers-guide/index", _WRITERS_TEX, "Writer’s guide", author, "manual", True),
]
# Every guide page is a chapter; the root toctrees' captions become parts
# (versus_latex_parts, on by default).
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
_WRITERS_SUBTITLE = "Writing comparison pages with sphinx-versus"
_WRITERS_SUBJECT = (
    "How to write X-versus-Y comparison pages with the sphinx-versus Sphinx "
    "extension: feature tables, synced code tabs, benchmark tables and charts, "
    "verified code samples, the PDF and Read the Docs"
)
_WRITERS_KEYWORDS = (
    "Sphinx, MyST, reStructuredText, documentation, comparison tables, "
    "code tabs, benchmarks, Read the Docs"
)


def _book(kicker: str, subtitle: str, note: str, subject: str, keywords: str) -> str:
    """What differs between the two books: title page lines and PDF metadata."""
    return rf"""\renewcommand*\versuskicker{{{_tex(kicker)}}}%
  \renewcommand*\versussubtitle{{{_tex(subtitle)}}}%
  \renewcommand*\versustitlenote{{{note}}}%
  \hypersetup{{pdfsubject={{{_tex(subject)}}}, pdfkeywords={{{_tex(keywords)}}}}}%"""


_READERS_BOOK = _book(
    "A guide for backend teams",
    _SUBTITLE,
    "Every code sample compiles, passes the linters and runs with "
    f"Go {_tex(go_version)} and Rust {_tex(rust_version)}.",
    _PDF_SUBJECT,
    _PDF_KEYWORDS,
)
_WRITERS_BOOK = _book(
    "sphinx-versus",
    _WRITERS_SUBTITLE,
    "Every example in this guide is rendered from the source it shows, "
    "in the build that made this book.",
    _WRITERS_SUBJECT,
    _WRITERS_KEYWORDS,
)
_WRITERS_JOB = _WRITERS_TEX.removesuffix(".tex")

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
% The site loads its book typography (docs/_ext/site_book): listings that
% never leave a line or two alone on a page, no wide gaps around inline code,
% one typeface in tables, and the title page these lines fill in.
\hypersetup{{
  pdfauthor={{{_tex(author)}}},
  pdflang={{{language}}},
  pdfdisplaydoctitle=true,
}}
% The book is told by its file name (Read the Docs names the first book after
% the project; it builds only that one).
\edef\versusjob{{\jobname}}
\edef\versuswritersjob{{\detokenize{{{_WRITERS_JOB}}}}}
\ifx\versusjob\versuswritersjob
  {_WRITERS_BOOK}
\else
  {_READERS_BOOK}
\fi
% The table of contents keeps its name: Sphinx would title it after the first
% toctree caption, which here names Part I.
\addto\captionsenglish{{\renewcommand{{\contentsname}}{{Contents}}}}
\makeatletter
% Part pages in the sans-serif bold of the chapter and section headings.
\titleformat{{\part}}[display]{{\centering\py@HeaderFamily\Huge}}%
  {{\partname~\thepart}}{{1em}}{{}}
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
# A fixed identifier (uuid5 of the project) so every edition is the same book
# to a reader.  Sphinx writes epub_uid, not epub_identifier, into the NCX's
# dtb:uid, and epub_uid is also an XML id in content.opf: epubcheck (NCX-001)
# wants both the same, so the identifier is an XML name ("urn:uuid:" has colons).
epub_identifier = "sphinx-versus-2167c1b8-f4e1-55cb-9b7a-efae2f17f087"
epub_uid = epub_identifier
epub_show_urls = "footnote"
# The 404 page is for the web server; an e-book has no missing URLs.
epub_exclude_files = ["404.xhtml"]


# -- The reader's guide: listings appendix, running header --------------------
# docs/_ext/snippet_listings.py shows the samples as readers should see them
# (no region markers, output without comment prefixes).  The complete
# programs page is the guide's last part, "Appendix" (index.md's toctree).
extensions.append("snippet_listings")
# The running header names the book, not "Release 0.1.0": Sphinx's own
# "normal" page style (sphinxlatexstylepage.sty) with \@title alone on the
# right; the chapter and section stay in the footer, the page number too.
latex_elements["preamble"] += r"""
\makeatletter
\fancypagestyle{normal}{%
  \fancyhf{}%
  \fancyfoot[R]{{\py@HeaderFamily\thepage}}%
  \fancyfoot[L]{{\py@HeaderFamily\nouppercase{\rightmark}}}%
  \fancyhead[R]{{\py@HeaderFamily\@title}}%
  \renewcommand{\headrulewidth}{0.4pt}%
  \renewcommand{\footrulewidth}{0.4pt}%
}
\makeatother
"""
