"""The cells of a benchmark table: a figure with its spread, a ratio phrase,
a note's number, and each column's width.

Kept apart from :mod:`.table`, which decides what goes in which row and
what goes under the table; here only how one cell is made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_versus.benchmarks.numbers import EM_DASH
from sphinx_versus.benchmarks.stats import NBSP
from sphinx_versus.benchmarks.words import phrase_nodes

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx_versus.benchmarks.compare import Cell


def cell_entry(
    *children: nodes.Node,
    classes: list[str] | None = None,
    messages: Sequence[nodes.Node] = (),
) -> nodes.entry:
    entry = nodes.entry(classes=classes or [])
    entry += nodes.paragraph("", "", *children)
    entry.extend(messages)
    return entry


def figure_entry(cell: Cell) -> nodes.entry:
    if cell.value is None:
        return cell_entry(
            nodes.inline(EM_DASH, EM_DASH, classes=["versus-no-data"]),
            classes=["versus-num"],
        )
    # "27.6K (24.7K–29.2K)", "2.1 ± 0.1": the figure and its spread each stay
    # whole, but a narrow column may put the spread on a line of its own.
    figure, _space, spread = cell.text.partition(" ")
    pieces: list[nodes.Node] = [nodes.Text(cell.text)]
    if spread:
        pieces = [
            nodes.inline(figure, figure, classes=["versus-figure"]),
            nodes.Text(" "),
            nodes.inline(spread, spread, classes=["versus-figure"]),
        ]
    # One element for the value, so that a card's label and value are a pair.
    wraps = ["versus-spread"] if spread else []
    if cell.best:
        value: nodes.Node = nodes.strong(
            "", "", *pieces, classes=["versus-best", *wraps]
        )
    elif spread:
        value = nodes.inline("", "", *pieces, classes=wraps)
    else:
        value = pieces[0]
    return cell_entry(value, classes=["versus-num"])


def column_width(head: str, cells: list[str]) -> int:
    """Relative width from the text; the text writer uses it as characters.

    A cell with no-break spaces (a ratio with its interval) gets its whole
    length: the text writer would otherwise wrap it at those spaces.
    """
    glued = [len(c) for c in cells if NBSP in c]
    return max(min(30, max(len(head), *(len(c) for c in cells), 1)), *glued, 1)


def ratio_nodes(cell: Cell) -> list[nodes.Node]:
    """A phrase from an interval as its glued pieces, which may go on two
    lines between them; a plain ratio ("1.4× faster") as before (a narrow
    PDF column may still need its one break)."""
    if cell.verdict is not None:
        # The cell is a number column (kept on one line); like a figure with
        # its spread, the phrase may break between its pieces, never inside.
        pieces = phrase_nodes(cell.ratio)
        return [nodes.inline("", "", *pieces, classes=["versus-spread"])]
    return [nodes.Text(cell.ratio)]


def note_mark(note_id: str) -> nodes.Node:
    """A note's number as a superscript link to it."""
    number = note_id.rsplit("-", 1)[1]
    mark = nodes.reference(
        number, number, refid=note_id, internal=True, classes=["versus-note-ref"]
    )
    return nodes.superscript("", "", mark)
