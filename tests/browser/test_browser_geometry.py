"""What a reader sees, measured: nothing hidden, cut, too small or overlapping.

Every page of the real guide is opened once and measured at 320, 375, 768,
1280 and 1600 px, light and dark (the viewport is resized and the colour
scheme switched in place, so each page loads once).  The measurements are
geometry, read from the rendered page:

- **Tables**: a column is hidden when its cells lie outside the visible part
  of the box that holds the table.  A table of up to four columns must fit
  at every width; a wider one must fit from 1024 px up, and below that may
  hide columns only behind a visible scroll cue.
- **Code and output**: a line is hidden when its box scrolls sideways
  (``scrollWidth > clientWidth``).  Side-by-side panes and output blocks must
  never hide a line; other code may, behind a visible scroll cue.
- **Charts**: every label is at least 11 CSS px (its font size times the
  chart's scale on screen), and no label overlaps another label, an axis,
  the baseline or a bar.  An ``<img>`` chart is measured by laying its SVG
  file out inline at the image's size.

Printed (``@media print``, at 768 px), every code panel of a code-compare
must show, under a visible label, with no line cut.

A scroll cue is something the page draws, because phones and many desktops
show no scrollbar until the reader scrolls: a scroll-shadow background
(``background-attachment: local``) or a visible element marked
``data-versus-scroll-cue`` at the box's edge.

The crawl runs once per session; each test reports one kind of problem, every
page and width at once.  The measurements are also written to
``tests/output/geometry.json`` for people to read.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from tests.browser.served import Site

pytestmark = [pytest.mark.browser, pytest.mark.toolchain]

WIDTHS = (320, 375, 768, 1280, 1600)
MODES = ("light", "dark")
#: Tables up to this many columns fit the content column at every width.
NARROW_TABLE = 4
#: Wider tables fit from this viewport width up.
WIDE_TABLE_FITS_FROM = 1024
#: Smallest chart text, CSS px.
MIN_CHART_TEXT = 11.0
#: Two things closer than this (CSS px) touch.
TOUCH = 1.0
REPORT = Path(__file__).resolve().parents[1] / "output" / "geometry.json"

# The measuring script; it returns plain data, and judge() applies the rules.
MEASURE_JS = (Path(__file__).with_name("geometry.js")).read_text("utf-8")

# Printed: every code panel shown, labelled, none of its lines cut.
PRINT_JS = """
() => [...document.querySelectorAll('.versus-code-compare [role="tabpanel"]')]
  .map((panel) => {
    const label = panel.querySelector('.versus-panel-label');
    const pre = panel.querySelector('pre');
    const seen = (el) => !!el && el.getBoundingClientRect().height > 0
      && getComputedStyle(el).visibility !== 'hidden';
    return {
      label: label ? label.textContent.trim() : '',
      shown: seen(panel),
      labelled: seen(label),
      cut: !!pre && pre.scrollWidth > pre.clientWidth + 1,
    };
  })
"""

SETTLE_JS = """
async () => {
  // Lazy images load as a reader scrolls; the crawl measures every one now.
  for (const img of document.querySelectorAll('img[loading="lazy"]')) {
    img.loading = 'eager';
  }
  await document.fonts.ready;
  await Promise.all([...document.images].map((img) => img.decode().catch(() => null)));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}
