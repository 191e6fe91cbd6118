"""A captioned versus table's id carries its page's name (unique in singlehtml).

Sphinx gives a numbered table with no id one from ``document.set_id``:
``id1``, ``id2`` ... counted per page, so singlehtml, which joins every page
into one file, held several ``id="id1"`` and a link to the second table's
number went to the first.  Just before Sphinx numbers them, each captioned
versus table without an id gets one from :func:`policy.ids.page_id`; links
by ``:name:`` and ``{numref}`` work as before.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_versus.doctree import TABLE_CLASS
from sphinx_versus.policy.ids import page_id


class TableIdsTransform(SphinxTransform):
    """Page-named ids for captioned versus tables, read time, every builder."""

    # Before Sphinx's AutoNumbering (210) gives an id-less numbered table "idN".
    default_priority = 205

    def apply(self, **kwargs: Any) -> None:
        serial = 0
        for table in self.document.findall(nodes.table):
            if TABLE_CLASS not in table["classes"] or table["ids"]:
                continue
            if not any(isinstance(child, nodes.title) for child in table.children):
                continue  # Sphinx numbers (and ids) only captioned tables
            serial += 1
            while (new := page_id(self.env.docname, "table", serial)) in (
                self.document.ids
            ):
                serial += 1
            table["ids"].append(new)
            self.document.ids[new] = table
