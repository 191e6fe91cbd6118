"""Drawing a benchmark chart with matplotlib, deterministically.

Why matplotlib: it writes vector SVG *and* PDF from one drawing (the PDF goes
straight into LaTeX with ``\\includegraphics``), needs no browser or
JavaScript, and with a fixed hash salt, no metadata dates and text drawn as
paths its output is byte-identical for identical input.  It is imported only
inside the functions that draw; this module itself is cheap to import.

The chart (see :mod:`.figure`): one bar per workload and system other than
the baseline, each the system's figure relative to the baseline's (the
dashed 1× line), so that different units share one axis; for
lower-is-better workloads the ratio is inverted, so a longer bar is always
better.  Its size is bounded: a fixed width (a long label is cut with an
ellipsis, never widening the drawing and so shrinking its text), and a
height that grows only with the number of bars, which the directive limits.

Text is drawn as paths in the SVG (``svg.fonttype = "path"``): the chart looks
the same with any reader's fonts, and the ``<title>`` carries the words for
screen readers.  The PDF uses Type 3 fonts: Type 42 subsetting through
fontTools costs about four times the whole drawing, and Type 3 text is still
vector and extractable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx_versus.benchmarks.chart.figure import replace_chars, spec_texts

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

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
FONT_FAMILY = "DejaVu Sans"
#: The font size the glyph check uses (any size has the same glyphs).
FONT_SIZE = 9.0
#: The prefix of every id in a chart's SVG file.
ID_PREFIX = "c-"
#: Where each builder's attributes go in the SVG template's root element.
ATTRS = "@@VERSUS-ATTRS@@"
#: Room between text and any line or bar, in pt.
PAD = 4.0
#: In the narrow layout: a bar's height, and the room between its text line
#: (one em high, ink included) and the bar, as shares of the font size.
NARROW_BAR = 0.6
NARROW_GAP = 0.15


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


@dataclass(frozen=True)
class Variant:
    """One layout of the chart, for one range of screen widths.

    The wide layout (HTML from 44em, epub, PDF) puts each bar's label left of
    the axis, cut to at most :attr:`label_share` of the width, and its ratio
    right of the bar; the narrow one gives the bars the whole width, each
    label and ratio on a line of their own above a thinner bar.  Sizes are in
    pt, the SVG's user units: the narrow drawing is shown 288 px wide on a
    320 px phone (furo), so its 11.2 pt text reads as 11.1 CSS px there
    (13.2 px at 375 px), and the wide one at most as wide as the PDF's text
    block (6.5 in), so its 9 pt text is never shrunk in print.
    """

    name: str
    width_pt: float
    font_size: float
    labels_above: bool
    #: The widest a label may be, as a share of the width (wide layout).
    label_share: float = 0.0


WIDE = Variant("wide", 468.0, 9.0, labels_above=False, label_share=0.4)
NARROW = Variant("narrow", 290.0, 11.2, labels_above=True)
VARIANTS = {v.name: v for v in (WIDE, NARROW)}


@dataclass(frozen=True)
class _Layout:
    """Where everything goes, in pt from the top of the plot, measured from
    the text before drawing: a cold chart costs one drawing pass."""

    #: (kind, y, text or bar) top to bottom; kind: group, heading, label, bar.
    rows: list[tuple[str, float, Any]]
    plot_h: float
    width_pt: float
    height_pt: float
    axes: tuple[float, float, float, float]
    x_max: float
    legend: list[str]
    legend_y: float


def _measure(size: float) -> Callable[..., float]:
    """The width of a text in pt, in the chart's font, as it will be drawn."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    measure = TextToPath().get_text_width_height_descent
    regular = FontProperties(family=FONT_FAMILY, size=size)
    bold = FontProperties(family=FONT_FAMILY, size=size, weight="bold")

    def width(text: str, strong: bool = False) -> float:
        return (
            measure(text, bold if strong else regular, ismath=False)[0] if text else 0.0
        )

    return width


def _fitted(
    text: str, room: float, width: Callable[..., float], strong: bool = False
) -> str:
    """*text*, cut with an ellipsis to fit *room* pt (the whole text stays in
    the chart's text alternative)."""
    if width(text, strong) <= room:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with its ellipsis
        mid = (low + high + 1) // 2
        if width(text[:mid].rstrip() + "…", strong) <= room:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "…"


def _wrapped(text: str, room: float, width: Callable[..., float]) -> list[str]:
    lines: list[str] = []
    for word in text.split(" "):
        if lines and width(f"{lines[-1]} {word}", False) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(_fitted(word, room, width))
    return lines


def _ratio_place(
    bar: dict[str, Any], room: float, x_max: float, width: Callable[..., float]
) -> str:
    """Where the narrow layout writes *bar*'s ratio: on its label's line where
    both fit the *room* (pt) or the ratio is short (the label is then cut),
    else ``beside`` the bar where it fits there, else on a line of its own
    under the label."""
    ratio_w = width(bar["ratio"])
    if width(bar["label"]) + 2 * PAD + ratio_w <= room or ratio_w <= 0.4 * room:
        return "label"
    end = max(bar["rel"] or 0.0, bar["high"] or 0.0, 1.0)
    if end / x_max * room + PAD + ratio_w <= room:
        return "beside"
    return "own"


