"""Edges of the pure modules that ``make mutate`` found untested.

Each test here was written against a mutant that survived the unit tests of
``comparison/rows``, ``benchmarks/numbers``, ``compare``, ``data`` and the
CSV part of ``datafiles``: a boundary (``<`` for ``<=``), a message a writer
reads, a line or column a warning points at.  Plain functions, no build.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from sphinx_versus.benchmarks.compare import compare, describe
from sphinx_versus.benchmarks.data import BenchmarkDataError, parse_benchmarks
from sphinx_versus.benchmarks.numbers import format_number, format_ratio, goodness
from sphinx_versus.comparison.rows import (
    PipeRows,
    Row,
    RowError,
    looks_like_json,
    parse_json_cells,
    parse_json_rows,
    parse_pipe_rows,
    split_cells,
)
from sphinx_versus.datafiles import CsvRow, DataFileError, decode_text, read_csv

# -- the errors' own words ---------------------------------------------------------


@pytest.mark.parametrize("error", [RowError, DataFileError])
def test_errors_say_where(error: type[ValueError]) -> None:
    assert str(error("bad", 3, 7)) == "line 3, column 7: bad"  # type: ignore[call-arg]
    assert str(error("bad", 3)) == "line 3: bad"  # type: ignore[call-arg]
    assert str(error("bad", None, 7)) == "column 7: bad"  # type: ignore[call-arg]
    assert str(error("bad")) == "bad"
    assert error("bad").args == ("bad",)


def test_benchmark_data_error_lists_every_problem() -> None:
    raw = b"workload,unit,better,go,rust\nA,ms,lower,1\nB,ms,lower,1\n"
    with pytest.raises(BenchmarkDataError) as caught:
        parse_benchmarks(raw)
    assert str(caught.value) == (
        "<csv>:2: has 4 fields but the header has 5; quote fields that contain "
        "commas; <csv>:3: has 4 fields but the header has 5; quote fields that "
        "contain commas"
    )


# -- comparison rows: pipes ---------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("a | b\\|", ["a", "b|"]),  # an escaped pipe as the last character
        ("| a", ["a"]),  # one leading pipe is optional
        ("a |", ["a"]),
        ("", [""]),  # nothing is one empty cell, not none
    ],
)
def test_split_cells_edges(line: str, cells: list[str]) -> None:
    assert split_cells(line) == cells


def test_one_pipe_line_is_a_row_not_a_header() -> None:
    assert parse_pipe_rows(["a | b"]) == PipeRows((Row(("a", "b"), 1),), None)


def test_header_and_separator_alone_give_a_header_and_no_rows() -> None:
    assert parse_pipe_rows(["a | b", "---|---"]) == PipeRows((), Row(("a", "b"), 1))


# -- comparison rows: JSON ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [('{["a"]}', True), ('{ ["a"] }', True), ("[X", False), ("[ x", False)],
)
def test_looks_like_json_edges(text: str, expected: bool) -> None:
    assert looks_like_json(text) is expected


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ('[["", "b"]]', [("", "b")]),  # an empty string is a cell
        (r'[["a\\", "b"]]', [("a\\", "b")]),  # an escaped backslash before "
        ('[[“a\\\\”, "b"]]', [("a\\", "b")]),  # the same in typographic quotes
        ('{[["a{b", "c}d"]]}', [("a{b", "c}d")]),  # JSX braces, braces in text
        ('{ [["a"]] }', [("a",)]),
        ("[[“it’s”, ‘b’ ]]", [("it’s", "b")]),
        ('[[“x” \n, "y"]]', [("x", "y")]),
    ],
)
def test_json_rows_parse(text: str, rows: list[tuple[str, ...]]) -> None:
    assert [row.cells for row in parse_json_rows(text)] == rows


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ('[["a]"],\n ["b"]]', ("a]",)),
        ('[["a["],\n ["b"]]', ("a[",)),
        ('[["", "["],\n ["b"]]', ("", "[")),  # an empty string before
        ('[["a\\"[", "c"],\n ["b"]]', ('a"[', "c")),  # an escaped quote
        ('[["\\\\", "["],\n ["b"]]', ("\\", "[")),  # an escaped backslash
        ("[[“[”, “]”],\n [“b”]]", ("[", "]")),  # typographic quotes
    ],
)
def test_json_row_lines_ignore_brackets_inside_strings(text, first) -> None:
    """Each row's line is where its ``[`` is, whatever its strings contain."""
    rows = parse_json_rows(text)
    assert [(r.cells, r.line) for r in rows] == [(first, 1), (("b",), 2)]


def test_control_character_in_a_typographic_string_is_located() -> None:
    with pytest.raises(RowError) as caught:
        parse_json_rows("[[“a\tb”]]")
    assert (caught.value.line, caught.value.column) == (1, 5)


