"""Text a directive is given becomes inline markup of the page's language only.

Every directive passes its text — a title, a caption, a table cell, a CSV
cell — through :func:`parse_inline`, so one rule holds for every input:

- the page's own inline parser (MyST or reST) turns it into nodes, so
  ``**bold**``, links and roles work as they do in the page's prose;
- the nodes are then kept only where :mod:`sphinx_versus.policy.inline`
  allows (no raw markup, safe link schemes, files inside the docs, safe
  math); anything else becomes its text, with a warning;
- a MyST ``{{ name }}`` substitution is looked up, but any other
  ``{{ ... }}`` (a Jinja expression, which MyST would evaluate as code) is
  shown as typed;
- a text longer than ``limits.MAX_MARKUP_CHARS`` is shown as plain text,
  with a warning (docutils parses some long texts in quadratic time);
- a reST substitution or a named link that the page does not define is
  shown as its text by :class:`DirectiveTextTransform`, with a warning at
  the directive's line (docutils' own message, from a later transform, had
  no budget).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst.states import RSTState
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from sphinx_versus.limits import markup_problem, nodes_problem
from sphinx_versus.policy.budget import forget_spent, remaining
from sphinx_versus.policy.inline import neutralise, replace_node

if TYPE_CHECKING:
    from docutils.nodes import Node
    from sphinx.application import Sphinx
    from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

#: A MyST substitution that is a plain name: a lookup, never evaluated code.
_SUBSTITUTION_NAME = re.compile(r"\{\{\s*[A-Za-z_][\w-]*\s*\}\}")


def is_myst(directive: SphinxDirective) -> bool:
    """MyST's directive state is not docutils' ``RSTState``."""
    return not isinstance(directive.state, RSTState)


def escape_templates(text: str) -> str:
    r"""MyST text with every ``{{`` that is not a plain-name substitution escaped.

    ``\{`` is MyST's escape for a literal brace, so the expression is shown
    as typed.  Code spans are escaped too: where a backslash is literal
    (code, raw HTML, an autolink) MyST does not look for substitutions, but
    telling those places apart here would be a second Markdown parser, and
    a stray backslash in code is better than code run by a CSV cell.
    """
    if "{{" not in text:
        return text
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "\\":
            out.append(text[i : i + 2])
            i += 2
        elif text.startswith("{{", i):
            name = _SUBSTITUTION_NAME.match(text, i)
            if name:
                out.append(name.group())
                i = name.end()
            else:
                out.append("\\{")
                i += 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def parse_inline(
    directive: SphinxDirective,
    text: str,
    line: int,
    *,
    subtype: str,
    location: str | Node | None = None,
    origin: str = "",
    from_data: bool | None = None,
) -> tuple[list[Node], list[Node]]:
    """*text* as inline nodes of the page's language, and the parser's messages.

    *line* is the parser's line for the text (as ``content_offset`` counts);
    problems the policy finds are warned at *location* (default: the
    directive) with type ``versus`` and the given *subtype*, the message
    starting with *origin* (such as ``bench.csv:3 (notes): ``).  Text with
    an *origin* comes from a data file (*from_data* says so explicitly).
    """
    too_long = markup_problem(len(text))
    if too_long:
        _warn(directive, too_long, subtype, location, origin)
        return [nodes.Text(text)], []
    made: list[int] = directive.__dict__.setdefault(_NODES_MADE, [0])
    if nodes_problem(made[0]):
        return [nodes.Text(text)], []
    myst = is_myst(directive)
    if myst:
        text = escape_templates(text)
    # MyST's inline parser counts lines from 0, docutils' from 1.
    parsed, problems = directive.state.inline_text(text, line - (1 if myst else 0))
    holder = nodes.inline()
    messages: list[Node] = list(problems)
    for node in parsed:
        # MyST hands its messages back among the inline nodes.
        if isinstance(node, nodes.system_message):
            messages.append(node)
        else:
            holder += node
    enforce(
        holder, directive, subtype=subtype, location=location, origin=origin,
        from_data=bool(origin) if from_data is None else from_data,
    )  # fmt: skip
    _locate(holder, directive, line)
    made[0] += sum(1 for _ in holder.findall(nodes.Element))
    too_many = nodes_problem(made[0])
    if too_many:
        _warn(directive, too_many, subtype, location, origin)
    return list(holder.children), messages


#: The directive's count of elements its text made (a list: mutable).
_NODES_MADE = "_versus_markup_nodes"


def _locate(root: nodes.Element, directive: SphinxDirective, line: int) -> None:
    """Give every node the page's source and line, so that a message a later
    transform writes about it is located there, and mark the references
    :class:`DirectiveTextTransform` checks once the page is read."""
    try:
        source, real = directive.state_machine.get_source_and_line(line)
    except (IndexError, AttributeError):
        source, real = directive.get_source_info()
    key = directive.get_location()
    for node in root.findall(nodes.Element):
        if node.line is None:
            node.source, node.line = source, real
        if isinstance(node, nodes.substitution_reference) or (
            isinstance(node, nodes.reference) and node.get("refname")
        ):
            node[_FROM_TEXT] = key


#: Marks a reference from a directive's text until the page is read.
_FROM_TEXT = "versus_text"


class DirectiveTextTransform(SphinxTransform):
    """Substitutions and named links in a directive's text the page lacks.

    Runs before docutils resolves them (priority 220), when every
    definition of the page is known; at most ``MAX_WARNINGS`` warnings per
    directive, then one summary line.
    """

    default_priority = 210

    def apply(self, **kwargs: Any) -> None:
        said: Counter[str] = Counter()
        defs = self.document.substitution_defs
        names = self.document.substitution_names
        for sub in list(self.document.findall(nodes.substitution_reference)):
            key = sub.get(_FROM_TEXT)
            if not key:
                continue
            del sub[_FROM_TEXT]
            name = str(sub.get("refname", ""))
            if name in defs or name.lower() in names:
                continue
            self._text(sub, f"|{sub.astext()}|", key, said, "substitution", "define "
                       "it with '.. |name| replace:: text' on the page, or write "
                       "\\| for a literal bar")  # fmt: skip
        for ref in list(self.document.findall(nodes.reference)):
            key = ref.get(_FROM_TEXT)
            if not key:
                continue
            del ref[_FROM_TEXT]
            if ref.get("refname") in self.document.nameids:
                continue
            self._text(ref, ref.astext(), key, said, "link target", "give the "
                       "address inside the link, as `text <https://...>`_")  # fmt: skip
        for key, count in said.items():
            left = remaining(self.document, key)
            if count > left:
                logger.warning(
                    "%d more references in this directive's text name nothing "
                    "the page defines (not shown)", count - left,
                    location=key, type="versus", subtype="markup",
                )  # fmt: skip
        forget_spent(self.document)

    def _text(
        self,
        ref: nodes.Element,
        text: str,
        key: str,
        said: Counter[str],
        what: str,
        fix: str,
    ) -> None:
        said[key] += 1
        if said[key] <= remaining(self.document, key):
            logger.warning(
                "%r in a directive's text names a %s the page does not "
                "define, so it is shown as text; %s", text, what, fix,
                location=f"{ref.source}:{ref.line}", type="versus",
                subtype="markup",
            )  # fmt: skip
        replace_node(ref, nodes.inline(text, text))


def enforce(
    root: nodes.Element,
    directive: SphinxDirective,
    *,
    subtype: str,
    location: str | Node | None = None,
    origin: str = "",
    from_data: bool = False,
) -> None:
    """Apply the policy to nodes another parser made (a code block's caption)."""
    for reason in neutralise(root, directive, from_data=from_data):
        _warn(directive, reason, subtype, location, origin)


def _warn(
    directive: SphinxDirective,
    reason: str,
    subtype: str,
    location: str | Node | None,
    origin: str,
) -> None:
    logger.warning(
        "%s: %s%s", directive.name, origin, reason,
        location=location if location is not None else directive.get_location(),
        type="versus", subtype=subtype,
    )  # fmt: skip


def setup(app: Sphinx) -> None:
    app.add_transform(DirectiveTextTransform)
