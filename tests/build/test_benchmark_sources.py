"""Measurements with their spread, several sources in one comparison, and the
environment read from the data: what a measured-vs-claimed page needs."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from bs4 import BeautifulSoup

from sphinx_versus.benchmarks.compare import compare
from sphinx_versus.benchmarks.data import (
    BenchmarkDataError,
    combine,
    parse_benchmarks,
)
from sphinx_versus.benchmarks.numbers import (
    Value,
    ValueFormatError,
    format_value,
    parse_value,
)

CLAIMS = b"""\
workload,unit,better,Go,Rust,source,notes
JSON parsing (1 MB),ms,lower,~2,~0.8,The article,As published.
Memory (idle server),MB,lower,~15,~5,The article,As published.
"""

MEASURED = """\
# harness: 1
# cpu: Example CPU @ 2.0GHz
# cores: 2
# spread: interquartile range of 5 runs
workload,unit,better,Go,Rust,source,notes
JSON parsing (1 MB),ms,lower,4.1 (4.0–4.3),1.9 (1.8–2.0),Measured here,json
HTTP requests/sec (256 connections),req/s,higher,61230 (60110–62050),70200 ± 800,\
Measured here,wrk
""".encode()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("61230 (60110–62050)", Value(D(60110), D(62050), center=D(61230))),
        ("4.1 (4.0-4.3)", Value(D("4.0"), D("4.3"), center=D("4.1"))),
        ("2.1 ± 0.1", Value(D("2.0"), D("2.2"), center=D("2.1"))),
        ("2.1 +/- 0.1", Value(D("2.0"), D("2.2"), center=D("2.1"))),
        ("150K (140K–160K)", Value(D(140000), D(160000), center=D(150000))),
    ],
)
def test_a_measurement_with_its_spread(text: str, value: Value) -> None:
    parsed = parse_value(text)
    assert parsed == value
    assert parsed is not None and parsed.midpoint == value.center
    assert parse_value(format_value(parsed)) == parsed


def test_a_spread_must_contain_its_value() -> None:
    with pytest.raises(ValueFormatError, match="does not contain its value"):
        parse_value("5 (1–4)")


def test_a_table_shows_the_spread_and_a_chart_the_center() -> None:
    value = parse_value("61230 (60110–62050)")
    assert format_value(value) == "61.23K (60.11K–62.05K)"
    assert format_value(value, spread=False) == "61.23K"


def test_environment_lines_before_the_header() -> None:
    data = parse_benchmarks(MEASURED)
    (environment,) = data.environments
    assert environment.label == "Measured here"
    assert environment.pairs[:2] == (("harness", "1"), ("cpu", "Example CPU @ 2.0GHz"))
    # line numbers stay the file's: the header is line 5
    assert [r.line for r in data.records] == [6, 7]


def test_a_comment_that_is_not_key_value_is_located() -> None:
    with pytest.raises(BenchmarkDataError) as caught:
        parse_benchmarks(b"# just words\nworkload,unit,better,A,B\nw,s,lower,1,2\n")
    (problem,) = caught.value.problems
    assert problem.line == 1
    assert "# key: value" in problem.message


def test_one_row_per_workload_and_source() -> None:
    twice = CLAIMS + b"JSON parsing (1 MB),ms,lower,1,2,Elsewhere,\n"
    assert len(parse_benchmarks(twice).records) == 3
    again = CLAIMS + b"JSON parsing (1 MB),ms,lower,1,2,The article,\n"
    with pytest.raises(BenchmarkDataError, match="one row per source"):
        parse_benchmarks(again)


def test_two_files_side_by_side_each_row_its_own_ratio() -> None:
    both = combine([parse_benchmarks(CLAIMS), parse_benchmarks(MEASURED)])
    workloads = [(r.workload, r.source) for r in both.records]
    assert workloads == [
        ("JSON parsing (1 MB)", "The article"),
        ("JSON parsing (1 MB)", "Measured here"),
        ("Memory (idle server)", "The article"),
        ("HTTP requests/sec (256 connections)", "Measured here"),
    ]
    comparison = compare(both, baseline="Go")
    assert comparison.several_sources and comparison.has_source
    ratios = [row.cell("Rust").ratio for row in comparison.rows]
    assert ratios == ["2.5× faster", "2.2× faster", "3× smaller", "1.1× faster"]
    measured = comparison.rows[1].cell("Rust")
    assert measured.relative_low is not None and measured.relative_high is not None
    assert measured.relative_low < measured.relative < measured.relative_high


@pytest.mark.parametrize(
    ("go", "rust", "bold"),
    [
        ("567 (512.2–641.8)", "532.4 (516.3–565)", []),  # the spreads overlap
        ("773.3 (749.5–785.2)", "1173 (1099–1234)", ["Go"]),  # far apart
        ("2.0 ± 0.1", "2.2 ± 0.1", []),  # they touch at 2.1
        ("~45", "~20", ["Rust"]),  # claims: no spread to compare
        ("40–50", "45–55", ["Go"]),  # a claim's range is not a spread
        ("567 (512.2–641.8)", "~532", ["Rust"]),  # one measured, one claimed
    ],
)
def test_no_best_figure_within_the_noise(go: str, rust: str, bold: list[str]) -> None:
    """A best measurement whose spread overlaps another's is not marked: the
    difference is within the repetitions' own variation."""
    data = parse_benchmarks(
        f"workload,unit,better,Go,Rust\nSearch,ns,lower,{go},{rust}\n".encode()
    )
    (row,) = compare(data, baseline="Go").rows
    assert [c.system for c in row.cells if c.best] == bold
    assert row.within_spread == (not bold)


