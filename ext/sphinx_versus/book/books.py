"""Several books in one site: each ``latex_documents`` entry is a book.

A site may hold more than one book -- a reader's guide and a writer's guide,
say -- one ``latex_documents`` entry (one PDF) each, with the second book's
root page reached from the first one's navigation through an HTML-only
toctree.  A page belongs to the book whose start document is its nearest
toctree ancestor.

- **Next and Previous stay within a book**: the last page of the reader's
  guide does not lead into the writer's guide (``html-page-context``, so any
  theme that prints ``next``/``prev``/``rellinks`` follows).
- **A book leaves out what it does not show**: a toctree inside an ``only``
  block that LaTeX drops is still inlined into the LaTeX document, so a
  reference into those pages would become a link to a label the PDF never
  prints.  Before references are resolved, such pages are taken out of the
  book.
- **A reference into another book says so**: in a PDF, a ``ref`` or ``doc``
  to a page of another book cannot be a link; it reads as the section's
  title, then "(in <that book's title>)" -- Sphinx's own wording for a page
  of another LaTeX document -- rather than as a bare label.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_versus.locale import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

#: The builder of each build, for the transforms (``SphinxTransform.app`` is
#: deprecated); recorded at ``builder-inited``.
_BUILDERS: weakref.WeakKeyDictionary[BuildEnvironment, Builder] = (
    weakref.WeakKeyDictionary()
)


def remember_builder(app: Sphinx) -> None:
    _BUILDERS[app.env] = app.builder


def _latex_docnames(env: BuildEnvironment) -> set[str] | None:
    """The LaTeX document's pages as the builder holds them, while it writes."""
    builder = _BUILDERS.get(env)
    docnames = getattr(builder, "docnames", None)
    return docnames if isinstance(docnames, set) else None


def book_starts(app: Sphinx) -> list[str]:
    return [str(entry[0]) for entry in app.config.latex_documents]


def book_of(env: BuildEnvironment, docname: str, starts: list[str]) -> str | None:
    """The start document of the nearest book holding ``docname``."""
    parents = {
        child: parent
        for parent, children in env.toctree_includes.items()
        for child in children
    }
    seen: set[str] = set()
    current: str | None = docname
    while current is not None and current not in seen:
        if current in starts:
            return current
        seen.add(current)
        current = parents.get(current)
    return None


def keep_within_book(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Drop "Next"/"Previous" links that lead into another book."""
    starts = book_starts(app)
    if doctree is None or len(starts) < 2:
        return
    env = app.env
    relations = env.collect_relations().get(pagename)
    if not relations:
        return
    _parent, previous, following = relations
    here = book_of(env, pagename, starts)
    crossing = {
        name
        for name in (previous, following)
        if name is not None and book_of(env, name, starts) != here
    }
    if not crossing:
        return
    if following in crossing:
        context["next"] = None
    if previous in crossing:
        context["prev"] = None
    context["rellinks"] = [
        link for link in context.get("rellinks", []) if link[0] not in crossing
    ]


class LeaveOutHiddenPages(SphinxPostTransform):
    """Take pages inlined under an ``only`` block LaTeX drops out of the book."""

    default_priority = 5  # before ReferencesResolver (10) and ``only`` (50)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        docnames = _latex_docnames(self.env)
        builder = _BUILDERS.get(self.env)
        if docnames is None or builder is None:
            return
        for only in self.document.findall(addnodes.only):
            if builder.tags.eval_condition(only["expr"]):
                continue
            for start in only.findall(addnodes.start_of_file):
                docnames.discard(start["docname"])


class OtherBookReferences(SphinxPostTransform):
    """A reference to a page outside this PDF: its title, and which book."""

    default_priority = 6  # after LeaveOutHiddenPages, before ReferencesResolver
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        docnames = _latex_docnames(self.env)
        if docnames is None:
            return
        std = self.env.get_domain("std")
        labels: dict[str, tuple[str, str, str]] = std.data.get("labels", {})
        titles = {str(e[0]): str(e[2]) for e in self.config.latex_documents}
        starts = list(titles)
        for xref in list(self.document.findall(addnodes.pending_xref)):
            if xref.get("refdomain") != "std" or xref.get("reftype") not in {
                "ref",
                "doc",
            }:
                continue
            target = str(xref["reftarget"])
            if xref["reftype"] == "ref":
                docname, _anchor, title = labels.get(target.lower(), ("", "", ""))
            else:
                docname = target.lstrip("/")
                title = (
                    str(self.env.titles[docname].astext())
                    if docname in self.env.titles
                    else ""
                )
            if not docname or docname in docnames:
                continue
            text = xref.astext() if xref.get("refexplicit") or not title else title
            replacement: list[nodes.Node] = [nodes.emphasis(text, text)]
            book = book_of(self.env, docname, starts)
            if book is not None and book in titles:
                replacement += [
                    nodes.Text(_(" (in ")),
                    nodes.emphasis(titles[book], titles[book]),
                    nodes.Text(")"),
                ]
            xref.replace_self(replacement)
