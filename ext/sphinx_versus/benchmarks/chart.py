"""benchmark-chart: the CSV's figures as a bar chart, drawn at write time.

Like ``sphinx.ext.graphviz``, the directive only stores what to draw (a small
JSON-able spec and its content hash) in the doctree, and each writer's
visitor produces its own format: two SVG files in a ``<picture>`` for HTML (a
wide and a narrow layout; files the browser caches, so pages stay light), an
SVG file for epub, a vector PDF for LaTeX, the alt text for text, man and
texinfo.  Drawings are cached under the doctree directory by content hash,
so an unchanged chart costs one file read and matplotlib is never imported
for it.
"""

from __future__ import annotations

import hashlib
import html
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging

from sphinx_versus.benchmarks import render
from sphinx_versus.benchmarks.cache import (
    ChartsDomain,
    chart_bytes,
    copy_to_output,
)
from sphinx_versus.benchmarks.compare import describe
from sphinx_versus.benchmarks.directive import BaseBenchmarkDirective

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.util.typing import OptionSpec
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.manpage import ManualPageTranslator
    from sphinx.writers.texinfo import TexinfoTranslator
    from sphinx.writers.text import TextTranslator

logger = logging.getLogger(__name__)

#: Builders already told that matplotlib is missing: one warning per build.
_WARNED: weakref.WeakSet[Builder] = weakref.WeakSet()


class benchmark_chart(nodes.General, nodes.Element):
    """A chart to draw: ``spec`` (what), ``key`` (its hash), ``alt`` (its text)."""


class BenchmarkChartDirective(BaseBenchmarkDirective):
    """``benchmark-chart``: each system relative to the baseline, per workload."""

    option_spec: ClassVar[OptionSpec] = {
        **BaseBenchmarkDirective.option_spec,
        "alt": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        loaded = self.load()
        if loaded is None:
            return []
        _, comparison = loaded
        spec = render.chart_spec(comparison)
        chart = benchmark_chart(
            spec=spec,
            key=render.chart_key(spec),
            alt=self.options.get("alt") or describe(comparison),
            # Numbers the chart's SVG ids within its page, in reading order.
            serial=self.env.new_serialno("versus-chart") + 1,
        )
        self.set_source_info(chart)
        ChartsDomain.note_chart(self.env, chart["key"])
        figure = nodes.figure(classes=["versus-chart", *self.options.get("class", [])])
        figure += chart
        caption = self.caption_nodes()
        if caption:
            figure += nodes.caption(self.options["caption"], "", *caption)
        self.set_source_info(figure)
        self.add_name(figure)
        return [figure]


def _drawing(
    builder: Builder, node: benchmark_chart, fmt: str, variant: str = "wide"
) -> bytes | None:
    """The drawing, or ``None`` after a located warning (once per build)."""
    try:
        return chart_bytes(builder, node, fmt, variant)
    except render.ChartBackendMissingError as exc:
        if builder not in _WARNED:
            _WARNED.add(builder)
            logger.warning(
                "benchmark-chart: %s; the chart's text alternative is shown instead",
                exc,
                location=node,
                type="versus",
                subtype="chart",
            )
        return None


#: Below this viewport width the narrow drawing is shown (versus-benchmarks.css
#: limits its width below the same breakpoint).
WIDE_FROM = "44em"


def _image(builder: Builder, name: str, svg: str) -> str:
    """Write an SVG into the output's image folder; its URL from the page."""
    copy_to_output(Path(builder.outdir, builder.imagedir, name), svg.encode())
    return f"{builder.imgpath}/{name}"


def html_visit_chart(self: HTML5Translator, node: benchmark_chart) -> None:
    """A <picture> of two SVG files: lighter pages, cached across pages.

    The narrow drawing is a layout of its own (labels above the bars, larger
    text), not the wide one shrunk; the browser picks one by the viewport's
    width and fetches it only when it scrolls into view.
    """
    builder = self.builder
    alt = html.escape(node["alt"])
    wide = _drawing(builder, node, "svg")
    narrow = _drawing(builder, node, "svg", "narrow")
    if wide is None or narrow is None:
        self.body.append(f'<p class="versus-chart-alt">{alt}</p>\n')
        raise nodes.SkipNode
    key = node["key"]
    if builder.name.startswith("epub"):
        # An <img> of a standalone SVG (an EPUB 3 core media type), on white.
        svg = render.standalone_svg(wide.decode(), node["alt"])
        src = _image(builder, f"versus-chart-{key}.svg", svg)
        self.body.append(
            f'<img class="versus-chart-image" src="{src}" alt="{alt}" />\n'
        )
        raise nodes.SkipNode
    # The file carries the text alternative as its <title>: named by both.
    named = f"{key}-{hashlib.sha256(node['alt'].encode()).hexdigest()[:8]}"
    sources = {}
    for variant, template in (("wide", wide.decode()), ("narrow", narrow.decode())):
        svg = render.standalone_svg(template, node["alt"], opaque=False)
        src = _image(builder, f"versus-chart-{named}-{variant}.svg", svg)
        sources[variant] = (src, *render.svg_size(template))
    src, width, height = sources["wide"]
    nsrc, nwidth, nheight = sources["narrow"]
    self.body.append(
        '<div class="versus-chart-body"><picture>'
        f'<source media="(min-width: {WIDE_FROM})" srcset="{src}" '
        f'width="{width}" height="{height}" />'
        f'<img class="versus-chart-image" src="{nsrc}" width="{nwidth}" '
        f'height="{nheight}" alt="{alt}" loading="lazy" decoding="async" />'
        "</picture></div>\n"
    )
    raise nodes.SkipNode


def latex_visit_chart(self: LaTeXTranslator, node: benchmark_chart) -> None:
    pdf = _drawing(self.builder, node, "pdf")
    if pdf is None:
        self.body.append(f"\n{self.encode(node['alt'])}\n")
        raise nodes.SkipNode
    name = f"versus-chart-{node['key']}"
    copy_to_output(Path(self.builder.outdir, f"{name}.pdf"), pdf)
    self.body.append(
        f"\n\\sphinxincludegraphics[width=\\linewidth]{{{{{name}}}.pdf}}\n"
    )
    raise nodes.SkipNode


def text_visit_chart(self: TextTranslator, node: benchmark_chart) -> None:
    self.new_state(0)
    self.add_text(f"[Chart: {node['alt']}]")
    self.end_state()
    raise nodes.SkipNode


def man_visit_chart(self: ManualPageTranslator, node: benchmark_chart) -> None:
    self.body.append(f"[Chart: {self.deunicode(node['alt'])}]\n")
    raise nodes.SkipNode


def texinfo_visit_chart(self: TexinfoTranslator, node: benchmark_chart) -> None:
    self.body.append(f"\n[Chart: {self.escape(node['alt'])}]\n")
    raise nodes.SkipNode