@pytest.mark.parametrize(
    ("text", "reason", "line", "column"),
    [
        ('\n[["a" "b"]]', "Expecting ',' delimiter", 2, 7),
        ('\n\n  [["a" "b"]]', "Expecting ',' delimiter", 3, 9),
        ("[[“abc", "Expecting value", 1, 3),  # a quote never closed
        ('[["abc', "Unterminated string starting at", 1, 3),
        ('[["a", “b\n”]]', "Expecting value", 1, 8),  # strings end at the line
        ("[[“a” “b”]]", "Expecting ',' delimiter", 1, 7),
        ("[[‘a’ ‘b’]]", "Expecting ',' delimiter", 1, 7),
        ("[[“a\\”, “b”]]", "Invalid \\escape", 1, 5),
    ],
)
def test_malformed_json_points_at_the_writers_text(
    text: str, reason: str, line: int, column: int
) -> None:
    with pytest.raises(RowError) as caught:
        parse_json_rows(text)
    error = caught.value
    assert (error.reason, error.line, error.column) == (
        f"malformed JSON ({reason})",
        line,
        column,
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[["a"], true]', "found true"),
        ('[["a"], "é"]', 'found "é"'),
        ('[["a"], 5]', 'found "5"'),
    ],
)
def test_json_row_of_the_wrong_kind_is_shown_as_written(text, message) -> None:
    with pytest.raises(RowError) as caught:
        parse_json_rows(text)
    assert caught.value.reason == (
        f'row 2 must be an array of cells like ["Feature", "Go", "Rust"], {message}'
    )
    assert caught.value.line == 1


def test_json_headers() -> None:
    assert parse_json_cells('{["a", "b"]}') == ("a", "b")
    assert parse_json_cells('[1, "b"]') == ("1", "b")
    with pytest.raises(RowError) as caught:
        parse_json_cells('{"a": 1}')
    assert (caught.value.reason, caught.value.line) == (
        "the headers must be a JSON array of strings, found an object",
        1,
    )
    with pytest.raises(RowError) as caught:
        parse_json_cells('[["a"]]')
    assert (caught.value.reason, caught.value.line) == (
        "the headers, cell 1: expected a string, found an array",
        1,
    )


# -- numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (Decimal(9999), "9,999"),
        (Decimal(10_000), "10K"),  # compact from 10,000 on
        (Decimal(10) ** 15 - 1, "999,999,999,999,999"),
        (Decimal(10) ** 15, "1,000,000,000,000,000"),  # and plain again from here
    ],
)
def test_format_number_compact_range(number: Decimal, shown: str) -> None:
    assert format_number(number) == shown


def test_goodness_of_a_worse_one() -> None:
    assert goodness(Decimal(2), Decimal(1), "higher") == Decimal("0.5")
    assert goodness(Decimal(2), Decimal(1), "lower") == Decimal(2)


@pytest.mark.parametrize(
    ("factor", "shown"),
    [
        ("10.4", "10× faster"),  # from 10 on, whole numbers
        ("9.96", "10× faster"),
        ("9.94", "9.9× faster"),
        ("12.5", "13× faster"),  # half up, not to even
        ("0.5", "2× slower"),
    ],
)
def test_format_ratio_rounding(factor: str, shown: str) -> None:
    assert format_ratio(Decimal(factor), "ms", "lower") == shown


# -- comparing systems ---------------------------------------------------------------

CSV = (
    b"workload,unit,better,go,rust,zig\n"
    b"Startup,ms,lower,10-20,5,\n"
    b"Throughput,,higher,100,200,50\n"
    b"Memory,MB,lower,,30,40\n"
)


def test_cells_carry_best_relative_and_ratio() -> None:
    comparison = compare(parse_benchmarks(CSV))
    cells = {
        (row.record.workload, cell.system): (
            cell.best,
            cell.relative,
            cell.relative_low,
            cell.relative_high,
            cell.ratio,
        )
        for row in comparison.rows
        for cell in row.cells
    }
    assert cells == {
        ("Startup", "go"): (False, 1.0, 0.75, 1.5, "baseline"),
        ("Startup", "rust"): (True, 3.0, 3.0, 3.0, "3× faster"),
        ("Startup", "zig"): (False, None, None, None, "—"),
        ("Throughput", "go"): (False, 1.0, 1.0, 1.0, "baseline"),
        ("Throughput", "rust"): (True, 2.0, 2.0, 2.0, "2× better"),
        ("Throughput", "zig"): (False, 0.5, 0.5, 0.5, "2× worse"),
        # no baseline figure: nothing relative, but two figures still compare
        ("Memory", "go"): (False, None, None, None, "baseline"),
        ("Memory", "rust"): (True, None, None, None, "—"),
        ("Memory", "zig"): (False, None, None, None, "—"),
    }


