"""A Markdown table of figures -> a benchmark CSV, or the reason it is not one.

The benchmark CSV needs a unit and a direction (``better``) per row, which an
article's table rarely states.  The unit is taken from the figures
(``~2ms``) or from the workload's own words (``requests/sec``); the direction
from the unit (times and sizes: lower; rates: higher).  Each such reading is
reported, and a table where either cannot be read stays a Markdown table.
The CSV is checked by the benchmark reader itself before it is written.
"""

from __future__ import annotations

import csv
import io
import re

_FIGURE = re.compile(
    r"^(?P<number>[~≈<>]?\s*\d[\d.,]*(?:[KMG](?![A-Za-z]))?"
    r"(?:\s*[-–]\s*\d[\d.,]*(?:[KMG](?![A-Za-z]))?)?)"
    r"\s*(?P<unit>[^\d\s~].*)?$"
)
_LOWER_UNITS = {
    "ns",
    "µs",
    "μs",
    "us",
    "ms",
    "s",
    "sec",
    "min",
    "h",
    "b",
    "kb",
    "mb",
    "gb",
    "kib",
    "mib",
    "gib",
}
_RATE = re.compile(r"\S+/(?:s|sec|second|min)\b|\bper second\b", re.I)


def _split(cell: str) -> tuple[str, str] | None:
    match = _FIGURE.match(cell.strip())
    if match is None:
        return None
    return match["number"].replace(" ", ""), (match["unit"] or "").strip()


def table_to_csv(rows: list[list[str]], source: str) -> tuple[str, list[str]] | str:
    """The CSV text and what was inferred, or why the table is kept as is."""
    if len(rows) < 2 or len(rows[0]) < 3:
        return "a benchmark table needs a workload column and two systems"
    header, body = rows[0], rows[1:]
    systems = [h.strip() for h in header[1:]]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["workload", "unit", "better", *systems, "source"])
    guesses: list[str] = []
    for number, row in enumerate(body, 2):
        workload = row[0].strip()
        split: list[tuple[str, str]] = []
        for cell in row[1:]:
            figure = _split(cell)
            if figure is None:
                return f"row {number} ('{workload}'): '{cell}' is not a figure"
            split.append(figure)
        units = {u for _, u in split if u}
        figures = [n for n, _ in split]
        if len(units) > 1:
            return (
                f"row {number} ('{workload}'): figures in different units "
                f"{sorted(units)}"
            )
        rate = _RATE.search(workload)
        unit = units.pop() if units else (rate.group() if rate else "")
        if not unit:
            return (
                f"row {number} ('{workload}'): no unit in the figures or the workload"
            )
        if unit.lower() in _LOWER_UNITS:
            better = "lower"
        elif "/" in unit or rate:
            better = "higher"
        else:
            return (
                f"row {number} ('{workload}'): cannot tell whether a higher or "
                f"lower {unit} is better"
            )
        guesses.append(
            f"row '{workload}': unit '{unit}' and better={better} read from "
            f"{'the figures' if unit not in workload else 'the workload'}; check them"
        )
        writer.writerow([workload, unit, better, *figures, source])
    text = out.getvalue()
    from sphinx_versus.benchmarks.data import BenchmarkDataError, parse_benchmarks

    try:
        parse_benchmarks(text.encode("utf-8"))
    except BenchmarkDataError as err:
        return f"the figures do not read as benchmark figures ({err})"
    return text, guesses
