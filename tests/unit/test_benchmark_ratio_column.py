"""The optional ``ratio`` and ``id`` columns of a benchmark CSV: parsed with
the rest of the row, every bad cell located by line and column."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sphinx_versus.benchmarks.data import BenchmarkDataError, parse_benchmarks
from sphinx_versus.benchmarks.stats import RatioInterval

HEADER = "workload,unit,better,Go,Rust,ratio,id\n"


def problems(text: str) -> list[str]:
    with pytest.raises(BenchmarkDataError) as info:
        parse_benchmarks(text.encode())
    return [p.located("data.csv") for p in info.value.problems]


def test_ratio_and_id_belong_to_their_row():
    data = parse_benchmarks(
        (
            "# cpu: test\n"
            + HEADER
            + "JSON decode,ms,lower,30.6,6.37,Rust/Go 0.213 (0.204–0.222),json-decode\n"
            + "Search,ns,lower,567,532,,\n"
        ).encode()
    )
    assert data.systems == ("Go", "Rust")
    assert data.has_ratio
    json, search = data.records
    assert json.id == "json-decode"
    assert json.ratio == RatioInterval(
        "Rust", "Go", Decimal("0.213"), Decimal("0.204"), Decimal("0.222")
    )
    assert (search.id, search.ratio) == ("", None)
    assert data.by_id("json-decode") is json
    assert data.by_id("") is None
    assert data.by_id("search") is None


def test_without_the_columns_nothing_changes():
    data = parse_benchmarks(b"workload,unit,better,Go,Rust\nA,ms,lower,1,2\n")
    assert not data.has_ratio
    assert data.records[0].ratio is None


def test_every_bad_cell_is_located():
    found = problems(
        HEADER
        + "A,ms,lower,1,2,Rust/Zig 2 (1-3),a\n"  # line 2: unknown system
        + "B,ms,lower,1,2,Rust/Go 2 (3-1),b\n"  # line 3: low > high
        + "C,ms,lower,1,2,Rust/Go 0 (0-1),c\n"  # line 4: not positive
        + "D,ms,lower,1,2,about twice,d\n"  # line 5: malformed
        + "E,ms,lower,1,2,,a\n"  # line 6: duplicate id
        + "F,ms,lower,1,2,,has space\n"  # line 7: not a slug
    )
    assert len(found) == 6
    assert found[0].startswith("data.csv:2, column 6 (ratio): 'Rust/Zig 2 (1-3)' names")
    assert "'Go', 'Rust'" in found[0]
    assert found[1].startswith("data.csv:3, column 6 (ratio): ")
    assert "write it as (1-3)" in found[1]
    assert found[2].startswith("data.csv:4, column 6 (ratio): ")
    assert "positive number" in found[2]
    assert found[3].startswith("data.csv:5, column 6 (ratio): 'about twice' is not")
    assert found[4] == (
        "data.csv:6, column 7 (id): duplicate id 'a' (first on line 2); "
        "give each row its own id"
    )
    assert found[5].startswith(
        "data.csv:7, column 7 (id): 'has space' is not a usable id"
    )


def test_ratio_and_id_are_not_systems():
    found = problems("workload,unit,better,Go,ratio,id\nA,ms,lower,1,,\n")
    assert found == [
        "data.csv:1: needs at least two system columns to compare (columns other "
        "than workload, unit, better, source, notes, ratio, id); found 'Go'"
    ]
