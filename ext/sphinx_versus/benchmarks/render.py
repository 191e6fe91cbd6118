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

import hashlib
import html
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sphinx_versus.benchmarks.compare import better_phrase
from sphinx_versus.benchmarks.numbers import untranslated

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sphinx_versus.benchmarks.compare import Comparison

#: Bump when the drawing changes, so cached charts are redrawn.
RENDERER_VERSION = "2"

#: Text and axes colour in the drawing; replaced in the SVG (see above).
INK = "#010203"
#: Ink for files read outside the page (PDF, epub SVG): near-black on white.
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

_ID = "@@VERSUS-ID@@"
_ATTRS = "@@VERSUS-ATTRS@@"


class ChartBackendMissingError(ImportError):
    """matplotlib is not installed; the message says how to install it."""


def chart_spec(
    comparison: Comparison, _: Callable[[str], str] = untranslated
) -> dict[str, Any]:
    """Everything drawn, as plain JSON-able data (stored in the doctree).

    Its text is in the build's language (``_``), so a translated chart has a
    key and a drawing of its own."""
    rows = []
    for row in comparison.rows:
        record = row.record
        bars = []
        unit = short_label(record.unit, "unit")
        for cell in row.cells:
            label = cell.short if cell.value is not None else _("no data")
            if cell.value is not None and unit:
                label += f" {unit}"
            bars.append(
                {
                    "system": short_label(cell.system, "system"),
                    "label": label,
                    "ratio": cell.ratio if cell.relative is not None else "",
                    "rel": cell.relative,
                    "low": cell.relative_low,
                    "high": cell.relative_high,
                }
            )
        workload = short_label(record.workload, "workload")
        unit = f"{unit}, " if unit else ""
        source = (
            f" ({short_label(record.source, 'workload')})"
            if comparison.several_sources
            else ""
        )
        rows.append(
            {
                "heading": (
                    f"{workload}{source} — {unit}" + better_phrase(record.better, _)
                ),
                "bars": bars,
            }
        )
    base = comparison.baseline
    axis = [
        _("Relative to {base} ({base} = 1×); a longer bar is better."),
        _("For lower-is-better workloads the ratio is inverted ({base} ÷ system)."),
    ]
    return {
        "baseline": short_label(comparison.baseline, "system"),
        "systems": [short_label(s, "system") for s in comparison.systems],
        "rows": rows,
        "axis": "\n".join(line.format(base=base) for line in axis),
    }


#: The longest label of each kind the chart draws, in characters; the table
#: and the text alternative keep the whole text.
LABEL_LIMITS = {"workload": 60, "unit": 20, "system": 30}
#: What the chart draws for a character its font lacks.
REPLACEMENT = "\ufffd"


def short_label(text: str, kind: str) -> str:
    """*text* on one line, cut to the chart's limit for its *kind*."""
    text = " ".join(text.split())
    limit = LABEL_LIMITS[kind]
    return text if len(text) <= limit else text[: limit - 1] + "…"


def undrawable(texts: Iterable[str]) -> set[str] | None:
    """The characters of *texts* the chart font cannot draw.

    ``None`` when matplotlib is missing (nothing is drawn then).  Printable
    ASCII is always drawable, so matplotlib is imported only for other text;
    white space is drawn as a space (:func:`short_label`).
    """
    chars = {c for text in texts for c in text if not (" " <= c <= "~" or c.isspace())}
    if not chars:
        return set()
    try:
        from matplotlib.font_manager import FontProperties, findfont, get_font
    except ImportError:
        return None
    missing: set[str] = set()
    for weight in ("normal", "bold"):
        props = FontProperties(family=FONT_FAMILY, size=FONT_SIZE, weight=weight)
        charmap = get_font(findfont(props, fallback_to_default=False)).get_charmap()
        missing |= {c for c in chars if ord(c) not in charmap}
    return missing


def replace_chars(spec: dict[str, Any], missing: set[str]) -> dict[str, Any]:
    """The spec with every undrawable character drawn as :data:`REPLACEMENT`."""
    table = str.maketrans(dict.fromkeys(missing, REPLACEMENT))

    def swap(value: Any) -> Any:
        if isinstance(value, str):
            return value.translate(table)
        if isinstance(value, list):
            return [swap(v) for v in value]
        if isinstance(value, dict):
            return {k: swap(v) for k, v in value.items()}
        return value

    return swap(spec)  # type: ignore[no-any-return]


def chart_key(spec: dict[str, Any]) -> str:
    """Content hash naming the cached files: same drawing, same name."""
    payload = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(f"{RENDERER_VERSION}\n{payload}".encode())
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class _Layout:
    """Where everything goes, measured from the text before drawing.

    Measuring with the font's metrics (not a layout engine) keeps rendering
    to a single draw pass: a cold chart costs one drawing, not two.
    """

    rows: list[tuple[str, float, Any]]  # ("heading"|"bar", y, payload)
    groups: list[tuple[float, float]]
    height_units: float
    width_pt: float
    height_pt: float
    axes: tuple[float, float, float, float]
    x_max: float


