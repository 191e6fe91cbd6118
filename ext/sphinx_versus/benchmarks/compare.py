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
    untranslated,
)
from sphinx_versus.benchmarks.stats import (
    CELL,
    DEFAULT_MARGIN,
    decide,
    no_difference,
    phrase,
    spreads_overlap,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from decimal import Decimal

    from sphinx_versus.benchmarks.numbers import Value
    from sphinx_versus.benchmarks.records import BenchmarkData, Environment, Record
    from sphinx_versus.benchmarks.stats import Verdict


class SelectionError(ValueError):
    """``:systems:`` or ``:baseline:`` names something the file does not have."""


@dataclass(frozen=True)
class Cell:
    """One system's figure in one row."""

    system: str
    value: Value | None
    #: The figure as shown in a table (a measurement with its spread).
    text: str
    best: bool
    #: Goodness relative to the baseline (1.0 for the baseline itself) and the
    #: range's ends on the same scale; ``None`` where undefined.
    relative: float | None
    relative_low: float | None
    relative_high: float | None
    #: "1.4× faster" against the baseline ("baseline" for the baseline); from
    #: the row's interval where it compares this system with the baseline:
    #: "4.7× faster, 95 % CI 4.5–4.9×" (no-break spaces inside each piece).
    ratio: str
    #: The row's interval verdict told from this system's side, where the
    #: interval compares it with the baseline.
    verdict: Verdict | None = None
    #: The build's language, whose decimal sign the figures use.
    language: str | None = None

    @property
    def short(self) -> str:
        """The figure without its spread (a chart draws the spread)."""
        return format_value(self.value, spread=False, language=self.language)


@dataclass(frozen=True)
class Row:
    record: Record
    cells: tuple[Cell, ...]
    #: The best figure's spread overlaps another's: within the noise, so no
    #: figure of the row is marked best.
    within_spread: bool = False
    #: What the row's ratio interval supports (``None``: the row has none, or
    #: it compares a system not shown).
    verdict: Verdict | None = None

    def cell(self, system: str) -> Cell:
        return next(c for c in self.cells if c.system == system)


@dataclass(frozen=True)
class Comparison:
    systems: tuple[str, ...]
    baseline: str
    rows: tuple[Row, ...]
    has_source: bool
    has_notes: bool
    environments: tuple[Environment, ...] = ()
    #: Rows come from more than one source (a claim and a measurement).
    several_sources: bool = False

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


def _within_spread(values: dict[str, Value | None], best: set[str]) -> bool:
    """A best measurement whose spread overlaps another measurement's
    (:func:`~.stats.spreads_overlap`, the one policy for rows without an
    interval)."""
    return any(
        spreads_overlap(values[system], theirs)
        for system in best
        for other, theirs in values.items()
        if other not in best
    )


def _supported(
    values: dict[str, Value | None], best: set[str], verdict: Verdict
) -> tuple[set[str], bool]:
    """The best figure the interval supports, and whether a system the
    interval does not cover is within the spread of it."""
    if verdict.winner is None or verdict.winner not in best:
        return set(), False
    pair = {verdict.subject, verdict.other}
    rest = {s: v for s, v in values.items() if s not in pair or s == verdict.winner}
    if _within_spread(rest, {verdict.winner}):
        return set(), True
    return {verdict.winner}, False


def _row(
    record: Record,
    systems: tuple[str, ...],
    baseline: str,
    _: Callable[[str], str],
    margin: Decimal = DEFAULT_MARGIN,
    language: str | None = None,
) -> Row:
    values = {s: record.values[s] for s in systems}
    best = _best(values, record.better)
    interval = record.ratio
    verdict = None
    if interval is not None and {interval.numerator, interval.denominator} <= set(
        systems
    ):
        verdict = decide(interval, record.better, margin)
    if verdict is not None:
        best, within_spread = _supported(values, best, verdict)
    else:
        within_spread = _within_spread(values, best)
        if within_spread:
            best = set()
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
        told = None
        if system == baseline:
            ratio = _("baseline")
        elif verdict is not None and {system, baseline} == {
            verdict.subject,
            verdict.other,
        }:
            told = verdict.towards(system)
            ratio = phrase(told, record.unit, record.better, CELL, _, language)
        elif spreads_overlap(base, value):
            ratio = no_difference(_)
        else:
            unit, better = record.unit, record.better
            ratio = compare_values(base, value, unit, better, _, language)[1]
        cells.append(
            Cell(
                system,
                value,
                format_value(value, language=language),
                system in best,
                relative,
                low,
                high,
                ratio,
                told,
                language,
            )
        )
    return Row(record, tuple(cells), within_spread, verdict)


def compare(
    data: BenchmarkData,
    systems: Sequence[str] | None = None,
    baseline: str | None = None,
    _: Callable[[str], str] = untranslated,
    margin: Decimal = DEFAULT_MARGIN,
    language: str | None = None,
) -> Comparison:
    """Everything a view needs, for the chosen systems against the baseline.

    A row with a ratio interval (``ratio`` column) is judged by it: its ratio
    cell says what the interval supports, and a figure is best only where
    the interval shows it better by more than *margin*.  Figures use
    *language*'s decimal sign and digit grouping (English by default).
    """
    chosen, base = select_systems(data.systems, systems, baseline)
    return Comparison(
        systems=chosen,
        baseline=base,
        rows=tuple(_row(r, chosen, base, _, margin, language) for r in data.records),
        has_source=data.has_source or len(data.sources) > 1,
        has_notes=data.has_notes,
        environments=data.environments,
        several_sources=len(data.sources) > 1,
    )


def better_phrase(better: str, _: Callable[[str], str] = untranslated) -> str:
    return _("higher is better") if better == HIGHER else _("lower is better")


def describe(
    comparison: Comparison,
    _: Callable[[str], str] = untranslated,
    lead: str | None = None,
) -> str:
    """A text alternative that states every figure (the chart's alt text);
    *lead*, its first sentence, says what the bars are (default: ratios)."""
    base = comparison.baseline
    others = comparison.others
    names = others[0] if len(others) == 1 else ", ".join(others)
    parts = [
        lead
        or _(
            "Bar chart of {names} relative to {base} ({base} = 1×; "
            "a longer bar is better)."
        ).format(names=names, base=base)
    ]
    for row in comparison.rows:
        record = row.record
        has_base = row.cell(base).value is not None
        unit = f"{record.unit}, " if record.unit else ""
        figures = ", ".join(
            f"{c.system} {c.text if c.value is not None else _('no data')}"
            for c in row.cells
        )
        ratios = "; ".join(
            f"{c.system} {c.ratio}"
            for c in row.cells
            if c.system != base and c.value is not None and has_base
        )
        source = f", {record.source}" if comparison.several_sources else ""
        phrase = better_phrase(record.better, _)
        sentence = f"{record.workload} ({unit}{phrase}{source}): "
        sentence += figures + (f"; {ratios}" if ratios else "") + "."
        parts.append(sentence)
    return " ".join(parts)
