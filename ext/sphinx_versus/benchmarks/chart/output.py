"""Each builder's chart: files for HTML, epub and LaTeX, words elsewhere.

Like ``sphinx.ext.graphviz``, the doctree holds only what to draw; each
writer's visitor produces its own format: two SVG files in a ``<picture>``
for HTML (a wide and a narrow layout; files the browser caches, so pages
stay light), an SVG file for epub, a vector PDF for LaTeX, the text
alternative for text, man and texinfo.  Those last never draw, so they never
import matplotlib.
"""

from __future__ import annotations

import html
import re
import warnings
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging

from sphinx_versus.benchmarks.chart import cache, drawing, layout
from sphinx_versus.benchmarks.chart.ledger import html_stem
from sphinx_versus.locale import _

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.manpage import ManualPageTranslator
    from sphinx.writers.texinfo import TexinfoTranslator
    from sphinx.writers.text import TextTranslator

logger = logging.getLogger(__name__)

#: Builders already told that matplotlib is missing: one warning per build.
_WARNED: weakref.WeakSet[Builder] = weakref.WeakSet()

#: Below this viewport width the narrow drawing is shown (versus-benchmarks.css
#: limits its width below the same breakpoint).
WIDE_FROM = "44em"


def _warn(message: str, node: nodes.Element, *args: object) -> None:
    logger.warning(message, *args, location=node, type="versus", subtype="chart")


def _drawing(
    builder: Builder, node: nodes.Element, fmt: str, variant: str = "wide"
) -> bytes | None:
    """The drawing, from the cache or drawn now; ``None`` after a warning.

    Whatever matplotlib reports reaches Sphinx's warning stream, located at
    the directive, never only stderr; a drawing that fails leaves the text
    alternative in its place.
    """
    path = cache.cache_dir(builder.outdir, builder.doctreedir) / cache.entry_name(
        node["key"], variant, fmt
    )
    try:
        with warnings.catch_warnings(record=True) as reported:
            warnings.simplefilter("always")
            data, missing, unsaved = cache.cached(
                path, lambda: drawing.drawing(node["spec"], fmt, variant)
            )
    except drawing.ChartBackendMissingError as exc:
        if builder not in _WARNED:
            _WARNED.add(builder)
            _warn(
                "benchmark-chart: %s; the chart's text alternative is shown instead",
                node,
                exc,
            )
        return None
    except Exception as exc:  # matplotlib's own failure: report, never crash
        _warn(
            "benchmark-chart: the chart could not be drawn (%s: %s); its text "
            "alternative is shown instead",
            node,
            type(exc).__name__,
            exc,
        )
        return None
    for problem in reported:
        # What matplotlib says about the drawing, not what its dependencies
        # say about their own API (pyparsing's deprecations under older
        # matplotlib): those are for matplotlib's authors.
        if issubclass(problem.category, DeprecationWarning | PendingDeprecationWarning):
            continue
        _warn("benchmark-chart: drawing the chart: %s", node, problem.message)
    if unsaved is not None and variant == "wide":
        _warn(
            "benchmark-chart: the drawing could not be kept in the chart cache "
            "(%s), so it is drawn again in every build; make %s writable",
            node,
            unsaved,
            path.parent,
        )
    if missing and variant == "wide":
        _warn_undrawable(node, set(missing))
    return data


def _warn_undrawable(node: nodes.Element, missing: set[str]) -> None:
    """One warning per label that holds a character the font lacks."""
    for where, text in node["labels"]:
        lacking = list(dict.fromkeys(c for c in text if c in missing))
        if not lacking:
            continue
        chars = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in lacking)
        _warn(
            "benchmark-chart: %s: the chart's font (%s) cannot draw %s in %r, so "
            "the chart shows %s instead (the text alternative keeps the text); "
            "write the label without it",
            node,
            where,
            layout.FONT_FAMILY,
            chars,
            text,
            "\ufffd",
        )


def file_svg(template: str, title: str, *, opaque: bool) -> str:
    """The chart as its own SVG file, titled with its text alternative.

    On white for an e-book reader (the ground it can count on); on nothing
    for a web page, whose CSS inverts it in dark mode.
    """
    attrs = 'style="background-color: #ffffff"' if opaque else 'class="versus-chart"'
    svg = template.replace(drawing.ATTRS, attrs)
    end = svg.index(">", svg.index("<svg")) + 1
    prefix = drawing.ID_PREFIX
    title_tag = f'<title id="{prefix}title">{html.escape(title)}</title>'
    head = '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'
    return head + svg[:end] + title_tag + svg[end:]


def svg_size(template: str) -> tuple[int, int]:
    """The drawing's size in CSS px (its viewBox), for <img width height>."""
    match = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', template)
    if match is None:
        return 0, 0
    return round(float(match[1])), round(float(match[2]))


def _image(builder: Builder, name: str, svg: str) -> str:
    """Write an SVG into the output's image folder; its URL from the page."""
    cache.publish(Path(builder.outdir, builder.imagedir, name), svg.encode())
    return f"{builder.imgpath}/{name}"


def html_visit_chart(self: HTML5Translator, node: nodes.Element) -> None:
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
        svg = file_svg(wide.decode(), node["alt"], opaque=True)
        src = _image(builder, f"versus-chart-{key}.svg", svg)
        self.body.append(
            f'<img class="versus-chart-image" src="{src}" alt="{alt}" />\n'
        )
        raise nodes.SkipNode
    stem = html_stem(key, node["alt"])
    sources = {}
    for variant, template in (("wide", wide.decode()), ("narrow", narrow.decode())):
        svg = file_svg(template, node["alt"], opaque=False)
        src = _image(builder, f"{stem}-{variant}.svg", svg)
        sources[variant] = (src, *svg_size(template))
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


def latex_visit_chart(self: LaTeXTranslator, node: nodes.Element) -> None:
    pdf = _drawing(self.builder, node, "pdf")
    if pdf is None:
        self.body.append(f"\n{self.encode(node['alt'])}\n")
        raise nodes.SkipNode
    name = f"versus-chart-{node['key']}"
    cache.publish(Path(self.builder.outdir, f"{name}.pdf"), pdf)
    # The drawing is as wide as a letter page's text block and at most about
    # half an A4 page tall (the directive bounds its bars): at its natural
    # size its text is 9 pt; on a smaller page it shrinks with the page,
    # never past half the page's height.
    self.body.append(
        "\n\\sphinxincludegraphics[width=\\linewidth,height=0.5\\textheight,"
        f"keepaspectratio]{{{{{name}}}.pdf}}\n"
    )
    raise nodes.SkipNode


def _chart_text(alt: str) -> str:
    """The chart where no picture can be: ``[Chart: <its text alternative>]``."""
    return _("[Chart: {alt}]").format(alt=alt)


def text_visit_chart(self: TextTranslator, node: nodes.Element) -> None:
    self.new_state(0)
    self.add_text(_chart_text(node["alt"]))
    self.end_state()
    raise nodes.SkipNode


def man_visit_chart(self: ManualPageTranslator, node: nodes.Element) -> None:
    # Through the writer's own text escaping: a backslash or a leading dot
    # in the text would otherwise be a roff request.
    self.visit_Text(nodes.Text(_chart_text(node["alt"])))
    self.body.append("\n")
    raise nodes.SkipNode


def texinfo_visit_chart(self: TexinfoTranslator, node: nodes.Element) -> None:
    self.body.append(f"\n{self.escape(_chart_text(node['alt']))}\n")
    raise nodes.SkipNode