"""


@dataclass
class Crawl:
    """Problems found, by kind, and every measurement made."""

    problems: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    measurements: list[dict[str, Any]] = field(default_factory=list)


def _overlap(a: list[float], b: list[float], margin: float = 0.0) -> float:
    """Area shared by two boxes [left, top, right, bottom] grown by margin."""
    w = min(a[2], b[2]) - max(a[0], b[0]) + margin
    h = min(a[3], b[3]) - max(a[1], b[1]) + margin
    return max(0.0, w) * max(0.0, h)


def judge(page: str, width: int, mode: str, data: dict[str, Any], crawl: Crawl) -> None:
    where = f"{page} @ {width}px {mode}"
    if data["dark"] != (mode == "dark"):
        crawl.problems["mode"].append(f"{where}: the page background is not {mode}")
    for t in data["tables"]:
        if not t["hidden"]:
            continue
        hidden = ", ".join(t["hidden"])
        what = (
            f"{where}: table {t['caption']!r} ({t['columns']} columns, "
            f"{t['tableWidth']}px in {t['visibleWidth']}px) hides {hidden}"
        )
        if t["columns"] <= NARROW_TABLE:
            crawl.problems["tables"].append(f"{what}; up to {NARROW_TABLE} must fit")
        elif width >= WIDE_TABLE_FITS_FROM:
            crawl.problems["tables"].append(
                f"{what}; must fit from {WIDE_TABLE_FITS_FROM}px"
            )
        elif not (t["scrolls"] and t["cue"]):
            crawl.problems["tables"].append(f"{what} with no scroll cue")
    for c in data["codes"]:
        what = (
            f"{where}: {c['first']!r} ({c['scrollWidth']}px of code in a "
            f"{c['clientWidth']}px box)"
        )
        if c["cut"]:
            crawl.problems["code"].append(f"{what} is cut off by its container")
        elif not c["scrolls"]:
            continue
        elif c["sideBySide"]:
            crawl.problems["code"].append(f"{what}: side-by-side pane hides lines")
        elif c["output"]:
            crawl.problems["code"].append(f"{what}: output block hides lines")
        elif not c["cue"]:
            crawl.problems["code"].append(f"{what}: lines hidden with no scroll cue")
    for chart in data["charts"]:
        name = f"{where}: {chart['chart']} ({chart['width']}px)"
        labels = chart["labels"]
        small = [lab for lab in labels if lab["px"] < MIN_CHART_TEXT]
        if small:
            smallest = min(small, key=lambda lab: lab["px"])
            crawl.problems["chart text"].append(
                f"{name}: {len(small)} of {len(labels)} labels under "
                f"{MIN_CHART_TEXT:g}px, smallest {smallest['px']}px "
                f"({smallest['text']!r})"
            )
        clashes = [
            f"{a['text']!r} overlaps {b['text']!r}"
            for i, a in enumerate(labels)
            for b in labels[i + 1 :]
            if _overlap(a["box"], b["box"], TOUCH) > 0
        ]
        clashes += [
            f"{lab['text']!r} touches the {mark['kind']}"
            for lab in labels
            for mark in chart["marks"]
            if _overlap(lab["box"], mark["box"], TOUCH) > 0
        ]
        if clashes:
            shown = "; ".join(sorted(set(clashes))[:6])
            crawl.problems["chart overlap"].append(
                f"{name}: {len(clashes)} overlaps: {shown}"
            )


def _settle(page: Page) -> None:
    page.evaluate(SETTLE_JS)


@pytest.fixture(scope="session")
def crawl(docs_site: Site, browser: Browser) -> Crawl:
    """Every page, at every width, light and dark: measured once per session."""
    result = Crawl()
    context = browser.new_context(
        viewport={"width": WIDTHS[0], "height": 900}, locale="en-US"
    )
    context.set_default_timeout(30_000)
    # furo follows the OS colour scheme with theme "auto", so the scheme can
    # be switched without a reload.
    context.add_init_script(
        "try { localStorage.setItem('theme', 'auto'); } catch (e) {}"
    )
    page = context.new_page()
    try:
        for name in docs_site.pages:
            page.goto(docs_site.url(name), wait_until="load")
            for mode in MODES:
                page.emulate_media(color_scheme=mode)
                for width in WIDTHS:
                    page.set_viewport_size({"width": width, "height": 900})
                    _settle(page)
                    data = page.evaluate(MEASURE_JS)
                    result.measurements.append(
                        {"page": name, "width": width, "mode": mode, **data}
                    )
                    judge(name, width, mode, data, result)
            page.emulate_media(media="print", color_scheme="light")
            page.set_viewport_size({"width": 768, "height": 900})
            _settle(page)
            for panel in page.evaluate(PRINT_JS):
                if not (panel["shown"] and panel["labelled"]) or panel["cut"]:
                    result.problems["print"].append(
                        f"{name} printed: the {panel['label'] or 'unlabelled'} panel "
                        f"is {'cut' if panel['cut'] else 'hidden or unlabelled'}"
                    )
            page.emulate_media(media="screen")
    finally:
        context.close()
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(result.measurements, indent=1), "utf-8")
    return result


def _report(crawl: Crawl, kind: str) -> None:
    found = crawl.problems.get(kind, [])
    shown = "\n".join(found[:60])
    more = f"\n... and {len(found) - 60} more" if len(found) > 60 else ""
    assert not found, f"{len(found)} {kind} problem(s):\n{shown}{more}"


def test_no_table_column_hidden(crawl: Crawl) -> None:
    _report(crawl, "tables")


def test_no_code_or_output_line_hidden(crawl: Crawl) -> None:
    _report(crawl, "code")


def test_chart_text_is_readable(crawl: Crawl) -> None:
    _report(crawl, "chart text")


def test_chart_labels_overlap_nothing(crawl: Crawl) -> None:
    _report(crawl, "chart overlap")


def test_printed_code_panels_are_all_labelled(crawl: Crawl) -> None:
    _report(crawl, "print")


def test_every_page_was_measured(crawl: Crawl, docs_site: Site) -> None:
    """The crawl saw tables, code and a chart, in both colour modes: the checks
    above checked something."""
    _report(crawl, "mode")
    seen = dict.fromkeys(("tables", "codes", "charts"), 0)
    for m in crawl.measurements:
        for kind in seen:
            seen[kind] += len(m[kind])
    assert all(seen.values()), seen
    measured = {m["page"] for m in crawl.measurements}
    assert measured == set(docs_site.pages)
