"""A ratio phrase as docutils nodes that never break inside a figure.

The pure modules glue what belongs together with no-break spaces
(``4.7× faster``, ``95 % CI 4.5–4.9×``).  Each glued piece becomes a
:class:`nowrap` node: an ``inline`` to every writer (Sphinx's translators
fall back along the node's class hierarchy), a ``<span>`` that CSS keeps on
one line in HTML (a browser may break after an en dash otherwise), and an
``\\mbox`` in LaTeX, added by the visitor, never from data.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docutils import nodes

from sphinx_versus.benchmarks.numbers import EN_DASH, TIMES
from sphinx_versus.benchmarks.stats import NBSP

if TYPE_CHECKING:
    from sphinx.writers.latex import LaTeXTranslator

#: On every phrase sphinx-versus writes from a ratio (table cell or role):
#: text inside it came from the data, not from the writer.
RATIO_CLASS = "versus-ratio"
NOWRAP_CLASS = "versus-nowrap"


class nowrap(nodes.inline):
    """Text that stays on one line in every builder."""


def latex_visit_nowrap(self: LaTeXTranslator, node: nowrap) -> None:
    self.body.append(r"\mbox{")


def latex_depart_nowrap(self: LaTeXTranslator, node: nowrap) -> None:
    self.body.append("}")


_GLUED = re.compile(rf"[^ ]*[{NBSP}{TIMES}{EN_DASH}][^ ]*")


def phrase_nodes(text: str) -> list[nodes.Node]:
    """Text with each glued piece (no-break spaces, ``×``, ``–``) a
    :class:`nowrap`; the ordinary spaces between pieces may still break."""
    found: list[nodes.Node] = []
    position = 0
    for match in _GLUED.finditer(text):
        if match.start() > position:
            found.append(nodes.Text(text[position : match.start()]))
        piece = match.group()
        found.append(nowrap(piece, piece, classes=[NOWRAP_CLASS]))
        position = match.end()
    if position < len(text):
        found.append(nodes.Text(text[position:]))
    return found
