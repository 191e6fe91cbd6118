"""A reader for JSX tags and ``{…}`` expressions, nothing more.

MDX pages are Markdown with JSX elements between the blocks.  Markdown is
left to markdown-it; this reads one tag (its name and attributes, where
attribute values are strings or balanced ``{…}`` expressions) and one
expression's source, so the expression itself can go to a JSON5 parser.
Strings, template literals and comments are skipped while balancing braces,
so a ``}`` inside a string never ends an expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

_NAME = re.compile(r"[A-Za-z_$][\w$.:-]*")
#: Typographic quotes a word processor or a flattened copy puts around
#: strings: read as the straight quotes they stand for.
OPENING = {"“": "”", "‘": "’", '"': '"', "'": "'", "`": "`"}


class JsxError(ValueError):
    """The text at *offset* is not the tag or expression it starts like."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True)
class Attribute:
    name: str
    kind: Literal["string", "expression", "flag"]
    value: str
    offset: int


@dataclass
class Tag:
    """``<Name a="x" b={…}>``, ``</Name>`` or ``<Name … />`` at *start*:*end*."""

    name: str
    start: int
    end: int
    closing: bool = False
    self_closing: bool = False
    attributes: list[Attribute] = field(default_factory=list)

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)

    def source(self, text: str) -> str:
        return text[self.start : self.end]


def starts_tag(text: str, pos: int) -> bool:
    """Does a JSX tag (or fragment) start at *pos*?"""
    return text.startswith("<", pos) and bool(
        re.match(r"</?[A-Za-z>]", text[pos : pos + 3])
    )


def read_tag(text: str, pos: int) -> Tag:
    """The tag starting at ``text[pos] == '<'``."""
    i = pos + 1
    closing = text.startswith("/", i)
    if closing:
        i += 1
    name_match = _NAME.match(text, i)
    name = name_match.group() if name_match else ""
    if name_match:
        i = name_match.end()
    tag = Tag(name, pos, pos, closing=closing)
    while True:
        i = _skip_space(text, i)
        if i >= len(text):
            raise JsxError(f"the tag <{name}> is never closed with > or />", pos)
        if text.startswith("/>", i):
            tag.self_closing = True
            tag.end = i + 2
            return tag
        if text[i] == ">":
            tag.end = i + 1
            return tag
        if text[i] == "{":  # {...spread}
            source, i = read_expression(text, i)
            tag.attributes.append(Attribute("", "expression", source, i))
            continue
        attr = _NAME.match(text, i)
        if attr is None:
            raise JsxError(
                f"unexpected {text[i]!r} in the tag <{name}>: expected an "
                "attribute name, > or />",
                i,
            )
        start, i = i, attr.end()
        i = _skip_space(text, i)
        if not text.startswith("=", i):
            tag.attributes.append(Attribute(attr.group(), "flag", "", start))
            continue
        i = _skip_space(text, i + 1)
        if i < len(text) and text[i] in OPENING and text[i] != "`":
            end = text.find(OPENING[text[i]], i + 1)
            if end < 0:
                raise JsxError(f"the value of {attr.group()} is never closed", i)
            value = text[i + 1 : end]
            tag.attributes.append(Attribute(attr.group(), "string", value, start))
            i = end + 1
        elif i < len(text) and text[i] == "{":
            source, i = read_expression(text, i)
            tag.attributes.append(Attribute(attr.group(), "expression", source, start))
        else:
            raise JsxError(
                f"{attr.group()}= needs a quoted string or a {{…}} expression", i
            )


def read_expression(text: str, pos: int) -> tuple[str, int]:
    """The source inside the braces starting at ``text[pos] == '{'`` and the
    offset after the closing brace."""
    depth = 0
    i = pos
    while i < len(text):
        char = text[i]
        if char in OPENING:
            i = _skip_string(text, i)
            continue
        if text.startswith("//", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise JsxError("a /* comment is never closed", i)
            i = end + 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return text[pos + 1 : i], i + 1
        i += 1
    raise JsxError("the { expression is never closed with }", pos)


def _skip_string(text: str, i: int) -> int:
    closer = OPENING[text[i]]
    j = i + 1
    while j < len(text):
        if text[j] == "\\":
            j += 2
            continue
        if text[j] == closer:
            return j + 1
        if closer == "`" and text.startswith("${", j):
            _, j = read_expression(text, j + 1)
            continue
        if text[j] == "\n" and closer not in "`”’":
            break
        j += 1
    raise JsxError("a string is never closed", i)


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def straight_quotes(source: str) -> tuple[str, bool]:
    """*source* with typographic quotes that delimit strings made straight.

    Quotes inside a string (an apostrophe in ``“Go’s”``) are kept.  Returns
    the new source and whether anything changed.
    """
    out: list[str] = []
    i = 0
    changed = False
    while i < len(source):
        char = source[i]
        if char in OPENING and char != "`":
            end = _skip_string(source, i)
            body = source[i + 1 : end - 1]
            if char in "“‘":
                changed = True
                body = body.replace("\\", "\\\\").replace('"', '\\"')
                out.append(f'"{body}"')
            else:
                out.append(source[i:end])
            i = end
            continue
        out.append(char)
        i += 1
    return "".join(out), changed
