"""Shrink the commented ``static/`` sources into the bytes a page downloads.

The sources stay readable (and type-checked by ``tsc``); a page gets them
without comments and needless whitespace.  Both functions only drop
comments and whitespace, never rename or reorder, and read strings,
template literals and regular expressions whole so nothing inside them
changes.  Same input, same output: builds stay byte-identical.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w$]+")
_CSS_SPACE = re.compile(r"\s*([{};,>])\s*|\s+")
#: After one of these a ``/`` starts a regular expression, not a division.
_BEFORE_REGEX = "(,=:[!&|?{};+-*%<>~^"
#: A line break between these and the next token never ends a statement.
_JOINS_AFTER = "{;,([=:?&|!"
_JOINS_BEFORE = "}).],:?"


def _is_word(char: str) -> bool:
    return char.isalnum() or char in "_$"


def _quoted(src: str, start: int) -> int:
    """The end of the string literal that opens at *start*."""
    quote, i = src[start], start + 1
    while src[i] != quote:
        if src[i] == "\n":
            raise ValueError(f"unterminated string at offset {start}")
        i += 2 if src[i] == "\\" else 1
    return i + 1


def _template(src: str, start: int) -> int:
    """The end of the template literal that opens at *start*.

    Only ``${...}`` placeholders without backticks of their own are read.
    """
    i, depth = start + 1, 0
    while True:
        char = src[i]
        if char == "\\":
            i += 2
            continue
        if char == "`":
            if depth:
                raise ValueError(f"nested template literal at offset {i}")
            return i + 1
        if src.startswith("${", i):
            depth, i = depth + 1, i + 2
            continue
        if depth and char == "}":
            depth -= 1
        i += 1


def _regex(src: str, start: int) -> int:
    """The end of the regular expression literal (with flags) at *start*."""
    i, in_class = start + 1, False
    while src[i] != "/" or in_class:
        if src[i] == "\n":
            raise ValueError(f"unterminated regular expression at offset {start}")
        if src[i] == "\\":
            i += 1
        elif src[i] == "[":
            in_class = True
        elif src[i] == "]":
            in_class = False
        i += 1
    i += 1
    while i < len(src) and _is_word(src[i]):
        i += 1
    return i


def _tokens(src: str) -> list[tuple[str, str]]:
    """``(gap, token)`` pairs: gap is ``"\\n"``, ``" "`` or ``""``."""
    out: list[tuple[str, str]] = []
    gap, i, n = "", 0, len(src)
    while i < n:
        char = src[i]
        if char == "\n":
            gap, i = "\n", i + 1
        elif char.isspace():
            gap, i = gap or " ", i + 1
        elif src.startswith("//", i):
            end = src.find("\n", i)
            i = n if end < 0 else end
        elif src.startswith("/*", i):
            end = src.find("*/", i + 2)
            if end < 0:
                raise ValueError(f"unterminated comment at offset {i}")
            gap, i = gap or " ", end + 2
        else:
            if char in "'\"":
                end = _quoted(src, i)
            elif char == "`":
                end = _template(src, i)
            elif char == "/" and (not out or out[-1][1][-1] in _BEFORE_REGEX):
                end = _regex(src, i)
            elif match := _WORD.match(src, i):
                end = match.end()
            else:
                end = i + 1
            out.append((gap if out else "", src[i:end]))
            gap, i = "", end
    return out


def minify_js(src: str) -> str:
    """*src* without comments and the whitespace nothing needs.

    A space stays between two words (and between ``+``/``-`` signs); a line
    break stays wherever it could end a statement.
    """
    parts: list[str] = []
    last = ""
    for gap, token in _tokens(src):
        first = token[0]
        if gap == "\n" and not (last in _JOINS_AFTER or first in _JOINS_BEFORE):
            parts.append("\n")
        elif gap and (
            (_is_word(last) and _is_word(first)) or (last in "+-" and first in "+-")
        ):
            parts.append(" ")
        parts.append(token)
        last = token[-1]
    return "".join(parts) + "\n"


def minify_css(src: str) -> str:
    """*src* without comments and the whitespace nothing needs.

    Spaces around ``{ } ; , >`` go and other runs become one space; a space
    before ``:`` stays, as it is a descendant combinator.  The stylesheet
    holds no strings, so a quote is refused rather than parsed.
    """
    if "'" in src or '"' in src:
        raise ValueError("minify_css does not read quoted strings")
    src = re.sub(r"/\*.*?\*/", " ", src, flags=re.DOTALL)
    src = _CSS_SPACE.sub(lambda m: m.group(1) or " ", src)
    return src.strip() + "\n"
