"""Rows of a comparison table from pipe text or JSON arrays.

No Sphinx or docutils imports: these functions turn text into plain lists and
raise :class:`RowError` with a line and column, so the directive can point the
writer at the exact place, and the parsing is unit-tested without a build.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_versus.datafiles import DataFileError

if TYPE_CHECKING:
    from collections.abc import Sequence


@dataclass(frozen=True)
class Row:
    """The cells of one row and the 1-based line it starts on in its text."""

    cells: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class PipeRows:
    """Rows from pipe text; ``header`` is a pasted Markdown table's header row."""

    rows: tuple[Row, ...]
    header: Row | None = None


class RowError(DataFileError):
    """Input that cannot become rows: a reason and a 1-based line and column
    (the same shape, and the same located message, as a data file's)."""


# --------------------------------------------------------------------- pipes

_SEPARATOR_CELL = re.compile(r":?-+:?")


def split_cells(line: str) -> list[str]:
    r"""Split ``a | b | c`` into stripped cells, GitHub-table style.

    ``\|`` is a literal pipe (also inside code); any other backslash pair is
    kept for the page's inline parser, so ``\\|`` is a backslash and then a
    separator.  One leading and one trailing unescaped pipe are optional.
    """
    cells: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(line):
        char = line[i]
        if char == "\\" and i + 1 < len(line):
            nxt = line[i + 1]
            current.append("|" if nxt == "|" else char + nxt)
            i += 2
            continue
        if char == "|":
            cells.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    cells.append("".join(current))
    if len(cells) > 1 and not cells[0].strip():
        del cells[0]
    if len(cells) > 1 and not cells[-1].strip():
        del cells[-1]
    return [cell.strip() for cell in cells]


def is_separator(line: str) -> bool:
    """True for a Markdown table's ``---|:--:|---`` line."""
    stripped = line.strip()
    if "|" not in stripped and stripped.count("-") < 3:
        return False
    cells = split_cells(stripped)
    return all(_SEPARATOR_CELL.fullmatch(cell) for cell in cells)


def parse_pipe_rows(lines: Sequence[str]) -> PipeRows:
    """One row per non-blank line; Markdown separator lines are layout, not data.

    A separator is recognised where Markdown puts it: as the first line, or
    right after the first row, which then is the table's header row.  Anywhere
    else a line of dashes is an ordinary row, so it stays visible.
    """
    numbered = [(number, line) for number, line in enumerate(lines, 1) if line.strip()]
    header: Row | None = None
    if numbered and is_separator(numbered[0][1]):
        numbered = numbered[1:]
    elif len(numbered) > 1 and is_separator(numbered[1][1]):
        number, line = numbered[0]
        header = Row(tuple(split_cells(line)), number)
        numbered = numbered[2:]
    rows = tuple(Row(tuple(split_cells(line)), number) for number, line in numbered)
    return PipeRows(tuple(row for row in rows if any(row.cells)), header)


def fit_cells(cells: Sequence[str], width: int) -> tuple[str, ...]:
    """Pad a short row with empty cells; keep a long row's surplus in its last cell.

    The writer's text is never dropped: surplus cells are joined with `` | ``,
    which is usually what they meant (an unescaped pipe).
    """
    if len(cells) <= width:
        return (*cells, *("" for _ in range(width - len(cells))))
    return (*cells[: width - 1], " | ".join(cells[width - 1 :]))


# ---------------------------------------------------------------------- JSON

#: Quotes a CMS "smartens" ``"`` and ``'`` into; they may come out mirrored.
_DOUBLE_OPENERS = "“”„"
_DOUBLE_CLOSERS = '“”"'
_SINGLE_OPENERS = "‘’'"
_SINGLE_CLOSERS = "‘’'"
_QUOTES = '"' + _DOUBLE_OPENERS + _SINGLE_OPENERS
_AFTER_VALUE = ",]}:"
#: Rows are an array of arrays of strings (three levels with JSX braces);
#: deeper nesting is a mistake, and unbounded nesting would exhaust the stack.
MAX_JSON_DEPTH = 8
_SPACES = re.compile(r"\s*")
_PLAIN = re.compile(r"[^\[\]{},\"\\\s" + _DOUBLE_OPENERS + _SINGLE_OPENERS + "]*")
_LINE_SPACES = re.compile(r"[ \t\r\n]*")


