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

from sphinx_versus.benchmarks.numbers import HIGHER, untranslated

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx_versus.benchmarks.compare import Cell, Comparison, Row

#: Bump when the drawing changes, so cached charts are redrawn (and
#: ``ENV_VERSION`` in ``sphinx_versus/__init__.py``: the key is in the doctree).
RENDERER_VERSION = "6"

#: The longest label of each kind the chart draws, in characters; the drawing
#: cuts a label further (with an ellipsis) where its column is narrower, and
#: the table and the text alternative keep the whole text.
LABEL_LIMITS = {"workload": 60, "system": 30, "source": 60}
#: What the chart draws for a character its font lacks.
REPLACEMENT = "\ufffd"


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


def chart_spec(
    comparison: Comparison, _: Callable[[str], str] = untranslated
) -> dict[str, Any]:
    """Everything drawn, as plain JSON-able data (stored in the doctree).

    One bar per workload and system other than the baseline (the baseline is
    the 1× line); with several such systems, each workload is a heading over
    one bar per system.  Its text is in the build's language (``_``), so a
    translated chart has a key and a drawing of its own.
    """
    base = comparison.baseline
    others = comparison.others
    items: list[list[Any]] = []
    lower = spread = False
    for source, rows in _by_source(comparison):
        if source:
            items.append(["group", short_label(source, "source")])
        for row in rows:
            workload = short_label(row.record.workload, "workload")
            lower = lower or row.record.better != HIGHER
            if len(others) > 1:
                items.append(["heading", workload])
            for system in others:
                label = workload if len(others) == 1 else system
                bar = _bar(row.cell(system), short_label(label, "workload"), _)
                if row.cell(base).value is None:
                    bar.update(ratio=_("no data"), rel=None, low=None, high=None)
                spread = spread or bar["low"] is not None
                items.append(["bar", bar])
    legend = [_("Relative to {base} ({base} = 1×); a longer bar is better.")]
    if lower:
        legend.append(
            _("For lower-is-better workloads the ratio is inverted ({base} ÷ system).")
        )
    if spread:
        legend.append(
            _(
                "Error bars: the spread of each measurement, as its data file "
                "gives it; a claim's range is not drawn."
            )
        )
    return {
        "systems": [short_label(s, "system") for s in others],
        "items": items,
        "legend": [line.format(base=short_label(base, "system")) for line in legend],
    }


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
