"""The comparison-table directive: rows from text, JSON or CSV become a table.

The directive emits a plain ``table`` node (title, colspecs with a stub first
column, thead, tbody), so every writer renders it natively and the cached
doctree does not depend on the builder that read it; ``table_output`` shapes
it per format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_versus.comparison.rows import (
    RowError,
    fit_cells,
    looks_like_json,
    parse_json_cells,
    parse_json_rows,
    parse_pipe_rows,
    split_cells,
)
from sphinx_versus.datafiles import DataFileError, read_csv, read_data_file
from sphinx_versus.doctree import TABLE_CLASS, unbuilt
from sphinx_versus.limits import cells_problem, columns_problem, markup_problem
from sphinx_versus.markup import is_myst, parse_inline
from sphinx_versus.options import check_options, lenient_spec
from sphinx_versus.policy.budget import budgeted, capped

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec

    from sphinx_versus.datafiles import CsvRow

logger = logging.getLogger(__name__)

COMPARISON_CLASS = "versus-comparison"
NAME = "comparison-table"

#: The narrowest column a scaled-down :widths: makes, in text-writer characters.
_NARROWEST = 4

#: Letters, digits, spaces, commas and semicolons: no markup in reST or in
#: MyST, whatever MyST extensions are on (no quote, dot, dash, bracket...).
_PLAIN_CELL = re.compile(r"(?:[^\W_]|[ ,;])+")


def plain_cell(text: str) -> list[nodes.Node] | None:
    """A cell with nothing the inline parser would read, as one Text node.

    Most cells of a table are plain words; the page's parser would return
    exactly this node for them (``tests/build/test_plain_cells.py`` checks it
    with hypothesis), only slower. ``None``: the parser must read *text*.
    """
    if _PLAIN_CELL.fullmatch(text) and not markup_problem(len(text)):
        return [nodes.Text(text)]
    return None


_ROWS_HINT = (
    "write one row per line with cells separated by |, "
    "e.g. 'Compile speed | Very fast | Slower'"
)


def _widths(argument: str | None) -> str | list[int]:
    if argument is not None and argument.strip() == "auto":
        return "auto"
    return directives.positive_int_list(argument or "")


def _align(argument: str | None) -> str:
    return directives.choice(argument or "", ("left", "center", "right"))


#: The directive's answers of :meth:`ComparisonTable._source_line`.
_LINES = "_versus_source_lines"


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
    option_spec: ClassVar[OptionSpec] = lenient_spec(
        {
            "headers": directives.unchanged_required,
            "file": directives.path,
            "name": directives.unchanged,
            "class": directives.class_option,
            "widths": _widths,
            "align": _align,
        }
    )

    @budgeted("table")
    def run(self) -> list[nodes.Node]:
        check_options(self, "table")
        try:
            headers, rows = self._headers_and_rows()
            widths = self._widths(headers)
        except _Fatal as fatal:
            # The one severity rule: a located warning, and what was written
            # is shown where the table would be.
            self._warn(str(fatal), _Line((), fatal.line or self.lineno))
            source, line = self._source_line(self.lineno)
            return [unbuilt(self.block_text, source, line)]
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
        return [table, *capped(messages)]

    # ------------------------------------------------------------- input

    def _body_line(self, number: int) -> int:
        """The parser's line for 1-based body line *number*.

        docutils' reST states count content_offset from the top of the
        input; MyST's count from the directive's line, and MyST's state
        machine maps lines to themselves.
        """
        base = self.content_offset + (self.lineno if is_myst(self) else 0)
        return base + number

    def _source_line(self, line: int) -> tuple[str, int]:
        """The file and 1-based line of parser line *line* (includes resolved),
        asked once per line: every cell of a row asks for it."""
        known: dict[int, tuple[str, int]] = self.__dict__.setdefault(_LINES, {})
        if line not in known:
            known[line] = self._find_source_line(line)
        return known[line]

    def _find_source_line(self, line: int) -> tuple[str, int]:
        try:
            source, real = self.state_machine.get_source_and_line(line)
        except (IndexError, AttributeError):
            source, real = self.get_source_info()
        return str(Path(source or "").absolute()), real or self.lineno

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
        count = len(headers.cells)
        limit = int(self.config.versus_table_max_cells)
        problem = columns_problem(count) or cells_problem(len(rows) + 1, count, limit)
        if problem:
            raise _Fatal(problem)
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
            rows: tuple[CsvRow, ...] = read_csv(data)
        except DataFileError as exc:
            raise _Fatal(exc.located(rel)) from exc
        return [_Line(row.cells, self.lineno, f"{rel}:{row.line}: ") for row in rows]

    def _widths(self, headers: _Line) -> str | list[int] | None:
        widths = self.options.get("widths")
        count = len(headers.cells)
        if isinstance(widths, list) and len(widths) != count:
            msg = (
                f":widths: gives {len(widths)} width(s) but the table has {count} "
                f"column(s) ({' | '.join(headers.cells)}), so the widths are "
                "ignored; give one number per column or use ':widths: auto'"
            )
            self._warn(msg, _Line((), self.lineno))
            return None
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
        self,
        parent: nodes.Element,
        text: str,
        line: int,
        messages: list[nodes.Node],
        origin: str = "",
    ) -> None:
        """Parse *text* into *parent* by the policy of :mod:`sphinx_versus.markup`.

        Raw HTML (MyST passes ``<b>`` or an unquoted ``Option<T>`` through as
        a ``raw`` node) is shown as the text the writer typed, never markup.
        """
        if (plain := plain_cell(text)) is not None:
            parent.extend(plain)
            return
        location = "{}:{}".format(*self._source_line(line))
        parsed, problems = parse_inline(
            self, text, line, subtype="table", location=location, origin=origin
        )
        messages.extend(problems)
        parent.extend(parsed)

    def _row(
        self, cells: tuple[str, ...], where: _Line, messages: list[nodes.Node]
    ) -> nodes.row:
        row = nodes.row()
        for text in cells:
            entry = nodes.entry()
            if text:
                paragraph = nodes.paragraph(text, "")
                paragraph.source, paragraph.line = self._source_line(where.line)
                self._inline(paragraph, text, where.line, messages, where.origin)
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
        thead += self._row(headers.cells, headers, messages)
        tbody = nodes.tbody()
        for row in rows:
            tbody += self._row(self._fit(row, headers), row, messages)
        tgroup += thead
        tgroup += tbody
        return tgroup


def _scaled(weights: list[int]) -> list[int]:
    """Widths in the writer's proportions, scaled to about 100 in all.

    The text writer reads a colwidth as characters, so ``1 2 2`` would wrap
    every word onto its own line: a small total is scaled up by a whole
    factor (``20 40 40``), keeping the proportions exactly.  A large total is
    scaled down, so ``100000000 1 1`` cannot make a table 100 million
    characters wide; no column is narrower than a short word.
    """
    total = sum(weights)
    if total <= 100:
        factor = max(1, round(100 / total))
        return [weight * factor for weight in weights]
    return [max(_NARROWEST, round(weight * 100 / total)) for weight in weights]
