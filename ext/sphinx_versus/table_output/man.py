"""man: the text under a versus table starts below the table's box.

docutils' man writer puts no ``.sp`` before a paragraph that is the first
child of its parent, and a container writes nothing; so the legend, first in
the notes container after a benchmark table, followed ``.TE`` at once and
groff set its first line on the box's bottom border.  Unwrapping the notes
container in man output makes the legend a paragraph after the table, which
the writer spaces like any other.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_versus.doctree import TABLE_CLASS


def _next_visible(node: nodes.Element) -> nodes.Node | None:
    parent = node.parent
    index = parent.index(node) + 1
    while index < len(parent) and isinstance(parent[index], nodes.Invisible):
        index += 1
    return parent[index] if index < len(parent) else None


class ManTableNotesTransform(SphinxPostTransform):
    """Unwrap the container under each versus table (man pages only)."""

    formats = ("man",)
    default_priority = 400

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            if TABLE_CLASS not in table["classes"] or table.parent is None:
                continue
            after = _next_visible(table)
            # Only a plain wrapper: one with ids is a link target, kept whole.
            while isinstance(after, nodes.container) and not after["ids"]:
                after.replace_self(list(after.children))
                after = _next_visible(table)