def test_a_zero_figure_has_no_ratio() -> None:
    """Against or from zero, "times as good" is undefined: no bar, no ratio."""
    data = parse_benchmarks(b"workload,unit,better,go,rust\nA,ms,lower,0,5\n")
    go, rust = compare(data).rows[0].cells
    assert (go.relative, go.ratio, go.best) == (1.0, "baseline", True)
    assert (rust.relative, rust.relative_low, rust.ratio) == (None, None, "—")


def test_source_and_notes_columns_are_reported() -> None:
    plain = parse_benchmarks(CSV)
    assert (compare(plain).has_source, compare(plain).has_notes) == (False, False)
    assert (plain.records[0].source, plain.records[0].notes) == ("", "")
    full = parse_benchmarks(
        b"workload,unit,better,go,rust,source,notes\nA,ms,lower,1,2,x,y\n"
    )
    assert (compare(full).has_source, compare(full).has_notes) == (True, True)


def test_describe_states_every_figure() -> None:
    data = parse_benchmarks(CSV)
    assert describe(compare(data)) == (
        "Bar chart of rust, zig relative to go (go = 1×; a longer bar is better). "
        "Startup (ms, lower is better): go 10–20, rust 5, zig no data; "
        "rust 3× faster. "
        "Throughput (higher is better): go 100, rust 200, zig 50; "
        "rust 2× better; zig 2× worse. "
        "Memory (MB, lower is better): go no data, rust 30, zig 40."
    )
    assert describe(compare(data, ["rust", "go"])) == (
        "Bar chart of go relative to rust (rust = 1×; a longer bar is better). "
        "Startup (ms, lower is better): rust 5, go 10–20; go 3× slower. "
        "Throughput (higher is better): rust 200, go 100; go 2× worse. "
        "Memory (MB, lower is better): rust 30, go no data."
    )


# -- the benchmark file's header and rows -----------------------------------


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            b"workload,,unit,better,go,rust\nA,,ms,lower,1,2\n",
            "<csv>:1, column 2: the header cell is empty; give every column a name",
        ),
        (
            b"workload,go,go,unit,better,rust\nA,1,1,ms,lower,2\n",
            "<csv>:1, column 3 (go): duplicate column 'go' (also column 2)",
        ),
        (
            b"workload,go,rust\nA,1,2\n",
            "<csv>:1: missing required columns 'unit', 'better'; the header has "
            "'workload', 'go', 'rust' and needs workload, unit, better, then one "
            "column per system",
        ),
        (
            b"workload,unit,go,rust\nA,ms,1,2\n",
            "<csv>:1: missing required column 'better'; the header has "
            "'workload', 'unit', 'go', 'rust' and needs workload, unit, better, "
            "then one column per system",
        ),
        (
            b"workload,\nA,\n",  # a trailing comma is not an empty column
            "<csv>:1: missing required columns 'unit', 'better'; the header has "
            "'workload', '' and needs workload, unit, better, then one column "
            "per system",
        ),
        (
            b"workload,unit,better,go,rust\nA,ms,lower,1,2\nA,ms,lower,1,2\n"
            b"a,ms,lower,1,2\n",
            "<csv>:3, column 1 (workload): duplicate workload 'A' (first on line "
            "2); give each workload one row per source; <csv>:4, column 1 "
            "(workload): duplicate workload 'a' (first on line 2); give each "
            "workload one row per source",
        ),
    ],
)
def test_header_and_row_problems_are_all_reported(raw: bytes, message: str) -> None:
    with pytest.raises(BenchmarkDataError) as caught:
        parse_benchmarks(raw)
    assert str(caught.value) == message


def test_trailing_comma_after_the_header_and_rows() -> None:
    data = parse_benchmarks(b"workload,unit,better,go,rust,\nA,ms,lower,1,2,\n")
    assert data.systems == ("go", "rust")


# -- datafiles: text and CSV ------------------------------------------------


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        (b"\xff\n\n", 1, 1),  # newlines after the bad byte do not count
        (b"\n\xff", 2, 1),
        (b"\nab\xff", 2, 3),
        (b"x\ny\nab\xff", 3, 3),  # the column counts from the last newline
    ],
)
def test_bad_utf8_is_located(data: bytes, line: int, column: int) -> None:
    with pytest.raises(DataFileError) as caught:
        decode_text(data)
    assert (caught.value.line, caught.value.column) == (line, column)


def test_csv_with_bare_carriage_returns() -> None:
    assert read_csv(b"a,b\rc,d\r") == (CsvRow(("a", "b"), 1), CsvRow(("c", "d"), 2))


def test_csv_error_names_the_line_where_it_was_found() -> None:
    with pytest.raises(DataFileError) as caught:
        read_csv(b'a,b\n"x\ny"z\n')  # the record starts on line 2
    assert caught.value.line == 3
