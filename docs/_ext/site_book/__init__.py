"""This site's PDF typography, as a LaTeX package every book of the site loads.

``versus-book.sty`` keeps listings from leaving a line or two alone on a page
(and records where each line was shipped in ``<job>.lines``, for the PDF
tests), keeps justified lines with inline code free of wide gaps, sets table
headers in the body face, and defines ``\\versusmaketitle``, the site's title
page in its Go and Rust colours (``latex_elements["maketitle"]``; the
preamble in ``conf.py`` fills in ``\\versuskicker``, ``\\versussubtitle`` and
``\\versustitlenote``).  It redefines ``listings``/fancyvrb internals, so it
is this site's choice, not something sphinx-versus imposes on its users.

The home page's answer (the text of ``index.md`` above its toctrees) would
sit alone on the first page after the contents, its footer still reading
"Contents"; :func:`answer_on_first_part` moves it onto the page of the
book's first part (``\\versusleadpart``), so the PDF opens with it.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

PACKAGE = "versus-book"
STYLE = Path(__file__).parent / f"{PACKAGE}.sty"


def copy_style(app: Sphinx, exception: Exception | None) -> None:
    """Put the package beside the .tex files that load it."""
    if exception is not None or app.builder.format != "latex":
        return
    target = Path(app.outdir) / STYLE.name
    if not target.is_file() or target.read_bytes() != STYLE.read_bytes():
        shutil.copyfile(STYLE, target)


#: The raw LaTeX sphinx-versus writes for a captioned root toctree
#: (``versus_latex_parts``).
PART = "\\part{"
#: What opens the first part instead, with the answer on its page.
LEAD_PART = "\\versusleadpart{"


def answer_on_first_part(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Move the start page's lead paragraphs under the book's first part."""
    if app.builder.format != "latex":
        return
    parts = [
        node
        for node in doctree.findall(nodes.raw)
        if node.get("format") == "latex" and node.astext().startswith(PART)
    ]
    if not parts:
        return
    first = parts[0]
    # The part sits in the toctree's wrapper; the lead is the section's text
    # before that wrapper.
    holder: nodes.Node = first
    while holder.parent is not None and not isinstance(holder.parent, nodes.section):
        holder = holder.parent
    section = holder.parent
    if section is None:
        return
    lead = [
        child
        for child in section.children[: section.index(holder)]
        if isinstance(child, nodes.paragraph)
    ]
    if not lead:
        return
    text = LEAD_PART + first.astext().removeprefix(PART)
    opening = nodes.raw("", text, format="latex")
    first.replace_self(opening)
    for paragraph in lead:
        section.remove(paragraph)
    parent = opening.parent
    assert parent is not None
    at = parent.index(opening) + 1
    parent[at:at] = lead


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_latex_package(PACKAGE)
    app.connect("build-finished", copy_style)
    # After sphinx-versus has made the parts (doctree-resolved, priority 500).
    app.connect("doctree-resolved", answer_on_first_part, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
