"""What a benchmark file holds once read: its rows, systems and environment.

The shapes :mod:`.data` produces and the comparison, the tables, the chart
and the roles read; no parsing here, so a reader of records never depends
on the CSV reader.  Nothing here knows about Sphinx.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx_versus.benchmarks.numbers import Value
    from sphinx_versus.benchmarks.stats import RatioInterval


@dataclass(frozen=True)
class Record:
    """One workload row, values keyed by system name."""

    workload: str
    unit: str
    better: str
    values: dict[str, Value | None]
    source: str = ""
    notes: str = ""
    line: int = 0
    #: The measured ratio of two systems with its 95 % interval, if given.
    ratio: RatioInterval | None = None
    #: The row's stable slug (the ``id`` column), or ``""``.
    id: str = ""


@dataclass(frozen=True)
class Environment:
    """Where one file's figures come from: its ``# key: value`` lines."""

    label: str
    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class BenchmarkData:
    """The whole file: systems in column order and rows in file order."""

    systems: tuple[str, ...]
    records: tuple[Record, ...]
    has_source: bool = False
    has_notes: bool = False
    environments: tuple[Environment, ...] = ()
    has_ratio: bool = False

    def by_id(self, row_id: str) -> Record | None:
        """The row whose ``id`` is *row_id*, if any."""
        return next((r for r in self.records if r.id and r.id == row_id), None)

    @property
    def sources(self) -> tuple[str, ...]:
        """The distinct sources of the rows, in order of appearance."""
        return tuple(dict.fromkeys(r.source for r in self.records))
