"""HTML: code-compare as the WAI-ARIA tabs widget, for interactive HTML only.

An HTML-only post-transform turns the generic code-compare doctree (labelled
code blocks) into the WAI-ARIA tabs pattern: a ``tablist`` of ``tab`` buttons
and one ``tabpanel`` per block.  Doing it after reading keeps the pickled
doctree builder-independent, so a LaTeX build that reuses an HTML build's
doctrees still gets labelled listings.  The first panel is shown and the
others carry ``hidden``; the stylesheet keeps every panel in one grid cell,
so the block is as tall as its tallest panel from the first paint and never
moves when versus.js starts or a tab changes.  The ``:default:`` tab (else the
first) is selected in the HTML itself, so it shows before any script runs.
Without scripting, every panel shows under its label (``@media (scripting:
none)``).

Each panel carries the width its code needs (``data-versus-columns``: the
longest line, tabs counted as 4).  Python measures; the script only compares
that with the width the browser gives each pane, and shows the blocks side by
side only where every pane fits its code -- otherwise the block stays tabs.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TypeGuard

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from sphinx_versus.code_compare.languages import LANGUAGE_GROUP
from sphinx_versus.code_compare.programs import (
    OUTPUT_CLASS,
    OUTPUT_LINE,
    fill_listings,
    versus_programs,
    visit_programs,
)
from sphinx_versus.doctree import (
    CODE_COMPARE_BLOCK_CLASS,
    CODE_COMPARE_CLASS,
    CODE_COMPARE_TITLE_CLASS,
    TAB_WIDTH,
)
from sphinx_versus.locale import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

logger = logging.getLogger(__name__)

#: The columns of code the widest code-compare can show in one row: about
#: 1,400 px (a wide breakout on a 1,600 px screen) of 13 px code.
WIDEST_COLUMNS = 180
#: The gap and padding between two panes side by side, in columns.
PANE_GAP_COLUMNS = 4


def code_columns(text: str) -> int:
    """The columns the longest line needs, tabs expanded to :data:`TAB_WIDTH`."""
    return max(
        (len(line.expandtabs(TAB_WIDTH)) for line in text.splitlines()), default=0
    )


def json_for_script(data: object) -> str:
    """JSON that cannot end its ``<script>`` early, whatever a writer typed."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    return text


class versus_tablist(nodes.Element, nodes.General):
    """``<div role="tablist">``: the row of tab buttons."""


class versus_tab(nodes.TextElement, nodes.General):
    """``<button role="tab">``: one block's label."""


class versus_tabpanel(nodes.Element, nodes.General):
    """``<div role="tabpanel">``: one block's code."""


class versus_panel_label(nodes.TextElement, nodes.General):
    """The label shown over a panel when the tabs are not in use."""


class versus_view_toggle(nodes.TextElement, nodes.General):
    """``<button aria-pressed>``: the reader's tabs / side-by-side switch.

    In the markup from the start, shown by the stylesheet only once the
    script runs and the block is wide enough (``.versus-js``).
    """


def _is_root(node: nodes.Node) -> TypeGuard[nodes.container]:
    return isinstance(node, nodes.container) and CODE_COMPARE_CLASS in node["classes"]


def _is_block(node: nodes.Node) -> TypeGuard[nodes.container]:
    return (
        isinstance(node, nodes.container)
        and CODE_COMPARE_BLOCK_CLASS in node["classes"]
    )


def _button_text(caption: nodes.Element) -> list[nodes.Node]:
    """The label's inline markup, minus links: a button may not contain one."""
    label = caption.deepcopy()
    for ref in list(label.findall(nodes.reference)):
        ref.replace_self(nodes.inline("", "", *ref.children))
    return list(label.children)


class CodeCompareHtmlTransform(SphinxPostTransform):
    """Rewrite each code-compare container into tablist, tabs and tabpanels."""

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        # Ids from the docname and a counter, so identical input gives
        # identical bytes and pages merged by singlehtml do not collide.
        prefix = "versus-" + nodes.make_id(self.env.docname)
        roots = [n for n in self.document.findall(nodes.container) if _is_root(n)]
        for number, root in enumerate(roots):
            if root.get("versus_single"):  # one block (shared output): no tabs
                _label_single(root)
            else:
                self._tabify(root, f"{prefix}-{number}")
        fill_listings(self.document, self.env)

    def _tabify(self, root: nodes.Element, base: str) -> None:
        titles = [
            c
            for c in root.children
            if isinstance(c, nodes.Element) and CODE_COMPARE_TITLE_CLASS in c["classes"]
        ]
        label = titles[0].astext() if titles else _("Code comparison")
        tablist = versus_tablist(classes=["versus-tablist"], label=label)
        panels = nodes.container(classes=["versus-panels"])
        others: list[nodes.Node] = []
        after: list[nodes.Node] = []
        shown = int(root.get("versus_default", 0))
        group = str(root.get("versus_group", LANGUAGE_GROUP))
        index = 0
        for child in root.children:
            if isinstance(child, versus_programs):
                after.append(child)
                continue
            if not _is_block(child):
                others.append(child)
                continue
            caption = child.children[0]
            # The directives put the label first: a caption or a rubric.
            assert isinstance(caption, nodes.caption | nodes.rubric)
            tab_id, panel_id = f"{base}-tab-{index}", f"{base}-panel-{index}"
            tablist += versus_tab(
                "",
                "",
                *_button_text(caption),
                ids=[tab_id],
                classes=["versus-tab"],
                controls=panel_id,
                selected=index == shown,
                sync=child["versus_sync"],
                group=group,
            )
            # Keep ids a writer named (:name:); auto-numbering ones anchor nothing.
            named_ids = child["ids"] if child["names"] else []
            panel = versus_tabpanel(
                ids=[panel_id, *named_ids],
                classes=["versus-tabpanel"],
                labelledby=tab_id,
                sync=child["versus_sync"],
                shown=index == shown,
                columns=max(
                    (
                        code_columns(x.astext())
                        for x in child.findall(nodes.literal_block)
                    ),
                    default=0,
                ),
            )
            panel += versus_panel_label("", "", *caption.children)
            panel += [c for c in child.children if c is not caption]
            panel.source, panel.line = child.source, child.line
            panels += panel
            index += 1
        _never_side_by_side(
            root, [int(p["columns"]) for p in panels.findall(versus_tabpanel)]
        )
        toggle = versus_view_toggle("", _("Side by side"))
        bar = nodes.container("", tablist, toggle, classes=["versus-code-compare-bar"])
        root.children = []
        root += [*others, bar, panels, *after]


