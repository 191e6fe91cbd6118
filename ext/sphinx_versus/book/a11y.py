"""HTML: accessibility repairs to the navigation Sphinx writes around the pages.

Sphinx writes toctree captions as ``<p class="caption" role="heading">``
without ``aria-level`` (sphinx-doc/sphinx#14030), which axe reports as a
critical violation on every page of a site with captioned toctrees.  The
navigation HTML reaches themes through the page context, so the level is
added there, once per page, for furo's pre-rendered tree and for the
``toctree()`` helper every other theme calls.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

_HEADING_WITHOUT_LEVEL = re.compile(r'role="heading"(?![^>]*\baria-level=)')


def add_heading_levels(html: str) -> str:
    """Give each ``role="heading"`` caption the level of a sidebar heading."""
    return _HEADING_WITHOUT_LEVEL.sub('role="heading" aria-level="2"', html)


def _wrap(toctree: Callable[..., str]) -> Callable[..., str]:
    def toctree_with_levels(*args: Any, **kwargs: Any) -> str:
        return add_heading_levels(toctree(*args, **kwargs))

    return toctree_with_levels


def add_heading_levels_to_context(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: Any,
) -> None:
    tree = context.get("furo_navigation_tree")
    if isinstance(tree, str):
        context["furo_navigation_tree"] = add_heading_levels(tree)
    if callable(context.get("toctree")):
        context["toctree"] = _wrap(context["toctree"])
