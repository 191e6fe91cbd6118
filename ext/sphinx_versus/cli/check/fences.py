"""Code fences that do not do what they look like.

Three mistakes the build never reports, because each one is valid Markdown:

- a fence never closed (a closing line one backtick short): the rest of the
  page is a code block;
- a fence opened inside a fence with as many backticks: the inner closing
  line closes the outer fence, and what follows falls apart;
- a backtick in a directive title: a backtick fence's info string may not
  hold backticks, so the line is a paragraph, not a directive.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

    from sphinx_versus.cli.check.context import Page

_OPENER = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})\s*(?P<info>\S.*)?$")
_DIRECTIVE_LINE = re.compile(
    r"^ {0,3}(?P<fence>`{3,})\{(?P<name>[^}\s]+)\}(?P<rest>.*)$"
)


def _fence_line(line: str) -> tuple[str, str] | None:
    match = _OPENER.match(line)
    if match is None:
        return None
    return match["fence"], (match["info"] or "").strip()


def check_fence(page: Page, token: Token, offset: int, end: int) -> None:
    """Closure and nesting of one fence token; *offset* is the 0-based line
    of the region's first line, *end* its last line (exclusive)."""
    assert token.map is not None
    first, last = token.map[0] + offset, token.map[1] + offset
    marker = token.markup
    closed = _closes(page.lines[last - 1], marker) if last - 1 > first else False
    content = range(first + 1, last - 1 if closed else last)
    if (
        not closed
        and last >= end == len(page.lines)
        and not (page.fence_trouble and not token.info.strip())
    ):
        short = max(
            (
                n
                for n in content
                if (f := _fence_line(page.lines[n]))
                and not f[1]
                and f[0][0] == marker[0]
                and len(f[0]) < len(marker)
            ),
            default=None,
        )
        hint = (
            f"; line {short + 1} has only {page.lines[short].strip()} — "
            f"close with {marker}"
            if short is not None
            else f"; close it with {marker}"
        )
        page.fence_trouble = True
        page.report(
            first + 1,
            page.column(first + 1, marker),
            "fence",
            f"this {marker} fence is never closed, so the rest of the page "
            f"({end - first - 1} lines) is one code block{hint}",
        )
    for n in content:
        inner = _fence_line(page.lines[n])
        if (
            inner
            and inner[1]
            and inner[0][0] == marker[0]
            and len(inner[0]) >= len(marker)
            and token.info.startswith("{")
        ):
            wider = marker[0] * (len(inner[0]) + 1)
            page.fence_trouble = True
            page.report(
                n + 1,
                page.column(n + 1, inner[0]),
                "fence",
                f"a {inner[0]} fence opens inside the {marker} fence of line "
                f"{first + 1}, so its closing line closes the outer fence "
                f"instead; open and close the outer fence with {wider} (more "
                "backticks than any fence inside it)",
            )
            break


def _closes(line: str, marker: str) -> bool:
    stripped = line.strip()
    return (
        len(stripped) >= len(marker)
        and set(stripped) == {marker[0]}
        and len(line) - len(line.lstrip()) < 4
    )


def check_paragraph(page: Page, token: Token, offset: int) -> None:
    """A paragraph that starts like a directive fence is one with a backtick
    in its title."""
    assert token.map is not None
    line = token.map[0] + offset
    match = _DIRECTIVE_LINE.match(page.lines[line])
    if match is None or "`" not in match["rest"]:
        return
    tildes = "~" * len(match["fence"])
    page.fence_trouble = True
    page.report(
        line + 1,
        match.start("rest") + match["rest"].index("`") + 1,
        "title",
        f"the {{{match['name']}}} title holds a backtick, which a {match['fence']} "
        "fence may not have, so this line is a paragraph and the directive is "
        f"not built; open and close the fence with {tildes} instead "
        f"({tildes}{{{match['name']}}} ... {tildes}), where the title may "
        "hold `code`",
    )
