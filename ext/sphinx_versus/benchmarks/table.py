"""benchmark-table: the CSV's figures as a plain docutils table.

A real ``table`` node, so HTML, LaTeX, text, epub and man all render it with
no code of ours; the best value is ``strong`` (with class ``versus-best``) so
that it stands out in every format, not only where the CSS is loaded, and a
note under the table says what the bold means.

The table keeps to the figures, so that it fits a theme's text column.
What would repeat or run long goes under it, in a block of notes every
writer renders: a ``source`` that is the same in every row is said once, and
long notes and sources become numbered notes (:mod:`.notes`), each marked in
its row by its number; a source several rows share is one note.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinx_versus.benchmarks.cells import (
    cell_entry,
    column_width,
    figure_entry,
    note_mark,
    ratio_nodes,
)
from sphinx_versus.benchmarks.compare import better_phrase
from sphinx_versus.benchmarks.directive import BenchmarkFilesDirective
from sphinx_versus.benchmarks.notes import plan_notes
from sphinx_versus.benchmarks.numbers import EM_DASH, in_language
from sphinx_versus.doctree import TABLE_CLASS, TABLE_STACKABLE_CLASS
from sphinx_versus.limits import cells_problem
from sphinx_versus.locale import _
from sphinx_versus.policy.budget import budgeted
from sphinx_versus.policy.ids import page_id

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx_versus.benchmarks.compare import Cell, Comparison, Row
    from sphinx_versus.benchmarks.records import Record


def _shown(cell: Cell) -> str:
    return f"**{cell.text}**" if cell.best else cell.text


def _unit_text(record: Record) -> str:
    """``req/s, higher is better``; just the direction when there is no unit."""
    phrase = better_phrase(record.better, _)
    return f"{record.unit}, {phrase}" if record.unit else phrase


def _source_leads(comparison: Comparison) -> bool:
    """A workload with rows from several sources: the source tells them apart."""
    workloads = [r.record.workload.casefold() for r in comparison.rows]
    return comparison.has_source and len(set(workloads)) < len(workloads)


#: The tables a page has, numbered to name their notes' anchors.
_SERIAL = "versus-benchmark-table"


def _shared(texts: list[str]) -> str | None:
    """The one text every row has, if they all have the same."""
    distinct = set(texts)
    if len(distinct) == 1 and texts[0].strip():
        return texts[0]
    return None


class BenchmarkTableDirective(BenchmarkFilesDirective):
    """``benchmark-table``: one row per workload, a column per system."""

    @budgeted("benchmark")
    def run(self) -> list[nodes.Node]:
        loaded = self.load()
        if loaded is None:
            return self.unbuilt()
        rel, comparison = loaded
        columns = 1 + len(comparison.systems) + len(comparison.others)
        columns += comparison.has_source + comparison.has_notes
        limit = int(self.config.versus_table_max_cells)
        too_big = cells_problem(len(comparison.rows) + 1, columns, limit)
        if too_big:
            self.warn(f"{rel}: {too_big}")
            return self.unbuilt()
        table, notes = self.build_table(rel, comparison)
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
        environment = self.environment_nodes(comparison)
        if notes and environment:
            # With the table, ahead of numbered notes that can run for pages.
            block = notes[0]
            assert isinstance(block, nodes.Element)
            lists = [
                i for i, c in enumerate(block) if isinstance(c, nodes.enumerated_list)
            ]
            at = lists[0] if lists else len(block)
            block[at:at] = environment
            environment = []
        return [spec, table, *notes, *environment]

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
        shares = [
            0.0 if n else w / text_total * share
            for w, n in zip(widths, numeric, strict=True)
        ]
        # A narrow column (a source cited by its number) still fits its
        # heading: ~55pt of the line, taken from the wider columns.
        floor = min(55 / 450, share / max(1, numeric.count(False)))
        short = [i for i, f in enumerate(shares) if not numeric[i] and f < floor]
        if short:
            rest = sum(
                f for i, f in enumerate(shares) if not numeric[i] and i not in short
            )
            scale = (share - floor * len(short)) / rest if rest else 0.0
            shares = [
                f if numeric[i] else floor if i in short else f * scale
                for i, f in enumerate(shares)
            ]
        return "".join(
            "r" if n else rf"\X{{{round(f * 1000)}}}{{1000}}"
            for f, n in zip(shares, numeric, strict=True)
        )

    def build_table(
        self, rel: str, comparison: Comparison
    ) -> tuple[nodes.table, list[nodes.Node]]:
        """The table, and the notes block under it (if there is anything to say)."""
        others = comparison.others
        systems = comparison.systems
        records = [r.record for r in comparison.rows]
        source = _shared([r.source for r in records]) if comparison.has_source else None
        show_source = comparison.has_source and source is None
        # Each row's source and notes as the reader sees them (a link's
        # words, not its address): what decides whether they fit the table.
        source_texts = [r.source for r in records] if show_source else []
        notes_texts = [r.notes for r in records] if comparison.has_notes else []
        sources = [
            self.markup_entry(text, "versus-source", f"{rel}:{r.line} (source): ")
            for text, r in zip(source_texts, records, strict=False)
        ]
        remarks = [
            self.markup_entry(text, "versus-notes", f"{rel}:{r.line} (notes): ")
            for text, r in zip(notes_texts, records, strict=False)
        ]
        shown = {
            text: len(entry.astext())
            for texts, entries in ((source_texts, sources), (notes_texts, remarks))
            for text, entry in zip(texts, entries, strict=True)
        }
        plan = plan_notes(notes_texts, source_texts, width=shown.__getitem__)
        serial = self.env.new_serialno(_SERIAL)

        def note_id(number: int) -> str:
            return page_id(self.env.docname, "table", serial, "note", number)

        heads = [
            _("Workload"),
            *systems,
            *(
                _("{system} vs {baseline}").format(
                    system=o, baseline=comparison.baseline
                )
                for o in others
            ),
        ]
        columns: list[list[str]] = [
            [f"{r.workload} ({_unit_text(r)})" for r in records],
            # A best value is **bold** in text output: room for the stars.
            *([_shown(r.cell(s)) for r in comparison.rows] for s in systems),
            *([r.cell(s).ratio for r in comparison.rows] for s in others),
        ]
        # Rows of several sources (a claim, a measurement) differ only by their
        # source: it comes right after the workload, where a narrow screen
        # still shows it; otherwise it is a trailing column, or, when every
        # row has the same source, one line under the table.
        lead = _source_leads(comparison)
        show_notes = comparison.has_notes and not plan.numbers_notes
        if show_source:
            cited = [str(plan.row_sources.get(i, "")) for i in range(len(records))]
            texts = [e.astext() for e in sources]
            heads.insert(1 if lead else len(heads), _("Source"))
            columns.insert(
                1 if lead else len(columns), cited if plan.numbers_sources else texts
            )
        if show_notes:
            heads.append(_("Notes"))
            columns.append([e.astext() for e in remarks])
        widths = [
            column_width(head, cells)
            for head, cells in zip(heads, columns, strict=True)
        ]

        table = nodes.table(
            classes=[
                TABLE_CLASS,
                TABLE_STACKABLE_CLASS,
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
        first = 2 if lead else 1
        figures = len(systems) + len(others)
        for index, text in enumerate(heads):
            classes = ["versus-num"] if first <= index < first + figures else []
            head_row += cell_entry(nodes.Text(text), classes=classes)
        tgroup += nodes.thead("", head_row)
        tbody = nodes.tbody()
        tgroup += tbody
        for index, row in enumerate(comparison.rows):
            note = plan.row_notes.get(index)
            cited_source = plan.row_sources.get(index)
            source_entry = None
            if cited_source is not None:
                source_entry = cell_entry(
                    note_mark(note_id(cited_source)), classes=["versus-source"]
                )
            elif sources:
                source_entry = sources[index]
            tbody += self.build_row(
                row,
                comparison,
                None if note is None else note_id(note),
                source_entry,
                remarks[index] if show_notes else None,
            )
        by_kind = {"notes": remarks, "source": sources}
        cells = {n.number: by_kind[n.kind][n.row] for n in plan.notes}
        notes = self.notes_block(rel, comparison, source, cells, note_id)
        return table, notes

    def build_row(
        self,
        row: Row,
        comparison: Comparison,
        note_id: str | None,
        source_entry: nodes.entry | None,
        notes_entry: nodes.entry | None,
    ) -> nodes.row:
        """One workload's row; its source and notes cells come made."""
        record = row.record
        out = nodes.row()
        # The unit and direction once per row, after the workload's name.
        unit = f"({_unit_text(record)})"
        workload: list[nodes.Node] = [nodes.Text(record.workload)]
        if note_id is not None:  # the note's number, right after the name
            workload.append(note_mark(note_id))
        workload += [nodes.Text(" "), nodes.inline(unit, unit, classes=["versus-unit"])]
        out += cell_entry(*workload)
        lead = source_entry is not None and _source_leads(comparison)
        if lead and source_entry is not None:
            out += source_entry
        for cell in row.cells:
            out += figure_entry(cell)
        for system in comparison.others:
            ratio_cell = row.cell(system)
            ratio = ratio_cell.ratio
            classes = ["versus-num", "versus-ratio"]
            if ratio == EM_DASH:
                out += cell_entry(
                    nodes.inline(ratio, ratio, classes=["versus-no-data"]),
                    classes=classes,
                )
            else:
                out += cell_entry(*ratio_nodes(ratio_cell), classes=classes)
        if source_entry is not None and not lead:
            out += source_entry
        if notes_entry is not None:
            out += notes_entry
        return out

    def notes_block(
        self,
        rel: str,
        comparison: Comparison,
        source: str | None,
        cells: dict[int, nodes.entry],
        note_id: Callable[[int], str],
    ) -> list[nodes.Node]:
        """Under the table: what bold means, the one source, the numbered notes."""
        # The CSV's words as written: "--release" in a build note is a flag,
        # not a dash for smart quotes to turn into "–release".
        block = nodes.container(
            classes=["versus-table-notes"], support_smartquotes=False
        )
        bold_rows = any(cell.best for row in comparison.rows for cell in row.cells)
        close_rows = any(row.within_spread for row in comparison.rows)
        interval_rows = any(
            cell.verdict is not None for row in comparison.rows for cell in row.cells
        )
        if bold_rows or close_rows or interval_rows:
            legend = nodes.paragraph(classes=["versus-legend"])
            bold = _("Bold")
            legend += nodes.strong(bold, bold, classes=["versus-best"])
            legend += nodes.Text(_(": the best figure in each row."))
            if close_rows:
                legend += nodes.Text(" ")
                legend += nodes.Text(
                    _(
                        "No figure is bold where the spread of the best overlaps "
                        "that of another: the difference is within the noise."
                    )
                )
            if interval_rows:
                legend += nodes.Text(" ")
                legend += nodes.Text(self.interval_legend())
            block += legend
        if source is not None:
            first = comparison.rows[0].record
            origin = f"{rel}:{first.line} (source): "
            parsed, messages = self.inline(source, origin)
            # The writer's text is its own translatable node (gettext).
            shared = nodes.inline(source, "", *parsed)
            self.set_source_info(shared)
            lead = _("Source of every figure: ")
            block += nodes.paragraph(
                "", "", nodes.Text(lead), shared, nodes.Text("."),
                classes=["versus-source"],
            )  # fmt: skip
            block.extend(messages)
        if cells:
            items = nodes.enumerated_list(
                enumtype="arabic", prefix="", suffix=".", classes=["versus-notes"]
            )
            # Each note is the cell it replaces, parsed once, moved here.
            for number, entry in cells.items():
                paragraph = entry.next_node(nodes.paragraph)
                assert paragraph is not None
                messages = [c for c in entry.children if c is not paragraph]
                entry.clear()
                paragraph.insert(0, nodes.target("", "", ids=[note_id(number)]))
                items += nodes.list_item("", paragraph, *messages)
            block += items
        return [block] if len(block) else []

    def interval_legend(self) -> str:
        """What "95 % CI" in a ratio cell means, said once under the table."""
        margin = Decimal(str(self.config.versus_ratio_margin))
        return _(
            "95 % CI: the measured ratio's confidence interval, at 95 %. A "
            "system is called faster or slower only where the whole interval "
            "lies more than {margin} % beyond 1×; otherwise there is no "
            "measurable difference, and no figure of the row is bold."
        ).format(
            margin=in_language(f"{(margin * 100).normalize():f}", self.config.language)
        )

    def markup_entry(self, text: str, kind: str, origin: str) -> nodes.entry:
        """Source and notes cells are inline markup (links work), never raw."""
        if not text:
            return cell_entry(classes=[kind])
        parsed, messages = self.inline(text, origin)
        entry = cell_entry(*parsed, classes=[kind], messages=messages)
        entry["support_smartquotes"] = False  # data: see notes_block
        # Writer's prose: with its text and source, the gettext builder
        # extracts it and a translated build replaces it, like any paragraph.
        paragraph = entry.next_node(nodes.paragraph)
        assert paragraph is not None
        paragraph.rawsource = text
        self.set_source_info(paragraph)
        return entry