def _never_side_by_side(root: nodes.Element, columns: list[int]) -> None:
    """A located note where :layout: side-by-side can never be honoured."""
    if root.get("versus_layout") != "side-by-side" or not columns:
        return
    each = (WIDEST_COLUMNS - PANE_GAP_COLUMNS * (len(columns) - 1)) // len(columns)
    if max(columns) <= each:
        return
    logger.warning(
        "side by side never fits this block: its longest line has %d "
        "characters, and %d panes side by side give each at most %d even on "
        "the widest screen, so readers always see tabs; shorten the lines "
        "or use :layout: tabs",
        max(columns),
        len(columns),
        each,
        location=root,
        type="versus",
        subtype="code_compare",
    )


def _label_single(root: nodes.Element) -> None:
    """One block: its caption becomes a panel label, as a tab's would be."""
    root["classes"].append("versus-single")
    for block in [c for c in root.children if _is_block(c)]:
        caption = block.next_node(nodes.caption)
        if caption is None:
            continue
        label = versus_panel_label("", "", *caption.children)
        block.remove(caption)
        block.insert(0, label)


def visit_tablist(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(
        self.starttag(node, "div", role="tablist", **{"aria-label": node["label"]})
    )


def visit_tab(self: HTML5Translator, node: nodes.Element) -> None:
    selected = bool(node["selected"])
    attributes = {
        "type": "button",
        "role": "tab",
        "aria-selected": "true" if selected else "false",
        "aria-controls": node["controls"],
        "tabindex": "0" if selected else "-1",
        "data-versus-sync": node["sync"],
    }
    if node["group"] != LANGUAGE_GROUP:
        attributes["data-versus-group"] = node["group"]
    self.body.append(self.starttag(node, "button", suffix="", **attributes))


def depart_tab(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</button>\n")


def visit_tabpanel(self: HTML5Translator, node: nodes.Element) -> None:
    attributes = {
        "role": "tabpanel",
        "aria-labelledby": node["labelledby"],
        "tabindex": "0",
        "data-versus-sync": node["sync"],
        "data-versus-columns": str(node.get("columns", 0)),
        # Every panel keeps its box (a hidden one is only invisible, so
        # nothing moves when a tab is chosen). Inline, because a theme's
        # [hidden]{display:none!important} inside a cascade layer (shibuya)
        # beats any unlayered stylesheet rule; an element's own style wins.
        "style": "display:block!important",
    }
    if not node["shown"]:
        attributes["hidden"] = "hidden"  # the :default: tab, else the first
    self.body.append(self.starttag(node, "div", **attributes))


def visit_view_toggle(self: HTML5Translator, node: nodes.Element) -> None:
    attributes: dict[str, Any] = {
        "type": "button",
        "aria-pressed": "false",
        "CLASS": "versus-view-toggle",
    }
    self.body.append(self.starttag(node, "button", suffix="", **attributes))


def visit_panel_label(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div", suffix="", CLASS="versus-panel-label"))


def depart_div(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def skip(self: Any, node: nodes.Element) -> None:
    """Outside interactive HTML the labels are captions already."""
    raise nodes.SkipNode


def pass_through(self: Any, node: nodes.Element) -> None:
    """A panel's content still renders if a panel ever reaches another writer."""


def add_tab_nodes(app: Sphinx) -> None:
    """Register the tab nodes with a visitor for every writer."""
    gone = (skip, None)
    for node, html in (
        (versus_tablist, (visit_tablist, depart_div)),
        (versus_tab, (visit_tab, depart_tab)),
        (versus_view_toggle, (visit_view_toggle, depart_tab)),
        (versus_panel_label, (visit_panel_label, depart_div)),
        (versus_programs, (visit_programs, None)),
    ):
        app.add_node(node, html=html, latex=gone, text=gone, man=gone, texinfo=gone)
    kept = (pass_through, pass_through)
    app.add_node(
        versus_tabpanel,
        html=(visit_tabpanel, depart_div),
        latex=kept,
        text=kept,
        man=kept,
        texinfo=kept,
    )


class OutputBlockTransform(SphinxPostTransform):
    """A code-compare block that shows program output wraps its lines.

    The directive marks output it shows apart already; this catches blocks
    inside a code-compare that show a program's ``Output:`` comment, so no
    line of output is hidden behind a scroll.  Code blocks the extension did
    not make are left alone.
    """

    default_priority = 200
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        roots = [n for n in self.document.findall(nodes.container) if _is_root(n)]
        for literal in (lit for r in roots for lit in r.findall(nodes.literal_block)):
            first = literal.astext().lstrip("\n").split("\n", 1)[0]
            if OUTPUT_LINE.match(first) and OUTPUT_CLASS not in literal["classes"]:
                literal["classes"].append(OUTPUT_CLASS)
