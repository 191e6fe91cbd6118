"""What a benchmark chart draws, shaped from a comparison: plain data.

The spec is JSON-able (it is stored in the doctree) and names the drawing:
its content hash is the cache key, so an unchanged chart is never drawn
again.  Nothing here imports matplotlib; labels are cut to a bounded length
here, and the text alternative keeps the whole text.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from sphinx_versus.benchmarks.compare import better_phrase
from sphinx_versus.benchmarks.numbers import HIGHER, normalise_unit, untranslated

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx_versus.benchmarks.compare import Cell, Comparison, Row

#: Bump when the drawing changes, so cached charts are redrawn (and
#: ``ENV_VERSION`` in ``sphinx_versus/__init__.py``: the key is in the doctree).
RENDERER_VERSION = "7"

#: The longest label of each kind the chart draws, in characters; the drawing
#: cuts a label further (with an ellipsis) where its column is narrower, and
#: the table and the text alternative keep the whole text.
LABEL_LIMITS = {"workload": 60, "system": 30, "source": 60}
#: What the chart draws for a character its font lacks.
REPLACEMENT = "\ufffd"

#: ``:values:``: each system relative to the baseline, or its own figure.
VALUES = ("ratio", "absolute")
#: ``:scale:``: the x axis.
SCALES = ("linear", "log")


def short_label(text: str, kind: str) -> str:
    """*text* on one line, cut to the chart's limit for its *kind*."""
    text = " ".join(text.split())
    limit = LABEL_LIMITS[kind]
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bar(cell: Cell, label: str, _: Callable[[str], str]) -> dict[str, Any]:
    """One bar: the system's figure relative to the baseline's.

    Only a measurement's spread is an error bar: a claim's range
    ("150K–200K") is an approximation, not repeated runs, so the chart's
    error bars have one meaning, stated in its legend.
    """
    measured = cell.value is not None and cell.value.center is not None
    spread = measured and cell.relative_low != cell.relative_high
    return {
        "label": label,
        "system": short_label(cell.system, "system"),
        "ratio": cell.ratio if cell.relative is not None else _("no data"),
        "rel": cell.relative,
        "low": cell.relative_low if spread else None,
        "high": cell.relative_high if spread else None,
    }


def _by_source(comparison: Comparison) -> list[tuple[str, list[Row]]]:
    """Rows grouped by source (claims apart from measurements), each group in
    the file's order; one unnamed group when there is one source."""
    if not comparison.several_sources:
        return [("", list(comparison.rows))]
    groups: dict[str, list[Row]] = {}
    for row in comparison.rows:
        groups.setdefault(row.record.source, []).append(row)
    return list(groups.items())


def shared_unit(comparison: Comparison) -> str | None:
    """The one unit every workload shown has (``:values: absolute`` draws
    one axis), or ``None`` when they differ."""
    units = {normalise_unit(row.record.unit) for row in comparison.rows}
    return units.pop() if len(units) == 1 else None


def _absolute_bar(cell: Cell, _: Callable[[str], str]) -> dict[str, Any]:
    """One bar: the system's own figure; a measurement's spread as error bar."""
    value = cell.value
    bar: dict[str, Any] = {
        "label": short_label(cell.system, "workload"),
        "system": short_label(cell.system, "system"),
        "ratio": _("no data") if value is None else cell.short,
        "rel": None if value is None else float(value.midpoint),
        "low": None,
        "high": None,
    }
    if value is not None and value.center is not None and value.is_range:
        bar.update(low=float(value.low), high=float(value.high))
    return bar


