"""Per-format shaping of every sphinx-versus table (comparison and benchmark).

The directives emit plain ``table`` nodes carrying ``versus-table``; these
post-transforms adapt them to one output format each, so the cached doctree
never depends on the builder that read it.  HTML gets ``scope`` on header
cells and a box that scrolls sideways; LaTeX gets ``longtable`` and column
widths when a table is long enough to need a page break.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: On every table sphinx-versus makes; benchmark tables carry it too.
TABLE_CLASS = "versus-table"
#: The HTML box a ``versus-table`` scrolls in (furo's own wrapper, if present).
WRAPPER_CLASS = "versus-table-wrapper"


# ------------------------------------------------------------------- HTML


class versus_header_cell(nodes.entry):
    """An HTML-only header cell: ``<th scope="row|col">``."""


class ScopeAndWrapTablesTransform(SphinxPostTransform):
    """HTML: header cells get ``scope``, the table a box that scrolls sideways.

    Runs after furo's wrapper (priority 500) so furo's box is reused.
    """

    formats = ("html",)
    default_priority = 510

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            if TABLE_CLASS not in table["classes"]:
                continue
            for tgroup in table.findall(nodes.tgroup):
                _scope_cells(tgroup)
            parent = table.parent
            if (
                isinstance(parent, nodes.container)
                and "table-wrapper" in parent["classes"]
            ):
                if WRAPPER_CLASS not in parent["classes"]:
                    parent["classes"].append(WRAPPER_CLASS)
                # furo copies the table's ids onto its box: one element per id
                parent["ids"] = [i for i in parent["ids"] if i not in table["ids"]]
            else:
                # not replace_self(): that copies the table's ids and classes
                wrapper = nodes.container(classes=[WRAPPER_CLASS])
                parent.replace(table, wrapper)
                wrapper += table


def _scope_cells(tgroup: nodes.tgroup) -> None:
    stubs = [
        bool(c.get("stub")) for c in tgroup.children if isinstance(c, nodes.colspec)
    ]
    for section in tgroup.children:
        if not isinstance(section, nodes.thead | nodes.tbody):
            continue
        for row in section.children:
            column = 0
            for entry in list(row.children):
                if isinstance(section, nodes.thead):
                    scope = "col"
                elif column < len(stubs) and stubs[column]:
                    scope = "row"
                else:
                    scope = None
                column += 1 + entry.get("morecols", 0)
                if scope and type(entry) is nodes.entry:
                    cell = versus_header_cell(entry.rawsource, *entry.children)
                    cell.update_all_atts(entry)
                    cell["scope"] = scope
                    row.replace(entry, cell)


def _visit_header_cell_html(self: Any, node: versus_header_cell) -> None:
    self.visit_entry(node)
    tag = self.body[-1]
    if tag.startswith("<th"):
        self.body[-1] = f'<th scope="{node["scope"]}"' + tag[len("<th") :]


def _visit_header_cell(self: Any, node: versus_header_cell) -> None:
    self.visit_entry(node)


def _depart_header_cell(self: Any, node: versus_header_cell) -> None:
    self.depart_entry(node)


# ------------------------------------------------------------------ LaTeX

#: Where a LaTeX longtable may go: not in boxes, lists, admonitions or tables.
_BREAKABLE_PARENTS = (
    nodes.document,
    nodes.section,
    nodes.container,
    nodes.compound,
    addnodes.start_of_file,
)


class LongTablesTransform(SphinxPostTransform):
    """LaTeX: long tables become ``longtable`` with wrapping columns.

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


def setup_table_output(app: Sphinx) -> None:
    app.add_config_value("versus_table_longtable_rows", 12, "", types=frozenset({int}))
    app.add_node(
        versus_header_cell,
        html=(_visit_header_cell_html, _depart_header_cell),
        latex=(_visit_header_cell, _depart_header_cell),
        text=(_visit_header_cell, _depart_header_cell),
        man=(_visit_header_cell, _depart_header_cell),
        texinfo=(_visit_header_cell, _depart_header_cell),
    )
    app.add_post_transform(ScopeAndWrapTablesTransform)
    app.add_post_transform(LongTablesTransform)
