"""comparison-table: rows from text, JSON or CSV become a docutils table.

The directive emits a plain ``table`` node (title, colspecs with a stub first
column, thead, tbody), so every writer renders it natively and the cached
doctree does not depend on the builder that read it.  Post-transforms then
shape tables carrying the generic ``versus-table`` class per format: HTML gets
``scope`` on header cells and a scrolling wrapper, LaTeX gets ``longtable`` and
column widths when a table is long enough to need a page break.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_versus.datafiles import DataFileError, read_data_file
from sphinx_versus.table_rows import (
    Row,
    RowError,
    fit_cells,
    looks_like_json,
    parse_json_cells,
    parse_json_rows,
    parse_pipe_rows,
    read_csv,
    split_cells,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

logger = logging.getLogger(__name__)

#: On every table sphinx-versus makes; benchmark tables carry it too.
TABLE_CLASS = "versus-table"
COMPARISON_CLASS = "versus-comparison"
#: The HTML box a ``versus-table`` scrolls in (furo's own wrapper, if present).
WRAPPER_CLASS = "versus-table-wrapper"
NAME = "comparison-table"

_ROWS_HINT = (
    "write one row per line with cells separated by |, "
    "e.g. 'Compile speed | Very fast | Slower'"
)


def _widths(argument: str | None) -> str | list[int]:
    return directives.value_or(("auto",), directives.positive_int_list)(argument)


def _align(argument: str | None) -> str:
    return directives.choice(argument, ("left", "center", "right"))


class _Fatal(Exception):
    """Input the directive cannot turn into a table; ``line`` is parser-relative."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class _Line:
    """Cells plus where they came from: a parser line and a message prefix."""

    cells: tuple[str, ...]
    line: int
    origin: str = ""


