"""The benchmark CSV file: validated records, or problems with line and column."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sphinx_versus.benchmarks.compare import SelectionError, compare, describe
from sphinx_versus.benchmarks.data import BenchmarkDataError, parse_benchmarks
from sphinx_versus.benchmarks.numbers import MICRO_SIGN, Value
from tests.paths import DOCS

ARTICLE = "Go vs Rust article (seed)"


def problems(text: str | bytes) -> list[str]:
    raw = text.encode() if isinstance(text, str) else text
    with pytest.raises(BenchmarkDataError) as info:
        parse_benchmarks(raw)
    return [p.located("data.csv") for p in info.value.problems]


def test_the_guides_csv_holds_the_articles_figures():
    data = parse_benchmarks((DOCS / "data" / "benchmarks.csv").read_bytes())
    assert data.systems == ("Go", "Rust")
    assert data.has_source
    table = {
        r.workload: (r.unit, r.better, r.values["Go"], r.values["Rust"])
        for r in data.records
    }
    D = Decimal
    assert table == {
        "HTTP requests/sec": (
            "req/s",
            "higher",
            Value(D(150000), D(200000)),
            Value(D(200000), D(300000)),
        ),
        "JSON parsing (1 MB)": (
            "ms",
            "lower",
            Value(D(2), D(2), True),
            Value(D("0.8"), D("0.8"), True),
        ),
        "Binary search (10M items)": (
            f"{MICRO_SIGN}s",
            "lower",
            Value(D(45), D(45), True),
            Value(D(20), D(20), True),
        ),
        "Memory (idle server)": (
            "MB",
            "lower",
            Value(D(15), D(15), True),
            Value(D(5), D(5), True),
        ),
        "Compile time (large project)": (
            "s",
            "lower",
            Value(D(5), D(5), True),
            Value(D(60), D(60), True),
        ),
    }
    assert [r.workload for r in data.records] == list(table)  # file order
    assert all(r.source == ARTICLE for r in data.records)
    ratios = [r.cell("Rust").ratio for r in compare(data).rows]
    assert ratios == [
        "1.4× faster",
        "2.5× faster",
        "2.3× faster",
        "3× smaller",
        "12× slower",
    ]


def test_bom_crlf_quotes_blank_lines_and_case():
    raw = (
        "\ufeffWorkload , UNIT,Better,Alpha,Beta,Notes\r\n"
        "\r\n"
        '"Parse, then print",\u03bcs,LOWER,"1,500",~2,"a note, with a comma"\r\n'
        ",,,,,\r\n"
        "Serve,req/s,higher,10,,\r\n"
    ).encode()
    data = parse_benchmarks(raw)
    assert data.systems == ("Alpha", "Beta")
    assert data.has_notes
    assert not data.has_source
    first, second = data.records
    assert first.workload == "Parse, then print"
    assert first.unit == f"{MICRO_SIGN}s"
    assert first.better == "lower"
    assert first.values["Alpha"] == Value(Decimal(1500), Decimal(1500))
    assert first.notes == "a note, with a comma"
    assert first.line == 3
    assert second.values["Beta"] is None  # an empty cell is "no data"
    assert second.line == 5


def test_lines_count_multiline_fields():
    raw = (
        b"workload,unit,better,A,B,notes\n"
        b'One,s,lower,1,2,"two\nlines"\n'
        b"Two,s,lower,x,2,\n"
    )
    assert problems(raw) == [
        "data.csv:4, column 4 (A): 'x' is not a number or a range; write a "
        "number such as 1500, 0.8 or ~2, a range such as 150000-200000, or a "
        "measurement with its spread such as 61230 (60110-62050) or 2.1 ± 0.1, "
        "and put the unit in the 'unit' column (leave the cell empty for no data)"
    ]


def test_any_number_of_systems():
    raw = b"workload,unit,better,A,B,C,D\nW,s,lower,1,2,3,4\n"
    data = parse_benchmarks(raw)
    assert data.systems == ("A", "B", "C", "D")
    comparison = compare(data, ["C", "A"], "A")
    assert comparison.systems == ("C", "A")
    assert comparison.others == ("C",)
    assert comparison.rows[0].cell("C").ratio == "3× slower"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "",
            [
                "data.csv: the file is empty; it needs a header row "
                "(workload,unit,better,<system>,<system>,...) and a row per "
                "workload"
            ],
        ),
        (
            "\n \n",
            [
                "data.csv: the file is empty; it needs a header row "
                "(workload,unit,better,<system>,<system>,...) and a row per "
                "workload"
            ],
        ),
        (
            "workload,unit,better,Go,Rust\n",
            [
                "data.csv:1: the file has a header row but no data rows; add one row "
                "per workload"
            ],
        ),
        (
            "workload,better,Go,Rust\nW,lower,1,2\n",
            [
                "data.csv:1: missing required column 'unit'; the header has "
                "'workload', 'better', 'Go', 'Rust' and needs workload, unit, "
                "better, then one column per system"
            ],
        ),
        (
            "name,Go,Rust\nW,1,2\n",
            [
                "data.csv:1: missing required columns 'workload', 'unit', 'better'; "
                "the header has 'name', 'Go', 'Rust' and needs workload, unit, "
                "better, then one column per system"
            ],
        ),
        (
            "workload,unit,better,Go,source\nW,s,lower,1,x\n",
            [
                "data.csv:1: needs at least two system columns to compare "
                "(columns other than workload, unit, better, source, notes, ratio, "
                "id); found 'Go'"
            ],
        ),
        (
            "workload,unit,better\nW,s,lower\n",
            [
                "data.csv:1: needs at least two system columns to compare "
                "(columns other than workload, unit, better, source, notes, ratio, "
                "id); found none"
            ],
        ),
        (
            "workload,unit,better,Go,go\nW,s,lower,1,2\n",
            ["data.csv:1, column 5 (go): duplicate column 'go' (also column 4)"],
        ),
        (
            "workload,unit,better,,Go,Rust\nW,s,lower,1,2,3\n",
            [
                "data.csv:1, column 4: the header cell is empty; give every column a "
                "name"
            ],
        ),
        (
            "workload,unit,better,Go,Rust\nW,s,faster,1,2\n",
            [
                "data.csv:2, column 3 (better): 'better' must be 'higher' or "
                "'lower', not 'faster'"
            ],
        ),
        (
            "workload,unit,better,Go,Rust\nW,s,lower,5-3,2\n",
            [
                "data.csv:2, column 4 (Go): '5-3' is a range whose low end is "
                "greater than its high end; write it as 3-5"
            ],
        ),
        (
            "workload,unit,better,Go,Rust\nW,s,lower,1,2\nw,s,lower,1,2\n",
            [
                "data.csv:3, column 1 (workload): duplicate workload 'w' (first on "
                "line 2); give each workload one row per source"
            ],
        ),
        (
            "workload,unit,better,Go,Rust\n,s,lower,1,2\n",
            [
                "data.csv:2, column 1 (workload): the workload is empty; name what "
                "was measured"
            ],
        ),
        (
            "workload,unit,better,Go,Rust\nW,s,lower,1\n",
            [
                "data.csv:2: has 4 fields but the header has 5; quote fields that "
                "contain commas"
            ],
        ),
        (
            "workload,unit,better,Go,Rust\nW,s,lower,1,2,3\n",
            [
                "data.csv:2: has 6 fields but the header has 5; quote fields that "
                "contain commas"
            ],
        ),
        (
            'workload,unit,better,Go,Rust\nW,s,lower,"1"x,2\n',
            [
                "data.csv:2: not valid CSV (',' expected after '\"'); quote fields "
                "that contain commas or quotes, and double a quote inside a quoted "
                "field"
            ],
        ),
    ],
)
def test_problems_are_located(text, expected):
    assert problems(text) == expected


def test_every_bad_cell_is_reported_not_only_the_first():
    raw = "workload,unit,better,Go,Rust\nA,s,best,1,2ms\nB,s,lower,~,3\n"
    found = problems(raw)
    assert [p.split(":", 2)[1] for p in found] == [
        "2, column 3 (better)",
        "2, column 5 (Rust)",
        "3, column 4 (Go)",
    ]
    assert "'2ms' is not a number or a range" in found[1]
    assert "'~' is not a number or a range" in found[2]


def test_invalid_utf8_names_the_line():
    raw = b"workload,unit,better,Go,Rust\nW,\xb5s,lower,1,2\n"
    assert problems(raw) == [
        "data.csv:2, column 3: not valid UTF-8 (byte 0xb5); save the file with "
        "UTF-8 encoding"
    ]


def test_trailing_comma_after_the_header_is_tolerated():
    data = parse_benchmarks(b"workload,unit,better,Go,Rust,\nW,s,lower,1,2,\n")
    assert data.systems == ("Go", "Rust")


def test_selection_errors_list_the_known_systems():
    data = parse_benchmarks(b"workload,unit,better,Go,Rust,Zig\nW,s,lower,1,2,3\n")
    with pytest.raises(SelectionError) as info:
        compare(data, baseline="C++")
    assert str(info.value) == (
        ":baseline: 'C++' is not a system in the file; the known systems are "
        "'Go', 'Rust', 'Zig'"
    )
    with pytest.raises(SelectionError, match=r":systems: names 'Java', which"):
        compare(data, systems=["Go", "Java"])
    with pytest.raises(SelectionError, match="needs at least two systems"):
        compare(data, systems=["Go"])
    with pytest.raises(SelectionError, match="lists 'Go' more than once"):
        compare(data, systems=["Go", "Go"])
    with pytest.raises(SelectionError, match="is not one of the :systems:"):
        compare(data, systems=["Go", "Rust"], baseline="Zig")


def test_best_values_and_ties():
    data = parse_benchmarks(
        b"workload,unit,better,A,B,C\n"
        b"Fast,s,lower,3,1,1\n"
        b"Tie,s,lower,2,2,2\n"
        b"Alone,s,lower,2,,\n"
        b"Most,req/s,higher,1-3,2,\n"
    )
    rows = {r.record.workload: r for r in compare(data).rows}
    best = {w: [c.system for c in r.cells if c.best] for w, r in rows.items()}
    assert best == {"Fast": ["B", "C"], "Tie": [], "Alone": [], "Most": []}
    # 1-3 has midpoint 2: equal to B's 2, so neither stands out.
    assert rows["Most"].cell("B").ratio == "same"
    assert rows["Most"].cell("C").ratio == "—"


def test_description_states_every_figure():
    data = parse_benchmarks((DOCS / "data" / "benchmarks.csv").read_bytes())
    text = describe(compare(data))
    assert text.startswith("Bar chart of Rust relative to Go (Go = 1×;")
    assert (
        "HTTP requests/sec (req/s, higher is better): Go 150K–200K, "
        "Rust 200K–300K; Rust 1.4× faster." in text
    )
    assert (
        "Compile time (large project) (s, lower is better): Go ~5, Rust ~60; "
        "Rust 12× slower." in text
    )
