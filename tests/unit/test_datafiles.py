"""The one CSV reader every directive uses: dialect, encoding, located errors."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_versus.datafiles import CsvRow, DataFileError, read_csv

quick = settings(max_examples=60, deadline=None)


def test_csv_bom_crlf_quotes_and_blank_rows():
    data = (
        "\ufeffFeature,Go,Rust\r\n"
        '"Errors, in short",values,"Result<T, E>"\r\n'
        ",,\r\n"
        "\r\n"
        '"multi\r\nline",x,y\r\n'
        "Last, spaced ,z\r\n"
    ).encode()
    assert read_csv(data) == (
        CsvRow(("Feature", "Go", "Rust"), 1),
        CsvRow(("Errors, in short", "values", "Result<T, E>"), 2),
        CsvRow(("multi\r\nline", "x", "y"), 5),
        CsvRow(("Last", "spaced", "z"), 7),
    )


@quick
@given(
    st.lists(
        st.lists(
            st.text(
                st.characters(blacklist_categories=("Cs",), blacklist_characters="\0"),
                max_size=12,
            ).map(str.strip),
            min_size=1,
            max_size=4,
        ).filter(any),
        max_size=5,
    )
)
def test_csv_round_trips(rows):
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    data = b"\xef\xbb\xbf" + out.getvalue().encode()
    parsed = read_csv(data)
    assert [[c.strip() for c in row] for row in rows] == [list(r.cells) for r in parsed]


def test_csv_not_utf8_is_located():
    with pytest.raises(DataFileError) as caught:
        read_csv(b"Feature,Go\r\nCaf\xe9,x\r\n")
    assert caught.value.reason.startswith("not valid UTF-8 (byte 0xe9)")
    assert (caught.value.line, caught.value.column) == (2, 4)
    assert str(caught.value).startswith("line 2, column 4: not valid UTF-8")


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b'Feature,Go\n"unclosed,x\n', 2),
        (b'Feature,Go\na,"b"c\n', 2),
    ],
)
def test_csv_bad_quoting_is_located(data, line):
    with pytest.raises(DataFileError) as caught:
        read_csv(data)
    assert caught.value.reason.startswith("not valid CSV (")
    assert caught.value.line == line