def _layout(spec: dict[str, Any], variant: Variant) -> _Layout:
    size = variant.font_size
    width = _measure(size)
    w = variant.width_pt
    bars = [item[1] for item in spec["items"] if item[0] == "bar"]
    if variant.labels_above:
        label_w = 0.0
        left = 2.5 * PAD  # room for half the "0×" under the axis
    else:
        label_w = min(
            variant.label_share * w,
            max((width(b["label"]) for b in bars), default=0.0),
        )
        left = 2 * PAD + label_w
    right = PAD
    axes_w = w - left - right
    ends = [1.0] + [
        max(b["rel"], b["high"] or 0.0) for b in bars if b["rel"] is not None
    ]
    if variant.labels_above:  # a ratio goes beside a bar only where it fits
        share = 0.05
    else:
        ratio_w = max((width(b["ratio"]) for b in bars), default=0.0) + PAD
        share = min(0.5, ratio_w / axes_w)
    x_max = max(ends) / (1 - share)
    rows: list[tuple[str, float, Any]] = []
    y = 0.0
    for kind, payload in spec["items"]:
        if kind in ("group", "heading"):
            y += (0.5 if rows else 0.0) * size
            text = _fitted(payload, w - 2 * PAD, width, True)
            rows.append((kind, y + 0.65 * size, text))
            y += 1.35 * size
            continue
        bar = dict(payload)
        if variant.labels_above:
            bar["place"] = place = _ratio_place(bar, axes_w, x_max, width)
            ratio = bar["ratio"] if place == "label" else ""
            room = axes_w - (width(ratio) + 2 * PAD if ratio else 0.0)
            bar["label"] = _fitted(bar["label"], room, width)
            rows.append(("label", y + 0.5 * size, (bar["label"], ratio)))
            y += size
            if place == "own":
                rows.append(("label", y + 0.5 * size, ("", bar["ratio"])))
                y += size
            y += NARROW_GAP * size
            line = 1.0 if place == "beside" else NARROW_BAR
            rows.append(("bar", y + 0.5 * line * size, bar))
            y += (line + 0.35) * size
        else:
            bar["label"] = _fitted(bar["label"], label_w, width)
            rows.append(("bar", y + 0.725 * size, bar))
            y += 1.45 * size
    plot_h = y + 0.2 * size
    legend = [
        line for text in spec["legend"] for line in _wrapped(text, w - 2 * PAD, width)
    ]
    ticks = 2.0 * size
    legend_h = 1.25 * size * len(legend)
    top, bottom = PAD, ticks + legend_h + PAD
    height = top + plot_h + bottom
    return _Layout(
        rows=rows,
        plot_h=plot_h,
        width_pt=w,
        height_pt=height,
        axes=(left / w, bottom / height, axes_w / w, plot_h / height),
        x_max=x_max,
        legend=legend,
        legend_y=(legend_h + PAD) / height,
    )


def _draw(spec: dict[str, Any], ink: str, variant: Variant) -> Any:
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator
    from matplotlib.transforms import blended_transform_factory, offset_copy

    layout = _layout(spec, variant)
    colours = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(spec["systems"])}
    fig = Figure(figsize=(layout.width_pt / 72, layout.height_pt / 72))
    ax = fig.add_axes(layout.axes)
    edge = offset_copy(
        blended_transform_factory(fig.transFigure, ax.transData),
        fig=fig, x=PAD, units="points",
    )  # fmt: skip
    label_at = offset_copy(ax.get_yaxis_transform(), fig=fig, x=-PAD, units="points")
    ratio_at = offset_copy(ax.transData, fig=fig, x=PAD, units="points")
    ys, widths, fills, spans = [], [], [], []
    bar_h = (NARROW_BAR if variant.labels_above else 0.95) * variant.font_size
    cap = min(3.0, bar_h / 2 - 0.5)  # the error bar's caps stay inside the band
    for kind, y, payload in layout.rows:
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
        end = 0.0 if rel is None else rel
        if rel is not None:
            ys.append(y)
            widths.append(rel)
            fills.append(colours[bar["system"]])
            if bar["low"] is not None:
                ax.errorbar(rel, y, xerr=[[rel - bar["low"]], [bar["high"] - rel]],
                            fmt="none", ecolor=ink, elinewidth=1,
                            capsize=cap, zorder=3)  # fmt: skip
                end = max(rel, bar["high"])
        if variant.labels_above and bar["place"] != "beside":
            continue
        # Right of the bar, and right of the 1× line a short bar stops before.
        ax.text(max(end, 1.0), y, bar["ratio"], transform=ratio_at, ha="left",
                va="center", color=ink)  # fmt: skip
    ax.barh(ys, widths, height=bar_h, color=fills, zorder=2)
    # Rows touch in the wide layout (one unbroken line); in the narrow one a
    # label sits above each bar, and the lines span only the bar's own band.
    half = bar_h / 2 if variant.labels_above else 0.725 * variant.font_size
    # The axis and the 1× line beside the bars only: never through a label.
    lows = [y - half for y in spans]
    highs = [y + half for y in spans]
    ax.vlines([0.0] * len(spans), lows, highs, colors=ink, linewidth=1, zorder=1)
    ax.vlines([1.0] * len(spans), lows, highs, colors=ink, linewidth=1,
              linestyles=(0, (4, 3)), alpha=0.7, zorder=1)  # fmt: skip
    ax.set_yticks([])
    ax.set_ylim(layout.plot_h, 0.0)
    ax.set_xlim(0, layout.x_max)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}×"))
    ax.xaxis.set_major_locator(MaxNLocator(4 if variant.labels_above else 6))
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    fig.text(PAD / layout.width_pt, layout.legend_y, "\n".join(layout.legend),
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