def looks_like_json(text: str) -> bool:
    """True if *text* is a JSON array (``[[`` / ``["`` / ``[]``), maybe in ``{...}``.

    A Markdown link at the start of a row (``[Go](https://go.dev) | ...``) is
    not mistaken for JSON: after the ``[`` must come another ``[``, a quote or
    ``]``.
    """
    stripped = text.strip()
    if stripped.startswith("{"):
        stripped = stripped[1:].lstrip()
    if not stripped.startswith("["):
        return False
    rest = stripped[1:].lstrip()
    return not rest or rest[0] in "[]" + _QUOTES


class _Positions:
    """Line and column of any index, by bisection: linear for many rows."""

    def __init__(self, text: str) -> None:
        self.newlines = [i for i, char in enumerate(text) if char == "\n"]

    def __call__(self, index: int) -> tuple[int, int]:
        before = bisect.bisect_left(self.newlines, index)
        start = self.newlines[before - 1] + 1 if before else 0
        return before + 1, index - start + 1


def _position(text: str, index: int) -> tuple[int, int]:
    return _Positions(text)(index)


def _next_char(text: str, index: int) -> str:
    """The first character at or after *index* that is not white space."""
    end = _SPACES.match(text, index)
    assert end is not None  # \s* always matches
    return text[end.end() : end.end() + 1]


def _closing_quote(text: str, start: int, closers: str) -> int | None:
    """Index of the quote that ends a string: one followed by ``,`` ``]`` or the end.

    Quotes elsewhere (``Rust’s``, nested “quotes”) are content; a quote
    followed by a space and another quote also ends it, so that a missing
    comma is reported as such.  The search
    stops at the end of the line: strings never span lines in the original.
    """
    i = start
    while i < len(text) and text[i] != "\n":
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in closers:
            gap = _LINE_SPACES.match(text, i + 1)
            assert gap is not None  # [ \t\r\n]* always matches
            rest = text[gap.end() : gap.end() + 1]
            # a quote after a space starts the next string, its comma missing:
            # end here so that json names the missing comma
            spaced = gap.end() > i + 1
            if not rest or rest in _AFTER_VALUE or (spaced and rest in _QUOTES):
                return i
        i += 1
    return None


def _end_of_json_string(text: str, start: int) -> int:
    i = start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == '"':
            return i
        i += 1
    return len(text) - 1


