"""HTML: every versus table fits its column, or says that it scrolls.

Each versus table sits in a box that scrolls sideways on its own, so a wide
table never makes the whole page scroll, and the box shows a scroll shadow
(versus-tables.css) whenever it hides columns.  Tables of up to
:data:`WRAP_COLUMNS` columns wrap their text instead.  A wider table, or one
of figures (which do not wrap), is *stackable*: each body cell gets its
column's header as a label, hidden until the table is narrower than its
column allows, when CSS turns every row into a labelled card.  Python decides
which tables stack and writes the labels; the stylesheet only acts on them.
A label is a copy of its header, so it is capped
(:data:`~sphinx_versus.policy.budget.MAX_LABEL_CHARS`, with a warning):
the page then grows with its cells, not with headers × rows.

Header cells need no help: the directives mark the first column as stub, so
Sphinx writes ``<th>`` for it and for the header row, and a browser assigns
each data cell its row and column headers from those (WCAG technique H51).
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from sphinx_versus.doctree import (
    TABLE_CLASS,
    TABLE_STACKABLE_CLASS,
    TABLE_WRAPPER_CLASS,
)
from sphinx_versus.policy.budget import MAX_LABEL_CHARS

logger = logging.getLogger(__name__)

#: Tables with up to this many columns wrap their text to fit any screen.
WRAP_COLUMNS = 4
#: The header text shown in a body cell when its row is a card.
CELL_LABEL_CLASS = "versus-cell-label"


class TableScrollBoxTransform(SphinxPostTransform):
    """Wrap each versus table in a scroll box (furo's own one, if present).

    Runs after furo's wrapper (priority 500) so furo's box is reused.
    """

    formats = ("html",)
    default_priority = 510

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            if TABLE_CLASS not in table["classes"]:
                continue
            parent = table.parent
            if (
                isinstance(parent, nodes.container)
                and "table-wrapper" in parent["classes"]
            ):
                if TABLE_WRAPPER_CLASS not in parent["classes"]:
                    parent["classes"].append(TABLE_WRAPPER_CLASS)
                # furo copies the table's ids onto its box: one element per id
                parent["ids"] = [i for i in parent["ids"] if i not in table["ids"]]
            elif parent is not None:
                # not replace_self(): that copies the table's ids and classes
                wrapper = nodes.container(classes=[TABLE_WRAPPER_CLASS])
                parent.replace(table, wrapper)
                wrapper += table


class FitTableTransform(SphinxPostTransform):
    """Let cell text wrap at slashes; label the cells of stackable tables."""

    formats = ("html",)
    default_priority = 511

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            if TABLE_CLASS not in table["classes"]:
                continue
            tgroup = table.next_node(nodes.tgroup)
            if tgroup is None:
                continue
            break_after_slashes(tgroup)
            if int(tgroup.get("cols", 0)) > WRAP_COLUMNS:
                table["classes"].append(TABLE_STACKABLE_CLASS)
            if TABLE_STACKABLE_CLASS in table["classes"]:
                long = label_cells(tgroup)
                if long:
                    logger.warning(
                        "a header of this table is %d characters long; a card "
                        "label (the header shown in each cell on a narrow "
                        "screen) shows its first %d; shorten the header",
                        long, MAX_LABEL_CHARS,
                        location=table, type="versus", subtype="table",
                    )  # fmt: skip


_SLASH = re.compile(r"(?<=\w{4}/)(?=\w{4})")


def break_after_slashes(tgroup: nodes.Element) -> None:
    """ "cloud/backend" may wrap after its slash (``<wbr>``), as a reader would.

    Browsers do not break there by themselves, and one such word can be the
    widest thing in a narrow column.  Code is left alone (it breaks anywhere
    in a table, by CSS).
    """
    for text in list(tgroup.findall(nodes.Text)):
        parent = text.parent
        # Math is TeX for MathJax or LaTeX: an <wbr /> in it breaks the formula.
        if parent is None or isinstance(
            parent, nodes.literal | nodes.FixedTextElement | nodes.math | nodes.raw
        ):
            continue
        parts = _SLASH.split(str(text))
        if len(parts) < 2:
            continue
        replacement: list[nodes.Node] = []
        for index, part in enumerate(parts):
            if index:
                replacement.append(nodes.raw("", "<wbr />", format="html"))
            replacement.append(nodes.Text(part))
        position = parent.index(text)
        parent[position : position + 1] = replacement


def label_cells(tgroup: nodes.Element) -> int:
    """Put each column's header text first in its body cells (not the stub).

    Returns the length of the longest header cut to the cap, or 0.
    """
    thead = tgroup.next_node(nodes.thead)
    tbody = tgroup.next_node(nodes.tbody)
    if thead is None or tbody is None:
        return 0
    head_row = thead.next_node(nodes.row)
    if head_row is None:
        return 0
    full = [" ".join(entry.astext().split()) for entry in head_row.children]
    heads = [_capped(head) for head in full]
    longest = max((len(h) for h in full if len(h) > MAX_LABEL_CHARS), default=0)
    stubs = sum(
        1 for c in tgroup.children if isinstance(c, nodes.colspec) and c.get("stub")
    )
    for row in tbody.children:
        for column, entry in enumerate(row.children):
            if column < stubs or column >= len(heads) or not heads[column]:
                continue
            assert isinstance(entry, nodes.Element)
            label = nodes.inline(
                heads[column], heads[column], classes=[CELL_LABEL_CLASS]
            )
            first = entry.next_node(nodes.paragraph)
            if first is not None:
                first.insert(0, label)
            else:
                entry.insert(0, nodes.paragraph("", "", label))
    return longest


def _capped(text: str) -> str:
    if len(text) <= MAX_LABEL_CHARS:
        return text
    return text[: MAX_LABEL_CHARS - 1].rstrip() + "…"
