"""compare-tabs: tabs that hold any content, synced like code-compare's.

code-compare takes only code blocks.  Install steps, prose, tables and
figures go in ``compare-tab`` directives inside a ``compare-tabs``: each tab
is a label (its argument) over whatever the writer puts in it, as
sphinx-design's tab-set and Starlight's ``<Tabs>`` do.  The block has
code-compare's shape (a root with labelled children), so the same HTML
transform makes the WAI-ARIA widget, the same script syncs it, and every
other builder shows each tab under its label, one after the other.

A tab's sync key is its ``:sync:`` option, or else its label: in the
language's group the language the label names ("Go", "golang" -> ``go``, so
a tab here and a code-compare choose together), in a named group the label
itself ("Linux" -> ``linux``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TypeGuard

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from sphinx_versus.code_compare.choice import group_of, mark_default
from sphinx_versus.code_compare.directive import (
    CodeCompareDirective,
    unique_sync_keys,
)
from sphinx_versus.code_compare.languages import LANGUAGE_GROUP, key_for, sync_key
from sphinx_versus.doctree import CODE_COMPARE_BLOCK_CLASS, CODE_COMPARE_CLASS
from sphinx_versus.markup import parse_inline
from sphinx_versus.options import check_options, lenient_spec
from sphinx_versus.policy.budget import budgeted

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.util.typing import OptionSpec

logger = logging.getLogger(__name__)

#: The label over a tab's content: a rubric, which every writer renders.
TAB_LABEL_CLASS = "versus-tab-label"
#: On a compare-tabs root, beside code-compare's class.
COMPARE_TABS_CLASS = "versus-compare-tabs"


def _is_tab(node: Node) -> TypeGuard[nodes.container]:
    return (
        isinstance(node, nodes.container)
        and CODE_COMPARE_BLOCK_CLASS in node["classes"]
        and "versus_key" in node
    )


class CompareTabDirective(SphinxDirective):
    """One tab of a compare-tabs: a label and any content."""

    has_content = True
    required_arguments = 1
    final_argument_whitespace = True
    option_spec: ClassVar[OptionSpec] = lenient_spec(
        {"sync": directives.unchanged_required, "class": directives.class_option}
    )

    def run(self) -> list[Node]:
        check_options(self, "code_compare")
        inline, problems = parse_inline(
            self, self.arguments[0], self.lineno, subtype="code_compare"
        )
        label = nodes.rubric(self.arguments[0], "", *inline, classes=[TAB_LABEL_CLASS])
        self.set_source_info(label)
        tab = nodes.container(
            classes=[CODE_COMPARE_BLOCK_CLASS, *self.options.get("class", [])],
            versus_label=label.astext(),
            versus_key=str(self.options.get("sync", "")),
        )
        self.set_source_info(tab)
        tab += label
        self.state.nested_parse(self.content, self.content_offset, tab)
        return [*problems, tab]


class CompareTabsDirective(CodeCompareDirective):
    """Two or more compare-tab directives shown as tabs, labelled sections elsewhere.

    Its options are code-compare's (inherited)."""

    @budgeted("code_compare")
    def run(self) -> list[Node]:
        check_options(self, "code_compare")
        body = nodes.container()
        self.set_source_info(body)
        self.state.nested_parse(self.content, self.content_offset, body)
        messages: list[Node] = [
            c
            for c in body.children
            if isinstance(c, nodes.comment | nodes.system_message)
        ]
        tabs: list[nodes.Element] = [c for c in body.children if _is_tab(c)]
        problems: list[tuple[str, Node | None]] = [
            (
                "compare-tabs takes only compare-tab directives, but found "
                f"{type(child).__name__.replace('_', ' ')}; put it inside a "
                "compare-tab or move it out of the compare-tabs",
                child,
            )
            for child in body.children
            if child not in messages and child not in tabs
        ]
        if len(tabs) < 2:
            problems.append(
                (
                    f"compare-tabs needs at least two compare-tab directives, "
                    f"found {len(tabs)}; add another tab, or drop the compare-tabs",
                    None,
                )
            )
        seen: set[str] = set()
        for tab in tabs:
            label = str(tab["versus_label"])
            if label.casefold() in seen:
                problems.append(
                    (
                        f"compare-tabs has two tabs labelled {label!r}; "
                        "give one of them a different label",
                        tab,
                    )
                )
            seen.add(label.casefold())
        if problems:
            for message, node in problems:
                logger.warning(
                    message,
                    location=node or self.get_location(),
                    type="versus",
                    subtype="code_compare",
                )
            return [*messages, *self._title(messages), *body.children]
        return [*messages, self._tabs_root(tabs, messages)]

    def _tabs_root(
        self, tabs: list[nodes.Element], messages: list[Node]
    ) -> nodes.container:
        group = group_of(self)
        for tab in tabs:
            label = str(tab["versus_label"])
            written = str(tab["versus_key"])
            if written:
                tab["versus_sync"] = sync_key(written)
            elif group == LANGUAGE_GROUP:
                tab["versus_sync"] = key_for(label, self.config)
            else:
                tab["versus_sync"] = sync_key(label)
        unique_sync_keys(tabs)
        # Prose reads best one tab at a time unless the writer asks otherwise.
        layout = self.options.get("layout", "tabs")
        root = nodes.container(
            classes=[
                CODE_COMPARE_CLASS,
                COMPARE_TABS_CLASS,
                f"versus-layout-{layout}",
                *self.options.get("class", []),
            ],
            versus_layout=layout,
        )
        if group != LANGUAGE_GROUP:
            root["versus_group"] = group
        mark_default(self, root, tabs)
        self.set_source_info(root)
        self.add_name(root)
        root += self._title(messages)
        root += tabs
        return root
