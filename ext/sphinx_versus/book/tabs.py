"""Tabs in code are 4 columns wide on paper too.

HTML keeps a code block's tab characters (a reader who copies Go code gets
gofmt's tabs) and versus-tabs.css sets ``tab-size: 4``.  The other writers
would expand them to 8 columns (docutils' default), so before they write,
tabs become 4 spaces.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

#: As in HTML (``tab-size``), and as gofmt's readers expect.
TAB_WIDTH = 4


class ExpandTabsTransform(SphinxPostTransform):
    """Expand tabs in code blocks for every builder but HTML."""

    default_priority = 100

    def is_supported(self) -> bool:
        return self.app.builder.format != "html"

    def run(self, **kwargs: Any) -> None:
        for literal in self.document.findall(nodes.literal_block):
            text = literal.astext()
            # Only plain code (one text node): a parsed literal keeps its markup.
            if "\t" not in text or len(literal) != 1 or literal.rawsource != text:
                continue
            expanded = text.expandtabs(TAB_WIDTH)
            literal.rawsource = expanded
            literal[0] = nodes.Text(expanded)
