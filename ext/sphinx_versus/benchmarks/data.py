"""The benchmark CSV file: bytes in, validated records (or located problems) out.

The records' shapes are :mod:`.records`; :func:`combine` joins several files.

Every problem names the CSV line and, where there is one, the column, so a
writer can go straight to the cell.  Cell-level problems are collected rather
than stopping at the first, so one build reports every bad cell.

Nothing here knows about Sphinx: the module is tested as plain functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sphinx_versus.benchmarks.numbers import (
    HIGHER,
    LOWER,
    Value,
    ValueFormatError,
    normalise_unit,
    parse_value,
)
from sphinx_versus.benchmarks.records import BenchmarkData, Environment, Record
from sphinx_versus.benchmarks.stats import RatioFormatError, parse_ratio
from sphinx_versus.datafiles import DataFileError, decode_text, located, read_csv
from sphinx_versus.limits import columns_problem

REQUIRED_COLUMNS = ("workload", "unit", "better")
OPTIONAL_COLUMNS = ("source", "notes", "ratio", "id")
#: A row's id: what the inline role names after ``#`` (no spaces, no ``#``).
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_KNOWN = REQUIRED_COLUMNS + OPTIONAL_COLUMNS


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file, located by line and (maybe) column."""

    message: str
    line: int | None = None
    column: int | None = None
    column_name: str | None = None

    def located(self, filename: str) -> str:
        where = located(filename, self.line, self.column)
        if self.column is not None and self.column_name:
            where += f" ({self.column_name})"
        return f"{where}: {self.message}"


class BenchmarkDataError(ValueError):
    """The file cannot be used; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.located("<csv>") for p in problems))
        self.problems = problems


def _header(row: list[str], line: int) -> tuple[dict[str, int], list[str]]:
    """Map each known column to its index and list the system columns."""
    too_wide = columns_problem(len(row))
    if too_wide:
        raise BenchmarkDataError([Problem(too_wide, line)])
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


def _rows(raw: bytes) -> tuple[list[tuple[int, list[str]]], list[tuple[str, str]]]:
    """Non-blank CSV records with the line each starts on, and the
    environment lines before the header."""
    try:
        text = decode_text(raw)
        environment, lines = _environment(text.splitlines(keepends=True))
        rows = read_csv("".join(lines).encode("utf-8"))
    except DataFileError as exc:
        raise BenchmarkDataError([Problem(exc.reason, exc.line, exc.column)]) from exc
    return [(row.line, list(row.cells)) for row in rows], environment


def _environment(lines: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """``# key: value`` lines before the header, and the text without them.

    Each is replaced by an empty line, so CSV line numbers stay the file's.
    """
    pairs: list[tuple[str, str]] = []
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        key, colon, value = stripped[1:].partition(":")
        if not colon or not key.strip():
            msg = (
                f"{stripped!r} is not an environment line; before the header, "
                "write '# key: value' (e.g. '# cpu: AMD EPYC 7B13'), or remove it"
            )
            raise DataFileError(msg, number + 1)
        pairs.append((key.strip(), value.strip()))
        lines[number] = "\n"
    return pairs, lines


def parse_benchmarks(raw: bytes, label: str = "") -> BenchmarkData:
    """Parse and validate a benchmark CSV file (UTF-8, BOM optional).

    *label* names the file's figures where it has no ``source`` column.
    """
    rows, environment = _rows(raw)
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
    ids: dict[str, int] = {}
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
        source = row[columns["source"]].strip() if "source" in columns else ""
        key = f"{workload.casefold()}\n{source.casefold()}"
        if key in first_line:
            problems.append(
                Problem(
                    f"duplicate workload {workload!r} (first on line "
                    f"{first_line[key]}); give each workload one row per source",
                    line,
                    columns["workload"] + 1,
                    "workload",
                )
            )
            continue
        if workload:
            first_line[key] = line
        if not _unique_id(row, line, columns, ids, problems):
            continue
        record = _record(row, line, columns, systems, problems)
        if record is not None:
            records.append(record)
    if problems:
        raise BenchmarkDataError(problems)
    if "source" not in columns and label:
        records = [replace(r, source=label) for r in records]
    sources = {r.source for r in records}
    single = sources.pop() if len(sources) == 1 else ""
    named = dict(environment).get("source") or single or label
    return BenchmarkData(
        systems=tuple(systems),
        records=tuple(records),
        has_source="source" in columns,
        has_notes="notes" in columns,
        has_ratio="ratio" in columns,
        environments=(Environment(named, tuple(environment)),) if environment else (),
    )


def combine(files: list[BenchmarkData]) -> BenchmarkData:
    """Several files as one comparison: each workload's rows side by side.

    Rows keep their own source (a file's ``source`` column, or its label), so
    a published claim and a measurement of the same workload sit together
    and each row's ratio and best value are computed within that row.
    """
    if len(files) == 1:
        return files[0]
    systems = tuple(dict.fromkeys(s for f in files for s in f.systems))
    order: dict[str, list[Record]] = {}
    for data in files:
        for record in data.records:
            values = {s: record.values.get(s) for s in systems}
            order.setdefault(record.workload.casefold(), []).append(
                replace(record, values=values)
            )
    return BenchmarkData(
        systems=systems,
        records=tuple(r for group in order.values() for r in group),
        has_source=True,
        has_notes=any(f.has_notes for f in files),
        environments=tuple(e for f in files for e in f.environments),
        has_ratio=any(f.has_ratio for f in files),
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
    ratio = None
    if "ratio" in columns:
        try:
            ratio = parse_ratio(cell("ratio"), systems)
        except RatioFormatError as exc:
            problems.append(Problem(str(exc), line, columns["ratio"] + 1, "ratio"))
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
        ratio=ratio,
        id=cell("id"),
    )


def _unique_id(
    row: list[str],
    line: int,
    columns: dict[str, int],
    ids: dict[str, int],
    problems: list[Problem],
) -> bool:
    """Check the row's ``id`` cell: a slug, not used by an earlier row."""
    if "id" not in columns:
        return True
    row_id = row[columns["id"]].strip()
    if not row_id:
        return True
    where = (line, columns["id"] + 1, "id")
    if not _ID.fullmatch(row_id):
        problems.append(
            Problem(
                f"{row_id!r} is not a usable id; write a slug of letters, "
                "digits, '-', '_' or '.', such as 'json-decode'",
                *where,
            )
        )
        return False
    if row_id in ids:
        problems.append(
            Problem(
                f"duplicate id {row_id!r} (first on line {ids[row_id]}); "
                "give each row its own id",
                *where,
            )
        )
        return False
    ids[row_id] = line
    return True
