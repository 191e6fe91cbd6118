"""Row parsing for comparison-table, without a Sphinx build."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_versus.comparison.rows import (
    Row,
    RowError,
    fit_cells,
    is_separator,
    looks_like_json,
    parse_json_cells,
    parse_json_rows,
    parse_pipe_rows,
    split_cells,
)

#: The component call in the seed article, exactly as the CMS left it.
SEED_HEADERS = "[“Feature”, “Go”, “Rust”]"
SEED_ROWS = (
    "[ [“Memory management”, “Garbage collected”, “Ownership/borrowing (no GC)”], "
    "[“Learning curve”, “Gentle (weeks)”, “Steep (months)”], "
    "[“Concurrency”, “Goroutines + channels”, “Async/await + threads”], "
    "[“Compile speed”, “Very fast”, “Slower”], "
    "[“Runtime performance”, “Excellent”, “Best-in-class”], "
    "[“Binary size”, “Medium (5-15MB)”, “Small (optimized)”], "
    "[“Error handling”, “Multiple return values”, “Result<T, E> type”], "
    "[“Package manager”, “Go modules”, “Cargo (excellent)”], "
    "[“WebAssembly”, “Supported”, “Excellent (wasm-pack)”], "
    "[“Ecosystem maturity”, “Strong (cloud/backend)”, “Growing rapidly”], ]"
)

# Cell text: no line breaks, no backslashes (a backslash before a pipe has
# no encoding that round-trips), no surrounding blanks (cells are stripped).
cell_text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\\\n\r"),
    max_size=20,
).map(str.strip)


#: No per-example deadline: the machine running the suite may be busy.
quick = settings(max_examples=60, deadline=None)


def escape(cell: str) -> str:
    return cell.replace("|", "\\|")


# ------------------------------------------------------------------ pipes


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("a | b | c", ["a", "b", "c"]),
        ("| a | b | c |", ["a", "b", "c"]),
        ("|a|b|", ["a", "b"]),
        ("a || c", ["a", "", "c"]),
        ("| | Go | Rust |", ["", "Go", "Rust"]),
        ("a | b |  |", ["a", "b", ""]),
        (r"a \| b | c", ["a | b", "c"]),
        (r"`\|x\| x * 2` | c", ["`|x| x * 2`", "c"]),
        (r"a \\| b", ["a \\\\", "b"]),  # an escaped backslash, then a separator
        (r"a \* b | c", [r"a \* b", "c"]),  # other escapes are the page's
        ("single", ["single"]),
        ("trailing \\", ["trailing \\"]),
    ],
)
def test_split_cells(line, cells):
    assert split_cells(line) == cells


@quick
@given(st.lists(cell_text, min_size=1, max_size=6))
def test_split_cells_round_trips_with_outer_pipes(cells):
    line = "| " + " | ".join(escape(c) for c in cells) + " |"
    assert split_cells(line) == cells


@quick
@given(st.lists(cell_text.filter(bool), min_size=1, max_size=6))
def test_split_cells_round_trips_without_outer_pipes(cells):
    assert split_cells(" | ".join(escape(c) for c in cells)) == cells


@pytest.mark.parametrize(
    "line", ["|---|---|", "---|---", "| :-- | :-: | --: |", "---", "|-|"]
)
def test_separator_lines(line):
    assert is_separator(line)


@pytest.mark.parametrize(
    "line", ["a | b", "-- | x", "--", "| - | yes |", "—|—", "- list item"]
)
def test_not_separator_lines(line):
    assert not is_separator(line)


def test_pipe_rows_skip_blank_lines_and_keep_line_numbers():
    parsed = parse_pipe_rows(["", "a | b", "   ", "c | d", ""])
    assert parsed.header is None
    assert parsed.rows == (Row(("a", "b"), 2), Row(("c", "d"), 4))


def test_pasted_markdown_table_gives_its_header():
    parsed = parse_pipe_rows(["| F | Go |", "|---|:--:|", "| a | b |", "| c | d |"])
    assert parsed.header == Row(("F", "Go"), 1)
    assert [row.cells for row in parsed.rows] == [("a", "b"), ("c", "d")]


def test_leading_separator_is_layout():
    parsed = parse_pipe_rows(["|---|---|", "| a | b |"])
    assert parsed.header is None
    assert parsed.rows == (Row(("a", "b"), 2),)


def test_dashes_elsewhere_are_data_not_dropped():
    parsed = parse_pipe_rows(["a | b", "c | d", "--- | ---"])
    assert parsed.rows[-1] == Row(("---", "---"), 3)


@pytest.mark.parametrize(
    ("cells", "width", "fitted"),
    [
        (["a", "b"], 2, ("a", "b")),
        (["a"], 3, ("a", "", "")),
        (["a", "b", "c", "d"], 2, ("a", "b | c | d")),
        (["a", "b"], 1, ("a | b",)),
    ],
)
def test_fit_cells(cells, width, fitted):
    assert fit_cells(cells, width) == fitted


@quick
@given(st.lists(cell_text, max_size=8), st.integers(min_value=1, max_value=6))
def test_fit_cells_keeps_every_cell_text(cells, width):
    fitted = fit_cells(cells, width)
    assert len(fitted) == width
    if len(cells) <= width:
        assert fitted[: len(cells)] == tuple(cells)
        assert not any(fitted[len(cells) :])
    else:
        assert " | ".join(fitted) == " | ".join(cells)


# ------------------------------------------------------------------- JSON


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[["a"]]', True),
        ("[ [“a”]]", True),
        ('["a", "b"]', True),
        ("[“a”]", True),
        ("{[ [“a”], ]}", True),
        ("[]", True),
        ("[Go](https://go.dev) | fast", False),
        ("[link][ref] | x", False),
        ("a | b", False),
        ("", False),
    ],
)
def test_looks_like_json(text, expected):
    assert looks_like_json(text) is expected


def test_seed_article_call_parses():
    assert parse_json_cells(SEED_HEADERS) == ("Feature", "Go", "Rust")
    rows = parse_json_rows(SEED_ROWS)
    assert len(rows) == 10
    assert rows[0].cells == (
        "Memory management",
        "Garbage collected",
        "Ownership/borrowing (no GC)",
    )
    assert rows[6].cells[2] == "Result<T, E> type"


def test_jsx_braces_and_quote_styles():
    text = (
        "{[\n"
        "  [‘Rust’s book’, 'single', \"plain\"],\n"
        "  [”mirrored“, “He said “hi” twice”, 1.50],\n"
        "]}"
    )
    rows = parse_json_rows(text)
    assert [row.cells for row in rows] == [
        ("Rust’s book", "single", "plain"),
        ("mirrored", "He said “hi” twice", "1.50"),  # numbers kept as written
    ]
    assert [row.line for row in rows] == [2, 3]


def test_json_escapes_and_inner_ascii_quotes():
    rows = parse_json_rows('[["tab\\there", “a \\"quoted\\" word”, “say "hi"”]]')
    assert rows[0].cells == ("tab\there", 'a "quoted" word', 'say "hi"')


@quick
@given(st.lists(st.lists(cell_text, min_size=1, max_size=4), min_size=1, max_size=5))
def test_json_rows_round_trip(rows):
    rows = [row for row in rows if any(row)]
    assert [list(r.cells) for r in parse_json_rows(json.dumps(rows))] == rows


@quick
@given(
    st.lists(
        cell_text.filter(lambda c: not set(c) & set("“”\"‘’'")), min_size=1, max_size=4
    )
)
def test_typographic_quotes_round_trip(cells):
    text = "[" + ", ".join(f"“{c}”" for c in cells) + ",]"
    assert parse_json_cells(text) == tuple(cells)


@pytest.mark.parametrize(
    ("text", "reason", "line", "column"),
    [
        ("[[“a”, “b”]", "Expecting ',' delimiter", 1, 12),
        ("[[“a” “b”]]", "Expecting ',' delimiter", 1, 7),
        ('[\n  ["a", "b"],\n  ["c" "d"]\n]', "Expecting ',' delimiter", 3, 8),
        ("[[“a”, b]]", "Expecting value", 1, 8),
        ('[["a",, "b"]]', "Expecting value", 1, 7),
    ],
)
def test_malformed_json_is_located(text, reason, line, column):
    with pytest.raises(RowError) as caught:
        parse_json_rows(text)
    assert caught.value.reason == f"malformed JSON ({reason})"
    assert (caught.value.line, caught.value.column) == (line, column)


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ('[["a"],\n "b"]', "row 2 must be an array of cells like", 2),
        ('[["a", null]]', "row 1, cell 2: expected a string, found null", 1),
        ('[["a", ["b"]]]', "row 1, cell 2: expected a string, found an array", 1),
        ('{"a": 1}', "must be a JSON array of arrays, found an object", 1),
    ],
)
def test_json_of_the_wrong_shape(text, message, line):
    with pytest.raises(RowError) as caught:
        parse_json_rows(text)
    assert message in caught.value.reason
    assert caught.value.line == line


def test_json_headers_must_be_strings():
    with pytest.raises(RowError, match="the headers, cell 2: expected a string"):
        parse_json_cells('["a", true]')


# -------------------------------------------------------------------- CSV
