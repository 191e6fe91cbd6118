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
from sphinx_versus.benchmarks.numbers import untranslated

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx_versus.benchmarks.compare import Comparison

#: Bump when the drawing changes, so cached charts are redrawn (and
#: ``ENV_VERSION`` in ``sphinx_versus/__init__.py``: the key is in the doctree).
RENDERER_VERSION = "4"

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
                "workload": f"{workload}{source}",
                "detail": f"{unit}" + better_phrase(record.better, _),
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
