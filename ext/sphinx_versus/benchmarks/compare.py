"""The arithmetic both directives share: chosen systems, best values, ratios.

The table and the chart are two views of one :class:`Comparison`, so they can
never disagree about which value is best or how much faster something is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sphinx_versus.benchmarks.numbers import (
    HIGHER,
    compare_values,
    format_value,
    goodness,
)

if TYPE_CHECKING:
    from collections.abc import Sequence
    from decimal import Decimal

    from sphinx_versus.benchmarks.data import BenchmarkData, Record
    from sphinx_versus.benchmarks.numbers import Value


class SelectionError(ValueError):
    """``:systems:`` or ``:baseline:`` names something the file does not have."""


@dataclass(frozen=True)
class Cell:
    """One system's figure in one row."""

    system: str
    value: Value | None
    text: str
    best: bool
    #: Goodness relative to the baseline (1.0 for the baseline itself) and the
    #: range's ends on the same scale; ``None`` where undefined.
    relative: float | None
    relative_low: float | None
    relative_high: float | None
    #: "1.4× faster" against the baseline ("baseline" for the baseline).
    ratio: str


@dataclass(frozen=True)
class Row:
    record: Record
    cells: tuple[Cell, ...]

    def cell(self, system: str) -> Cell:
        return next(c for c in self.cells if c.system == system)


@dataclass(frozen=True)
class Comparison:
    systems: tuple[str, ...]
    baseline: str
    rows: tuple[Row, ...]
    has_source: bool
    has_notes: bool

    @property
    def others(self) -> tuple[str, ...]:
        return tuple(s for s in self.systems if s != self.baseline)


def _known(systems: Sequence[str]) -> str:
    return ", ".join(repr(s) for s in systems)


def select_systems(
    available: Sequence[str], systems: Sequence[str] | None, baseline: str | None
) -> tuple[tuple[str, ...], str]:
    """Validate ``:systems:`` and ``:baseline:`` against the file's columns."""
    chosen = tuple(systems) if systems else tuple(available)
    unknown = [s for s in chosen if s not in available]
    if unknown:
        raise SelectionError(
            f":systems: names {_known(unknown)}, which the file does not have; "
            f"the known systems are {_known(available)}"
        )
    duplicates = sorted(s for s, n in Counter(chosen).items() if n > 1)
    if duplicates:
        raise SelectionError(f":systems: lists {_known(duplicates)} more than once")
    if len(chosen) < 2:
        raise SelectionError(
            f":systems: needs at least two systems to compare, got "
            f"{_known(chosen)}; the known systems are {_known(available)}"
        )
    if baseline is None:
        return chosen, chosen[0]
    if baseline not in available:
        raise SelectionError(
            f":baseline: {baseline!r} is not a system in the file; the known "
            f"systems are {_known(available)}"
        )
    if baseline not in chosen:
        raise SelectionError(
            f":baseline: {baseline!r} is not one of the :systems: "
            f"({_known(chosen)}); add it there or pick one of them"
        )
    return chosen, baseline


def _relative(value: Decimal, base: Decimal, better: str) -> float | None:
    factor = goodness(base, value, better)
    return None if factor is None else float(factor)


def _best(values: dict[str, Value | None], better: str) -> set[str]:
    """Systems with the best midpoint; none if fewer than two have data or
    all are equal (then nothing stands out)."""
    mids = {s: v.midpoint for s, v in values.items() if v is not None}
    if len(mids) < 2 or len(set(mids.values())) == 1:
        return set()
    target = max(mids.values()) if better == HIGHER else min(mids.values())
    return {s for s, m in mids.items() if m == target}


def _row(record: Record, systems: tuple[str, ...], baseline: str) -> Row:
    values = {s: record.values[s] for s in systems}
    best = _best(values, record.better)
    base = values[baseline]
    cells = []
    for system in systems:
        value = values[system]
        relative = low = high = None
        if value is not None and base is not None:
            mid = base.midpoint
            relative = _relative(value.midpoint, mid, record.better)
            ends = [
                _relative(value.low, mid, record.better),
                _relative(value.high, mid, record.better),
            ]
            if None not in ends:
                low, high = sorted(e for e in ends if e is not None)
        if system == baseline:
            ratio = "baseline"
        else:
            _, ratio = compare_values(base, value, record.unit, record.better)
        cells.append(
            Cell(
                system,
                value,
                format_value(value),
                system in best,
                relative,
                low,
                high,
                ratio,
            )
        )
    return Row(record, tuple(cells))


def compare(
    data: BenchmarkData,
    systems: Sequence[str] | None = None,
    baseline: str | None = None,
) -> Comparison:
    """Everything a view needs, for the chosen systems against the baseline."""
    chosen, base = select_systems(data.systems, systems, baseline)
    return Comparison(
        systems=chosen,
        baseline=base,
        rows=tuple(_row(r, chosen, base) for r in data.records),
        has_source=data.has_source,
        has_notes=data.has_notes,
    )


def better_phrase(better: str) -> str:
    return f"{better} is better"


def describe(comparison: Comparison) -> str:
    """A text alternative that states every figure (the chart's alt text)."""
    base = comparison.baseline
    others = comparison.others
    names = others[0] if len(others) == 1 else ", ".join(others)
    parts = [
        f"Bar chart of {names} relative to {base} ({base} = 1×; a longer bar "
        f"is better)."
    ]
    for row in comparison.rows:
        record = row.record
        has_base = row.cell(base).value is not None
        unit = f"{record.unit}, " if record.unit else ""
        figures = ", ".join(
            f"{c.system} {c.text if c.value is not None else 'no data'}"
            for c in row.cells
        )
        ratios = "; ".join(
            f"{c.system} {c.ratio}"
            for c in row.cells
            if c.system != base and c.value is not None and has_base
        )
        sentence = f"{record.workload} ({unit}{better_phrase(record.better)}): "
        sentence += figures + (f"; {ratios}" if ratios else "") + "."
        parts.append(sentence)
    return " ".join(parts)
