"""What a chart draws and how big it gets (issues 23 item 13 and 24).

No Sphinx build: the docs' own CSV files → :func:`figure.chart_spec` → the
layout and the drawing.  Sizes are in pt, the SVG's user units; the narrow
drawing is shown 343 CSS px wide on a 375 px phone (furo's content column,
measured in Chromium), the wide one at most as wide as the PDF's text block.
"""

from __future__ import annotations

import re
import zlib

import pytest

from sphinx_versus.benchmarks.chart import drawing, figure, layout
from sphinx_versus.benchmarks.chart.directive import MAX_BARS
from sphinx_versus.benchmarks.compare import compare
from sphinx_versus.benchmarks.data import combine, parse_benchmarks
from tests.paths import DOCS

#: The narrow drawing's width on a 375 px phone, in CSS px.
PHONE_PX = 343
#: Its width on a 320 px phone, in CSS px.
SMALL_PHONE_PX = 288
#: A4 and letter with Sphinx's 1 in margins: text width and height, in pt.
PAGES = {"a4": (451.0, 698.0), "letter": (468.0, 648.0)}


def _comparison(*names: str):
    files = [parse_benchmarks((DOCS / "data" / n).read_bytes()) for n in names]
    return compare(combine(files), baseline="Go")


def _bars(spec):
    return [item[1] for item in spec["items"] if item[0] == "bar"]


def test_claims_and_measurements_are_separate_labelled_groups():
    spec = figure.chart_spec(_comparison("benchmarks.csv", "measured.csv"))
    groups = [text for kind, text in spec["items"] if kind == "group"]
    assert groups == [
        "Go vs Rust article (seed)",
        "Measured by this project (make measure)",
    ]
    kinds = [kind for kind, _ in spec["items"]]
    # every claim, then every measurement: never interleaved
    second = kinds.index("group", 1)
    assert kinds[:second] == ["group"] + ["bar"] * 5
    assert kinds[second + 1 :] == ["bar"] * (len(kinds) - second - 1)


def test_error_bars_mean_one_thing_and_the_legend_says_which():
    claims = figure.chart_spec(_comparison("benchmarks.csv"))
    # "150000-200000" is a claimed range: printed in the text, never drawn
    assert all(b["low"] is None and b["high"] is None for b in _bars(claims))
    assert not [line for line in claims["legend"] if "Error bars" in line]
    both = figure.chart_spec(_comparison("benchmarks.csv", "measured.csv"))
    spreads = [b for b in _bars(both) if b["low"] is not None]
    assert spreads and all(b["low"] <= b["rel"] <= b["high"] for b in spreads)
    assert both["legend"][-1] == (
        "Error bars: the spread of each measurement, as its data file gives "
        "it; a claim's range is not drawn."
    )


def test_the_baseline_is_the_one_line_not_a_bar():
    spec = figure.chart_spec(_comparison("benchmarks.csv"))
    assert spec["systems"] == ["Rust"]
    assert [b["label"] for b in _bars(spec)][:2] == [
        "HTTP requests/sec",
        "JSON parsing (1 MB)",
    ]
    assert spec["legend"][0] == "Relative to Go (Go = 1×); a longer bar is better."


def _worst_spec(label: str, bars: int = MAX_BARS) -> dict:
    """The most a chart can hold: MAX_BARS bars, a group heading per source,
    every label as long as the drawing allows, every legend sentence."""
    bar = {"system": "Rust", "ratio": "12× slower", "rel": 3.0, "low": 2.5,
           "high": 3.5}  # fmt: skip
    items = [["group", label]]
    items += [["bar", {**bar, "label": label}] for _ in range(bars // 2)]
    items += [["group", label]]
    items += [["bar", {**bar, "label": label}] for _ in range(bars - bars // 2)]
    legend = figure.chart_spec(_comparison("benchmarks.csv", "measured.csv"))["legend"]
    return {"systems": ["Rust"], "items": items, "legend": legend}


LONG = figure.short_label("Wide-system-name " * 500, "workload")


@pytest.mark.parametrize("label", ["JSON parsing (1 MB)", LONG, "W" * 60])
def test_a_full_chart_fits_a_phone_screen_with_readable_text(label):
    narrow = layout.layout(_worst_spec(label), layout.NARROW)
    scale = PHONE_PX / narrow.width_pt
    assert narrow.height_pt * scale <= 700, "taller than one phone screen"
    assert layout.NARROW.font_size * scale >= 11, "text below 11 CSS px"
    # The smallest phone: furo's column is 288 px wide at 320 px.
    assert layout.NARROW.font_size * SMALL_PHONE_PX / narrow.width_pt >= 11


@pytest.mark.parametrize("page", sorted(PAGES))
@pytest.mark.parametrize("label", ["JSON parsing (1 MB)", LONG])
def test_a_full_chart_takes_at_most_half_a_pdf_page_with_8pt_text(page, label):
    """LaTeX fits it into the text width and half the text height
    (``keepaspectratio``): its 9 pt text may shrink, but not below 8 pt."""
    wide = layout.layout(_worst_spec(label), layout.WIDE)
    width, height = PAGES[page]
    scale = min(width / wide.width_pt, 0.5 * height / wide.height_pt)
    assert layout.WIDE.font_size * scale >= 8


def test_long_names_are_cut_with_an_ellipsis_not_a_wider_chart():
    """768 pt wide with 4 px text, before, for long system/workload names."""
    spec = _worst_spec(LONG, bars=2)
    for variant in layout.VARIANTS.values():
        plan = layout.layout(spec, variant)
        assert plan.width_pt == variant.width_pt
        texts = [
            p if isinstance(p, str) else p[0] if isinstance(p, tuple) else p["label"]
            for _, _, p in plan.rows
        ]
        # whole where it fits (a heading across the width), cut where not
        assert all(t == LONG or (t.endswith("…") and LONG.startswith(t[:-1]))
                   for t in texts)  # fmt: skip
        assert [t for t in texts if t.endswith("…")]
    pdf = drawing.render_chart(spec, "pdf", "wide")
    box = re.search(rb"/MediaBox \[ *0 0 ([\d.]+) ([\d.]+) *\]", pdf)
    assert box is not None and float(box[1]) == layout.WIDE.width_pt


def test_every_pdf_text_is_set_at_the_layouts_size():
    """The drawing's PDF sets its text at 9 pt only (ticks included)."""
    pdf = drawing.render_chart(_worst_spec("JSON"), "pdf", "wide")
    sizes = set()
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            text = zlib.decompress(stream)
        except zlib.error:
            text = stream
        sizes |= {float(s) for s in re.findall(rb"/F\d+ ([\d.]+) Tf", text)}
    assert sizes == {layout.WIDE.font_size}