def _layout(spec: dict[str, Any]) -> _Layout:
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    measure = TextToPath().get_text_width_height_descent
    regular = FontProperties(family=FONT_FAMILY, size=FONT_SIZE)
    bold = FontProperties(family=FONT_FAMILY, size=FONT_SIZE, weight="bold")

    def width(text: str, prop: FontProperties) -> float:
        return measure(text, prop, ismath=False)[0] if text else 0.0

    rows: list[tuple[str, float, Any]] = []
    groups: list[tuple[float, float]] = []
    y = 0.0
    for row in spec["rows"]:
        rows.append(("heading", y, row["heading"]))
        y += 1.0
        first = y
        for bar in row["bars"]:
            rows.append(("bar", y, bar))
            y += 1.0
        groups.append((first - 0.5, y - 0.5))
        y += 0.5
    units = y + 0.2  # from -0.7 to y - 0.5

    left = 14 + max(
        width(_tick_label(payload), regular)
        for kind, _, payload in rows
        if kind == "bar"
    )
    right = 10.0
    headings = max(width(p, bold) for kind, _, p in rows if kind == "heading")
    ratio = max(
        (width(p["ratio"], regular) for kind, _, p in rows if kind == "bar"),
        default=0.0,
    )
    width_pt = max(WIDTH_IN * 72, left + headings + right + 8)
    axes_w = width_pt - left - right
    top, bottom = 6.0, 4.4 * FONT_SIZE + 14
    plot_h = units * ROW_PT
    height_pt = top + plot_h + bottom
    ends = [1.0] + [
        max(p["rel"], p["high"] or 0.0)
        for kind, _, p in rows
        if kind == "bar" and p["rel"] is not None
    ]
    label_share = min(0.5, (ratio + 10) / axes_w)
    return _Layout(
        rows=rows,
        groups=groups,
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
    )


def _tick_label(bar: dict[str, Any]) -> str:
    return f"{bar['system']}  {bar['label']}"


def _draw(spec: dict[str, Any], ink: str) -> Any:
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter
    from matplotlib.transforms import offset_copy

    layout = _layout(spec)
    colours = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(spec["systems"])}
    fig = Figure(figsize=(layout.width_pt / 72, layout.height_pt / 72))
    ax = fig.add_axes(layout.axes)
    # Row labels are plain texts left of the axis: matplotlib's Tick objects
    # would cost more than the rest of the drawing.
    label_at = offset_copy(ax.get_yaxis_transform(), fig=fig, x=-6, units="points")
    for kind, pos, payload in layout.rows:
        if kind == "heading":
            ax.text(
                0.0,
                pos,
                payload,
                transform=ax.get_yaxis_transform(),
                ha="left",
                va="center",
                fontweight="bold",
                color=ink,
            )
            continue
        bar = payload
        ax.text(
            0.0,
            pos,
            _tick_label(bar),
            transform=label_at,
            ha="right",
            va="center",
            color=ink,
        )
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
        ax.annotate(
            bar["ratio"],
            xy=(end, pos),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            color=ink,
        )
    ax.set_yticks([])
    ax.set_ylim(layout.height_units - 0.5, -0.7)
    ax.set_xlim(0, layout.x_max)
    # The 1× line within each group only, so it never crosses a heading.
    for top, bottom in layout.groups:
        ax.vlines(
            1.0,
            top,
            bottom,
            colors=ink,
            linewidth=1,
            linestyles=(0, (4, 3)),
            alpha=0.7,
            zorder=1,
        )
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:g}×"))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(spec["axis"])
    return fig


def render_chart(spec: dict[str, Any], fmt: str) -> bytes:
    """Draw the chart as ``svg`` (ink = sentinel) or ``pdf`` (print ink)."""
    try:
        import io

        import matplotlib
    except ImportError as exc:
        raise ChartBackendMissingError(
            "matplotlib is not installed, so benchmark charts cannot be drawn; "
            'install it with: pip install "sphinx-versus[charts]"'
        ) from exc
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
            "font.size": FONT_SIZE,
            "text.parse_math": False,
            "text.usetex": False,
            "text.color": ink,
            "axes.edgecolor": ink,
            "axes.labelcolor": ink,
            "xtick.color": ink,
            "ytick.color": ink,
        }
    ):
        fig = _draw(spec, ink)
        fig.savefig(buffer, format=fmt, transparent=fmt == "svg", metadata=metadata)
    return buffer.getvalue()


def prepare_svg(raw: bytes) -> str:
    """matplotlib's SVG as a template: ink → currentColor, ids prefixable."""
    text = raw.decode("utf-8")
    text = text[text.index("<svg") :]
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    text = text.replace(INK.lower(), "currentColor")
    text = re.sub(r'\bid="([^"]+)"', rf'id="{_ID}\1"', text)
    text = re.sub(r"url\(#([^)]+)\)", rf"url(#{_ID}\1)", text)
    text = re.sub(r'href="#([^"]+)"', rf'href="#{_ID}\1"', text)
    return text.replace("<svg ", f"<svg {_ATTRS} ", 1)


def _with_title(template: str, prefix: str, attrs: str, title: str) -> str:
    svg = template.replace(_ID, prefix).replace(_ATTRS, attrs)
    end = svg.index(">", svg.index("<svg")) + 1
    title_tag = f'<title id="{prefix}title">{html.escape(title)}</title>'
    return svg[:end] + title_tag + svg[end:]


def inline_svg(template: str, prefix: str, title: str) -> str:
    """The chart for an HTML page: unique ids, labelled for screen readers."""
    attrs = f'class="versus-chart-svg" role="img" aria-labelledby="{prefix}title"'
    return _with_title(template, prefix, attrs, title)


def standalone_svg(template: str, title: str) -> str:
    """The chart as its own file (epub): dark ink on an opaque white ground."""
    svg = _with_title(
        template.replace("currentColor", PRINT_INK),
        "c-",
        'style="background-color: #ffffff"',
        title,
    )
    return '<?xml version="1.0" encoding="utf-8" standalone="no"?>\n' + svg
