"""sphinx-design's tab-sets in an EPUB: labelled blocks in sequence, as code-compare.

sphinx-design draws a tab-set as radio ``<input>`` elements with CSS; its
visitor leaves each ``<input>`` unclosed, which is HTML but not XHTML, so an
EPUB chapter holding a tab-set does not parse (epubcheck RSC-016) and strict
readers show it blank.  Before sphinx-design's own HTML transform runs,
:class:`DesignTabsSequentialTransform` rewrites every tab-set into what
code-compare produces in an EPUB: each tab's label, then its content.  It
matches on the ``design_component`` attribute sphinx-design sets, so
sphinx-design need not be importable for the extension to load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_versus.interop.labelled import id_maker, labelled

if TYPE_CHECKING:
    from collections.abc import Callable

COMPONENT = "design_component"


def _is(node: nodes.Node, name: str) -> bool:
    return isinstance(node, nodes.Element) and node.get(COMPONENT) == name


def _sequence(new_id: Callable[[], str], item: nodes.Element) -> list[nodes.Node]:
    """One tab-item (a label rubric, then the content) as labelled blocks."""
    labels = [c for c in item.children if isinstance(c, nodes.rubric)]
    contents = [
        c
        for c in item.children
        if isinstance(c, nodes.Element) and _is(c, "tab-content")
    ]
    if len(labels) != 1 or len(contents) != 1:
        return list(item.children)  # not the shape sphinx-design makes: keep as is
    label, content = labels[0], contents[0]
    shaped = labelled(new_id, list(label.children), list(content.children))
    # Anchors to a named tab (:name:) or to the item keep resolving.
    first = shaped[0]
    if isinstance(first, nodes.Element):
        first["ids"] = [*label["ids"], *item["ids"], *content["ids"], *first["ids"]]
    return shaped


class DesignTabsSequentialTransform(SphinxPostTransform):
    """Turn sphinx-design tab-sets into labelled blocks (EPUB builders)."""

    # Before sphinx-design's TabSetHtmlTransform (200) writes the radio inputs.
    default_priority = 150

    def run(self, **kwargs: Any) -> None:
        # Innermost first, so nested tab-sets are flat before their parent moves.
        sets = [n for n in self.document.findall(nodes.container) if _is(n, "tab-set")]
        new_id = id_maker(self.document, self.env.docname)
        for tab_set in reversed(sets):
            shaped: list[nodes.Node] = []
            for child in tab_set.children:
                if _is(child, "tab-item"):
                    assert isinstance(child, nodes.Element)
                    shaped += _sequence(new_id, child)
                else:
                    shaped.append(child)
            # A plain container now: sphinx-design's transform and CSS skip it.
            del tab_set[COMPONENT]
            tab_set["classes"] = [
                c for c in tab_set["classes"] if not c.startswith("sd-tab-set")
            ]
            tab_set.children = []
            tab_set.extend(shaped)
