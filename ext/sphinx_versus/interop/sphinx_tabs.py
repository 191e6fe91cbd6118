"""sphinx-tabs outside interactive HTML: labelled blocks in sequence, as code-compare.

sphinx-tabs picks its doctree shape while *reading*,
from ``app.builder.name`` (sphinx-tabs #150).  Read the Docs builds HTML
first and LaTeX from the same pickled doctrees, so the PDF gets every tab
label, then every panel.  :class:`SphinxTabsSequentialTransform` rewrites both
shapes sphinx-tabs can leave -- the HTML one (tablist of buttons, then panels)
and its plain-container one -- into what code-compare produces: each code tab
a listing captioned with its label, each prose tab a bold label paragraph
followed by its content.  It matches on structure and attributes only, so
sphinx-tabs need not be installed for the extension to load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_versus.interop.labelled import id_maker, labelled

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence


def _is_tabs_root(node: nodes.Node) -> bool:
    return isinstance(node, nodes.container) and "sphinx-tabs" in node["classes"]


def _inline(node: nodes.Element) -> list[nodes.Node]:
    """A label's inline markup; sphinx-tabs leaves it in a paragraph or not."""
    if len(node) == 1 and isinstance(node[0], nodes.paragraph):
        return list(node[0].children)
    if len(node) == 1 and isinstance(node[0], nodes.container):
        return _inline(node[0])
    return list(node.children)


def _from_html_shape(
    new_id: Callable[[], str], root: nodes.Element
) -> list[nodes.Node] | None:
    """Tablist of tab buttons, then panels (read by an HTML builder)."""
    children = _elements(root.children)
    tablists = [c for c in children if c.get("role") == "tablist"]
    if not tablists:
        return None
    panels = {
        c["ids"][0]: c for c in children if c.get("role") == "tabpanel" and c["ids"]
    }
    result: list[nodes.Node] = []
    for tab in _elements(tablists[0].children):
        panel = panels.pop(tab.get("aria-controls", ""), None)
        content = list(panel.children) if panel is not None else []
        result += labelled(new_id, list(tab.children), content)
    # Anything unmatched is kept, never dropped.
    result += [p for c in panels.values() for p in c.children]
    result += [
        c
        for c in root.children
        if not isinstance(c, nodes.Element)
        or c.get("role") not in {"tablist", "tabpanel"}
    ]
    return result


def _elements(children: Sequence[nodes.Node]) -> list[nodes.Element]:
    return [c for c in children if isinstance(c, nodes.Element)]


def _from_plain_shape(
    new_id: Callable[[], str], root: nodes.Element
) -> list[nodes.Node]:
    """container(tab(name)), container(panel), [code] per tab (other builders)."""
    result: list[nodes.Node] = []
    for item in root.children:
        if (
            isinstance(item, nodes.container)
            and len(item) >= 2
            and isinstance(item[0], nodes.container)
            and isinstance(item[1], nodes.container)
        ):
            result += labelled(new_id, _inline(item[0]), [*item[1].children, *item[2:]])
        else:
            result.append(item)
    return result


class SphinxTabsSequentialTransform(SphinxPostTransform):
    """Turn sphinx-tabs output into labelled blocks for every non-web builder."""

    # Before LaTeX's LiteralBlockTransform (400) captions our new wrappers.
    default_priority = 150

    def run(self, **kwargs: Any) -> None:
        # Innermost first, so nested tab sets are flat before their parent moves.
        roots = [n for n in self.document.findall(nodes.container) if _is_tabs_root(n)]
        new_id = id_maker(self.document, self.env.docname)
        for root in reversed(roots):
            shaped = _from_html_shape(new_id, root)
            if shaped is None:
                shaped = _from_plain_shape(new_id, root)
            root.children = []
            root.extend(shaped)
