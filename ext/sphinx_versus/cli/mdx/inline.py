"""What MDX renders or computes inside Markdown text: inline JSX, ``{…}``.

MyST would show both as written (or pass the JSX through as HTML a browser
does not know), so the importer names each in its report.  Code spans are
not looked into: markdown-it's own parse tells text from code.
"""

from __future__ import annotations

import re

from sphinx_versus.cli.mdx.jsx import JsxError, read_expression


def inline_html(text: str) -> list[str]:
    """Inline JSX elements (capitalised tags) in Markdown text, outside code."""
    from markdown_it import MarkdownIt

    found: list[str] = []
    for token in MarkdownIt("commonmark").parse(text):
        for child in token.children or ():
            if child.type == "html_inline" and re.match(r"</?[A-Z]", child.content):
                found.append(child.content)
    return found


def inline_expressions(text: str) -> list[str]:
    """``{…}`` in Markdown text, outside code (MDX evaluates them)."""
    from markdown_it import MarkdownIt

    found: list[str] = []
    for token in MarkdownIt("commonmark").parse(text):
        for child in token.children or ():
            start = child.content.find("{") if child.type == "text" else -1
            while start >= 0:
                try:
                    source, end = read_expression(child.content, start)
                except JsxError:
                    break
                found.append("{" + source + "}")
                start = child.content.find("{", end)
    return found
