"""Ids that stay unique when every page is one document (singlehtml, epub).

``env.new_serialno`` and ``document.set_id`` count per page, so two pages
both have a ``versus-table-0-note-1``; joined into one HTML file the second
link goes to the first page's note.  An id made here carries its page's
name.
"""

from __future__ import annotations

from docutils import nodes


def page_id(docname: str, *parts: object) -> str:
    """``versus-<page>-<parts>``: unique across pages, stable across builds."""
    return "-".join(["versus", nodes.make_id(docname) or "page", *map(str, parts)])
