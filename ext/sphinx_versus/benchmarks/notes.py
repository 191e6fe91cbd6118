"""Which of a benchmark table's texts go under it as numbered notes (pure).

A table of figures fits a theme's text column only when its cells hold
figures and short words: one long notes cell or source widens a column until
the table scrolls sideways (two sources and a notes column needed 790 to
1,000 px, more than most themes give a page at 1,280 px).  So when any row's
notes, or any row's source, is longer than :data:`NOTE_CELL_MAX` characters,
those texts are numbered notes under the table instead, and the row keeps
only the number, as a link.  A source many rows share is one note, cited by
each of them.  Numbers follow the reading order: row by row, a row's notes
(marked after its workload) before its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

#: A notes cell or source longer than this turns that column into numbered notes.
NOTE_CELL_MAX = 32


@dataclass(frozen=True)
class Note:
    """One numbered note: its text, and the first row it came from."""

    number: int
    text: str
    row: int
    kind: Literal["notes", "source"]


@dataclass(frozen=True)
class NotePlan:
    """The notes under a table, and each row's note numbers."""

    notes: tuple[Note, ...] = ()
    #: Row index → the number of that row's own notes.
    row_notes: dict[int, int] = field(default_factory=dict)
    #: Row index → the number of the note that names that row's source.
    row_sources: dict[int, int] = field(default_factory=dict)

    @property
    def numbers_notes(self) -> bool:
        return any(n.kind == "notes" for n in self.notes)

    @property
    def numbers_sources(self) -> bool:
        return any(n.kind == "source" for n in self.notes)


def plan_notes(
    notes: Sequence[str],
    sources: Sequence[str],
    width: Callable[[str], int] = len,
) -> NotePlan:
    """Number the long texts of a table's rows.

    *notes* holds each row's notes cell and *sources* each row's source, in
    row order; either is empty when the table shows no such column (a source
    every row shares is said once under the table, not here).  A column is
    numbered whole or not at all, so that a reader finds every row's notes
    in one place.  *width* measures a text as the reader sees it (a link's
    words, not its address).
    """
    number_notes = any(width(t) > NOTE_CELL_MAX for t in notes)
    number_sources = any(width(t) > NOTE_CELL_MAX for t in sources)
    found: list[Note] = []
    row_notes: dict[int, int] = {}
    row_sources: dict[int, int] = {}
    by_source: dict[str, int] = {}
    for row in range(max(len(notes), len(sources))):
        if number_notes and notes[row].strip():
            found.append(Note(len(found) + 1, notes[row], row, "notes"))
            row_notes[row] = len(found)
        if not number_sources or not sources[row].strip():
            continue
        source = sources[row]
        if source not in by_source:
            found.append(Note(len(found) + 1, source, row, "source"))
            by_source[source] = len(found)
        row_sources[row] = by_source[source]
    return NotePlan(tuple(found), row_notes, row_sources)
