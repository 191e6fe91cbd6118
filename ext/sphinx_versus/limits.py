"""The bounds on what a directive builds, so that no input can blow up a build.

Each limit keeps the work and the output of a build in proportion to its
input: a table's columns and cells, the length of a text read as markup.
The size of a data file (``versus_data_max_bytes``) and of a table
(``versus_table_max_cells``) are settings; the rest are fixed, because past
them the result is unreadable whatever the data.  Pure: the directives
word the messages' locations.
"""

from __future__ import annotations

#: More columns than this fit no page, screen or PDF.
MAX_COLUMNS = 40
#: The longest text (a cell, title or caption) read as inline markup.
#: docutils' inline parser takes time quadratic in the length of some text
#: (a run of ``a:`` or ``{``: 8,000 characters take seconds), so a longer
#: text is shown as it is, without markup.
MAX_MARKUP_CHARS = 1_000


#: The most elements one directive's text may make by markup.  A cell of
#: ``<`|`` × 333 is 166 code spans; a thousand such cells made 350,000
#: nodes, 15 MB of HTML and 935 MB of memory.  Past the limit, the rest of
#: the directive's text is plain text.
MAX_MARKUP_NODES = 20_000


def nodes_problem(count: int) -> str | None:
    """Why a directive whose text made *count* elements stops markup, or ``None``."""
    if count <= MAX_MARKUP_NODES:
        return None
    return (
        f"the directive's text makes more than {MAX_MARKUP_NODES} elements by "
        "markup, so the rest of it is shown as plain text; split the table "
        "or use less markup"
    )


def markup_problem(length: int) -> str | None:
    """Why a text of *length* characters is not read as markup, or ``None``."""
    if length <= MAX_MARKUP_CHARS:
        return None
    return (
        f"the text is {length} characters long, more than the "
        f"{MAX_MARKUP_CHARS} read as markup, so it is shown as plain text; "
        "shorten it or split it"
    )


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
