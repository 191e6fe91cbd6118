"""Drawing a benchmark chart with matplotlib, deterministically.

Why matplotlib: it writes vector SVG *and* PDF from one drawing (the PDF goes
straight into LaTeX with ``\\includegraphics``), needs no browser or
JavaScript, and with a fixed hash salt, no metadata dates and text drawn as
paths its output is byte-identical for identical input.  It is imported only
inside :func:`render_chart`; this module itself is cheap to import.

The chart: one group per workload, one bar per system, each bar the system's
figure relative to the baseline (baseline = 1×) so that different units share
one axis.  For lower-is-better workloads the ratio is inverted, so a longer
bar is always better; every group heading says which way its raw figures go.
Ranges are error bars.  Text and axes are drawn in a sentinel colour that the
SVG post-processing turns into ``currentColor``, so an inline chart follows
furo's light and dark text colour.

Text is drawn as paths in the SVG (``svg.fonttype = "path"``): the chart looks
the same with any reader's fonts, and the ``<title>`` carries the words for
screen readers.  The PDF uses Type 3 fonts: Type 42 subsetting through
fontTools costs about four times the whole drawing, and Type 3 text is still
vector and extractable.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx_versus.benchmarks.chart.figure import replace_chars, spec_texts

if TYPE_CHECKING:
    from collections.abc import Iterable

#: Text and axes colour in the drawing; replaced in the SVG (see above).
INK = "#010203"
#: The ink of every file: near-black, on white (PDF, epub) or inverted by
#: the page's CSS in dark mode (HTML).
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
FONT_SIZE = 9.0
WIDTH_IN = 7.0
#: Height of one bar row (and of a group heading) in points.
ROW_PT = 16.0

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


@dataclass(frozen=True)
class Variant:
    """One layout of the chart, for one range of screen widths.

    The wide layout puts each bar's label left of the axis and each group's
    heading on one line; the narrow one gives the bars the whole width, with
    each label on its own line above its bar and each heading on two lines,
    at a font size that stays >= 11 CSS px down to a 294 px column.
    """

    name: str
    #: The figure's width in pt (the SVG's user units); wider only if a
    #: heading needs it.
    width_pt: float
    font_size: float
    #: Labels above the bars (narrow) or left of the axis (wide).
    labels_above: bool
    #: Characters per line of the note under the axis (0: the wide wording).
    note_chars: int


WIDE = Variant("wide", WIDTH_IN * 72, FONT_SIZE, labels_above=False, note_chars=0)
NARROW = Variant("narrow", 290.0, 11.5, labels_above=True, note_chars=38)
VARIANTS = {v.name: v for v in (WIDE, NARROW)}
#: Room between text and any line or bar, in pt.
PAD = 4.0


@dataclass(frozen=True)
class _Layout:
    """Where everything goes, measured from the text before drawing.

    Measuring with the font's metrics (not a layout engine) keeps rendering
    to a single draw pass: a cold chart costs one drawing, not two.
    """

    #: ("heading"|"detail"|"label"|"bar", y, payload), top to bottom.
    rows: list[tuple[str, float, Any]]
    height_units: float
    width_pt: float
    height_pt: float
    axes: tuple[float, float, float, float]
    x_max: float
    note: str


def _note(spec: dict[str, Any], variant: Variant) -> str:
    """The axis note: one sentence per line (wide), or filled to the width."""
    if not variant.note_chars:
        return str(spec["axis"])
    return textwrap.fill(" ".join(spec["axis"].split()), variant.note_chars)


def _layout(spec: dict[str, Any], variant: Variant) -> _Layout:
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    measure = TextToPath().get_text_width_height_descent
    size = variant.font_size
    regular = FontProperties(family=FONT_FAMILY, size=size)
    bold = FontProperties(family=FONT_FAMILY, size=size, weight="bold")

    def width(text: str, prop: FontProperties) -> float:
        return measure(text, prop, ismath=False)[0] if text else 0.0

    def wrapped(text: str, prop: FontProperties) -> list[str]:
        """*text* in lines that fit the narrow layout's width, by the font."""
        room = variant.width_pt - 2 * PAD
        lines: list[str] = []
        for word in text.split(" "):
            if lines and width(f"{lines[-1]} {word}", prop) <= room:
                lines[-1] = f"{lines[-1]} {word}"
            else:
                lines.append(word)
        return lines

    rows: list[tuple[str, float, Any]] = []
    y = 0.0
    for row in spec["rows"]:
        if variant.labels_above:
            # The heading and the detail wrap: a long workload name or source
            # must not widen the drawing (and so shrink its text) on a phone.
            for kind, prop in (("heading", bold), ("detail", regular)):
                for line in wrapped(
                    row[kind if kind == "detail" else "workload"], prop
                ):
                    rows.append((kind, y, line))
                    y += 0.95
            y += 0.1
        else:
            rows.append(("heading", y, f"{row['workload']} — {row['detail']}"))
            y += 1.0
        for bar in row["bars"]:
            if variant.labels_above:
                rows.append(("label", y, bar))
                y += 0.95
            rows.append(("bar", y, bar))
            y += 1.0
        y += 0.5
    units = y + 0.2  # from -0.7 to y - 0.5

    headings = max(
        width(p, bold if kind == "heading" else regular)
        for kind, _, p in rows
        if kind in ("heading", "detail")
    )
    labels = max(width(_tick_label(p), regular) for kind, _, p in rows if kind == "bar")
    # Room for half the "0×" under the axis, or for the labels left of it.
    left = 2.5 * PAD if variant.labels_above else 2 * PAD + 6 + labels
    right = 10.0
    ratio = max(
        (width(p["ratio"], regular) for kind, _, p in rows if kind == "bar"),
        default=0.0,
    )
    width_pt = max(variant.width_pt, headings + 2 * PAD, left + labels + right)
    axes_w = width_pt - left - right
    note = _note(spec, variant)
    note_lines = note.count("\n") + 1
    top, bottom = 6.0, (2.0 + 1.25 * note_lines) * size + 14
    row_pt = ROW_PT * size / FONT_SIZE
    plot_h = units * row_pt
    height_pt = top + plot_h + bottom
    ends = [1.0] + [
        max(p["rel"], p["high"] or 0.0, 1.0 if p["rel"] < 1 else 0.0)
        for kind, _, p in rows
        if kind == "bar" and p["rel"] is not None
    ]
    label_share = min(0.5, (ratio + PAD + 6) / axes_w)
    return _Layout(
        rows=rows,
        height_units=y,
        width_pt=width_pt,
        height_pt=height_pt,
        axes=(
            left / width_pt,
            bottom / height_pt,
            axes_w / width_pt,
            plot_h / height_pt,
        ),
        x_max=max(ends) / (1 - label_share),
        note=note,
    )


