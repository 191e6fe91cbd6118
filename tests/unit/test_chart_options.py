"""benchmark-chart's options, without a Sphinx build (issue 25).

``:values: absolute`` draws each system's own figure, ``:scale: log`` a
logarithmic axis; the axis's numbers follow the build's language.  The
spec → layout → matplotlib path is run for real, and the drawn tick labels
are read back from the figure matplotlib lays out.
"""

from __future__ import annotations

import math

import pytest

from sphinx_versus.benchmarks.chart import drawing, figure, layout
from sphinx_versus.benchmarks.compare import compare
from sphinx_versus.benchmarks.data import parse_benchmarks
from tests.paths import DOCS

LATENCY = """\
workload,unit,better,Go,Rust
JSON decode,µs,lower,1234.5 (1200-1300),45 (44-46)
Binary search,µs,lower,0.8,0.5
Lookup,µs,lower,0,2
"""


def _comparison(text: str = LATENCY, language: str | None = None):
    return compare(parse_benchmarks(text.encode()), baseline="Go", language=language)


def _bars(spec):
    return [item[1] for item in spec["items"] if item[0] == "bar"]


def test_absolute_values_draw_every_system_in_the_unit_the_workloads_share():
    comparison = _comparison()
    assert figure.shared_unit(comparison) == "µs"
    spec = figure.chart_spec(comparison, values="absolute")
    assert spec["systems"] == ["Go", "Rust"]  # the baseline is a bar too
    headings = [text for kind, text in spec["items"] if kind == "heading"]
    assert headings[0] == "JSON decode (lower is better)"
    first, second = _bars(spec)[:2]
    assert (first["label"], first["rel"], first["ratio"]) == ("Go", 1234.5, "1,234.5")
    assert (first["low"], first["high"]) == (1200.0, 1300.0)  # a measured spread
    assert second["rel"] == 45.0
    assert spec["legend"][0] == "Each system's own figure, in µs."
    # No 1× line and no inverted ratio in the legend: the figures are as given.
    assert not [line for line in spec["legend"] if "inverted" in line]


def test_absolute_values_need_one_unit():
    mixed = compare(parse_benchmarks((DOCS / "data" / "benchmarks.csv").read_bytes()))
    assert figure.shared_unit(mixed) is None


def test_a_log_axis_cannot_show_zero():
    spec = figure.chart_spec(_comparison(), values="absolute", scale="log")
    assert figure.unloggable(spec) == "Go"  # Lookup: Go 0
    fine = figure.chart_spec(_comparison(LATENCY.rsplit("Lookup", 1)[0]),
                             values="absolute", scale="log")  # fmt: skip
    assert figure.unloggable(fine) is None


def test_log_ratio_bars_grow_both_ways_from_the_1x_line():
    csv = "workload,unit,better,Go,Rust\nA,ms,lower,10,1\nB,ms,lower,1,12\n"
    spec = figure.chart_spec(_comparison(csv), scale="log")
    assert spec["legend"][0].startswith("Relative to Go (Go = 1×); a bar right")
    assert spec["legend"][-1].startswith("The axis is logarithmic")
    scale = layout.scale_for(spec, share=0.2)
    assert scale.log and scale.origin == 1.0
    assert scale.low < 1 / 12 < 10 < scale.high
    # The 1× line lies where its share of the axis says, in log units.
    assert scale.frac(1.0) == pytest.approx(
        math.log(1 / scale.low) / math.log(scale.high / scale.low)
    )


def test_a_log_axis_of_figures_starts_a_decade_below_the_smallest():
    spec = figure.chart_spec(
        _comparison(LATENCY.rsplit("Lookup", 1)[0]), values="absolute", scale="log"
    )
    scale = layout.scale_for(spec, share=0.1)
    assert scale.origin == scale.low == pytest.approx(0.1)  # 0.5 → from 0.1
    assert scale.high > 1300


def _tick_labels(spec, variant=layout.WIDE):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = drawing._draw(spec, drawing.PRINT_INK, variant)
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    (ax,) = fig.axes
    low, high = ax.get_xlim()
    return ax, [
        t.get_text()
        for t in ax.get_xticklabels()
        if t.get_text() and low <= t.get_position()[0] <= high
    ]


def test_the_axis_speaks_the_build_language():
    csv = "workload,unit,better,Go,Rust\nA,ms,lower,10,4\nB,ms,lower,1,3\n"
    spec = figure.chart_spec(_comparison(csv, "de"), scale="log", language="de")
    ax, ticks = _tick_labels(spec)
    assert ax.get_xscale() == "log"
    assert "0,5×" in ticks and "1×" in ticks and "0.5×" not in ticks
    linear = figure.chart_spec(_comparison(csv, "de"), language="de")
    ax, ticks = _tick_labels(linear)
    assert ax.get_xscale() == "linear"
    assert any("," in t for t in ticks) and not any("." in t for t in ticks)
    assert drawing.tick_text(1000.0, {"values": "absolute", "language": "de"}) == (
        "1.000"
    )
    assert drawing.tick_text(1000.0, {"values": "absolute"}) == "1,000"


@pytest.mark.parametrize("variant", sorted(layout.VARIANTS))
def test_log_ticks_never_crowd(variant):
    spec = figure.chart_spec(
        _comparison(LATENCY.rsplit("Lookup", 1)[0]), values="absolute", scale="log"
    )
    _ax, ticks = _tick_labels(spec, layout.VARIANTS[variant])
    assert 2 <= len(ticks) <= (5 if variant == "narrow" else 7)


def test_an_optioned_chart_is_drawn_byte_identically():
    spec = figure.chart_spec(
        _comparison(LATENCY.rsplit("Lookup", 1)[0]), values="absolute", scale="log"
    )
    for fmt in ("svg", "pdf"):
        assert drawing.render_chart(spec, fmt) == drawing.render_chart(spec, fmt)
    assert figure.chart_key(spec) != figure.chart_key({**spec, "scale": "linear"})
