"""What more than one module reads off a doctree: class names and node shapes.

Features share these constants, never each other's modules: a benchmark table
carries :data:`TABLE_CLASS` so that ``table_output`` shapes it like a
comparison table, without either feature importing the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from docutils.nodes import Node

#: On every table sphinx-versus makes; ``table_output`` shapes what carries it.
TABLE_CLASS = "versus-table"
#: The HTML box a ``versus-table`` scrolls in (furo's own wrapper, if present).
TABLE_WRAPPER_CLASS = "versus-table-wrapper"
#: A table that becomes one labelled card per row on a narrow screen (tables
#: with many columns, and tables of figures, which do not wrap).
TABLE_STACKABLE_CLASS = "versus-stackable"

#: code-compare: the whole block, its title, and each language's block.
#: Columns per tab character in code, everywhere: HTML (CSS ``tab-size``),
#: the PDF and text, and when code-compare counts a line's width.
TAB_WIDTH = 4

CODE_COMPARE_CLASS = "versus-code-compare"
CODE_COMPARE_TITLE_CLASS = "versus-code-compare-title"
CODE_COMPARE_BLOCK_CLASS = "versus-code-compare-block"

#: On what a directive shows when its input cannot become a table or chart.
UNBUILT_CLASS = "versus-unbuilt"


def unbuilt(block_text: str, source: str, line: int) -> nodes.literal_block:
    """The directive as written, shown where its table or chart would be.

    The severity rule every directive follows: a problem is a located
    warning, and the page never silently loses what the writer wrote.
    """
    text = block_text.rstrip() + "\n"
    block = nodes.literal_block(text, text, classes=[UNBUILT_CLASS])
    block["language"] = "text"
    block.source, block.line = source, line
    return block


def is_code_block(node: Node) -> bool:
    """A bare literal block, or the caption wrapper code-block/literalinclude make."""
    if isinstance(node, nodes.literal_block):
        return True
    return (
        isinstance(node, nodes.container)
        and bool(node.get("literal_block"))
        and any(isinstance(c, nodes.literal_block) for c in node.children)
    )
