"""The benchmark CSV file: bytes in, validated records (or located problems) out.

Every problem names the CSV line and, where there is one, the column, so a
writer can go straight to the cell.  Cell-level problems are collected rather
than stopping at the first, so one build reports every bad cell.

Nothing here knows about Sphinx: the module is tested as plain functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sphinx_versus.benchmarks.numbers import (
    HIGHER,
    LOWER,
    Value,
    ValueFormatError,
    normalise_unit,
    parse_value,
)
from sphinx_versus.datafiles import DataFileError, read_csv

REQUIRED_COLUMNS = ("workload", "unit", "better")
OPTIONAL_COLUMNS = ("source", "notes")
_KNOWN = REQUIRED_COLUMNS + OPTIONAL_COLUMNS


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file, located by line and (maybe) column."""

    message: str
    line: int | None = None
    column: int | None = None
    column_name: str | None = None

    def located(self, filename: str) -> str:
        where = filename if self.line is None else f"{filename}:{self.line}"
        if self.column is not None:
            where += f", column {self.column}"
            if self.column_name:
                where += f" ({self.column_name})"
        return f"{where}: {self.message}"


class BenchmarkDataError(ValueError):
    """The file cannot be used; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.located("<csv>") for p in problems))
        self.problems = problems


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


@dataclass(frozen=True)
class BenchmarkData:
    """The whole file: systems in column order and rows in file order."""

    systems: tuple[str, ...]
    records: tuple[Record, ...]
    has_source: bool = False
    has_notes: bool = False


def _header(row: list[str], line: int) -> tuple[dict[str, int], list[str]]:
    """Map each known column to its index and list the system columns."""
    problems: list[Problem] = []
    columns: dict[str, int] = {}
    systems: list[str] = []
    seen: dict[str, int] = {}
    for index, cell in enumerate(row):
        name = cell.strip()
        if not name:
            if index == len(row) - 1 and index > 0:
                continue  # a trailing comma after the header
            problems.append(
                Problem(
                    "the header cell is empty; give every column a name",
                    line,
                    index + 1,
                )
            )
            continue
        key = name.lower()
        if key in seen:
            problems.append(
                Problem(
                    f"duplicate column {name!r} (also column {seen[key]})",
                    line,
                    index + 1,
                    name,
                )
            )
            continue
        seen[key] = index + 1
        if key in _KNOWN:
            columns[key] = index
        else:
            systems.append(name)
            columns[name] = index
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        problems.append(
            Problem(
                f"missing required column{'s' if len(missing) > 1 else ''} "
                f"{', '.join(repr(m) for m in missing)}; the header has "
                f"{', '.join(repr(c.strip()) for c in row)} and needs "
                f"workload, unit, better, then one column per system",
                line,
            )
        )
    elif len(systems) < 2 and not problems:
        found = ", ".join(repr(s) for s in systems) or "none"
        problems.append(
            Problem(
                f"needs at least two system columns to compare (columns other "
                f"than {', '.join(_KNOWN)}); found {found}",
                line,
            )
        )
    if problems:
        raise BenchmarkDataError(problems)
    return columns, systems


def _rows(raw: bytes) -> list[tuple[int, list[str]]]:
    """Non-blank CSV records with the line each starts on."""
    try:
        return [(row.line, list(row.cells)) for row in read_csv(raw)]
    except DataFileError as exc:
        raise BenchmarkDataError([Problem(exc.reason, exc.line, exc.column)]) from exc


def parse_benchmarks(raw: bytes) -> BenchmarkData:
    """Parse and validate a benchmark CSV file (UTF-8, BOM optional)."""
    rows = _rows(raw)
    if not rows:
        raise BenchmarkDataError(
            [
                Problem(
                    "the file is empty; it needs a header row "
                    "(workload,unit,better,<system>,<system>,...) and a row "
                    "per workload"
                )
            ]
        )
    header_line, header = rows[0]
    columns, systems = _header(header, header_line)
    if len(rows) == 1:
        raise BenchmarkDataError(
            [
                Problem(
                    "the file has a header row but no data rows; add one row "
                    "per workload",
                    header_line,
                )
            ]
        )
    width = len(header)
    problems: list[Problem] = []
    records: list[Record] = []
    first_line: dict[str, int] = {}
    for line, row in rows[1:]:
        extra = row[width:]
        if len(row) < width or any(cell.strip() for cell in extra):
            problems.append(
                Problem(
                    f"has {len(row)} fields but the header has {width}; "
                    f"quote fields that contain commas",
                    line,
                )
            )
            continue
        workload = row[columns["workload"]].strip()
        key = workload.casefold()
        if key in first_line:
            problems.append(
                Problem(
                    f"duplicate workload {workload!r} (first on line "
                    f"{first_line[key]}); give each workload one row",
                    line,
                    columns["workload"] + 1,
                    "workload",
                )
            )
            continue
        if workload:
            first_line[key] = line
        record = _record(row, line, columns, systems, problems)
        if record is not None:
            records.append(record)
    if problems:
        raise BenchmarkDataError(problems)
    return BenchmarkData(
        systems=tuple(systems),
        records=tuple(records),
        has_source="source" in columns,
        has_notes="notes" in columns,
    )


def _record(
    row: list[str],
    line: int,
    columns: dict[str, int],
    systems: list[str],
    problems: list[Problem],
) -> Record | None:
    """Validate one data row; append its problems and return ``None`` if any."""
    before = len(problems)

    def cell(name: str) -> str:
        return row[columns[name]].strip() if name in columns else ""

    workload = cell("workload")
    if not workload:
        problems.append(
            Problem(
                "the workload is empty; name what was measured",
                line,
                columns["workload"] + 1,
                "workload",
            )
        )
    better = cell("better").lower()
    if better not in (HIGHER, LOWER):
        problems.append(
            Problem(
                f"'better' must be 'higher' or 'lower', not {cell('better')!r}",
                line,
                columns["better"] + 1,
                "better",
            )
        )
    values: dict[str, Value | None] = {}
    for system in systems:
        try:
            values[system] = parse_value(row[columns[system]])
        except ValueFormatError as exc:
            problems.append(Problem(str(exc), line, columns[system] + 1, system))
    if len(problems) > before:
        return None
    return Record(
        workload=workload,
        unit=normalise_unit(cell("unit")),
        better=better,
        values=values,
        source=cell("source"),
        notes=cell("notes"),
        line=line,
    )