def _normalise(text: str) -> tuple[str, list[int], list[int]]:
    """Rewrite the component's JavaScript-ish props as strict JSON.

    Typographic and single-quoted strings become ``"..."``, trailing commas and
    JSX ``{[...]}`` braces go.  The standard library's parser then reads it:
    a JSON5 parser (``json5``) would still need the quote repair, which is
    most of this, and measured 15 times slower on a table at the default
    ``versus_table_max_cells``, the difference between 2.5 s and 40 s.

    Returns the JSON, the source index of every JSON character (to report
    errors where the writer typed them) and the source index where each item
    of the outer array starts.
    """
    out: list[str] = []
    where: list[int] = []
    row_starts: list[int] = []

    def emit(piece: str, index: int) -> None:
        out.append(piece)
        where.extend([index] * len(piece))

    skip: set[int] = set()
    stripped = text.strip()
    if stripped[:1] == "{" and stripped[1:].lstrip()[:1] == "[" and stripped[-1] == "}":
        skip = {text.index("{"), text.rindex("}")}
    depth = 0
    expect_item = False
    #: Per closing-quote set, the end of a line already scanned in vain: a
    #: later opener on that line would scan the same characters (linear time).
    unclosed: dict[str, int] = {}
    i = 0
    while i < len(text):
        char = text[i]
        if expect_item and depth == 1 and not char.isspace() and char not in ",]":
            row_starts.append(i)
            expect_item = False
        if i in skip:
            i += 1
        elif char == '"':
            end = _end_of_json_string(text, i)
            out.append(text[i : end + 1])
            where.extend(range(i, end + 1))
            i = end + 1
        elif char in _DOUBLE_OPENERS or char in _SINGLE_OPENERS:
            closers = _DOUBLE_CLOSERS if char in _DOUBLE_OPENERS else _SINGLE_CLOSERS
            closing = None
            if i >= unclosed.get(closers, -1):
                closing = _closing_quote(text, i + 1, closers)
                if closing is None:
                    end_of_line = text.find("\n", i)
                    unclosed[closers] = len(text) if end_of_line < 0 else end_of_line
            if closing is None:
                emit(char, i)  # json reports "Expecting value" right here
                i += 1
                continue
            end = closing
            emit('"', i)
            k = i + 1
            while k < end:
                if text[k] == "\\" and k + 1 < end:
                    emit(text[k : k + 2], k)
                    k += 2
                    continue
                emit('\\"' if text[k] == '"' else text[k], k)
                k += 1
            emit('"', end)
            i = end + 1
        elif char == "," and _next_char(text, i + 1) in ("]", "}"):
            i += 1  # JavaScript allows a trailing comma; JSON does not
        else:
            if char in "[{":
                depth += 1
                expect_item = depth == 1
                if depth > MAX_JSON_DEPTH:
                    line, column = _position(text, i)
                    msg = (
                        f"arrays nested more than {MAX_JSON_DEPTH} deep; rows are "
                        "an array of arrays of strings"
                    )
                    raise RowError(msg, line, column)
            elif char in "]}":
                depth -= 1
            elif char == "," and depth == 1:
                expect_item = True
            # Characters with no meaning here are copied a run at a time.
            run = _PLAIN.match(text, i + 1)
            end = run.end() if run and char not in "[]{}," else i + 1
            out.append(text[i:end])
            where.extend(range(i, end))
            i = end
    return "".join(out), where, row_starts


def _load(text: str) -> tuple[object, list[int]]:
    data, where, row_starts = _normalise(text)
    position = _Positions(text)
    try:
        value = json.loads(data, parse_int=str, parse_float=str)
    except json.JSONDecodeError as exc:
        index = where[exc.pos] if exc.pos < len(where) else len(text.rstrip())
        line, column = position(index)
        msg = f"malformed JSON ({exc.msg})"
        raise RowError(msg, line, column) from exc
    return value, [position(index)[0] for index in row_starts]


def _shown(value: object) -> str:
    if isinstance(value, list | dict):
        return "an array" if isinstance(value, list) else "an object"
    return json.dumps(value, ensure_ascii=False)


def _cells(value: object, what: str, line: int | None) -> tuple[str, ...]:
    if not isinstance(value, list):
        msg = f"{what} must be a JSON array of strings, found {_shown(value)}"
        raise RowError(msg, line)
    cells: list[str] = []
    for number, cell in enumerate(value, 1):
        if not isinstance(cell, str):
            msg = f"{what}, cell {number}: expected a string, found {_shown(cell)}"
            raise RowError(msg, line)
        cells.append(cell.strip())
    return tuple(cells)


def parse_json_cells(text: str) -> tuple[str, ...]:
    """``["Feature", "Go", "Rust"]`` (any quote style) as a tuple of cells."""
    value, _ = _load(text)
    return _cells(value, "the headers", 1)


def parse_json_rows(text: str) -> tuple[Row, ...]:
    """``[["a", "b"], ["c", "d"],]`` (any quote style) as rows with their lines."""
    value, lines = _load(text)
    if not isinstance(value, list):
        msg = f"the rows must be a JSON array of arrays, found {_shown(value)}"
        raise RowError(msg, 1)
    rows: list[Row] = []
    for number, item in enumerate(value, 1):
        line = lines[number - 1] if number <= len(lines) else 1
        if not isinstance(item, list):
            msg = (
                f"row {number} must be an array of cells like "
                f'["Feature", "Go", "Rust"], found {_shown(item)}'
            )
            raise RowError(msg, line)
        cells = _cells(item, f"row {number}", line)
        if any(cells):
            rows.append(Row(cells, line))
    return tuple(rows)
