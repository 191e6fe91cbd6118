"""HTML: every versus table sits in a box that scrolls sideways on its own.

A wide table then never makes the whole page scroll.  Header cells need no
help: the directives mark the first column as stub, so Sphinx writes ``<th>``
for it and for the header row, and a browser assigns each data cell its row
and column headers from those (WCAG technique H51).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_versus.nodes import TABLE_CLASS, TABLE_WRAPPER_CLASS


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
