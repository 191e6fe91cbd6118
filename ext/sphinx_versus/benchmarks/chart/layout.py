"""Where a chart's text, bars and axis go, measured before anything is drawn.

The chart (see :mod:`.figure`) is bounded so that it fits where it is read:
a fixed width per layout (a long label is cut with an ellipsis, never
widening the drawing and so shrinking its text) and a height that grows only
with the number of bars, which the directive limits.  The layout measures
the text in the chart's font first, so a cold chart costs one drawing pass;
:mod:`.drawing` then draws what it says.  The axis is linear from 0, or
logarithmic (``:scale: log``): :class:`Scale` places a value on either.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

FONT_FAMILY = "DejaVu Sans"
#: Room between text and any line or bar, in pt.
PAD = 4.0
#: In the narrow layout: a bar's height, and the room between its text line
#: (one em high, ink included) and the bar, as shares of the font size.
NARROW_BAR = 0.6
NARROW_GAP = 0.15


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
class Scale:
    """The x axis: from :attr:`low` to :attr:`high`, linear or logarithmic;
    bars start at :attr:`origin` (0, the 1× line of a log ratio chart, or a
    log axis's start)."""

    low: float
    high: float
    log: bool
    origin: float

    def frac(self, value: float) -> float:
        """Where *value* lies along the axis, from 0 (start) to 1 (end)."""
        if self.log:
            span = math.log(self.high / self.low)
            return math.log(max(value, self.low) / self.low) / span
        return (value - self.low) / (self.high - self.low)


def scale_for(spec: dict[str, Any], share: float) -> Scale:
    """The axis that shows every bar, its error bar and the 1× line, and
    leaves *share* of its length right of the longest for its ratio's text."""
    bars = [item[1] for item in spec["items"] if item[0] == "bar"]
    ratio = spec.get("values", "ratio") == "ratio"
    drawn = [b for b in bars if b["rel"] is not None]
    ends = [max(b["rel"], b["high"] or 0.0) for b in drawn] + ([1.0] if ratio else [])
    if spec.get("scale") != "log":
        top = max(ends, default=1.0) or 1.0
        return Scale(0.0, top / (1 - share), log=False, origin=0.0)
    starts = [min(b["rel"], b["low"] or b["rel"]) for b in drawn]
    smallest = min([s for s in starts if s > 0] + ([1.0] if ratio else []), default=1.0)
    if ratio:  # bars grow left or right of the 1× line
        low = smallest / 1.25
    else:  # a decade below the smallest figure, so its bar is never a sliver
        low = 10.0 ** math.floor(math.log10(smallest))
        if smallest / low < 1.5:
            low /= 10.0
    top = math.log(max(ends, default=low * 10.0))
    high = math.exp((top - share * math.log(low)) / (1 - share))
    return Scale(low, high, log=True, origin=1.0 if ratio else low)


@dataclass(frozen=True)
class Layout:
    """Where everything goes, in pt from the top of the plot, measured from
    the text before drawing: a cold chart costs one drawing pass."""

    #: (kind, y, text or bar) top to bottom; kind: group, heading, label, bar.
    rows: list[tuple[str, float, Any]]
    plot_h: float
    width_pt: float
    height_pt: float
    axes: tuple[float, float, float, float]
    scale: Scale
    legend: list[str]
    legend_y: float


def measure(size: float) -> Callable[..., float]:
    """The width of a text in pt, in the chart's font, as it will be drawn."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    width_of = TextToPath().get_text_width_height_descent
    regular = FontProperties(family=FONT_FAMILY, size=size)
    bold = FontProperties(family=FONT_FAMILY, size=size, weight="bold")

    def width(text: str, strong: bool = False) -> float:
        if not text:
            return 0.0
        return float(width_of(text, bold if strong else regular, ismath=False)[0])

    return width


def fitted(
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
            lines.append(fitted(word, room, width))
    return lines


def _ratio_place(
    bar: dict[str, Any], room: float, scale: Scale, width: Callable[..., float]
) -> str:
    """Where the narrow layout writes *bar*'s ratio: on its label's line where
    both fit the *room* (pt) or the ratio is short (the label is then cut),
    else ``beside`` the bar where it fits there, else on a line of its own
    under the label."""
    ratio_w = width(bar["ratio"])
    if width(bar["label"]) + 2 * PAD + ratio_w <= room or ratio_w <= 0.4 * room:
        return "label"
    end = max(bar["rel"] or 0.0, bar["high"] or 0.0, scale.origin)
    if scale.frac(end) * room + PAD + ratio_w <= room:
        return "beside"
    return "own"


def layout(spec: dict[str, Any], variant: Variant) -> Layout:
    """The chart's rows, axes and legend for one layout (see :class:`Variant`)."""
    size = variant.font_size
    width = measure(size)
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
    if variant.labels_above:  # a ratio goes beside a bar only where it fits
        share = 0.05
    else:
        ratio_w = max((width(b["ratio"]) for b in bars), default=0.0) + PAD
        share = min(0.5, ratio_w / axes_w)
    scale = scale_for(spec, share)
    rows: list[tuple[str, float, Any]] = []
    y = 0.0
    for kind, payload in spec["items"]:
        if kind in ("group", "heading"):
            y += (0.5 if rows else 0.0) * size
            text = fitted(payload, w - 2 * PAD, width, True)
            rows.append((kind, y + 0.65 * size, text))
            y += 1.35 * size
            continue
        bar = dict(payload)
        if variant.labels_above:
            bar["place"] = place = _ratio_place(bar, axes_w, scale, width)
            ratio = bar["ratio"] if place == "label" else ""
            room = axes_w - (width(ratio) + 2 * PAD if ratio else 0.0)
            bar["label"] = fitted(bar["label"], room, width)
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
            bar["label"] = fitted(bar["label"], label_w, width)
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
    return Layout(
        rows=rows,
        plot_h=plot_h,
        width_pt=w,
        height_pt=height,
        axes=(left / w, bottom / height, axes_w / w, plot_h / height),
        scale=scale,
        legend=legend,
        legend_y=(legend_h + PAD) / height,
    )
