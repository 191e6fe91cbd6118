"""Drawing a benchmark chart with matplotlib, deterministically.

Why matplotlib: it writes vector SVG *and* PDF from one drawing (the PDF goes
straight into LaTeX with ``\\includegraphics``), needs no browser or
JavaScript, and with a fixed hash salt, no metadata dates and text drawn as
paths its output is byte-identical for identical input.  It is imported only
inside the functions that draw; this module itself is cheap to import.

The chart (see :mod:`.figure`): by default one bar per workload and system
other than the baseline, each the system's figure relative to the
baseline's (the dashed 1× line), so that different units share one axis;
with ``:values: absolute`` each system's own figure in the one unit the
workloads share.  Where everything goes is :mod:`.layout`'s job; this
module draws it, on a linear or a logarithmic axis, its ticks in the
build's language.

Text is drawn as paths in the SVG (``svg.fonttype = "path"``): the chart looks
the same with any reader's fonts, and the ``<title>`` carries the words for
screen readers.  The PDF uses Type 3 fonts: Type 42 subsetting through
fontTools costs about four times the whole drawing, and Type 3 text is still
vector and extractable.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from sphinx_versus.benchmarks.chart.figure import replace_chars, spec_texts
from sphinx_versus.benchmarks.chart.layout import (
    FONT_FAMILY,
    NARROW_BAR,
    PAD,
    VARIANTS,
    Layout,
    Variant,
    layout,
)
from sphinx_versus.benchmarks.numbers import in_language

if TYPE_CHECKING:
    from collections.abc import Iterable

#: The ink of every drawing: near-black, on white (PDF, epub) or on nothing
#: (HTML, whose CSS inverts it in dark mode).
PRINT_INK = "#222222"
#: Okabe–Ito and Tol colours with ≥ 3:1 contrast on white *and* on furo's dark
#: background, distinguishable with the common colour-vision deficiencies.
PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#AA4499",
    "#117733",
    "#6699CC",
)
#: The font size the glyph check uses (any size has the same glyphs).
FONT_SIZE = 9.0
#: The prefix of every id in a chart's SVG file.
ID_PREFIX = "c-"
#: Where each builder's attributes go in the SVG template's root element.
ATTRS = "@@VERSUS-ATTRS@@"


class ChartBackendMissingError(ImportError):
    """matplotlib is not installed; the message says how to install it."""


def undrawable(texts: Iterable[str]) -> set[str]:
    """The characters of *texts* the chart font cannot draw.

    Printable ASCII is always drawable, so the font is read only for other
    text; white space is drawn as a space (:func:`figure.short_label`).
    """
    chars = {c for text in texts for c in text if not (" " <= c <= "~" or c.isspace())}
    if not chars:
        return set()
    from matplotlib.font_manager import FontProperties, findfont, get_font

    missing: set[str] = set()
    for weight in ("normal", "bold"):
        props = FontProperties(family=FONT_FAMILY, size=FONT_SIZE, weight=weight)
        charmap = get_font(findfont(props, fallback_to_default=False)).get_charmap()
        missing |= {c for c in chars if ord(c) not in charmap}
    return missing


def drawing(spec: dict[str, Any], fmt: str, variant: str) -> tuple[bytes, set[str]]:
    """The chart as ``svg`` (a template, see :func:`prepare_svg`) or ``pdf``,
    and the characters its font lacks (drawn as a replacement character)."""
    _require_matplotlib()
    missing = undrawable(spec_texts(spec))
    if missing:
        spec = replace_chars(spec, missing)
    data = render_chart(spec, fmt, variant)
    if fmt == "svg":
        data = prepare_svg(data).encode()
    return data, missing


def _require_matplotlib() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:
        raise ChartBackendMissingError(
            "matplotlib is not installed, so benchmark charts cannot be drawn; "
            'install it with: pip install "sphinx-versus[charts]"'
        ) from exc


def tick_text(value: float, spec: dict[str, Any]) -> str:
    """An axis tick in the build's language: ``0,5×`` (ratios) or ``150K``."""
    from decimal import Decimal

    from sphinx_versus.benchmarks.numbers import format_number

    language = spec.get("language")
    if spec.get("values", "ratio") == "absolute":
        return format_number(Decimal(f"{value:.12g}").normalize(), language)
    return in_language(f"{value:g}", language) + "×"


def _axis(ax: Any, spec: dict[str, Any], plan: Layout, variant: Variant) -> None:
    """The x axis: its scale, range and ticks (in the build's language)."""
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullLocator

    scale = plan.scale
    most = 4 if variant.labels_above else 6  # ticks that fit without touching
    if scale.log:
        ax.set_xscale("log")
        decades = math.log10(scale.high / scale.low)
        subs = (1.0, 2.0, 5.0) if 3 * decades <= most else (1.0,)
        ax.xaxis.set_major_locator(LogLocator(base=10, subs=subs, numticks=most + 1))
        ax.xaxis.set_minor_locator(NullLocator())
    else:
        ax.xaxis.set_major_locator(MaxNLocator(most))
    ax.set_xlim(scale.low, scale.high)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: tick_text(v, spec)))


