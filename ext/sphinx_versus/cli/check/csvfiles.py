"""Numbers in CSV files that two readers read differently.

``"2,520"`` is 2520 to the benchmark reader (a comma groups thousands), but
2.52 to anyone who writes decimals with a comma; the build accepts it
without a word.  Writing ``2520`` (or ``2.52``) leaves no doubt.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sphinx_versus.cli.problems import Problem

if TYPE_CHECKING:
    from pathlib import Path

#: A figure with a comma: digits, commas, an optional decimal part, an
#: optional range end or K/M/G suffix.
_COMMA_FIGURE = re.compile(r"^[+-]?\d[\d,]*,\d+(?:\.\d+)?[KMGkmg]?$")

#: Benchmark columns whose cells the page's parser reads as Markdown.
_MARKUP_COLUMNS = frozenset({"notes", "source"})
#: A footnote reference or a cross-reference target written in a cell.
_REFERENCE = re.compile(r"\[\^[^\]]+\]|\{(?:ref|doc|numref)\}`[^`]*`|\(\S+\)=")


def check_csv(path: Path, shown: str) -> list[Problem]:
    """Figures with a comma in a benchmark CSV (one with a workload column)."""
    from sphinx_versus.datafiles import DataFileError, read_csv

    raw = path.read_bytes()
    try:
        rows = read_csv(raw)
    except DataFileError:
        return []  # the build reports a broken file, located
    records = [r for r in rows if r.cells and not r.cells[0].startswith("#")]
    if not records or "workload" not in {c.lower() for c in records[0].cells}:
        return []
    lines = raw.decode("utf-8-sig", errors="replace").splitlines()
    problems = []
    header = [c.lower() for c in records[0].cells]
    for row in records[1:]:
        text = lines[row.line - 1] if row.line <= len(lines) else ""
        for column, cell in zip(header, row.cells, strict=False):
            if column not in _MARKUP_COLUMNS and (ref := _REFERENCE.search(cell)):
                problems.append(
                    Problem(
                        shown,
                        row.line,
                        text.find(ref.group()) + 1 or 1,
                        "footnote",
                        f"'{ref.group()}' in the {column} column is shown as "
                        "written: only the notes and source columns are Markdown; "
                        "put the footnote or target in the row's notes",
                    )
                )
            for part in re.split(r"\s*[-–]\s*(?=\d)", cell):
                if not _COMMA_FIGURE.match(part):
                    continue
                read = part.replace(",", "")
                decimal = part.replace(",", ".", 1) if part.count(",") == 1 else None
                meant = (
                    f"{read}, or {decimal} if you meant a decimal" if decimal else read
                )
                elsewhere = (
                    f"; where a comma marks decimals it means {decimal}"
                    if decimal
                    else ""
                )
                problems.append(
                    Problem(
                        shown,
                        row.line,
                        text.find(part) + 1 or 1,
                        "number",
                        f"'{part}' is read as {read} (a comma groups thousands "
                        f"here{elsewhere}); write {meant}",
                    )
                )
    return problems
