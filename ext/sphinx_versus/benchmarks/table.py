"""benchmark-table: the CSV's figures as a plain docutils table.

A real ``table`` node, so HTML, LaTeX, text, epub and man all render it with
no code of ours; the best value is ``strong`` (with class ``versus-best``) so
that it stands out in every format, not only where the CSS is loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinx_versus.benchmarks.compare import better_phrase
from sphinx_versus.benchmarks.directive import BaseBenchmarkDirective
from sphinx_versus.benchmarks.numbers import EM_DASH
from sphinx_versus.nodes import TABLE_CLASS

if TYPE_CHECKING:
    from sphinx_versus.benchmarks.compare import Cell, Comparison, Row
    from sphinx_versus.benchmarks.data import Record


def _entry(
    *children: nodes.Node,
    classes: list[str] | None = None,
    messages: list[nodes.system_message] | None = None,
) -> nodes.entry:
    entry = nodes.entry(classes=classes or [])
    entry += nodes.paragraph("", "", *children)
    entry.extend(messages or [])
    return entry


def _value_entry(cell: Cell) -> nodes.entry:
    if cell.value is None:
        return _entry(
            nodes.inline(EM_DASH, EM_DASH, classes=["versus-no-data"]),
            classes=["versus-num"],
        )
    text: nodes.Node = nodes.Text(cell.text)
    if cell.best:
        text = nodes.strong(cell.text, cell.text, classes=["versus-best"])
    return _entry(text, classes=["versus-num"])


def _shown(cell: Cell) -> str:
    return f"**{cell.text}**" if cell.best else cell.text


def _unit_text(record: Record) -> str:
    """``req/s, higher is better``; just the direction when there is no unit."""
    phrase = better_phrase(record.better)
    return f"{record.unit}, {phrase}" if record.unit else phrase


def _width(head: str, cells: list[str]) -> int:
    """Relative width from the text; the text writer uses it as characters."""
    return max(len(head), min(30, max((len(c) for c in cells), default=1)))


class BenchmarkTableDirective(BaseBenchmarkDirective):
    """``benchmark-table``: one row per workload, a column per system."""

    def run(self) -> list[nodes.Node]:
        loaded = self.load()
        if loaded is None:
            return []
        _, comparison = loaded
        table = self.build_table(comparison)
        caption = self.caption_nodes()
        if caption:
            title = nodes.title(self.options["caption"], "", *caption)
            self.set_source_info(title)
            table.insert(0, title)
        self.set_source_info(table)
        self.add_name(table)
        # LaTeX only (other writers skip it): figures keep their natural width
        # and never wrap mid-number; the text columns share the rest.
        spec = addnodes.tabular_col_spec()
        spec["spec"] = self.latex_colspec(table)
        return [spec, table]

    @staticmethod
    def latex_colspec(table: nodes.table) -> str:
        colspecs = list(table.findall(nodes.colspec))
        numeric = ["versus-num" in e["classes"] for e in table.findall(nodes.entry)]
        numeric = numeric[: len(colspecs)]
        widths = [c["colwidth"] for c in colspecs]
        # ~5pt per character plus the column's padding, of a ~450pt line.
        natural = sum(w * 5 + 12 for w, n in zip(widths, numeric, strict=True) if n)
        share = 1 - natural / 450
        if share < 0.3:  # many systems: let every column wrap
            numeric, share = [False] * len(widths), 1.0
        text_total = sum(w for w, n in zip(widths, numeric, strict=True) if not n)
        return "".join(
            "r" if n else rf"\X{{{round(w / text_total * share * 1000)}}}{{1000}}"
            for w, n in zip(widths, numeric, strict=True)
        )

    def build_table(self, comparison: Comparison) -> nodes.table:
        others = comparison.others
        systems = comparison.systems
        heads = [
            "Workload",
            *systems,
            *(f"{o} vs {comparison.baseline}" for o in others),
        ]
        columns: list[list[str]] = [
            [f"{r.record.workload} ({_unit_text(r.record)})" for r in comparison.rows],
            # A best value is **bold** in text output: room for the stars.
            *([_shown(r.cell(s)) for r in comparison.rows] for s in systems),
            *([r.cell(s).ratio for r in comparison.rows] for s in others),
        ]
        if comparison.has_source:
            heads.append("Source")
            columns.append([r.record.source for r in comparison.rows])
        if comparison.has_notes:
            heads.append("Notes")
            columns.append([r.record.notes for r in comparison.rows])
        widths = [
            _width(head, cells) for head, cells in zip(heads, columns, strict=True)
        ]

        table = nodes.table(
            classes=[
                TABLE_CLASS,
                "versus-benchmark-table",
                *self.options.get("class", []),
            ]
        )
        tgroup = nodes.tgroup(cols=len(heads))
        table += tgroup
        # The workload column is the row header (<th scope="row"> in HTML).
        tgroup += nodes.colspec(colwidth=widths[0], stub=1)
        tgroup.extend(nodes.colspec(colwidth=w) for w in widths[1:])
        head_row = nodes.row()
        figures = len(systems) + len(others)
        for index, text in enumerate(heads):
            classes = ["versus-num"] if 1 <= index <= figures else []
            head_row += _entry(nodes.Text(text), classes=classes)
        tgroup += nodes.thead("", head_row)
        tbody = nodes.tbody()
        tgroup += tbody
        for row in comparison.rows:
            tbody += self.build_row(row, comparison)
        return table

    def build_row(self, row: Row, comparison: Comparison) -> nodes.row:
        record = row.record
        out = nodes.row()
        # The unit and direction once per row, after the workload's name.
        unit = f"({_unit_text(record)})"
        out += _entry(
            nodes.Text(record.workload),
            nodes.Text(" "),
            nodes.inline(unit, unit, classes=["versus-unit"]),
        )
        for cell in row.cells:
            out += _value_entry(cell)
        for system in comparison.others:
            ratio = row.cell(system).ratio
            classes = ["versus-num", "versus-ratio"]
            if ratio == EM_DASH:
                out += _entry(
                    nodes.inline(ratio, ratio, classes=["versus-no-data"]),
                    classes=classes,
                )
            else:
                out += _entry(nodes.Text(ratio), classes=classes)
        if comparison.has_source:
            out += self.markup_entry(record.source, "versus-source")
        if comparison.has_notes:
            out += self.markup_entry(record.notes, "versus-notes")
        return out

    def markup_entry(self, text: str, kind: str) -> nodes.entry:
        """Source and notes cells are inline markup (links work)."""
        if not text:
            return _entry(classes=[kind])
        parsed, messages = self.state.inline_text(text, self.lineno)
        return _entry(*parsed, classes=[kind], messages=messages)