def _ratio_items(comparison: Comparison, _: Callable[[str], str]) -> list[list[Any]]:
    base = comparison.baseline
    others = comparison.others
    items: list[list[Any]] = []
    for source, rows in _by_source(comparison):
        if source:
            items.append(["group", short_label(source, "source")])
        for row in rows:
            workload = short_label(row.record.workload, "workload")
            if len(others) > 1:
                items.append(["heading", workload])
            for system in others:
                label = workload if len(others) == 1 else system
                bar = _bar(row.cell(system), short_label(label, "workload"), _)
                if row.cell(base).value is None:
                    bar.update(ratio=_("no data"), rel=None, low=None, high=None)
                items.append(["bar", bar])
    return items


def _absolute_items(comparison: Comparison, _: Callable[[str], str]) -> list[list[Any]]:
    items: list[list[Any]] = []
    for source, rows in _by_source(comparison):
        if source:
            items.append(["group", short_label(source, "source")])
        for row in rows:
            phrase = better_phrase(row.record.better, _)
            workload = short_label(row.record.workload, "workload")
            items.append(["heading", f"{workload} ({phrase})"])
            items += [["bar", _absolute_bar(c, _)] for c in row.cells]
    return items


def _legend(
    comparison: Comparison, values: str, scale: str, _: Callable[[str], str]
) -> list[str]:
    base = short_label(comparison.baseline, "system")
    if values == "absolute":
        unit = shared_unit(comparison) or ""
        lines = [
            _("Each system's own figure, in {unit}.").format(unit=unit)
            if unit
            else _("Each system's own figure.")
        ]
    elif scale == "log":
        lines = [
            _(
                "Relative to {base} ({base} = 1×); a bar right of the 1× line "
                "is better, one left of it worse."
            ).format(base=base)
        ]
    else:
        lines = [
            _("Relative to {base} ({base} = 1×); a longer bar is better.").format(
                base=base
            )
        ]
    if values == "ratio" and any(r.record.better != HIGHER for r in comparison.rows):
        lines.append(
            _(
                "For lower-is-better workloads the ratio is inverted ({base} ÷ system)."
            ).format(base=base)
        )
    if scale == "log":
        lines.append(_("The axis is logarithmic: equal steps are equal factors."))
    return lines


def chart_spec(
    comparison: Comparison,
    _: Callable[[str], str] = untranslated,
    *,
    values: str = "ratio",
    scale: str = "linear",
    language: str | None = None,
) -> dict[str, Any]:
    """Everything drawn, as plain JSON-able data (stored in the doctree).

    By default one bar per workload and system other than the baseline (the
    baseline is the 1× line); with several such systems, each workload is a
    heading over one bar per system.  ``values="absolute"``: each workload a
    heading over every system's own figure.  Its text is in the build's
    language (``_``, and *language* for the axis's numbers), so a translated
    chart has a key and a drawing of its own.
    """
    absolute = values == "absolute"
    items = (_absolute_items if absolute else _ratio_items)(comparison, _)
    legend = _legend(comparison, values, scale, _)
    if any(item[0] == "bar" and item[1]["low"] is not None for item in items):
        legend.append(
            _(
                "Error bars: the spread of each measurement, as its data file "
                "gives it; a claim's range is not drawn."
            )
        )
    systems = comparison.systems if absolute else comparison.others
    return {
        "systems": [short_label(s, "system") for s in systems],
        "items": items,
        "legend": legend,
        "values": values,
        "scale": scale,
        "language": language,
    }


def unloggable(spec: dict[str, Any]) -> str | None:
    """The label of the first bar a logarithmic axis cannot show (a figure
    of 0), or ``None``."""
    for kind, payload in spec["items"]:
        if kind == "bar" and payload["rel"] is not None and payload["rel"] <= 0:
            return str(payload["label"])
    return None


def chart_key(spec: dict[str, Any]) -> str:
    """Content hash naming the cached files: same drawing, same name."""
    payload = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(f"{RENDERER_VERSION}\n{payload}".encode())
    return digest.hexdigest()[:32]


def spec_texts(spec: dict[str, Any]) -> list[str]:
    """Every string the drawing shows (for the font's glyph check)."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(spec)
    return found


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
