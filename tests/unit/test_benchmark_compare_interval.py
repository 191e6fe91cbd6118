"""compare() on rows with a ratio interval: the cell's words and the bold
figure follow the interval, not the two figures."""

from __future__ import annotations

from decimal import Decimal

from sphinx_versus.benchmarks.compare import compare, describe
from sphinx_versus.benchmarks.data import parse_benchmarks
from sphinx_versus.benchmarks.stats import NBSP


def comparison(rows: str, header: str = "workload,unit,better,Go,Rust,ratio", **kw):
    return compare(parse_benchmarks(f"{header}\n{rows}".encode()), **kw)


def plain(text: str) -> str:
    return text.replace(NBSP, " ")


def test_a_supported_difference_is_bold_and_says_its_interval():
    row = comparison("JSON,ms,lower,30.6,6.4,Rust/Go 0.213 (0.204-0.222)").rows[0]
    assert [c.best for c in row.cells] == [False, True]
    assert plain(row.cell("Rust").ratio) == "4.7× faster, 95 % CI 4.5–4.9×"
    assert row.verdict is not None
    assert row.verdict.winner == "Rust"
    assert row.verdict is not None and row.verdict.winner is not None


def test_figures_far_apart_but_an_interval_near_one_mark_nothing():
    # The medians differ by 6 %, the interval holds 1: no bold, no "faster".
    row = comparison("Search,ns,lower,567,532,Rust/Go 0.96 (0.93-1.04)").rows[0]
    assert [c.best for c in row.cells] == [False, False]
    assert plain(row.cell("Rust").ratio) == "no measurable difference (0.96–1.08×)"
    assert row.verdict is not None and row.verdict.winner is None


def test_the_baseline_side_reads_the_other_way():
    found = comparison(
        "JSON,ms,lower,30.6,6.4,Rust/Go 0.213 (0.204-0.222)", baseline="Rust"
    )
    assert plain(found.rows[0].cell("Go").ratio) == "4.7× slower, 95 % CI 4.5–4.9×"


def test_the_margin_is_an_argument():
    rows = "Start,ms,lower,12,11,Rust/Go 0.89 (0.83-0.96)"
    verdict = comparison(rows).rows[0].verdict
    assert verdict is not None and verdict.winner is None
    loose = comparison(rows, margin=Decimal("0.03")).rows[0]
    assert plain(loose.cell("Rust").ratio) == "1.1× faster, 95 % CI 1.04–1.20×"
    assert loose.cell("Rust").best


def test_rows_without_an_interval_keep_todays_words():
    found = comparison("Memory,MB,lower,5.5,3.5,\nRun,s,lower,5,60,")
    assert [r.cell("Rust").ratio for r in found.rows] == ["1.6× smaller", "12× slower"]
    assert all(r.verdict is None for r in found.rows)


def test_a_third_system_the_interval_does_not_cover():
    header = "workload,unit,better,Go,Rust,Zig,ratio"
    # Rust's lead over Go is measured; Zig's spread overlaps Rust's: no bold.
    close = comparison(
        "JSON,ms,lower,30 (29-31),6.4 (6.0-6.8),6.5 (6.3-6.9),Rust/Go 0.21 (0.2-0.22)",
        header,
    ).rows[0]
    assert [c.best for c in close.cells] == [False, False, False]
    assert close.within_spread
    assert plain(close.cell("Rust").ratio) == "4.8× faster, 95 % CI 4.5–5.0×"
    assert close.cell("Zig").verdict is None
    apart = comparison(
        "JSON,ms,lower,30 (29-31),6.4 (6.0-6.8),9 (8.5-9.5),Rust/Go 0.21 (0.2-0.22)",
        header,
    ).rows[0]
    assert [c.best for c in apart.cells] == [False, True, False]


def test_an_interval_between_systems_not_shown_is_left_out():
    header = "workload,unit,better,Go,Rust,Zig,ratio"
    found = comparison(
        "JSON,ms,lower,30,6.4,9,Rust/Go 0.21 (0.2-0.22)",
        header,
        systems=["Go", "Zig"],
    )
    assert found.rows[0].verdict is None
    assert found.rows[0].cell("Zig").ratio == "3.3× faster"


def test_the_text_alternative_carries_the_interval():
    text = plain(
        describe(comparison("JSON,ms,lower,30.6,6.4,Rust/Go 0.213 (0.204-0.222)"))
    )
    assert "Rust 4.7× faster, 95 % CI 4.5–4.9×" in text


def test_rows_without_an_interval_whose_spreads_overlap_say_no_difference():
    # docs/data/measured.csv's load-generator CPU row: medians 8 % apart, the
    # five rounds' spreads overlap; a point ratio would print "1.1× worse".
    rows = (
        '"Load generator CPU",%,lower,77.67 (69.14–86.48),84.84 (74.8–95.67),\n'
        "Apart,ms,lower,10 (9–11),20 (19–21),"
    )
    close, apart = comparison(rows).rows
    assert close.cell("Rust").ratio == "no measurable difference"
    assert [c.best for c in close.cells] == [False, False]
    assert close.within_spread
    assert apart.cell("Rust").ratio == "2× slower"
    assert [c.best for c in apart.cells] == [True, False]
    alt = describe(comparison(rows))
    assert "Rust no measurable difference" in alt
    assert "worse" not in alt


def test_a_third_system_within_the_baselines_spread():
    found = comparison(
        "Run,ms,lower,10 (9–11),10.5 (9.5–12),30 (29–31),",
        header="workload,unit,better,Go,Rust,Zig,ratio",
    )
    row = found.rows[0]
    assert row.cell("Rust").ratio == "no measurable difference"
    assert row.cell("Zig").ratio == "3× slower"
    assert not any(c.best for c in row.cells)