class ComparisonTableDirective(SphinxDirective):
    """The port of the original site's ``<ComparisonTable>`` component."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[OptionSpec] = {
        "headers": directives.unchanged_required,
        "file": directives.path,
        "name": directives.unchanged,
        "class": directives.class_option,
        "widths": _widths,
        "align": _align,
    }

    def run(self) -> list[nodes.Node]:
        try:
            headers, rows = self._headers_and_rows()
            widths = self._widths(headers)
        except _Fatal as fatal:
            block = nodes.literal_block(self.block_text, self.block_text)
            line = fatal.line or self.lineno
            return [self.reporter.error(f"{NAME}: {fatal}", block, line=line)]
        messages: list[nodes.Node] = []
        table = nodes.table(
            classes=[TABLE_CLASS, COMPARISON_CLASS, *self.options.get("class", [])]
        )
        self.set_source_info(table)
        if self.arguments:
            title = nodes.title(self.arguments[0], "")
            self._inline(title, self.arguments[0], self.lineno, messages)
            table += title
        if "align" in self.options:
            table["align"] = self.options["align"]
        if widths == "auto":
            table["classes"].append("colwidths-auto")
        elif widths:
            table["classes"].append("colwidths-given")
        table += self._tgroup(headers, rows, widths, messages)
        self.add_name(table)
        return [table, *messages]

    # ------------------------------------------------------------- input

    def _is_myst(self) -> bool:
        # MyST counts content_offset from the directive's line, docutils from
        # the top of the file; MyST's state machine maps lines to themselves.
        return type(self.state_machine).__module__.startswith("myst_parser")

    def _body_line(self, number: int) -> int:
        """The parser's line for 1-based body line *number*."""
        base = self.content_offset + (self.lineno if self._is_myst() else 0)
        return base + number

    def _source_line(self, line: int) -> tuple[str, int]:
        """The file and 1-based line of parser line *line* (includes resolved)."""
        try:
            source, real = self.state_machine.get_source_and_line(line)
        except (IndexError, AttributeError):
            source, real = self.get_source_info()
        return str(Path(source).absolute()), real

    def _headers_and_rows(self) -> tuple[_Line, list[_Line]]:
        headers = self._headers_option()
        body = [line for line in self.content if line.strip()]
        if "file" in self.options:
            if body:
                msg = (
                    f"give the rows either in the directive body or with :file:, "
                    f"not both (found :file: {self.options['file']} and "
                    f"{len(body)} line(s) of body text); remove one of them"
                )
                raise _Fatal(msg)
            rows = self._csv_rows()
            if headers is None and rows:
                headers, rows = rows[0], rows[1:]
        elif looks_like_json("\n".join(self.content)):
            rows = self._json_rows()
        else:
            piped = parse_pipe_rows(list(self.content))
            rows = [_Line(r.cells, self._body_line(r.line)) for r in piped.rows]
            if piped.header is not None:
                markdown = _Line(piped.header.cells, self._body_line(piped.header.line))
                if headers is None:
                    headers = markdown
                else:
                    self._warn(
                        "the first row is a Markdown header row (a --- line "
                        "follows it) but :headers: is also given, so it is "
                        "shown as a body row; remove that row or remove :headers:",
                        markdown,
                    )
                    rows.insert(0, markdown)
        if headers is None:
            msg = (
                "no header row; add ':headers: Feature | Go | Rust', start the "
                "body with a Markdown header row followed by a '---|---' line, "
                "or use a :file: whose first row is the header"
            )
            if ":headers:" in self.block_text:
                msg += (
                    " (the :headers: line could not be read as an option: in "
                    "MyST quote a value that starts with |, e.g. "
                    ':headers: "| Feature | Go |")'
                )
            raise _Fatal(msg)
        if not any(headers.cells):
            msg = (
                "the header row is empty; give the header cells separated "
                "by |, e.g. ':headers: Feature | Go | Rust'"
            )
            raise _Fatal(msg)
        if not rows:
            msg = f"the table has no rows; {_ROWS_HINT}, or give a CSV file with :file:"
            raise _Fatal(msg)
        return headers, rows

    def _headers_option(self) -> _Line | None:
        text = self.options.get("headers")
        if text is None:
            return None
        if not looks_like_json(text):
            return _Line(tuple(split_cells(text)), self.lineno)
        try:
            return _Line(parse_json_cells(text), self.lineno)
        except RowError as exc:
            where = f" at column {exc.column}" if exc.column else ""
            msg = (
                f":headers: has {exc.reason}{where}; write a JSON array of "
                'strings such as ["Feature", "Go", "Rust"] or separate the '
                "cells with |: Feature | Go | Rust"
            )
            raise _Fatal(msg) from exc

    def _json_rows(self) -> list[_Line]:
        try:
            rows = parse_json_rows("\n".join(self.content))
        except RowError as exc:
            where = f" at column {exc.column}" if exc.column else ""
            msg = (
                f"the rows have {exc.reason}{where}; write a JSON array of "
                'arrays of strings such as [["Compile speed", "Very fast", '
                f'"Slower"]], or {_ROWS_HINT}'
            )
            raise _Fatal(msg, self._body_line(exc.line or 1)) from exc
        return [_Line(row.cells, self._body_line(row.line)) for row in rows]

    def _csv_rows(self) -> list[_Line]:
        try:
            rel, data = read_data_file(self.env, self.options["file"])
        except DataFileError as exc:
            raise _Fatal(f":file: {exc}") from exc
        try:
            rows: tuple[Row, ...] = read_csv(data)
        except RowError as exc:
            raise _Fatal(f"{rel}, {exc}") from exc
        return [
            _Line(row.cells, self.lineno, f"{rel}, line {row.line}: ") for row in rows
        ]

    def _widths(self, headers: _Line) -> str | list[int] | None:
        widths = self.options.get("widths")
        count = len(headers.cells)
        if isinstance(widths, list) and len(widths) != count:
            msg = (
                f":widths: gives {len(widths)} width(s) but the table has {count} "
                f"column(s) ({' | '.join(headers.cells)}); give one number per "
                "column or use ':widths: auto'"
            )
            raise _Fatal(msg)
        return widths

    # ------------------------------------------------------------ output

    def _warn(self, message: str, where: _Line) -> None:
        logger.warning(
            f"{NAME}: {where.origin}{message}",
            location="{}:{}".format(*self._source_line(where.line)),
            type="versus",
            subtype="table",
        )

    def _fit(self, row: _Line, headers: _Line) -> tuple[str, ...]:
        count, found = len(headers.cells), len(row.cells)
        if found != count:
            what = (
                "it was padded with empty cells; add the missing cells"
                if found < count
                else "the extra cells were kept in the last cell; remove them, "
                "or write a literal pipe as \\|"
            )
            names = " | ".join(headers.cells)
            self._warn(
                f"row has {found} cell(s), expected {count} "
                f"(one per column: {names}); {what}",
                row,
            )
        return fit_cells(row.cells, count)

    def _inline(
        self, parent: nodes.Element, text: str, line: int, messages: list[nodes.Node]
    ) -> None:
        """Parse *text* into *parent* as inline markup of the page's language.

        Raw HTML (MyST passes ``<b>`` or an unquoted ``Option<T>`` through as
        a ``raw`` node) is shown as the text the writer typed, never markup.
        """
        # MyST's inline parser counts lines from 0, docutils' from 1.
        offset = 1 if self._is_myst() else 0
        parsed, problems = self.state.inline_text(text, line - offset)
        messages.extend(problems)
        for node in parsed:
            # MyST hands its messages back among the inline nodes.
            if isinstance(node, nodes.system_message):
                messages.append(node)
            else:
                parent += node
        for raw in list(parent.findall(nodes.raw)):
            raw.replace_self(nodes.Text(raw.astext()))

    def _row(
        self, cells: tuple[str, ...], line: int, messages: list[nodes.Node]
    ) -> nodes.row:
        row = nodes.row()
        for text in cells:
            entry = nodes.entry()
            if text:
                paragraph = nodes.paragraph(text, "")
                paragraph.source, paragraph.line = self._source_line(line)
                self._inline(paragraph, text, line, messages)
                entry += paragraph
            row += entry
        return row

    def _tgroup(
        self,
        headers: _Line,
        rows: list[_Line],
        widths: str | list[int] | None,
        messages: list[nodes.Node],
    ) -> nodes.tgroup:
        count = len(headers.cells)
        given = widths if isinstance(widths, list) else [1] * count
        tgroup = nodes.tgroup(cols=count)
        for index, width in enumerate(_scaled(given)):
            colspec = nodes.colspec(colwidth=width)
            if index == 0:
                colspec["stub"] = 1  # the first column heads its row
            tgroup += colspec
        thead = nodes.thead()
        thead += self._row(headers.cells, headers.line, messages)
        tbody = nodes.tbody()
        for row in rows:
            tbody += self._row(self._fit(row, headers), row.line, messages)
        tgroup += thead
        tgroup += tbody
        return tgroup


def _scaled(weights: list[int]) -> list[int]:
    """Widths in the writer's proportions, scaled by a whole factor to about 100.

    The text writer reads a colwidth as characters, so ``1 2 2`` would wrap
    every word onto its own line; ``20 40 40`` keeps the proportions exactly.
    """
    factor = max(1, round(100 / sum(weights)))
    return [weight * factor for weight in weights]


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


def setup_tables(app: Sphinx) -> None:
    """Register the comparison-table directive and the table post-transforms."""
    app.add_config_value("versus_table_longtable_rows", 12, "", types=frozenset({int}))
    app.add_directive(NAME, ComparisonTableDirective)
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
