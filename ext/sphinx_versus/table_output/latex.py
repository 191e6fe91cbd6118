"""LaTeX: a long versus table becomes a ``longtable`` with wrapping columns.

A tabulary cannot break across pages, and Sphinx's longtable without widths
uses ``l`` columns that never wrap and run off the page, so a long table also
gets widths measured from its text.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_versus.doctree import TABLE_CLASS

#: Where a LaTeX longtable may go: not in boxes, lists, admonitions or tables.
_BREAKABLE_PARENTS = (
    nodes.document,
    nodes.section,
    nodes.container,
    nodes.compound,
    addnodes.start_of_file,
)


class LongTablesTransform(SphinxPostTransform):
    """Long tables become ``longtable`` with measured, wrapping columns.

    A tabulary cannot break across pages, and Sphinx's longtable without
    widths uses ``l`` columns that never wrap and run off the page, so a
    long table also gets widths measured from its text.
    """

    formats = ("latex",)
    default_priority = 400

    def run(self, **kwargs: Any) -> None:
        limit = self.config.versus_table_longtable_rows
        for table in list(self.document.findall(nodes.table)):
            classes = table["classes"]
            if TABLE_CLASS not in classes:
                continue
            body = sum(len(tbody) for tbody in table.findall(nodes.tbody))
            if body > limit and _can_break(table) and "longtable" not in classes:
                classes.append("longtable")
            # Sphinx itself switches to longtable above 30 rows, header included
            everything = len(list(table.findall(nodes.row)))
            if (
                "longtable" in classes or everything > 30
            ) and "colwidths-given" not in classes:
                _measure_widths(table)
                classes.append("colwidths-given")


def _can_break(table: nodes.table) -> bool:
    parent = table.parent
    while parent is not None:
        if not isinstance(parent, _BREAKABLE_PARENTS):
            return False
        parent = parent.parent
    return True


def _measure_widths(table: nodes.table) -> None:
    """Column widths in proportion to each column's longest text (capped)."""
    for tgroup in table.findall(nodes.tgroup):
        colspecs = [c for c in tgroup.children if isinstance(c, nodes.colspec)]
        longest = [6] * len(colspecs)
        for row in tgroup.findall(nodes.row):
            for index, entry in enumerate(row.children[: len(colspecs)]):
                longest[index] = max(longest[index], min(len(entry.astext()), 40))
        for colspec, width in zip(colspecs, longest, strict=True):
            colspec["colwidth"] = width