def _draw(spec: dict[str, Any], ink: str, variant: Variant) -> Any:
    from matplotlib.figure import Figure
    from matplotlib.transforms import blended_transform_factory, offset_copy

    plan = layout(spec, variant)
    scale = plan.scale
    colours = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(spec["systems"])}
    fig = Figure(figsize=(plan.width_pt / 72, plan.height_pt / 72))
    ax = fig.add_axes(plan.axes)
    edge = offset_copy(
        blended_transform_factory(fig.transFigure, ax.transData),
        fig=fig, x=PAD, units="points",
    )  # fmt: skip
    label_at = offset_copy(ax.get_yaxis_transform(), fig=fig, x=-PAD, units="points")
    ratio_at = offset_copy(ax.transData, fig=fig, x=PAD, units="points")
    ys, widths, fills, spans = [], [], [], []
    bar_h = (NARROW_BAR if variant.labels_above else 0.95) * variant.font_size
    cap = min(3.0, bar_h / 2 - 0.5)  # the error bar's caps stay inside the band
    for kind, y, payload in plan.rows:
        if kind in ("group", "heading"):
            ax.text(0.0, y, payload, transform=edge, ha="left", va="center",
                    fontweight="bold", color=ink)  # fmt: skip
            continue
        if kind == "label":
            label, ratio = payload
            if label:
                ax.text(0.0, y, label, transform=ax.get_yaxis_transform(),
                        ha="left", va="center", color=ink)  # fmt: skip
            if ratio:  # right of its label, or under it on a line of its own
                ax.text(1.0 if label else 0.0, y, ratio,
                        transform=ax.get_yaxis_transform(),
                        ha="right" if label else "left", va="center",
                        color=ink)  # fmt: skip
            continue
        bar = payload
        spans.append(y)
        if not variant.labels_above:
            ax.text(0.0, y, bar["label"], transform=label_at, ha="right",
                    va="center", color=ink)  # fmt: skip
        rel = bar["rel"]
        end = scale.origin if rel is None else rel
        if rel is not None:
            ys.append(y)
            widths.append(rel - scale.origin)
            fills.append(colours[bar["system"]])
            if bar["low"] is not None:
                low = max(bar["low"], scale.low)
                ax.errorbar(rel, y, xerr=[[rel - low], [bar["high"] - rel]],
                            fmt="none", ecolor=ink, elinewidth=1,
                            capsize=cap, zorder=3)  # fmt: skip
                end = max(rel, bar["high"])
        if variant.labels_above and bar["place"] != "beside":
            continue
        # Right of the bar, and right of the 1× line a short bar stops before.
        ratios = spec.get("values", "ratio") == "ratio"
        ax.text(max(end, 1.0 if ratios else scale.origin), y, bar["ratio"],
                transform=ratio_at,
                ha="left", va="center", color=ink)  # fmt: skip
    ax.barh(ys, widths, left=scale.origin, height=bar_h, color=fills, zorder=2)
    # Rows touch in the wide layout (one unbroken line); in the narrow one a
    # label sits above each bar, and the lines span only the bar's own band.
    half = bar_h / 2 if variant.labels_above else 0.725 * variant.font_size
    # The axis and the 1× line beside the bars only: never through a label.
    lows = [y - half for y in spans]
    highs = [y + half for y in spans]
    ax.vlines([scale.low] * len(spans), lows, highs, colors=ink, linewidth=1,
              zorder=1)  # fmt: skip
    if spec.get("values", "ratio") == "ratio":
        ax.vlines([1.0] * len(spans), lows, highs, colors=ink, linewidth=1,
                  linestyles=(0, (4, 3)), alpha=0.7, zorder=1)  # fmt: skip
    ax.set_yticks([])
    ax.set_ylim(plan.plot_h, 0.0)
    _axis(ax, spec, plan, variant)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    fig.text(PAD / plan.width_pt, plan.legend_y, "\n".join(plan.legend),
             ha="left", va="top", color=ink, linespacing=1.25)  # fmt: skip
    return fig


def render_chart(spec: dict[str, Any], fmt: str, variant: str = "wide") -> bytes:
    """Draw the chart as ``svg`` or ``pdf``."""
    import io

    import matplotlib

    ink = PRINT_INK
    metadata: dict[str, Any] = (
        {"Date": None, "Creator": None}
        if fmt == "svg"
        else {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None}
    )
    buffer = io.BytesIO()
    with matplotlib.rc_context(
        {
            "svg.hashsalt": "sphinx-versus",
            "svg.fonttype": "path",
            "pdf.fonttype": 3,  # Type 42 subsetting (fontTools) costs ~4x the drawing
            "font.family": FONT_FAMILY,
            "font.size": VARIANTS[variant].font_size,
            "text.parse_math": False,
            "text.usetex": False,
            "text.color": ink,
            "axes.edgecolor": ink,
            "axes.labelcolor": ink,
            "xtick.color": ink,
            "ytick.color": ink,
        }
    ):
        fig = _draw(spec, ink, VARIANTS[variant])
        fig.savefig(buffer, format=fmt, transparent=fmt == "svg", metadata=metadata)
    return buffer.getvalue()


def prepare_svg(raw: bytes) -> str:
    """matplotlib's SVG as a file template: no metadata, ids of its own.

    The ids carry a prefix so that they can never collide with a page's; the
    root element keeps a placeholder for each builder's attributes.
    """
    text = raw.decode("utf-8")
    text = text[text.index("<svg") :]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    text = re.sub(r'\bid="([^"]+)"', rf'id="{ID_PREFIX}\1"', text)
    text = re.sub(r"url\(#([^)]+)\)", rf"url(#{ID_PREFIX}\1)", text)
    text = re.sub(r'href="#([^"]+)"', rf'href="#{ID_PREFIX}\1"', text)
    return text.replace("<svg ", f"<svg {ATTRS} ", 1)
