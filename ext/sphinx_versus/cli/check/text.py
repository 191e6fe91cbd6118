"""Prose a reader will see differently from what the writer typed.

- ``--name`` becomes ``–name``: MyST's replacements and Sphinx's smart quotes
  turn two hyphens into an en dash, in prose, titles and captions alike;
  only code keeps them.
- A word longer than a phone's column cannot wrap: at 320 px the column is
  about 288 px, some 36 characters of body text, and a longer word pushes
  the page sideways.
- ``{doc}`` roles and relative ``.md`` links to pages that do not exist.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

    from sphinx_versus.cli.check.context import Page

#: Characters of body text that fit a 320 px screen's column (288 px at ~8 px).
WRAP_LIMIT = 36
_FLAG = re.compile(r"(?<![-\w])--(?=[A-Za-z])[\w-]*")
#: Where a browser may break a word without a space.
_BREAKS = re.compile(r"[\s/\-–—]+")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_DOC_TARGET = re.compile(r"^(?:.*<(?P<angle>[^>]+)>|(?P<plain>[^<>]+))$", re.S)


def check_words(page: Page, text: str, line: int, *, title: bool = False) -> None:
    """Dashes and unbreakable words in text a reader sees (never code)."""
    for match in _FLAG.finditer(text):
        flag = match.group()
        where = (
            "in a directive title, open the fence with ~~~ so the title may "
            "hold backticks"
            if title
            else "in a CSV cell or an option the same backticks work"
        )
        page.report(
            line,
            page.column(line, flag),
            "dash",
            f"'{flag}' will be shown as '–{flag[2:]}' (two hyphens become an en "
            f"dash); write it as code, `{flag}` ({where})",
        )
    for word in _BREAKS.split(text):
        if len(word) > WRAP_LIMIT:
            page.report(
                line,
                page.column(line, word),
                "wrap",
                f"'{word[:20]}…' is {len(word)} characters without a break, "
                f"wider than a 320 px screen's column (about {WRAP_LIMIT}); "
                "break it with a space or a hyphen, or shorten it",
            )


def check_inline(page: Page, token: Token, offset: int) -> None:
    """Every visible text, role and link of one inline token."""
    assert token.map is not None
    first = token.map[0] + offset + 1
    last = token.map[1] + offset
    line = first
    link_depth = 0
    for child in token.children or ():
        if child.type in {"softbreak", "hardbreak"}:
            line = min(line + 1, last)
        elif child.type == "text":
            line = _line_of(page, child.content, line, last)
            if link_depth == 0 or not _SCHEME.match(child.content):
                check_words(page, child.content, line)
        elif child.type == "myst_role" and child.meta.get("name") == "doc":
            _check_doc(page, child.content, _line_of(page, child.content, line, last))
        elif child.type == "link_open":
            link_depth += 1
            href = str(child.attrs.get("href", ""))
            _check_link(page, href, _line_of(page, href, line, last))
        elif child.type == "link_close":
            link_depth -= 1


def _line_of(page: Page, text: str, start: int, last: int) -> int:
    """The first line from *start* on that holds the start of *text*."""
    probe = text.strip()[:20]
    for n in range(start, last + 1):
        if probe and probe in page.lines[n - 1]:
            return n
    return start


def _check_doc(page: Page, content: str, line: int) -> None:
    match = _DOC_TARGET.match(content.strip())
    target = (match["angle"] or match["plain"]).strip() if match else content
    if not page.doc_exists(target):
        page.report(
            line,
            page.column(line, target),
            "link",
            f"{{doc}} names '{target}', but there is no page "
            f"{_shown(page, target)}.md or .rst; check the name (relative to "
            "this page, or from the source folder with a leading /)",
        )


def _check_link(page: Page, href: str, line: int) -> None:
    path = href.split("#", 1)[0]
    if not path or _SCHEME.match(path) or not path.endswith((".md", ".rst")):
        return
    if not page.resolve(path).is_file():
        page.report(
            line,
            page.column(line, href),
            "link",
            f"the link to '{path}' names no file ({_shown(page, path)} does not "
            "exist); check the path, relative to this page",
        )


def _shown(page: Page, written: str) -> str:
    target = page.resolve(written)
    try:
        return target.resolve().relative_to(page.srcdir).as_posix()
    except ValueError:
        return written
