"""An MDX body as a sequence of events: Markdown blocks, JSX tags, ESM, ``{…}``.

markdown-it reads the Markdown with raw HTML and indented code off (as MDX
does), so a fence is a fence wherever it is and every JSX line lands in a
paragraph; the paragraph's text is then read with :mod:`.jsx`, tag by tag.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from sphinx_versus.cli.mdx.jsx import (
    JsxError,
    Tag,
    read_expression,
    read_tag,
    starts_tag,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

Kind = Literal[
    "markdown",
    "heading",
    "fence",
    "table",
    "tag",
    "esm",
    "expression",
    "error",
    "container",
]
_ESM = re.compile(r"^(?:import|export)\b")
_ADMONITION = re.compile(r"^:::(?P<kind>[a-z]+)(?P<title>.*)$")


@dataclass
class Event:
    """One piece of the page; *line* counts from 1 in the MDX file."""

    kind: Kind
    line: int
    text: str = ""
    tag: Tag | None = None
    token: Token | None = None
    level: int = 0
    #: A table's header and body rows, as cell texts.
    rows: list[list[str]] = field(default_factory=list)


@functools.cache
def markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table").disable("code")


def events(body: str, first_line: int) -> list[Event]:
    """The events of *body*, whose first line is line *first_line* of the file."""
    lines = body.splitlines()
    tokens = markdown().parse(body)
    found: list[Event] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.map is None or token.level != 0 or token.nesting == -1:
            i += 1
            continue
        start, end = token.map
        line = start + first_line
        raw = "\n".join(lines[start:end])
        close = _closing(tokens, i)
        if token.type == "fence":
            found.append(Event("fence", line, raw, token=token))
        elif token.type == "heading_open":
            found.append(
                Event("heading", line, tokens[i + 1].content, level=int(token.tag[1]))
            )
        elif token.type == "table_open":
            found.append(Event("table", line, raw, rows=_rows(tokens[i:close])))
        elif token.type == "paragraph_open":
            found += _paragraph(raw, line)
        else:
            found.append(Event("markdown", line, raw))
        i = close + 1
    return found


def _closing(tokens: list[Token], i: int) -> int:
    if tokens[i].nesting != 1:
        return i
    depth = 0
    for j in range(i, len(tokens)):
        depth += tokens[j].nesting
        if depth == 0:
            return j
    return len(tokens) - 1


def _rows(tokens: list[Token]) -> list[list[str]]:
    rows: list[list[str]] = []
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(token.content)
    return rows


def _paragraph(raw: str, line: int) -> list[Event]:
    """A paragraph: Markdown, or JSX tags, ESM and expressions with Markdown
    between them."""
    if _ESM.match(raw):
        return [Event("esm", line, raw)]
    found: list[Event] = []
    pos = 0
    text_start = 0
    opened: list[str] = []

    def flush(upto: int) -> None:
        chunk = raw[text_start:upto]
        if chunk.strip():
            skipped = len(chunk) - len(chunk.lstrip())
            at = line + raw.count("\n", 0, text_start + skipped)
            found.extend(_markdown_lines(chunk.strip("\n"), at))

    while pos < len(raw):
        at_line_start = pos == 0 or raw[pos - 1] == "\n"
        stripped = pos + len(raw[pos:]) - len(raw[pos:].lstrip(" \t"))
        if at_line_start and (
            starts_tag(raw, stripped) or raw.startswith("{", stripped)
        ):
            flush(pos)
            at = line + raw.count("\n", 0, stripped)
            try:
                if raw[stripped] == "{":
                    source, end = read_expression(raw, stripped)
                    found.append(Event("expression", at, "{" + source + "}"))
                else:
                    tag = read_tag(raw, stripped)
                    end = tag.end
                    found.append(Event("tag", at, tag.source(raw), tag=tag))
                    _track(opened, tag)
            except JsxError as err:
                found.append(Event("error", at, f"{err}: {raw[stripped:]}"))
                return found
            pos = end
            while pos < len(raw) and raw[pos] in " \t":
                pos += 1
            if pos < len(raw) and raw[pos] == "\n":
                pos += 1
            text_start = pos
            continue
        nl = raw.find("\n", pos)
        line_end = len(raw) if nl < 0 else nl
        closer = raw.find(f"</{opened[-1]}>", pos, line_end) if opened else -1
        if closer > pos:
            # <Card>text</Card> on one line: the closing tag ends the text.
            flush(closer)
            tag = read_tag(raw, closer)
            found.append(
                Event(
                    "tag", line + raw.count("\n", 0, closer), tag.source(raw), tag=tag
                )
            )
            _track(opened, tag)
            pos = text_start = tag.end
            continue
        pos = line_end + 1
    flush(len(raw))
    return found


def _track(opened: list[str], tag: Tag) -> None:
    if tag.closing and opened and opened[-1] == tag.name:
        opened.pop()
    elif not tag.closing and not tag.self_closing:
        opened.append(tag.name)


def _markdown_lines(chunk: str, line: int) -> list[Event]:
    """Markdown text; ``:::note`` container lines are their own events."""
    found: list[Event] = []
    buffer: list[str] = []
    start = line
    for n, text in enumerate(chunk.splitlines()):
        if _ADMONITION.match(text.strip()) or text.strip() == ":::":
            if buffer:
                found.append(Event("markdown", start, "\n".join(buffer)))
                buffer = []
            found.append(Event("container", line + n, text.strip()))
            start = line + n + 1
        else:
            if not buffer:
                start = line + n
            buffer.append(text)
    if buffer:
        found.append(Event("markdown", start, "\n".join(buffer)))
    return found