PAGE = """\
# Claims and measurements

```{benchmark-table} data/claims.csv data/measured.csv
:caption: Claimed and measured
:baseline: Go
```

```{benchmark-chart} data/claims.csv data/measured.csv
:baseline: Go
:caption: Rust relative to Go
```
"""


def test_claimed_and_measured_in_one_table_and_chart(build_site) -> None:
    files = {
        "index.md": PAGE,
        "data/claims.csv": CLAIMS,
        "data/measured.csv": MEASURED,
    }
    built = build_site(files, "html")
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    table = soup.find("table", class_="versus-benchmark-table")
    heads = [th.get_text(" ", strip=True) for th in table.thead.find_all("th")]
    assert "Source" in heads
    for label in table.select(".versus-cell-label"):  # card view's column names
        label.decompose()
    rows = [
        [c.get_text(" ", strip=True) for c in tr.find_all(["th", "td"])]
        for tr in table.tbody.find_all("tr")
    ]
    # the source right after the workload: it tells the two rows apart
    assert heads[:2] == ["Workload", "Source"]
    assert rows[1][:4] == [
        "JSON parsing (1 MB) (ms, lower is better)",
        "Measured here",
        "4.1 (4.0–4.3)",
        "1.9 (1.8–2.0)",
    ]
    sources = [row[heads.index("Source")] for row in rows]
    assert sources == ["The article", "Measured here", "The article", "Measured here"]
    notes = soup.find_all("p", class_="versus-environment")
    assert len(notes) == 2  # under the table, and under the chart
    text = notes[0].get_text(" ", strip=True)
    assert text.startswith("Measured here :")
    assert "cpu Example CPU @ 2.0GHz" in text
    assert "spread interquartile range of 5 runs" in text
    alt = soup.find("img", class_="versus-chart-image")["alt"]
    assert "JSON parsing (1 MB) (ms, lower is better, Measured here)" in alt

    text_out = build_site(files, "text").read("index.txt")
    assert "Example CPU @ 2.0GHz" in text_out
    assert "61.23K (60.11K–62.05K)" in text_out


def test_the_legend_says_why_a_row_has_no_bold(build_site) -> None:
    csv = (
        "workload,unit,better,Go,Rust\n"
        "Search,ns,lower,567 (512.2–641.8),532.4 (516.3–565)\n"
        "JSON,ms,lower,30.61 (30.06–31.27),6.369 (4.669–6.423)\n"
    )
    page = "# T\n\n```{benchmark-table} b.csv\n:baseline: Go\n```\n"
    built = build_site({"index.md": page, "b.csv": csv}, "html")
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    search, json = soup.find("table").tbody.find_all("tr")
    assert search.find("strong", class_="versus-best") is None
    assert json.find("strong", class_="versus-best").get_text() == "6.369 (4.669–6.423)"
    legend = soup.find("p", class_="versus-legend").get_text(" ", strip=True)
    assert legend == (
        "Bold : the best figure in each row. No figure is bold where the spread "
        "of the best overlaps that of another: the difference is within the noise."
    )
    built.app.cleanup()
    text = build_site({}, "text", srcdir=built.srcdir)
    output = " ".join((text.outdir / "index.txt").read_text("utf-8").split())
    assert "the difference is within the noise." in output
    assert "**6.369 (4.669–6.423)**" in output and "**532.4" not in output


def test_csv_words_are_not_educated_by_smart_quotes(build_site) -> None:
    """A build note's "--release" is a flag: smart quotes made it "–release"."""
    csv = (
        "# build: cargo build --release --locked\n"
        "workload,unit,better,Go,Rust,source,notes\n"
        "Build,s,lower,4 (3–5),58 (56–59),make measure,cargo build --release\n"
        "Run,s,lower,1,2,make measure,wrk --latency -- a note long enough to number\n"
    )
    page = "# T\n\n```{benchmark-table} b.csv\n:baseline: Go\n```\n"
    built = build_site({"index.md": page, "b.csv": csv}, "html")
    text = BeautifulSoup(built.read("index.html"), "html.parser").get_text()
    for flag in ("--release --locked", "cargo build --release", "wrk --latency --"):
        assert flag in text, flag
    assert "–" not in text.replace("3–5", "").replace("56–59", "")
