"""Tabs in code are 4 columns wide on paper too.

HTML keeps a code block's tab characters (a reader who copies Go code gets
gofmt's tabs) and versus-tabs.css sets ``tab-size: 4``.  The other writers
would expand them to 8 columns (docutils' default), so before they write,
tabs become 4 spaces.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_versus.doctree import TAB_WIDTH

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def expand_tabs_outside_html(app: Sphinx) -> None:
    """At ``builder-inited``: only a builder that is not HTML expands tabs."""
    if app.builder.format != "html":
        app.add_post_transform(ExpandTabsTransform)


class ExpandTabsTransform(SphinxPostTransform):
    """Expand tabs in code blocks (added for every builder but HTML)."""

    default_priority = 100

    def run(self, **kwargs: Any) -> None:
        for literal in self.document.findall(nodes.literal_block):
            text = literal.astext()
            # Only plain code (one text node): a parsed literal keeps its markup.
            if "\t" not in text or len(literal) != 1 or literal.rawsource != text:
                continue
            expanded = text.expandtabs(TAB_WIDTH)
            literal.rawsource = expanded
            literal[0] = nodes.Text(expanded)