def _tick_label(bar: dict[str, Any]) -> str:
    return f"{bar['system']}  {bar['label']}"


def _draw(spec: dict[str, Any], ink: str, variant: Variant) -> Any:
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator
    from matplotlib.transforms import blended_transform_factory, offset_copy

    layout = _layout(spec, variant)
    colours = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(spec["systems"])}
    fig = Figure(figsize=(layout.width_pt / 72, layout.height_pt / 72))
    ax = fig.add_axes(layout.axes)
    # Headings from the figure's left edge; row labels left of the axis (or
    # above their bar).  Plain texts: matplotlib's Tick objects would cost
    # more than the rest of the drawing.
    edge = offset_copy(
        blended_transform_factory(fig.transFigure, ax.transData),
        fig=fig,
        x=PAD,
        units="points",
    )
    label_at = offset_copy(
        ax.get_yaxis_transform(), fig=fig, x=-(PAD + 6), units="points"
    )
    above_at = offset_copy(ax.get_yaxis_transform(), fig=fig, x=PAD, units="points")
    bar_rows: list[float] = []
    for kind, pos, payload in layout.rows:
        if kind in ("heading", "detail"):
            ax.text(
                0.0, pos, payload, transform=edge, ha="left", va="center",
                fontweight="bold" if kind == "heading" else "normal", color=ink,
            )  # fmt: skip
            continue
        bar = payload
        if kind == "label":
            ax.text(
                0.0, pos, _tick_label(bar), transform=above_at, ha="left",
                va="center", color=ink,
            )  # fmt: skip
            continue
        bar_rows.append(pos)
        if not variant.labels_above:
            ax.text(
                0.0, pos, _tick_label(bar), transform=label_at, ha="right",
                va="center", color=ink,
            )  # fmt: skip
        rel = bar["rel"]
        if rel is None:
            continue
        ax.barh(pos, rel, height=0.72, color=colours[bar["system"]], zorder=2)
        low, high = bar["low"], bar["high"]
        end = rel
        if low is not None and high is not None and low != high:
            ax.errorbar(
                rel,
                pos,
                xerr=[[rel - low], [high - rel]],
                fmt="none",
                ecolor=ink,
                elinewidth=1,
                capsize=3,
                zorder=3,
            )
            end = max(rel, high)
        # Right of the bar, and right of the 1× line a short bar stops before.
        ax.annotate(
            bar["ratio"],
            xy=(max(end, 1.0), pos),
            xytext=(PAD, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            color=ink,
        )
    ax.set_yticks([])
    ax.set_ylim(layout.height_units - 0.5, -0.7)
    ax.set_xlim(0, layout.x_max)
    # The axis and the 1× line beside the bars only, so that they never run
    # through a heading or a label.
    for pos in bar_rows:
        ax.vlines(0.0, pos - 0.5, pos + 0.5, colors=ink, linewidth=1, zorder=1)
        ax.vlines(
            1.0,
            pos - 0.5,
            pos + 0.5,
            colors=ink,
            linewidth=1,
            linestyles=(0, (4, 3)),
            alpha=0.7,
            zorder=1,
        )
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}×"))
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    if variant.labels_above:  # fewer ticks: their labels need room
        ax.xaxis.set_major_locator(MaxNLocator(4))
    ax.set_xlabel(layout.note)
    return fig


def render_chart(spec: dict[str, Any], fmt: str, variant: str = "wide") -> bytes:
    """Draw the chart as ``svg`` (ink = sentinel) or ``pdf`` (print ink)."""
    import io

    import matplotlib

    ink = INK if fmt == "svg" else PRINT_INK
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
    """matplotlib's SVG as a file template: print ink, ids of its own.

    The ids carry a prefix so that they can never collide with a page's; the
    root element keeps a placeholder for each builder's attributes.
    """
    text = raw.decode("utf-8")
    text = text[text.index("<svg") :]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    text = text.replace(INK.lower(), PRINT_INK)
    text = re.sub(r'\bid="([^"]+)"', rf'id="{ID_PREFIX}\1"', text)
    text = re.sub(r"url\(#([^)]+)\)", rf"url(#{ID_PREFIX}\1)", text)
    text = re.sub(r'href="#([^"]+)"', rf'href="#{ID_PREFIX}\1"', text)
    return text.replace("<svg ", f"<svg {ATTRS} ", 1)
