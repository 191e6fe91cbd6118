"""JSX components' props: which are mapped, their literal values, and
``<ComparisonTable headers rows />`` as a ``comparison-table``.

A prop's value is read as a JSON5 literal (the JavaScript an article puts
in ``{…}``), never run; anything else is kept as a comment and reported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx_versus.cli.mdx.jsx import JsxError, straight_quotes
from sphinx_versus.cli.mdx.myst import cell, fence, short

if TYPE_CHECKING:
    from sphinx_versus.cli.mdx.blocks import Event
    from sphinx_versus.cli.mdx.jsx import Tag
    from sphinx_versus.cli.mdx.myst import Output

_TABLE_PROPS = {"headers", "rows", "title", "caption"}


def unmapped_props(out: Output, event: Event, tag: Tag, mapped: set[str]) -> None:
    """Report and keep as comments the props the importer has no place for."""
    for attr in tag.attributes:
        if attr.name not in mapped:
            out.note(
                event.line,
                "prop",
                f"<{tag.name}> prop '{attr.name or '{…}'}' is not mapped; kept "
                "as a comment",
            )
            out.comment(event.line, f"{attr.name}={attr.value}")


def literal(out: Output, event: Event, tag: Tag, name: str) -> Any:
    """The value of prop *name*: a string, or a JSON5 literal in ``{…}``."""
    attr = tag.attribute(name)
    if attr is None:
        raise JsxError(f"<{tag.name}> has no {name}= prop", 0)
    if attr.kind == "string":
        return attr.value
    import json5

    source, changed = straight_quotes(attr.value)
    if changed:
        out.note(
            event.line,
            "quotes",
            f"<{tag.name}> {name}: typographic quotes around strings were read "
            "as straight quotes",
        )
    try:
        return json5.loads(source)
    except ValueError as err:
        raise JsxError(
            f"{name}={{{short(attr.value)}}} is not a literal the importer "
            f"can read ({err})",
            0,
        ) from None


def comparison_table(out: Output, event: Event, tag: Tag) -> None:
    """``<ComparisonTable>`` as a comparison-table, or a comment if unreadable."""
    try:
        headers = literal(out, event, tag, "headers")
        rows = literal(out, event, tag, "rows")
        if not _strings(headers) or not isinstance(rows, list):
            raise JsxError("headers and rows must be arrays of strings", 0)
        if not all(_strings(r) for r in rows):
            raise JsxError("every row must be an array of strings", 0)
    except JsxError as err:
        out.note(
            event.line, "component", f"<ComparisonTable>: {err}; kept as a comment"
        )
        out.comment(event.line, event.text)
        return
    unmapped_props(out, event, tag, _TABLE_PROPS)
    title_attr = tag.attribute("title") or tag.attribute("caption")
    title = f" {title_attr.value}" if title_attr and title_attr.kind == "string" else ""
    body = [f":headers: {' | '.join(cell(h) for h in headers)}", ""]
    body += [" | ".join(cell(c) for c in row) for row in rows]
    out.emit(fence(f"{{comparison-table}}{title}", "\n".join(body)))


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
