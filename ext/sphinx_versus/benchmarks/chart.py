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
import warnings
import weakref
from dataclasses import replace
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
from sphinx_versus.benchmarks.directive import BenchmarkFilesDirective
from sphinx_versus.locale import _
from sphinx_versus.options import lenient

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.util.typing import OptionSpec
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.manpage import ManualPageTranslator
    from sphinx.writers.texinfo import TexinfoTranslator
    from sphinx.writers.text import TextTranslator

    from sphinx_versus.benchmarks.compare import Comparison

logger = logging.getLogger(__name__)

#: The most bars (workloads × systems) one chart draws.
MAX_BARS = 60

#: Builders already told that matplotlib is missing: one warning per build.
_WARNED: weakref.WeakSet[Builder] = weakref.WeakSet()


class benchmark_chart(nodes.General, nodes.Element):
    """A chart to draw: ``spec`` (what), ``key`` (its hash), ``alt`` (its text)."""


class BenchmarkChartDirective(BenchmarkFilesDirective):
    """``benchmark-chart``: each system relative to the baseline, per workload."""

    option_spec: ClassVar[OptionSpec] = {
        **BenchmarkFilesDirective.option_spec,
        "alt": lenient(directives.unchanged_required),
    }

    def run(self) -> list[nodes.Node]:
        loaded = self.load()
        if loaded is None:
            return self.unbuilt()
        rel, comparison = loaded
        comparison, alt = self.fit(rel, comparison)
        spec = render.chart_spec(comparison, _)
        missing = render.undrawable(self.labels(rel, comparison).values())
        if missing:
            self.warn_undrawable(missing, self.labels(rel, comparison))
            spec = render.replace_chars(spec, missing)
        chart = benchmark_chart(
            spec=spec,
            key=render.chart_key(spec),
            # One line: a text alternative has no line structure to keep.
            alt=" ".join((self.options.get("alt") or alt).split()),
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
        # After the figure, not in its legend: a figure cannot break across
        # a PDF page, and a long environment would push it into the footer.
        environment: list[nodes.Node] = [*self.environment_nodes(comparison)]
        self.set_source_info(figure)
        self.add_name(figure)
        return [figure, *environment]

    def fit(self, rel: str, comparison: Comparison) -> tuple[Comparison, str]:
        """At most :data:`MAX_BARS` bars, and the text alternative of those.

        A taller drawing is unreadable on any page, and past LaTeX's largest
        dimension (16383pt) it stops the PDF build: the chart keeps the first
        workloads and says so, in the warning and in its text alternative.
        """
        rows, systems = len(comparison.rows), len(comparison.systems)
        keep = max(1, MAX_BARS // systems)
        if rows <= keep:
            return comparison, describe(comparison, _)
        self.warn(
            f"{rel}: the chart would have {rows * systems} bars ({rows} workloads "
            f"× {systems} systems), more than the {MAX_BARS} a chart can show; it "
            f"shows the first {keep} workloads: split the CSV file, choose fewer "
            "systems with :systems:, or show the figures with benchmark-table",
            subtype="chart",
        )
        shown = replace(comparison, rows=comparison.rows[:keep])
        note = f" The chart shows the first {keep} of the {rows} workloads."
        return shown, describe(shown, _) + note

    @staticmethod
    def labels(rel: str, comparison: Comparison) -> dict[str, str]:
        """Every label the writer gave the chart, keyed by where it came from."""
        found = {f"{rel} (system {s!r})": s for s in comparison.systems}
        for row in comparison.rows:
            record = row.record
            found[f"{rel}:{record.line} (workload)"] = record.workload
            found[f"{rel}:{record.line} (unit)"] = record.unit
            if comparison.several_sources:
                found[f"{rel}:{record.line} (source)"] = record.source
        return found

    def warn_undrawable(self, missing: set[str], labels: dict[str, str]) -> None:
        for where, text in labels.items():
            lacking = list(dict.fromkeys(c for c in text if c in missing))
            if not lacking:
                continue
            chars = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in lacking)
            self.warn(
                f"{where}: the chart's font ({render.FONT_FAMILY}) cannot draw "
                f"{chars} in {text!r}, so the chart shows {render.REPLACEMENT} "
                "instead (the text alternative keeps the text); write the label "
                "without it",
                subtype="chart",
            )


def _drawing(
    builder: Builder, node: benchmark_chart, fmt: str, variant: str = "wide"
) -> bytes | None:
    """The drawing, or ``None`` after a located warning.

    Whatever matplotlib reports reaches Sphinx's warning stream, located at
    the directive, never only stderr; a drawing that fails leaves the text
    alternative in its place.
    """
    try:
        with warnings.catch_warnings(record=True) as reported:
            warnings.simplefilter("always")
            data = chart_bytes(builder, node, fmt, variant)
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
    except Exception as exc:  # matplotlib's own failure: report, never crash
        logger.warning(
            "benchmark-chart: the chart could not be drawn (%s: %s); its text "
            "alternative is shown instead",
            type(exc).__name__,
            exc,
            location=node,
            type="versus",
            subtype="chart",
        )
        return None
    for problem in reported:
        # What matplotlib says about the drawing (a glyph it lacks), not what
        # its dependencies say about their own API (pyparsing's deprecations
        # under older matplotlib): those are for matplotlib's authors.
        if issubclass(problem.category, DeprecationWarning | PendingDeprecationWarning):
            continue
        logger.warning(
            "benchmark-chart: drawing the chart: %s",
            problem.message,
            location=node,
            type="versus",
            subtype="chart",
        )
    return data


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
    # Fits the page both ways, whatever the drawing's shape.
    self.body.append(
        "\n\\sphinxincludegraphics[width=\\linewidth,height=0.9\\textheight,"
        f"keepaspectratio]{{{{{name}}}.pdf}}\n"
    )
    raise nodes.SkipNode


def _chart_text(alt: str) -> str:
    """The chart where no picture can be: ``[Chart: <its text alternative>]``."""
    return _("[Chart: {alt}]").format(alt=alt)


def text_visit_chart(self: TextTranslator, node: benchmark_chart) -> None:
    self.new_state(0)
    self.add_text(_chart_text(node["alt"]))
    self.end_state()
    raise nodes.SkipNode


def man_visit_chart(self: ManualPageTranslator, node: benchmark_chart) -> None:
    # Through the writer's own text escaping: a backslash or a leading dot
    # in the text would otherwise be a roff request.
    self.visit_Text(nodes.Text(_chart_text(node["alt"])))
    self.body.append("\n")
    raise nodes.SkipNode


def texinfo_visit_chart(self: TexinfoTranslator, node: benchmark_chart) -> None:
    self.body.append(f"\n{self.escape(_chart_text(node['alt']))}\n")
    raise nodes.SkipNode
