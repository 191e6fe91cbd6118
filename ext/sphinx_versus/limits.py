"""The bounds on what a directive builds, so that no input can blow up a build.

Each limit keeps the work and the output of a build in proportion to its
input: a table's columns and cells, a chart's bars.  The size of a data file
(``versus_data_max_bytes``) and of a table (``versus_table_max_cells``) are
settings; the rest are fixed, because past them the result is unreadable
whatever the data.  Pure: the directives word the messages' locations.
"""

from __future__ import annotations

#: More columns than this fit no page, screen or PDF.
MAX_COLUMNS = 40


def columns_problem(columns: int) -> str | None:
    """Why a table with *columns* columns is refused, or ``None``."""
    if columns <= MAX_COLUMNS:
        return None
    return (
        f"the table has {columns} columns, more than the {MAX_COLUMNS} a page "
        "can show; split it into several tables"
    )


def cells_problem(rows: int, columns: int, limit: int) -> str | None:
    """Why a table of *rows* × *columns* is refused under *limit*, or ``None``."""
    cells = rows * columns
    if cells <= limit:
        return None
    return (
        f"the table has {rows} rows of {columns} columns ({cells} cells), more "
        f"than the versus_table_max_cells limit of {limit}; split it into "
        "several tables, or raise versus_table_max_cells in conf.py"
    )
