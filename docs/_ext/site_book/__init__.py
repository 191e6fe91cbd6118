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

The book ends with an appendix of the complete programs (``programs.md``),
which every example points to; :func:`programs_point_to_appendix` keeps
code-compare's "The complete programs: …" line in the PDF but links it to
the appendix's listing instead of printing each program a second time in
the middle of a chapter.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes

from sphinx_versus.code_compare.programs import PROGRAMS_CLASS
from sphinx_versus.locale import _

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


def _inside(node: nodes.Node, classes: set[str]) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.Element) and classes & set(parent["classes"]):
            return True
        parent = parent.parent
    return False


def _appendix_listings(doctree: nodes.document) -> dict[str, str]:
    """Each file listed whole outside code-compare → ``%doc#section`` of it."""
    found: dict[str, str] = {}
    for start in doctree.findall(addnodes.start_of_file):
        for literal in start.findall(nodes.literal_block):
            source = str(literal.get("source", ""))
            if not source or source in found:
                continue
            if _inside(literal, {PROGRAMS_CLASS, "versus-code-compare"}):
                continue
            section = literal.parent
            while section is not None and not isinstance(section, nodes.section):
                section = section.parent
            if isinstance(section, nodes.section) and section["ids"]:
                found[source] = f"%{start['docname']}#{section['ids'][0]}"
    return found


def programs_point_to_appendix(
    app: Sphinx, doctree: nodes.document, docname: str
) -> None:
    """In the PDF, code-compare's complete programs link to the appendix."""
    if app.builder.format != "latex":
        return
    appendix = _appendix_listings(doctree)
    moved: dict[str, str] = {}  # a first block's anchor → the appendix
    for block in list(doctree.findall(nodes.container)):
        if PROGRAMS_CLASS not in block["classes"]:
            continue
        summary = next(c for c in block.children if isinstance(c, nodes.paragraph))
        sources = [
            str(literal.get("source", ""))
            for literal in block.findall(nodes.literal_block)
        ]
        listed = [appendix.get(source) for source in sources if source]
        if not listed:  # a later block: its pointer to the first, redirected
            for ref in summary.findall(nodes.reference):
                if ref.get("refid") in moved:
                    ref["refuri"] = moved[ref["refid"]]
                    del ref["refid"]
            continue
        if None in listed:
            continue  # not every program is in the appendix: keep them here
        uri = str(listed[0])
        for anchor in block.findall(nodes.target):
            moved.update(dict.fromkeys(anchor["ids"], uri))
        summary += nodes.Text(" · ")
        summary += nodes.reference("", _("see them in full"), refuri=uri, internal=True)
        block.children = [c for c in block.children if not _holds_listing(c)]


def _holds_listing(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Element) and bool(
        list(node.findall(nodes.literal_block))
    )


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_latex_package(PACKAGE)
    app.connect("build-finished", copy_style)
    # After sphinx-versus has made the parts (doctree-resolved, priority 500).
    app.connect("doctree-resolved", answer_on_first_part, priority=600)
    app.connect("doctree-resolved", programs_point_to_appendix)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
