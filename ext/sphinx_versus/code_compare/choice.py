"""Which group a tabbed block syncs in, and which tab it opens with.

Both directives with tabs (code-compare and compare-tabs) share these
options, so a writer learns them once:

- ``:sync-group:`` names the group whose tabs choose together (and are
  remembered across pages): the language by default (``lang``); "os" or
  "package-manager" keep other choices apart from the language.  The group
  is also the URL's query parameter: ``?lang=rust``, ``?os=linux``.
- ``:default:`` names the tab the block opens with (its label or key) until
  the reader chooses one; without it, the first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils.parsers.rst import directives
from sphinx.util import logging

from sphinx_versus.code_compare.languages import LANGUAGE_GROUP, sync_key

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

#: Names the script keeps for itself in storage and the URL.
RESERVED_GROUPS = frozenset({"view"})


def group_name(argument: str) -> str:
    """A ``:sync-group:`` value as a key: 'Package manager' -> 'package-manager'."""
    key = sync_key(directives.unchanged_required(argument))
    if not key:
        raise ValueError("a group name needs a letter or a digit")
    if key in RESERVED_GROUPS:
        raise ValueError(f"{key!r} is reserved; choose another name")
    return key


#: The options of every tabbed block, converters as in :mod:`docutils`.
CHOICE_OPTIONS = {
    "sync-group": group_name,
    "default": directives.unchanged_required,
}


def group_of(directive: SphinxDirective) -> str:
    """The block's sync group, the language's unless ``:sync-group:`` names one."""
    return str(directive.options.get("sync-group", LANGUAGE_GROUP))


def mark_default(
    directive: SphinxDirective, root: nodes.Element, tabs: list[nodes.Element]
) -> None:
    """Record on *root* the index of the ``:default:`` tab (by label or key).

    A name that matches no tab is a located warning and the first tab opens.
    """
    wanted = directive.options.get("default")
    if wanted is None:
        return
    for index, tab in enumerate(tabs):
        if wanted.casefold() in (
            str(tab["versus_label"]).casefold(),
            str(tab["versus_sync"]).casefold(),
        ):
            root["versus_default"] = index
            return
    labels = ", ".join(repr(str(t["versus_label"])) for t in tabs)
    logger.warning(
        "%s: :default: %r names no tab (the tabs are %s); the first tab opens",
        directive.name,
        wanted,
        labels,
        location=directive.get_location(),
        type="versus",
        subtype="code_compare",
    )
